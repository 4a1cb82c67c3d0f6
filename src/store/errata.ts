import type { Store } from './open.js';
import { storeError } from './open.js';

// What the learner reported on a question while practising or reviewing an exam.

export const ERRATUM_REASONS = ['wrong-key', 'ambiguous', 'outdated', 'typo'] as const;
export type ErratumReason = (typeof ERRATUM_REASONS)[number];

export interface NewErratum {
  questionId: string;
  reason: ErratumReason;
  note?: string;
  reportedAt: number;
}

export interface Erratum extends NewErratum {
  id: number;
  resolvedAt?: number;
}

interface Row {
  id: number;
  question_id: string;
  reason: ErratumReason;
  note: string | null;
  reported_at: number;
  resolved_at: number | null;
}

const fromRow = (r: Row): Erratum => ({
  id: r.id,
  questionId: r.question_id,
  reason: r.reason,
  ...(r.note !== null && { note: r.note }),
  reportedAt: r.reported_at,
  ...(r.resolved_at !== null && { resolvedAt: r.resolved_at }),
});

/** Records a report and returns its id. */
export function reportErratum(store: Store, e: NewErratum): number {
  try {
    const note = e.note?.trim() ? e.note.trim() : null;
    return Number(store.db.prepare('INSERT INTO errata (question_id, reason, note, reported_at) VALUES (?, ?, ?, ?)').run(e.questionId, e.reason, note, e.reportedAt).lastInsertRowid);
  } catch (err) {
    throw storeError(err, store.path);
  }
}

/** Open reports, oldest first. */
export function openErrata(store: Store): Erratum[] {
  try {
    return (store.db.prepare('SELECT * FROM errata WHERE resolved_at IS NULL ORDER BY reported_at, id').all() as Row[]).map(fromRow);
  } catch (err) {
    throw storeError(err, store.path);
  }
}

/** Closes an open report; false when there is no open report with that id. */
export function resolveErratum(store: Store, id: number, resolvedAt: number): boolean {
  try {
    return store.db.prepare('UPDATE errata SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL').run(resolvedAt, id).changes === 1;
  } catch (err) {
    throw storeError(err, store.path);
  }
}

/** The questions an open wrong-key report holds out of practice and exams. */
export function heldOutQuestions(store: Store): Set<string> {
  try {
    const rows = store.db.prepare("SELECT DISTINCT question_id FROM errata WHERE resolved_at IS NULL AND reason = 'wrong-key'").all() as { question_id: string }[];
    return new Set(rows.map((r) => r.question_id));
  } catch (err) {
    throw storeError(err, store.path);
  }
}
