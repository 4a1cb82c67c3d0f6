import type { Card } from 'ts-fsrs';
import { localDay } from '../quiz/days.js';
import type { Store } from './open.js';
import { storeError } from './open.js';

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
    `INSERT INTO answers (session_id, question_id, bank, topic, domain, selected, correct, time_ms, flagged, answered_at, was_due, day)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
