import type { Store } from './open.js';
import { readStore } from './open.js';

// What practice needs to know about the learner, read from the roll-up tables the
// answers trigger keeps (question_summary, daily_topic) and from review_state, so a
// long history costs a few thousand rows rather than a scan of every answer.

export interface QuestionHistoryRow {
  attempts: number;
  correct: number;
  lastCorrect: boolean;
  lastSeen: number;
}

export interface PastQuestion {
  questionId: string;
  /** Original choice indexes in the order they were shown. */
  choiceOrder: number[];
}

/**
 * The questions of the latest practice session drawn with `seed` and the same filters,
 * in the order drawn; undefined when there is none.
 */
export function pastDraw(store: Store, seed: string, filters: unknown): PastQuestion[] | undefined {
  return readStore(store, () => {
    const session = store.db
      .prepare(`SELECT id FROM sessions WHERE kind = 'practice' AND seed = ? AND filters = ? ORDER BY started_at DESC, id DESC LIMIT 1`)
      .get(seed, JSON.stringify(filters)) as { id: number } | undefined;
    if (!session) return undefined;
    const rows = store.db
      .prepare('SELECT question_id AS questionId, choice_order AS choiceOrder FROM session_questions WHERE session_id = ? ORDER BY position')
      .all(session.id) as { questionId: string; choiceOrder: string }[];
    return rows.map((r) => ({ questionId: r.questionId, choiceOrder: JSON.parse(r.choiceOrder) as number[] }));
  });
}

/** Per question: attempts, right answers, whether the latest was right ("wrong last time"), when last seen. */
export function questionHistory(store: Store): Map<string, QuestionHistoryRow> {
  return readStore(store, () => {
    const rows = store.db
      .prepare('SELECT question_id AS id, attempts, correct, last_correct AS lastCorrect, last_seen AS lastSeen FROM question_summary')
      .all() as { id: string; attempts: number; correct: number; lastCorrect: number; lastSeen: number }[];
    return new Map(rows.map((r) => [r.id, { attempts: r.attempts, correct: r.correct, lastCorrect: r.lastCorrect === 1, lastSeen: r.lastSeen }]));
  });
}

/** When each question with a review card falls due (ms since the epoch). */
export function dueTimes(store: Store): Map<string, number> {
  return readStore(store, () => {
    const rows = store.db.prepare('SELECT question_id AS id, due FROM review_state').all() as { id: string; due: number }[];
    return new Map(rows.map((r) => [r.id, r.due]));
  });
}

/** The question's stored FSRS card as JSON, or undefined before its first answer. */
export function cardJson(store: Store, questionId: string): string | undefined {
  return readStore(store, () => {
    const row = store.db.prepare('SELECT card FROM review_state WHERE question_id = ?').get(questionId) as { card: string } | undefined;
    return row?.card;
  });
}
