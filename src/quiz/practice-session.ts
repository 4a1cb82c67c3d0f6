import type { QuizQuestion } from '../bank/cache.js';
import { nextCard, ratingFor, type Card, type Certainty, type Grade } from './schedule.js';
import { isDueAt, isUnseen, type LearnerState } from './select.js';

// What happens to one answer, and what a finished practice session adds up to. Pure.

/** Right when exactly the correct choices were chosen (original indexes, any order). */
export function isCorrect(question: QuizQuestion, selected: readonly number[]): boolean {
  const chosen = new Set(selected);
  return chosen.size === selected.length && question.choices.every((c, i) => c.correct === chosen.has(i));
}

export interface ReviewUpdate {
  rating: Grade;
  card: Card;
}

/** Again when wrong; Good when right, or Hard when unsure or much slower than the learner's usual time (see ratingFor). */
export function reviewAfter(
  previous: Card | undefined,
  answer: { correct: boolean; timeMs: number; certainty?: Certainty },
  usualMs: number | undefined,
  now: Date,
  parameters?: readonly number[],
): ReviewUpdate {
  const rating = ratingFor(answer.correct, answer.timeMs, usualMs, answer.certainty);
  return { rating, card: nextCard(previous, rating, now, parameters) };
}

export interface AnswerResult {
  questionId: string;
  topic: string;
  correct: boolean;
  timeMs: number;
  certainty?: Certainty;
}

export interface MissedTopic {
  topic: string;
  wrong: number;
}

export interface PracticeSummary {
  answered: number;
  correct: number;
  planned: number;
  elapsedMs: number;
  /** Ended by the learner before the last question. */
  endedEarly: boolean;
  /** Topics with at least one wrong answer, most misses first. */
  missed: MissedTopic[];
}

export function summarize(results: readonly AnswerResult[], planned: number, elapsedMs: number): PracticeSummary {
  const wrong = new Map<string, number>();
  for (const r of results) if (!r.correct) wrong.set(r.topic, (wrong.get(r.topic) ?? 0) + 1);
  return {
    answered: results.length,
    correct: results.filter((r) => r.correct).length,
    planned,
    elapsedMs,
    endedEarly: results.length < planned,
    missed: [...wrong].map(([topic, n]) => ({ topic, wrong: n })).sort((a, b) => b.wrong - a.wrong || a.topic.localeCompare(b.topic)),
  };
}

export interface UpcomingReviews {
  /** Already due now. */
  dueNow: number;
  /** Falling due within the next 24 hours (not counting those due now). */
  dueSoon: number;
  /** The next due time after now, if any. */
  nextAt?: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** When the reviews of the given questions fall due; questions not in `ids` (removed banks) are ignored. */
export function upcomingReviews(due: ReadonlyMap<string, number>, ids: ReadonlySet<string>, now: number): UpcomingReviews {
  let dueNow = 0;
  let dueSoon = 0;
  let nextAt: number | undefined;
  for (const [id, at] of due) {
    if (!ids.has(id)) continue;
    if (at <= now) dueNow++;
    else {
      if (at <= now + DAY_MS) dueSoon++;
      if (nextAt === undefined || at < nextAt) nextAt = at;
    }
  }
  return nextAt === undefined ? { dueNow, dueSoon } : { dueNow, dueSoon, nextAt };
}

/** Other questions asked between a miss and its second try: Anki's relearning step, counted in questions rather than minutes. */
export const RELEARN_GAP = 3;

/** Where the second try at the question asked at `index` goes in a queue of `length`: RELEARN_GAP questions on, or last. */
export function relearnSlot(index: number, length: number): number {
  return Math.min(index + 1 + RELEARN_GAP, length);
}

/** Second tries in the session: how many, and how many were right. */
export interface Relearned {
  tries: number;
  right: number;
}

/** The glance before the first question: what is waiting, and what this session holds by kind. */
export interface Glance {
  /** Questions among those practised that are due for review now. */
  dueNow: number;
  /** Questions among those practised never answered. */
  unseen: number;
  total: number;
  /** The session's questions by why they were drawn, in the order the kinds are drawn. */
  kinds: { reason: string; count: number }[];
}

export function glanceAt(pool: readonly { id: string }[], state: Pick<LearnerState, 'history' | 'due'>, drawn: readonly { reason: string }[], now: number): Glance {
  const counts = new Map<string, number>();
  for (const d of drawn) counts.set(d.reason, (counts.get(d.reason) ?? 0) + 1);
  return {
    dueNow: pool.filter((q) => isDueAt(state, q.id, now)).length,
    unseen: pool.filter((q) => isUnseen(state, q.id)).length,
    total: drawn.length,
    kinds: [...counts].map(([reason, count]) => ({ reason, count })),
  };
}
