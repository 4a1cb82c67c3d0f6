import type { Store } from './open.js';
import { storeError } from './open.js';

export interface NewSession {
  kind: 'practice' | 'exam';
  blueprint?: string;
  seed?: string;
  filters?: unknown;
  startedAt: number;
  timeLimitMs?: number;
  /** In the order shown, with the order the choices are shown in (original indexes). */
  questions: { questionId: string; choiceOrder: number[] }[];
}

export function createSession(store: Store, s: NewSession): number {
  const insertSession = store.db.prepare(
    `INSERT INTO sessions (kind, blueprint, seed, filters, started_at, time_limit_ms) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertQuestion = store.db.prepare(
    `INSERT INTO session_questions (session_id, position, question_id, choice_order) VALUES (?, ?, ?, ?)`,
  );
  try {
    return store.db
      .transaction(() => {
        const id = Number(
          insertSession.run(s.kind, s.blueprint ?? null, s.seed ?? null, s.filters === undefined ? null : JSON.stringify(s.filters), s.startedAt, s.timeLimitMs ?? null)
            .lastInsertRowid,
        );
        s.questions.forEach((q, i) => insertQuestion.run(id, i, q.questionId, JSON.stringify(q.choiceOrder)));
        return id;
      })
      .immediate();
  } catch (err) {
    throw storeError(err, store.path, 'write');
  }
}

export interface SessionEnd {
  endedAt: number;
  timeUsedMs: number;
  state: 'finished' | 'abandoned';
  result?: unknown;
}

export function endSession(store: Store, id: number, end: SessionEnd): void {
  try {
    store.db
      .prepare(`UPDATE sessions SET ended_at = ?, time_used_ms = ?, state = ?, result = ? WHERE id = ?`)
      .run(end.endedAt, Math.round(end.timeUsedMs), end.state, end.result === undefined ? null : JSON.stringify(end.result), id);
  } catch (err) {
    throw storeError(err, store.path, 'write');
  }
}
