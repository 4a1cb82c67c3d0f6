import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/bank/cache.js';
import { answerRecorder } from '../../src/commands/practice-answers.js';
import type { Drawn } from '../../src/quiz/select.js';
import { undoAnswer } from '../../src/store/answers.js';
import { answersInOrder } from '../../src/store/review-log.js';
import { openStore, type Store } from '../../src/store/open.js';
import { answeredToday, openMisconceptions, questionHistory } from '../../src/store/practice.js';
import { createSession } from '../../src/store/sessions.js';
import { makeQuestion } from '../helpers/exam-questions.js';
import { tempDir } from '../helpers/tmp.js';

// Undo, cram and the second try, as the database sees them: what each leaves in the answers,
// the review cards and every roll-up statistics read.

const DAY = 24 * 60 * 60_000;
const T0 = Date.UTC(2025, 3, 1, 8);

const question = (id: string, topic: string): QuizQuestion => makeQuestion(id, { bank: 'vpc', topic });

const drawn = (q: QuizQuestion, wasDue = false): Drawn => ({ question: q, reason: 'new', order: [0, 1, 2], wasDue });

function setup() {
  const store = openStore(join(tempDir(), 'quiz.db'));
  const session = createSession(store, { kind: 'practice', startedAt: T0, questions: [] });
  return { store, record: answerRecorder(store, session) };
}

/** Every table an answer touches, as rows, with decayed sums rounded where float addition and subtraction may differ in the last bit. */
function snapshot(store: Store) {
  const all = (sql: string) => store.db.prepare(sql).all();
  return {
    answers: all('SELECT * FROM answers ORDER BY id'),
    reviewState: all('SELECT * FROM review_state ORDER BY question_id'),
    dailyTopic: all('SELECT * FROM daily_topic ORDER BY day, bank, topic, domain'),
    dailyTotal: all('SELECT * FROM daily_total ORDER BY day'),
    questionSummary: all('SELECT * FROM question_summary ORDER BY question_id'),
    topicSummary: (all('SELECT * FROM topic_summary ORDER BY bank, topic, domain') as Record<string, unknown>[]).map((r) => ({
      ...r,
      decayed_attempts: Math.round((r.decayed_attempts as number) * 1e9) / 1e9,
      decayed_correct: Math.round((r.decayed_correct as number) * 1e9) / 1e9,
    })),
  };
}

describe('undo', () => {
  it('leaves the card and every roll-up exactly as before the answer, byte for byte', () => {
    const { store, record } = setup();
    try {
      const a = question('a', 'vpc/endpoints');
      const b = question('b', 'vpc/endpoints');
      record(drawn(a), { selected: [0], timeMs: 3000, answeredAt: T0 });
      record(drawn(b), { selected: [1], timeMs: 4000, answeredAt: T0 + 1000 });
      // Days later, a due review of a: it moves the card, the day's rows and the topic's decay.
      const before = snapshot(store);
      const cardBefore = store.db.prepare('SELECT card FROM review_state WHERE question_id = ?').pluck().get('a') as string;
      const slip = record(drawn(a, true), { selected: [1], timeMs: 2000, answeredAt: T0 + 5 * DAY, certainty: 'sure' });
      expect(snapshot(store)).not.toEqual(before);
      expect(undoAnswer(store, slip.undo)).toBe(true);
      expect(snapshot(store)).toEqual(before);
      expect(store.db.prepare('SELECT card FROM review_state WHERE question_id = ?').pluck().get('a')).toBe(cardBefore);
      // The answer is gone for good: undoing it again changes nothing.
      expect(undoAnswer(store, slip.undo)).toBe(false);
      expect(snapshot(store)).toEqual(before);
    } finally {
      store.close();
    }
  });

  it('takes back a question’s first answer entirely: no card, no summary row, no day', () => {
    const { store, record } = setup();
    try {
      const empty = snapshot(store);
      const first = record(drawn(question('a', 'vpc/endpoints')), { selected: [0], timeMs: 3000, answeredAt: T0 });
      expect(undoAnswer(store, first.undo)).toBe(true);
      expect(snapshot(store)).toEqual(empty);
    } finally {
      store.close();
    }
  });

  it('refuses, changing nothing, once another terminal has answered the same question since', () => {
    const { store, record } = setup();
    try {
      const a = question('a', 'vpc/endpoints');
      const mine = record(drawn(a), { selected: [0], timeMs: 3000, answeredAt: T0 });
      record(drawn(a), { selected: [1], timeMs: 3000, answeredAt: T0 + 60_000 });
      const now = snapshot(store);
      expect(undoAnswer(store, mine.undo)).toBe(false);
      expect(snapshot(store)).toEqual(now);
    } finally {
      store.close();
    }
  });
});

