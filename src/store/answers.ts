import type { Card } from 'ts-fsrs';
import { localDay } from '../quiz/days.js';
import type { Certainty } from '../quiz/schedule.js';
import type { Store } from './open.js';
import { readStore, storeError } from './open.js';

export interface AnswerRecord {
  sessionId: number | null;
  questionId: string;
  bank: string;
  topic: string;
  domain: string;
  /** Original choice indexes (as in the bank), not display positions. */
  selected: number[];
  correct: boolean;
  timeMs: number;
  flagged?: boolean;
  answeredAt: number;
  /** The question was due for review when answered: counts toward retention. */
  wasDue?: boolean;
  /** The local day it was given on, YYYY-MM-DD; by default the day of `answeredAt` in this process's time zone. */
  day?: string;
  /** What the learner said of the answer when asked. */
  certainty?: Certainty;
  /** Asked without touching the schedule: no review, never counted in retention. */
  cram?: boolean;
  /** A second try within the session at a question missed in it: kept out of the statistics. */
  relearn?: boolean;
}

export interface ReviewRecord {
  questionId: string;
  card: Card;
  cardJson: string;
}

/**
 * Writes one answer, and the question's new review state, in one transaction the moment
 * the answer is given. IMMEDIATE takes the write lock up front so a second terminal waits
 * on the busy timeout instead of failing halfway.
 */
export function recordAnswer(store: Store, answer: AnswerRecord, review?: ReviewRecord): number {
  const insert = store.db.prepare(
    `INSERT INTO answers (session_id, question_id, bank, topic, domain, selected, correct, time_ms, flagged, answered_at, was_due, day, certainty, cram, relearn)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsert = store.db.prepare(
    `INSERT INTO review_state (question_id, card, due, state, reps, lapses, last_review) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (question_id) DO UPDATE SET card = excluded.card, due = excluded.due, state = excluded.state,
       reps = excluded.reps, lapses = excluded.lapses, last_review = excluded.last_review`,
  );
  try {
    return store.db
      .transaction(() => {
        const { lastInsertRowid } = insert.run(
          answer.sessionId,
          answer.questionId,
          answer.bank,
          answer.topic,
          answer.domain,
          JSON.stringify(answer.selected),
          answer.correct ? 1 : 0,
          Math.max(0, Math.round(answer.timeMs)),
          answer.flagged ? 1 : 0,
          answer.answeredAt,
          answer.wasDue ? 1 : 0,
          answer.day ?? localDay(answer.answeredAt),
          answer.certainty ?? null,
          answer.cram ? 1 : 0,
          answer.relearn ? 1 : 0,
        );
        if (review) {
          const c = review.card;
          upsert.run(review.questionId, review.cardJson, c.due.getTime(), c.state, c.reps, c.lapses, c.last_review?.getTime() ?? null);
        }
        return Number(lastInsertRowid);
      })
      .immediate();
  } catch (err) {
    throw storeError(err, store.path, 'answer');
  }
}

/** A question's review_state row as stored, column for column. */
export interface ReviewRow {
  card: string;
  due: number;
  state: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
}

/** The question's review_state row, or undefined before its first review. */
export function reviewRow(store: Store, questionId: string): ReviewRow | undefined {
  return readStore(store, () =>
    store.db.prepare('SELECT card, due, state, reps, lapses, last_review AS lastReview FROM review_state WHERE question_id = ?').get(questionId) as ReviewRow | undefined,
  );
}

/** What taking back one answer needs: its row, and the question's review state before and after it. */
export interface TakenBack {
  answerId: number;
  questionId: string;
  /** The review_state row before the answer; undefined when the answer was the question's first review. */
  before: ReviewRow | undefined;
  /** The card JSON the answer wrote; undefined when it wrote none (cram). */
  after: string | undefined;
}

/**
 * Takes back one answer in one transaction: its row goes (the roll-ups follow, by trigger)
 * and the question's review state is put back exactly as it was, byte for byte. Refused,
 * changing nothing, when the card has moved on since (another terminal answered the same
 * question) or the answer is gone: false.
 */
export function undoAnswer(store: Store, undo: TakenBack): boolean {
  try {
    return store.db
      .transaction(() => {
        const current = store.db.prepare('SELECT card FROM review_state WHERE question_id = ?').pluck().get(undo.questionId) as string | undefined;
        if (undo.after !== undefined && current !== undo.after) return false;
        const gone = store.db.prepare('DELETE FROM answers WHERE id = ? AND question_id = ?').run(undo.answerId, undo.questionId);
        if (gone.changes !== 1) throw new Rollback();
        if (undo.after === undefined) return true;
        if (undo.before === undefined) store.db.prepare('DELETE FROM review_state WHERE question_id = ?').run(undo.questionId);
        else {
          const b = undo.before;
          store.db
            .prepare('UPDATE review_state SET card = ?, due = ?, state = ?, reps = ?, lapses = ?, last_review = ? WHERE question_id = ?')
            .run(b.card, b.due, b.state, b.reps, b.lapses, b.lastReview, undo.questionId);
        }
        return true;
      })
      .immediate();
  } catch (err) {
    if (err instanceof Rollback) return false;
    throw storeError(err, store.path, 'write');
  }
}

class Rollback extends Error {}

export interface StoredCard {
  questionId: string;
  cardJson: string;
  due: number;
  state: number;
  reps: number;
  lapses: number;
}

export function loadCards(store: Store): Map<string, StoredCard> {
  const rows = store.db
    .prepare('SELECT question_id AS questionId, card AS cardJson, due, state, reps, lapses FROM review_state')
    .all() as StoredCard[];
  return new Map(rows.map((r) => [r.questionId, r]));
}

/** The learner's usual time for a right answer: the median of the last 50. */
export function usualAnswerTimeMs(store: Store): number | undefined {
  const rows = store.db
    .prepare('SELECT time_ms AS t FROM answers WHERE correct = 1 ORDER BY answered_at DESC LIMIT 50')
    .all() as { t: number }[];
  if (rows.length < 5) return undefined;
  const sorted = rows.map((r) => r.t).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
