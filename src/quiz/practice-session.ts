import type { QuizQuestion } from '../bank/cache.js';
import { nextCard, ratingFor, type Card, type Grade } from './schedule.js';

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

/** Again when wrong; Good when right, or Hard when it took much longer than the learner's usual time. */
export function reviewAfter(previous: Card | undefined, correct: boolean, timeMs: number, usualMs: number | undefined, now: Date, parameters?: readonly number[]): ReviewUpdate {
  const rating = ratingFor(correct, timeMs, usualMs);
  return { rating, card: nextCard(previous, rating, now, parameters) };
}

export interface AnswerResult {
  questionId: string;
  topic: string;
  correct: boolean;
  timeMs: number;
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
