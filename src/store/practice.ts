import type { Store } from './open.js';
import { storeError } from './open.js';

// What practice needs to know about the learner, read from the roll-up tables the
// answers trigger keeps (question_summary, daily_topic) and from review_state, so a
// long history costs a few thousand rows rather than a scan of every answer.

export interface QuestionHistoryRow {
  attempts: number;
  correct: number;
  lastCorrect: boolean;
  lastSeen: number;
}

function read<T>(store: Store, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw storeError(err, store.path);
  }
}

/** Per question: attempts, right answers, whether the latest was right ("wrong last time"), when last seen. */
export function questionHistory(store: Store): Map<string, QuestionHistoryRow> {
  return read(store, () => {
    const rows = store.db
      .prepare('SELECT question_id AS id, attempts, correct, last_correct AS lastCorrect, last_seen AS lastSeen FROM question_summary')
      .all() as { id: string; attempts: number; correct: number; lastCorrect: number; lastSeen: number }[];
    return new Map(rows.map((r) => [r.id, { attempts: r.attempts, correct: r.correct, lastCorrect: r.lastCorrect === 1, lastSeen: r.lastSeen }]));
  });
}

/** When each question with a review card falls due (ms since the epoch). */
export function dueTimes(store: Store): Map<string, number> {
  return read(store, () => {
    const rows = store.db.prepare('SELECT question_id AS id, due FROM review_state').all() as { id: string; due: number }[];
    return new Map(rows.map((r) => [r.id, r.due]));
  });
}

/** The question's stored FSRS card as JSON, or undefined before its first answer. */
export function cardJson(store: Store, questionId: string): string | undefined {
  return read(store, () => {
    const row = store.db.prepare('SELECT card FROM review_state WHERE question_id = ?').get(questionId) as { card: string } | undefined;
    return row?.card;
  });
}
