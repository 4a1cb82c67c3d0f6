import { recordAnswer, type AnswerRecord, type ReviewRecord } from './answers.js';
import type { Store } from './open.js';
import { storeError } from './open.js';
import { createSession } from './sessions.js';

// Mock exams in sessions / session_questions. Every change the learner makes is written
// the moment it happens, each in its own transaction, so a killed process loses at most
// the question on screen.

export interface NewExam {
  blueprint: string;
  seed: string;
  /** As asked: banks, topics, count, minutes, timed; and how many questions were available. */
  filters: unknown;
  startedAt: number;
  /** null for an untimed exam. */
  timeLimitMs: number | null;
  questions: { questionId: string; choiceOrder: number[] }[];
}

export function createExam(store: Store, exam: NewExam): number {
  return createSession(store, {
    kind: 'exam',
    blueprint: exam.blueprint,
    seed: exam.seed,
    filters: exam.filters,
    startedAt: exam.startedAt,
    ...(exam.timeLimitMs !== null && { timeLimitMs: exam.timeLimitMs }),
    questions: exam.questions,
  });
}

export interface QuestionProgress {
  position: number;
  /** Original choice indexes, or null when unanswered. */
  selected: readonly number[] | null;
  flagged: boolean;
  timeMs: number;
}

export interface Progress {
  /** The question on screen. */
  position: number;
  timeUsedMs: number;
  /** When the change happened: a question's answer keeps the time it was last changed. */
  at: number;
  /** The question whose answer, flag or time changed, if any. */
  question?: QuestionProgress;
}

function write<T>(store: Store, fn: () => T): T {
  try {
    return store.db.transaction(fn).immediate();
  } catch (err) {
    throw storeError(err, store.path, 'write');
  }
}

function read<T>(store: Store, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw storeError(err, store.path);
  }
}

/** One answer change, flag, move or clock save: the question's row and the exam's place and time, together. */
export function saveProgress(store: Store, examId: number, p: Progress): void {
  write(store, () => {
    if (p.question) {
      const q = p.question;
      const selected = q.selected && q.selected.length ? JSON.stringify(q.selected) : null;
      // The right-hand sides read the row as it was, so an unchanged answer keeps its time.
      store.db
        .prepare(
          `UPDATE session_questions
           SET answered_at = CASE WHEN :selected IS NULL THEN NULL WHEN selected IS :selected THEN answered_at ELSE :at END,
               selected = :selected, flagged = :flagged, time_ms = :timeMs
           WHERE session_id = :examId AND position = :position`,
        )
        .run({ selected, at: p.at, flagged: q.flagged ? 1 : 0, timeMs: Math.round(q.timeMs), examId, position: q.position });
    }
    store.db
      .prepare(`UPDATE sessions SET current_pos = ?, time_used_ms = ? WHERE id = ? AND state = 'active'`)
      .run(p.position, Math.round(p.timeUsedMs), examId);
  });
}

export type ExamState = 'active' | 'finished' | 'abandoned';

export interface ExamSummary {
  id: number;
  blueprint: string | null;
  state: ExamState;
  startedAt: number;
  endedAt: number | null;
  timeLimitMs: number | null;
  timeUsedMs: number;
  total: number;
  answered: number;
  flagged: number;
  /** The scored result as written at submission; null before. */
  result: unknown;
}

export interface StoredExamQuestion {
  position: number;
  questionId: string;
  choiceOrder: number[];
  selected: number[] | null;
  flagged: boolean;
  timeMs: number;
  /** When the answer was last changed; null when unanswered (or saved before this was kept). */
  answeredAt: number | null;
}

