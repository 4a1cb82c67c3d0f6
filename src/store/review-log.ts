import type { AnswerEvent } from '../quiz/review-log.js';
import type { Certainty } from '../quiz/schedule.js';
import type { Store } from './open.js';
import { storeError } from './open.js';

/**
 * Every review, oldest first, one row at a time (a million answers are never held at once).
 * Crammed answers are left out: they moved no card, so they are not reviews.
 */
export function* answersInOrder(store: Store): Generator<AnswerEvent> {
  try {
    const rows = store.db.prepare('SELECT question_id AS questionId, answered_at AS answeredAt, correct, time_ms AS timeMs, certainty FROM answers WHERE cram = 0 ORDER BY answered_at, id').iterate() as Iterable<{ questionId: string; answeredAt: number; correct: number; timeMs: number; certainty: Certainty | null }>;
    for (const r of rows) yield { questionId: r.questionId, answeredAt: r.answeredAt, correct: r.correct === 1, timeMs: r.timeMs, ...(r.certainty && { certainty: r.certainty }) };
  } catch (err) {
    throw storeError(err, store.path);
  }
}
