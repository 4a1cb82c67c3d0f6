import { recordAnswer, type AnswerRecord, type ReviewRecord } from './answers.js';
import type { Store } from './open.js';
import { readStore, storeError } from './open.js';
import { createSession } from './sessions.js';
import { EXAM_NUMBER_SQL } from './exam-number.js';
import { UserError } from '../errors.js';
import { t } from '../i18n/i18n.js';

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

// ---- The lease: one exam, one terminal -------------------------------------------------

/** What a sitting process holds its exam by. `token` is random per sitting, so a reused pid never passes for it. */
export interface Lease {
  pid: number;
  token: string;
}

/** A holder silent this long is taken for gone, even if a process with its pid still runs. */
export const LEASE_STALE_MS = 15_000;

export interface LeaseHolder {
  pid: number;
  /** Its last heartbeat, ms since the epoch. */
  beatAt: number;
}

/** The exam is no longer this process's to write: submitted, abandoned or taken over elsewhere. */
export class ExamLostError extends UserError {
  constructor(
    /** The exam's number, as the learner knows it. */
    readonly examNumber: number,
    readonly reason: 'ended' | 'takenOver',
    readonly byPid?: number,
  ) {
    super(reason === 'ended' ? t('exam.lost.ended', { id: examNumber }) : t('exam.lost.takenOver', { id: examNumber, pid: byPid ?? '?' }));
    this.name = 'ExamLostError';
  }
}

/** Whether a process with this id runs (on this machine); EPERM means it runs as another user. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type LeaseRow = { state: ExamState; pid: number | null; token: string | null; beat: number | null };

const leaseRow = (store: Store, examId: number) =>
  store.db.prepare(`SELECT state, lease_pid AS pid, lease_token AS token, lease_beat AS beat FROM sessions WHERE id = ?`).get(examId) as LeaseRow | undefined;

function liveHolder(row: LeaseRow | undefined, now: number, alive: (pid: number) => boolean, mine?: Lease): LeaseHolder | undefined {
  if (!row || row.token === null || row.pid === null || (mine && row.token === mine.token)) return undefined;
  const silent = row.beat === null || now - row.beat > LEASE_STALE_MS;
  return silent || !alive(row.pid) ? undefined : { pid: row.pid, beatAt: row.beat! };
}

/** The other process sitting this exam right now, if any: alive and heard from within LEASE_STALE_MS. */
export function examHolder(store: Store, examId: number, now: number, alive: (pid: number) => boolean = processAlive): LeaseHolder | undefined {
  return readStore(store, () => liveHolder(leaseRow(store, examId), now, alive));
}

/**
 * Takes the exam for `lease`, over a holder that is gone or silent. Returns the live holder
 * instead when there is one, leaving the exam as it was.
 */
export function takeExam(store: Store, examId: number, lease: Lease, now: number, alive: (pid: number) => boolean = processAlive): LeaseHolder | undefined {
  return write(store, () => {
    const row = leaseRow(store, examId);
    if (!row || row.state !== 'active') throw new ExamLostError(examNumber(store, examId), 'ended');
    const holder = liveHolder(row, now, alive, lease);
    if (holder) return holder;
    store.db.prepare(`UPDATE sessions SET lease_pid = ?, lease_token = ?, lease_beat = ? WHERE id = ?`).run(lease.pid, lease.token, now, examId);
    return undefined;
  });
}

/** Lets the exam go (paused): the next terminal takes it without waiting. */
export function releaseExam(store: Store, examId: number, lease: Lease): void {
  write(store, () => {
    store.db.prepare(`UPDATE sessions SET lease_pid = NULL, lease_token = NULL, lease_beat = NULL WHERE id = ? AND lease_token = ?`).run(examId, lease.token);
  });
}

/** Inside a write: throws ExamLostError unless the exam is active and held by `lease`. */
function requireHeld(store: Store, examId: number, lease: Lease): void {
  const row = leaseRow(store, examId);
  if (!row || row.state !== 'active') throw new ExamLostError(examNumber(store, examId), 'ended');
  if (row.token !== lease.token) throw new ExamLostError(examNumber(store, examId), 'takenOver', row.pid ?? undefined);
}

/**
 * One answer change, flag, move or clock save: the question's row and the exam's place and time,
 * together, and the heartbeat. Refused (ExamLostError) unless the exam is still active and held
 * by `lease`, checked in the same transaction: a finished exam's answers are never rewritten.
 */
export function saveProgress(store: Store, examId: number, lease: Lease, p: Progress): void {
  write(store, () => {
    requireHeld(store, examId, lease);
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
      .prepare(`UPDATE sessions SET current_pos = ?, time_used_ms = ?, lease_beat = ? WHERE id = ? AND state = 'active'`)
      .run(p.position, Math.round(p.timeUsedMs), p.at, examId);
  });
}

export type ExamState = 'active' | 'finished' | 'abandoned';

