import type { Store } from './open.js';
import { readStore } from './open.js';
import { inList } from './stats.js';

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

/** A question answered wrong while the learner was sure, and not answered right and sure since. */
export interface MisconceptionRow {
  id: string;
  bank: string;
  topic: string;
  /** Wrong-and-sure answers to it, all told. */
  times: number;
  lastAt: number;
  /** The local day of the latest one. */
  lastDay: string | null;
  /** The original choice indexes picked the latest time. */
  picked: number[];
}

/**
 * Misconceptions still open, most often first: answered wrong while sure, with no answer
 * right and sure after the latest such miss. A second try within the session does not
 * count either way: the answer had just been shown.
 */
export function openMisconceptions(store: Store, banks: readonly string[] | null = null, limit = 1000): MisconceptionRow[] {
  const [bankSql, bankParams] = inList('m.bank', banks);
  return readStore(store, () => {
    const rows = store.db
      .prepare(
        `SELECT m.id, m.bank, m.topic, m.times, m.lastAt, a.day AS lastDay, a.selected AS picked
         FROM (SELECT question_id AS id, bank, topic, count(*) AS times, max(answered_at) AS lastAt, max(id) AS lastId
               FROM answers WHERE certainty = 'sure' AND correct = 0 AND relearn = 0 GROUP BY question_id) m
         JOIN answers a ON a.id = m.lastId
         WHERE NOT EXISTS (SELECT 1 FROM answers r WHERE r.question_id = m.id AND r.certainty = 'sure' AND r.correct = 1 AND r.relearn = 0 AND r.answered_at > m.lastAt)${bankSql}
         ORDER BY m.times DESC, m.lastAt DESC, m.id LIMIT ?`,
      )
      .all(...bankParams, limit) as (Omit<MisconceptionRow, 'picked'> & { picked: string })[];
    return rows.map((r) => ({ ...r, picked: parsePicked(r.picked) }));
  });
}

function parsePicked(json: string): number[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((n): n is number => Number.isInteger(n)) : [];
  } catch {
    return [];
  }
}

/** What today already holds toward the daily caps: questions first answered today, and due reviews answered today. */
export function answeredToday(store: Store, day: string, dayStartMs: number): { newQuestions: number; reviews: number } {
  return readStore(store, () => ({
    newQuestions: store.db.prepare('SELECT count(*) FROM question_summary WHERE first_seen >= ?').pluck().get(dayStartMs) as number,
    reviews: store.db.prepare('SELECT coalesce(sum(due_attempts), 0) FROM daily_topic WHERE day = ?').pluck().get(day) as number,
  }));
}
