// The state of an exam being sat, and its clock. Pure: every function takes the time
// (`now`, ms) as an argument and returns a new value, so tests drive it with a fake clock
// and the store can persist exactly what changed.

export type Selection = readonly number[];

export interface ExamState {
  /** The question on screen, 0-based. */
  readonly position: number;
  /** Per question: the original choice indexes chosen, or null while unanswered. */
  readonly answers: readonly (Selection | null)[];
  readonly flags: readonly boolean[];
  /** Time spent on each question screen so far, not counting the screen now open. */
  readonly timeMs: readonly number[];
  /** When the question on screen was opened (or the exam resumed). */
  readonly enteredAt: number;
}

export interface SavedProgress {
  position: number;
  answers: readonly (Selection | null)[];
  flags: readonly boolean[];
  timeMs: readonly number[];
}

export function newExamState(total: number, now: number, saved?: SavedProgress): ExamState {
  if (total < 1) throw new RangeError('an exam needs at least one question');
  const fill = <T>(from: readonly T[] | undefined, blank: T) => Array.from({ length: total }, (_, i) => from?.[i] ?? blank);
  return {
    position: clamp(saved?.position ?? 0, total),
    answers: fill<Selection | null>(saved?.answers, null),
    flags: fill(saved?.flags, false),
    timeMs: fill(saved?.timeMs, 0),
    enteredAt: now,
  };
}

const clamp = (position: number, total: number) => Math.max(0, Math.min(total - 1, position));
const replace = <T>(items: readonly T[], index: number, value: T): T[] => items.map((v, i) => (i === index ? value : v));

export const totalOf = (s: ExamState): number => s.answers.length;

/** Adds the time on the open screen to its question and restarts the count from `now`. */
export function settle(s: ExamState, now: number): ExamState {
  const spent = Math.max(0, now - s.enteredAt);
  return { ...s, timeMs: replace(s.timeMs, s.position, s.timeMs[s.position]! + spent), enteredAt: now };
}

export function goTo(s: ExamState, position: number, now: number): ExamState {
  const target = clamp(position, totalOf(s));
  if (target === s.position) return s;
  return { ...settle(s, now), position: target };
}

export const next = (s: ExamState, now: number): ExamState => goTo(s, s.position + 1, now);
export const back = (s: ExamState, now: number): ExamState => goTo(s, s.position - 1, now);
export const isLast = (s: ExamState): boolean => s.position === totalOf(s) - 1;

/** Sets (or with null clears) the answer to the question on screen. */
export function setAnswer(s: ExamState, selection: Selection | null): ExamState {
  const value = selection && selection.length > 0 ? [...selection].sort((a, b) => a - b) : null;
  return { ...s, answers: replace(s.answers, s.position, value) };
}

/** Flags or unflags question `i`: the one on screen unless the review list names another. */
export function toggleFlag(s: ExamState, i: number = s.position): ExamState {
  return { ...s, flags: replace(s.flags, i, !s.flags[i]) };
}

/**
 * As the real exam marks a question: a multiple-response question with fewer ticks than it
 * asks for is incomplete, not answered (it still scores as wrong).
 */
export type QuestionStatus = 'answered' | 'incomplete' | 'unanswered';

/** `need` is how many choices each question asks for; a question missing from it asks for one. */
export function statusOf(s: ExamState, i: number, need: readonly number[] = []): QuestionStatus {
  const answer = s.answers[i];
  if (answer == null || answer.length === 0) return 'unanswered';
  return answer.length < (need[i] ?? 1) ? 'incomplete' : 'answered';
}

export interface ExamCounts {
  total: number;
  answered: number;
  incomplete: number;
  unanswered: number;
  flagged: number;
}

export function countsOf(s: ExamState, need: readonly number[] = []): ExamCounts {
  const statuses = s.answers.map((_, i) => statusOf(s, i, need));
  const count = (status: QuestionStatus) => statuses.filter((x) => x === status).length;
  return { total: totalOf(s), answered: count('answered'), incomplete: count('incomplete'), unanswered: count('unanswered'), flagged: s.flags.filter(Boolean).length };
}

/** Per-question time including the screen now open. */
export function timeSpent(s: ExamState, now: number): number[] {
  return settle(s, now).timeMs.slice();
}

// ---- The clock -------------------------------------------------------------------------

export interface ExamTimer {
  /** null when the exam is not timed: the clock then only counts up. */
  readonly limitMs: number | null;
  /** Time used while the clock was stopped last. */
  readonly usedMs: number;
  /** When the clock was last started; null while paused. */
  readonly runningSince: number | null;
}

export function newTimer(limitMs: number | null, usedMs = 0): ExamTimer {
  return { limitMs, usedMs: Math.max(0, usedMs), runningSince: null };
}

export function startTimer(t: ExamTimer, now: number): ExamTimer {
  return t.runningSince === null ? { ...t, runningSince: now } : t;
}

/** Stops the clock; time until it is started again does not count. */
export function pauseTimer(t: ExamTimer, now: number): ExamTimer {
  return t.runningSince === null ? t : { ...t, usedMs: elapsedMs(t, now), runningSince: null };
}

export function elapsedMs(t: ExamTimer, now: number): number {
  const used = t.usedMs + (t.runningSince === null ? 0 : Math.max(0, now - t.runningSince));
  return t.limitMs === null ? used : Math.min(used, t.limitMs);
}

/** null for an untimed exam. */
export function remainingMs(t: ExamTimer, now: number): number | null {
  return t.limitMs === null ? null : Math.max(0, t.limitMs - elapsedMs(t, now));
}

export function isExpired(t: ExamTimer, now: number): boolean {
  return t.limitMs !== null && remainingMs(t, now) === 0;
}

export type TimeNotice = 'tenMinutes' | 'oneMinute';

export const TEN_MINUTES = 10 * 60_000;
export const ONE_MINUTE = 60_000;
/** How long the ten-minute notice stays up; the one-minute notice stays to the end. */
export const NOTICE_SHOWN_MS = 60_000;

/** The notice to show at `now`, if any: for a minute after 10:00 left, and through the last minute. */
export function noticeAt(t: ExamTimer, now: number): TimeNotice | null {
  const left = remainingMs(t, now);
  if (left === null || left === 0) return null;
  if (left <= ONE_MINUTE) return 'oneMinute';
  if (left <= TEN_MINUTES && left > TEN_MINUTES - NOTICE_SHOWN_MS) return 'tenMinutes';
  return null;
}

/** Whole seconds as a clock shows them: remaining time rounds up, so 0:00 means time is up. */
export function clockSeconds(t: ExamTimer, now: number): number {
  const left = remainingMs(t, now);
  return left === null ? Math.floor(elapsedMs(t, now) / 1000) : Math.ceil(left / 1000);
}