export interface ExamSummary {
  /** The session id: shared with practice sessions, never shown. */
  id: number;
  /** The exam's own number, 1, 2, 3 … in the order exams were started: what the learner sees. */
  number: number;
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
  /** Minutes of extra time included in the limit (--extra-time, --esl); null when none. */
  extraMinutes: number | null;
  /** As asked: banks, topics, count, minutes, timed, extra time; null when unreadable. */
  filters: unknown;
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
type SummaryRow = Omit<ExamSummary, 'result' | 'filters'> & { result: string | null; filters: string | null };


const SUMMARY = `
  SELECT s.id, ${EXAM_NUMBER_SQL} AS number, s.blueprint, s.state, s.started_at AS startedAt, s.ended_at AS endedAt,
         s.time_limit_ms AS timeLimitMs, s.time_used_ms AS timeUsedMs, s.result,
         CASE WHEN json_valid(s.filters) THEN json_extract(s.filters, '$.extraMinutes') END AS extraMinutes, s.filters,
         (SELECT count(*) FROM session_questions q WHERE q.session_id = s.id) AS total,
         (SELECT count(*) FROM session_questions q WHERE q.session_id = s.id AND q.selected IS NOT NULL) AS answered,
         (SELECT count(*) FROM session_questions q WHERE q.session_id = s.id AND q.flagged = 1) AS flagged
  FROM sessions s WHERE s.kind = 'exam'`;

const toSummary = (r: SummaryRow): ExamSummary => ({
  ...r,
  result: parseJson(r.result),
  filters: parseJson(r.filters),
  extraMinutes: typeof r.extraMinutes === 'number' && Number.isFinite(r.extraMinutes) && r.extraMinutes > 0 ? r.extraMinutes : null,
});

/** The exam left unfinished (paused, killed or interrupted), the latest if somehow there are several. */
export function findUnfinishedExam(store: Store): ExamSummary | undefined {
  return readStore(store, () => {
    const row = store.db.prepare(`${SUMMARY} AND s.state = 'active' ORDER BY s.started_at DESC, s.id DESC LIMIT 1`).get() as SummaryRow | undefined;
    return row && toSummary(row);
  });
}

/** Past exams, newest first. */
export function listExams(store: Store, limit = 1000): ExamSummary[] {
  return readStore(store, () => (store.db.prepare(`${SUMMARY} ORDER BY s.started_at DESC, s.id DESC LIMIT ?`).all(limit) as SummaryRow[]).map(toSummary));
}

/** The session id of exam number `n` (1-based), if there is one. */
export function examIdByNumber(store: Store, n: number): number | undefined {
  if (!Number.isSafeInteger(n) || n < 1) return undefined;
  return readStore(
    store,
    () => store.db.prepare(`SELECT id FROM sessions WHERE kind = 'exam' ORDER BY started_at, id LIMIT 1 OFFSET ?`).pluck().get(n - 1) as number | undefined,
  );
}

/** The number the learner knows exam `id` by. */
export function examNumber(store: Store, id: number): number {
  return readStore(store, () => store.db.prepare(`SELECT ${EXAM_NUMBER_SQL} FROM sessions s WHERE s.id = ?`).pluck().get(id) as number);
}

export function latestFinishedExamId(store: Store): number | undefined {
  return readStore(
    store,
    () =>
      store.db.prepare(`SELECT id FROM sessions WHERE kind = 'exam' AND state = 'finished' ORDER BY ended_at DESC, id DESC LIMIT 1`).pluck().get() as
        | number
        | undefined,
  );
}

/** Everything needed to resume or review one exam; undefined when there is no exam with that id. */
export function loadExam(store: Store, id: number): StoredExam | undefined {
  return readStore(store, () => {
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
 * none, so an interrupted submission is simply submitted again on resume. Refused
 * (ExamLostError) when the exam is no longer active or no longer held by `lease`.
 */
export function finishExam(store: Store, examId: number, lease: Lease, s: ExamSubmission): void {
  write(store, () => {
    requireHeld(store, examId, lease);
    store.db
      .prepare(
        `UPDATE sessions SET state = 'finished', ended_at = ?, time_used_ms = ?, result = ?, lease_pid = NULL, lease_token = NULL, lease_beat = NULL WHERE id = ?`,
      )
      .run(s.endedAt, Math.round(s.timeUsedMs), JSON.stringify(s.result), examId);
    // recordAnswer's own transaction nests here as a savepoint.
    for (const a of s.answers) recordAnswer(store, a.answer, a.review);
  });
}

/**
 * Gives up an unfinished exam. The answers it had are recorded all the same, as practice
 * answers are, so abandoning an exam never costs the learner what they answered.
 */
export function abandonExam(store: Store, examId: number, endedAt: number, answers: ExamSubmission['answers'] = []): void {
  write(store, () => {
    const { changes } = store.db
      .prepare(`UPDATE sessions SET state = 'abandoned', ended_at = ?, lease_pid = NULL, lease_token = NULL, lease_beat = NULL WHERE id = ? AND state = 'active'`)
      .run(endedAt, examId);
    if (changes > 0) for (const a of answers) recordAnswer(store, a.answer, a.review);
  });
}
