import type { QuizQuestion } from '../bank/cache.js';

/** A question as a session stored it: which one, and the order its choices were shown in. */
export interface AskedBefore {
  questionId: string;
  choiceOrder: readonly number[];
}

/**
 * Finds questions asked before in the banks as they are now. A question whose choices were
 * added or removed since counts as gone: its stored choice order would shift the letters.
 */
export function findAskedBefore(questions: readonly QuizQuestion[]): (asked: AskedBefore) => QuizQuestion | undefined {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return ({ questionId, choiceOrder }) => {
    const question = byId.get(questionId);
    return question && question.choices.length === choiceOrder.length ? question : undefined;
  };
}
