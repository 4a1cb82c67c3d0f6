import type { AnswerEvent } from '../quiz/review-log.js';
import type { Store } from './open.js';
import { storeError } from './open.js';

/** Every answer, oldest first, one row at a time (a million answers are never held at once). */
export function* answersInOrder(store: Store): Generator<AnswerEvent> {
  try {
    const rows = store.db.prepare('SELECT question_id AS questionId, answered_at AS answeredAt, correct, time_ms AS timeMs FROM answers ORDER BY answered_at, id').iterate() as Iterable<{ questionId: string; answeredAt: number; correct: number; timeMs: number }>;
    for (const r of rows) yield { questionId: r.questionId, answeredAt: r.answeredAt, correct: r.correct === 1, timeMs: r.timeMs };
  } catch (err) {
    throw storeError(err, store.path);
  }
}
