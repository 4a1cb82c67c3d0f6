import type { QuizQuestion } from '../bank/cache.js';
import { assertStorable } from '../bank/fields.js';
import { isCorrect } from '../quiz/exam-score.js';
import { nextCard, ratingFor, serializeCard } from '../quiz/schedule.js';
import { cardReader } from './card-reader.js';
import { tunedParameters } from './tuned.js';
import { loadCards, usualAnswerTimeMs } from '../store/answers.js';
import type { ExamSubmission } from '../store/exams.js';
import type { Store } from '../store/open.js';

/** One exam question as the learner left it. */
export interface GivenAnswer {
  question: QuizQuestion;
  selected: readonly number[] | null;
  flagged: boolean;
  timeMs: number;
  /** When the answer was last changed. */
  answeredAt: number;
  /** As scored at submission; worked out from the banks when left out. */
  correct?: boolean;
}

/**
 * An exam's answers as practice records its own: an answer row and a new review card for
 * each answered question, dated when it was answered, so a submitted or an abandoned exam
 * counts toward statistics and scheduling alike.
 */
export function examAnswerRecords(
  store: Store,
  sessionId: number,
  given: readonly GivenAnswer[],
  say = (line: string) => process.stderr.write(line + '\n'),
): ExamSubmission['answers'] {
  const cards = loadCards(store);
  const readCard = cardReader(say);
  const usual = usualAnswerTimeMs(store);
  const parameters = tunedParameters(store);
  return given.flatMap((g) => {
    if (!g.selected || g.selected.length === 0) return [];
    assertStorable(g.question);
    const correct = g.correct ?? isCorrect(g.question, g.selected);
    const stored = cards.get(g.question.id);
    const previous = stored ? readCard(stored.cardJson) : undefined;
    // A practice answer given while the exam was paused may be later than this one; a card never goes back in time.
    const when = new Date(Math.max(g.answeredAt, previous?.last_review?.getTime() ?? 0));
    const card = nextCard(previous, ratingFor(correct, g.timeMs, usual), when, parameters);
    return [
      {
        answer: {
          sessionId,
          questionId: g.question.id,
          bank: g.question.bank,
          topic: g.question.topic,
          domain: g.question.domain,
          selected: [...g.selected],
          correct,
          timeMs: g.timeMs,
          flagged: g.flagged,
          answeredAt: g.answeredAt,
          wasDue: stored !== undefined && stored.due <= g.answeredAt,
        },
        review: { questionId: g.question.id, card, cardJson: serializeCard(card) },
      },
    ];
  });
}
