import type { Domain } from '../../src/bank/schema.js';
import type { Question } from '../../src/bank/types.js';

const at = { file: 'x.yaml', line: 1, col: 1 };

/** A question object as the loader returns it, for tests of pure exam logic. */
export function makeQuestion(id: string, over: Partial<Question> & { domain?: Domain } = {}): Question {
  return {
    id,
    bank: 'sample',
    topic: 'vpc/endpoints',
    domain: 'secure',
    type: 'single',
    question: `${id}?`,
    choices: [
      { text: 'right', correct: true, why: 'because' },
      { text: 'wrong one', correct: false, why: 'no' },
      { text: 'wrong two', correct: false, why: 'no' },
    ],
    explanation: 'explained',
    source: 'note.txt#vpc-endpoints',
    at: { question: at, id: at, source: at, text: at, topic: at },
    ...over,
  };
}

export function multipleQuestion(id: string, over: Partial<Question> = {}): Question {
  return makeQuestion(id, {
    type: 'multiple',
    choices: [
      { text: 'right A', correct: true, why: 'yes' },
      { text: 'wrong B', correct: false, why: 'no' },
      { text: 'right C', correct: true, why: 'yes' },
      { text: 'wrong D', correct: false, why: 'no' },
    ],
    ...over,
  });
}

/** `n` questions per domain, ids like `secure-3`. */
export function pool(perDomain: Partial<Record<Domain, number>>): Question[] {
  return (Object.entries(perDomain) as [Domain, number][]).flatMap(([domain, n]) =>
    Array.from({ length: n }, (_, i) => makeQuestion(`${domain}-${i}`, { domain, topic: `${domain}/t${i % 3}`, bank: i % 2 ? 'odd' : 'even' })),
  );
}