describe('cram', () => {
  it('records the answer as cram, counts it as activity, and moves no review card nor retention', () => {
    const { store, record } = setup();
    try {
      const a = question('a', 'vpc/endpoints');
      record(drawn(a), { selected: [0], timeMs: 3000, answeredAt: T0 });
      const card = store.db.prepare('SELECT * FROM review_state').all();
      const crammed = record(drawn(a, true), { selected: [1], timeMs: 3000, answeredAt: T0 + 2 * DAY }, { cram: true });
      expect(store.db.prepare('SELECT * FROM review_state').all()).toEqual(card);
      expect(store.db.prepare('SELECT cram, was_due FROM answers WHERE id = ?').get(crammed.undo.answerId)).toEqual({ cram: 1, was_due: 0 });
      expect(store.db.prepare('SELECT attempts FROM daily_total ORDER BY day').pluck().all()).toEqual([1, 1]);
      expect(store.db.prepare('SELECT sum(due_attempts) FROM topic_summary').pluck().get()).toBe(0);
      // Not a review, so the scheduler is never tuned to it.
      expect([...answersInOrder(store)].map((r) => r.answeredAt)).toEqual([T0]);
      // A question met only in a cram is still new: it has no card, uses no room under the daily
      // new cap, and practice draws it as new.
      const fresh = question('fresh', 'vpc/endpoints');
      const dayStart = Date.UTC(2025, 3, 3);
      const before = answeredToday(store, '2025-04-03', dayStart);
      record(drawn(fresh), { selected: [0], timeMs: 3000, answeredAt: T0 + 2 * DAY + 60_000 }, { cram: true });
      expect(questionHistory(store).has('fresh')).toBe(false);
      expect(answeredToday(store, '2025-04-03', dayStart)).toEqual(before);
      // Undone, a crammed answer still leaves the card alone.
      expect(undoAnswer(store, crammed.undo)).toBe(true);
      expect(store.db.prepare('SELECT * FROM review_state').all()).toEqual(card);
      expect(store.db.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(2);
    } finally {
      store.close();
    }
  });
});

describe('the second try in a session', () => {
  it('updates the card as a relearning review but stays out of every statistic, so they count first tries', () => {
    const { store, record } = setup();
    try {
      const a = question('a', 'vpc/endpoints');
      record(drawn(a), { selected: [1], timeMs: 3000, answeredAt: T0 });
      const rollups = { ...snapshot(store), answers: [], reviewState: [] };
      const card = store.db.prepare('SELECT card, reps FROM review_state').get() as { card: string; reps: number };
      record(drawn(a), { selected: [0], timeMs: 2000, answeredAt: T0 + 3 * 60_000 }, { relearn: true });
      expect({ ...snapshot(store), answers: [], reviewState: [] }).toEqual(rollups);
      const after = store.db.prepare('SELECT card, reps, state FROM review_state').get() as { card: string; reps: number; state: number };
      expect(after.reps).toBe(card.reps + 1);
      expect(after.card).not.toBe(card.card);
    } finally {
      store.close();
    }
  });
});

describe('misconceptions', () => {
  it('lists a question answered wrong while sure, with how often and the choice picked, until it is answered right and sure', () => {
    const { store, record } = setup();
    try {
      const a = question('a', 'vpc/endpoints');
      const b = question('b', 'vpc/peering');
      record(drawn(a), { selected: [1], timeMs: 3000, answeredAt: T0, certainty: 'sure' });
      record(drawn(a), { selected: [1], timeMs: 3000, answeredAt: T0 + DAY, certainty: 'sure' });
      // Wrong but unsure is a gap, not a misconception; a second try in the session counts neither way.
      record(drawn(b), { selected: [1], timeMs: 3000, answeredAt: T0, certainty: 'unsure' });
      record(drawn(a), { selected: [0], timeMs: 3000, answeredAt: T0 + DAY + 60_000, certainty: 'sure' }, { relearn: true });
      expect(openMisconceptions(store)).toEqual([expect.objectContaining({ id: 'a', topic: 'vpc/endpoints', times: 2, picked: [1] })]);
      // Right but unsure does not clear it; right and sure does.
      record(drawn(a), { selected: [0], timeMs: 3000, answeredAt: T0 + 2 * DAY, certainty: 'unsure' });
      expect(openMisconceptions(store).map((m) => m.id)).toEqual(['a']);
      record(drawn(a), { selected: [0], timeMs: 3000, answeredAt: T0 + 3 * DAY, certainty: 'sure' });
      expect(openMisconceptions(store)).toEqual([]);
    } finally {
      store.close();
    }
  });
});
