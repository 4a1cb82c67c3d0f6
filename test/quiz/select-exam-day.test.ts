import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/bank/cache.js';
import { seededRandom } from '../../src/quiz/random.js';
import { selectQuestions, type LearnerState } from '../../src/quiz/select.js';

// With an exam date set, practice aims at exam day: reviews are ordered by how likely each
// question is to be forgotten by then, and one that FSRS would schedule after the exam is
// brought before it.

const NOW = Date.UTC(2027, 0, 1, 9);
const DAY = 86_400_000;
const EXAM = NOW + 10 * DAY;

const q = (id: string): QuizQuestion => ({
  id, bank: 'b', topic: 'b/t', domain: 'secure', type: 'single', question: `${id}?`,
  choices: [0, 1, 2, 3].map((i) => ({ text: `${id}-${i}`, correct: i === 0 })), source: 'n.txt#s',
});
const QS = ['overdue-strong', 'overdue-weak', 'after-exam-fading', 'after-exam-safe', 'before-exam', 'unseen'].map(q);

const state = (exam?: LearnerState['exam']): LearnerState => ({
  history: new Map(QS.filter((x) => x.id !== 'unseen').map((x) => [x.id, { attempts: 1, correct: 1, lastCorrect: true, lastSeen: NOW - DAY }])),
  due: new Map([
    ['overdue-strong', NOW - 3 * DAY],
    ['overdue-weak', NOW - DAY],
    ['after-exam-fading', EXAM + 5 * DAY],
    ['after-exam-safe', EXAM + 20 * DAY],
    ['before-exam', NOW + 3 * DAY],
  ]),
  topics: new Map(),
  ...(exam && { exam }),
});

const recall = new Map([
  ['overdue-strong', 0.85],
  ['overdue-weak', 0.4],
  ['after-exam-fading', 0.8],
  ['after-exam-safe', 0.95],
  ['before-exam', 0.7],
]);

const ids = (s: LearnerState) => selectQuestions(QS, s, { count: 10, focus: 'due', now: NOW, random: seededRandom('x') }).map((d) => d.question.id);

describe('practice aimed at an exam date', () => {
  it('without a date, takes what is due now, most overdue first', () => {
    expect(ids(state())).toEqual(['overdue-strong', 'overdue-weak']);
  });

  it('with a date, puts the question most likely forgotten by the exam first and brings a fading one forward', () => {
    expect(ids(state({ at: EXAM, recall }))).toEqual(['overdue-weak', 'after-exam-fading', 'overdue-strong']);
  });

  it('in a mixed session the exam-day reviews still come before new questions', () => {
    const drawn = selectQuestions(QS, state({ at: EXAM, recall }), { count: 4, focus: 'mixed', now: NOW, random: seededRandom('x') });
    expect(drawn.slice(0, 3).map((d) => [d.question.id, d.reason])).toEqual([
      ['overdue-weak', 'due'],
      ['after-exam-fading', 'due'],
      ['overdue-strong', 'due'],
    ]);
    // A review brought forward is not one FSRS had due: it does not count toward retention.
    expect(drawn.find((d) => d.question.id === 'after-exam-fading')!.wasDue).toBe(false);
  });
});