export interface StoredExam extends ExamSummary {
  seed: string | null;
  filters: unknown;
  position: number;
  questions: StoredExamQuestion[];
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const numbers = (v: unknown): number[] | null => (Array.isArray(v) && v.every((n) => Number.isInteger(n)) ? (v as number[]) : null);

/** An ExamSummary as SQLite returns it: the result still JSON text. */
type SummaryRow = Omit<ExamSummary, 'result'> & { result: string | null };

const SUMMARY = `
  SELECT s.id, s.blueprint, s.state, s.started_at AS startedAt, s.ended_at AS endedAt,
         s.time_limit_ms AS timeLimitMs, s.time_used_ms AS timeUsedMs, s.result,
         (SELECT count(*) FROM session_questions q WHERE q.session_id = s.id) AS total,
         (SELECT count(*) FROM session_questions q WHERE q.session_id = s.id AND q.selected IS NOT NULL) AS answered,
         (SELECT count(*) FROM session_questions q WHERE q.session_id = s.id AND q.flagged = 1) AS flagged
  FROM sessions s WHERE s.kind = 'exam'`;

const toSummary = (r: SummaryRow): ExamSummary => ({ ...r, result: parseJson(r.result) });

/** The exam left unfinished (paused, killed or interrupted), the latest if somehow there are several. */
export function findUnfinishedExam(store: Store): ExamSummary | undefined {
  return read(store, () => {
    const row = store.db.prepare(`${SUMMARY} AND s.state = 'active' ORDER BY s.started_at DESC, s.id DESC LIMIT 1`).get() as SummaryRow | undefined;
    return row && toSummary(row);
  });
}

/** Past exams, newest first. */
export function listExams(store: Store, limit = 1000): ExamSummary[] {
  return read(store, () => (store.db.prepare(`${SUMMARY} ORDER BY s.started_at DESC, s.id DESC LIMIT ?`).all(limit) as SummaryRow[]).map(toSummary));
}

export function latestFinishedExamId(store: Store): number | undefined {
  return read(
    store,
    () =>
      store.db.prepare(`SELECT id FROM sessions WHERE kind = 'exam' AND state = 'finished' ORDER BY ended_at DESC, id DESC LIMIT 1`).pluck().get() as
        | number
        | undefined,
  );
}

/** Everything needed to resume or review one exam; undefined when there is no exam with that id. */
export function loadExam(store: Store, id: number): StoredExam | undefined {
  return read(store, () => {
    const row = store.db.prepare(`${SUMMARY} AND s.id = ?`).get(id) as SummaryRow | undefined;
    if (!row) return undefined;
    const extra = store.db.prepare('SELECT seed, filters, current_pos AS position FROM sessions WHERE id = ?').get(id) as {
      seed: string | null;
      filters: string | null;
      position: number;
    };
    const rows = store.db
      .prepare(
        `SELECT position, question_id AS questionId, choice_order AS choiceOrder, selected, flagged, time_ms AS timeMs, answered_at AS answeredAt
         FROM session_questions WHERE session_id = ? ORDER BY position`,
      )
      .all(id) as { position: number; questionId: string; choiceOrder: string; selected: string | null; flagged: number; timeMs: number; answeredAt: number | null }[];
    return {
      ...toSummary(row),
      seed: extra.seed,
      filters: parseJson(extra.filters),
      position: extra.position,
      questions: rows.map((r) => ({
        position: r.position,
        questionId: r.questionId,
        choiceOrder: numbers(parseJson(r.choiceOrder)) ?? [],
        selected: numbers(parseJson(r.selected)),
        flagged: r.flagged === 1,
        timeMs: r.timeMs,
        answeredAt: r.answeredAt,
      })),
    };
  });
}

export interface ExamSubmission {
  endedAt: number;
  timeUsedMs: number;
  result: unknown;
  /** Every answered question, with its new review card, so the exam counts toward stats and scheduling. */
  answers: { answer: AnswerRecord; review?: ReviewRecord }[];
}

/**
 * Scores the exam and records its answers in one transaction: either all of it lands or
 * none, so an interrupted submission is simply submitted again on resume. Returns false
 * when the exam was no longer active (submitted from another terminal meanwhile).
 */
export function finishExam(store: Store, examId: number, s: ExamSubmission): boolean {
  return write(store, () => {
    const { changes } = store.db
      .prepare(`UPDATE sessions SET state = 'finished', ended_at = ?, time_used_ms = ?, result = ? WHERE id = ? AND state = 'active'`)
      .run(s.endedAt, Math.round(s.timeUsedMs), JSON.stringify(s.result), examId);
    if (changes === 0) return false;
    // recordAnswer's own transaction nests here as a savepoint.
    for (const a of s.answers) recordAnswer(store, a.answer, a.review);
    return true;
  });
}

/**
 * Gives up an unfinished exam. The answers it had are recorded all the same, as practice
 * answers are, so abandoning an exam never costs the learner what they answered.
 */
export function abandonExam(store: Store, examId: number, endedAt: number, answers: ExamSubmission['answers'] = []): void {
  write(store, () => {
    const { changes } = store.db.prepare(`UPDATE sessions SET state = 'abandoned', ended_at = ? WHERE id = ? AND state = 'active'`).run(endedAt, examId);
    if (changes > 0) for (const a of answers) recordAnswer(store, a.answer, a.review);
  });
}
