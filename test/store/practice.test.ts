import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/bank/cache.js';
import { answerRecorder } from '../../src/commands/practice-answers.js';
import { parseCard, State } from '../../src/quiz/schedule.js';
import type { Drawn } from '../../src/quiz/select.js';
import { openStore } from '../../src/store/open.js';
import { dueTimes, questionHistory } from '../../src/store/practice.js';
import { reviewRow } from '../../src/store/answers.js';
import { topicTotals } from '../../src/store/stats.js';
import { localDay } from '../../src/quiz/stats.js';
import { createSession } from '../../src/store/sessions.js';
import { tempDir } from '../helpers/tmp.js';

/** The question's stored card JSON, or undefined before its first review. */
const cardJson = (store: Parameters<typeof reviewRow>[0], id: string) => reviewRow(store, id)?.card;

/** The recorder called as (drawn, selected, time, at), saying whether the answer was right. */
const byArgs = (record: ReturnType<typeof answerRecorder>) => (d: Parameters<typeof record>[0], selected: number[], timeMs: number, answeredAt: number) =>
  record(d, { selected, timeMs, answeredAt }).correct;

const T0 = Date.UTC(2025, 3, 1, 8);
const MIN = 60_000;

function question(id: string, topic: string): QuizQuestion {
  return {
    id,
    bank: 'vpc',
    topic,
    domain: 'secure',
    type: 'single',
    question: '?',
    choices: [
      { text: 'right', correct: true },
      { text: 'wrong', correct: false },
      { text: 'also wrong', correct: false },
    ],
    source: 'n#s',
  };
}

const drawn = (q: QuizQuestion, wasDue = false): Drawn => ({ question: q, reason: 'new', order: [2, 0, 1], wasDue });

function setup() {
  const store = openStore(join(tempDir(), 'quiz.db'));
  const a = question('a', 'vpc/endpoints');
  const b = question('b', 'vpc/peering');
  const session = createSession(store, { kind: 'practice', startedAt: T0, questions: [a, b].map((q) => ({ questionId: q.id, choiceOrder: [2, 0, 1] })) });
  return { store, a, b, session, record: byArgs(answerRecorder(store, session)) };
}

describe('recording practice answers', () => {
  it('writes the answer and a new FSRS card, and reads them back through the roll-ups', () => {
    const { store, a, b, session, record } = setup();
    try {
      expect(record(drawn(a), [1], 4000, T0)).toBe(false);
      expect(record(drawn(b), [0], 3000, T0 + MIN)).toBe(true);
      expect(record(drawn(a, true), [0], 2000, T0 + 20 * MIN)).toBe(true);

      const rows = store.db.prepare('SELECT session_id, question_id, selected, correct, time_ms, was_due FROM answers ORDER BY id').all();
      expect(rows).toEqual([
        { session_id: session, question_id: 'a', selected: '[1]', correct: 0, time_ms: 4000, was_due: 0 },
        { session_id: session, question_id: 'b', selected: '[0]', correct: 1, time_ms: 3000, was_due: 0 },
        { session_id: session, question_id: 'a', selected: '[0]', correct: 1, time_ms: 2000, was_due: 1 },
      ]);

      const history = questionHistory(store);
      expect(history.get('a')).toEqual({ attempts: 2, correct: 1, lastCorrect: true, lastSeen: T0 + 20 * MIN });
      expect(history.get('b')?.lastCorrect).toBe(true);
      const topic = topicTotals(store, { fromDay: null, banks: null }, localDay(T0), 30).find((r) => r.topic === 'vpc/endpoints');
      expect(topic).toMatchObject({ attempts: 2, correct: 1 });

      const card = parseCard(cardJson(store, 'a')!);
      expect(card.reps).toBe(2);
      expect(card.last_review?.getTime()).toBe(T0 + 20 * MIN);
      expect(dueTimes(store).get('a')).toBe(card.due.getTime());
      expect(card.due.getTime()).toBeGreaterThan(T0 + 20 * MIN);
      expect(cardJson(store, 'never')).toBeUndefined();
    } finally {
      store.close();
    }
  });

  it('schedules a missed question sooner than one answered right', () => {
    const { store, a, b, record } = setup();
    try {
      record(drawn(a), [2], 3000, T0);
      record(drawn(b), [0], 3000, T0);
      const due = dueTimes(store);
      expect(due.get('a')! - T0).toBeLessThanOrEqual(10 * MIN);
      expect(due.get('b')!).toBeGreaterThan(due.get('a')!);
      expect(parseCard(cardJson(store, 'a')!).state).toBe(State.Learning);
    } finally {
      store.close();
    }
  });

  it('rates a right but slow answer Hard against the learner usual time', () => {
    const { store, a, b, record } = setup();
    try {
      // Five quick right answers make a usual time of 2 s.
      for (let i = 0; i < 5; i++) record(drawn(question(`warm-${i}`, 'warm')), [0], 2000, T0 + i);
      const fast = byArgs(answerRecorder(store, 1));
      fast(drawn(a), [0], 2500, T0 + MIN);
      fast(drawn(b), [0], 60_000, T0 + MIN);
      const good = parseCard(cardJson(store, 'a')!);
      const hard = parseCard(cardJson(store, 'b')!);
      expect(hard.due.getTime()).toBeLessThan(good.due.getTime());
    } finally {
      store.close();
    }
  });
});
