import { EXTRA_MINUTES, type Blueprint } from './blueprints.js';

// How long an exam lasts and what it is called, from the blueprint and what the learner asked
// for. Pure, so the intro, the report and --list agree.

export interface TimeAsked {
  /** Questions asked for, and drawn (fewer when the banks are short). */
  asked: number;
  drawn: number;
  timed?: boolean;
  /** --minutes: the time limit before any extra time. */
  minutes?: number;
  /** --extra-time (or --esl, which means EXTRA_MINUTES). */
  extraMinutes?: number;
}

export interface ExamTime {
  /** --minutes and --extra-time imply a timed exam. */
  timed: boolean;
  /** The limit before extra time: the blueprint's, its pace for a short exam, or --minutes. */
  baseMinutes: number;
  extraMinutes: number;
  /** baseMinutes + extraMinutes. */
  minutes: number;
}

export function examTime(b: Blueprint, o: TimeAsked): ExamTime {
  const extraMinutes = Math.max(0, o.extraMinutes ?? 0);
  const timed = Boolean(o.timed) || o.minutes !== undefined || extraMinutes > 0;
  // A short exam keeps the blueprint's pace unless the learner set the time.
  const baseMinutes = o.minutes ?? (o.drawn < o.asked ? Math.max(1, Math.ceil((b.minutes * o.drawn) / o.asked)) : b.minutes);
  return { timed, baseMinutes, extraMinutes, minutes: baseMinutes + extraMinutes };
}

/** --extra-time N, or --esl for the 30 minutes AWS grants; the larger when both are given. */
export function extraMinutesAsked(o: { extraTime?: number; esl?: boolean }): number {
  return Math.max(o.extraTime ?? 0, o.esl ? EXTRA_MINUTES : 0);
}

/** What an exam was asked with, as stored in its filters. */
export interface AskedShape {
  /** Questions in the exam. */
  total: number;
  timed?: boolean;
  /** The time limit before extra time. */
  minutes?: number;
}

/**
 * Whether an exam differs from its blueprint in length or (timed) in time, so it is called
 * custom rather than by the blueprint's name. Extra time granted for language is not a change.
 */
export function isCustomExam(b: Blueprint, e: AskedShape): boolean {
  return e.total !== b.count || (Boolean(e.timed) && e.minutes !== undefined && e.minutes !== b.minutes);
}

/** The blueprint whose weights an exam draws by: quick is a short SAA-C03. */
export const weightsBlueprint = (b: Blueprint): 'saa' | 'sap' => (b.name === 'sap' ? 'sap' : 'saa');
