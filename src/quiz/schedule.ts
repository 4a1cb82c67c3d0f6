import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';

// Spaced repetition is FSRS via ts-fsrs; this module only decides the rating and
// converts cards to and from what the store keeps.

const defaultScheduler = fsrs({ enable_fuzz: false });
let tuned: { key: string; scheduler: ReturnType<typeof fsrs> } | undefined;

/** FSRS parameters a learner's own reviews were fitted to (`aws-quiz tune`): 21 finite numbers, else the defaults. */
export function validParameters(value: unknown): number[] | undefined {
  return Array.isArray(value) && value.length === 21 && value.every((n) => typeof n === 'number' && Number.isFinite(n)) ? (value as number[]) : undefined;
}

function schedulerFor(parameters: readonly number[] | undefined): ReturnType<typeof fsrs> {
  if (!parameters) return defaultScheduler;
  const key = parameters.join(',');
  if (tuned?.key !== key) tuned = { key, scheduler: fsrs({ enable_fuzz: false, w: [...parameters] }) };
  return tuned.scheduler;
}

/** Slower than this multiple of the learner's usual time counts a right answer as Hard. */
export const SLOW_FACTOR = 2;

/** What the learner said of an answer: certainty-based marking's two levels. */
export type Certainty = 'sure' | 'unsure';

/**
 * The FSRS grade of one answer. Wrong is Again. Right is Good, or Hard when the learner said
 * they were unsure (a lucky guess is not knowing) or took much longer than usual.
 */
export function ratingFor(correct: boolean, timeMs: number, usualMs: number | undefined, certainty?: Certainty): Grade {
  if (!correct) return Rating.Again;
  if (certainty === 'unsure') return Rating.Hard;
  if (usualMs !== undefined && usualMs > 0 && timeMs > usualMs * SLOW_FACTOR) return Rating.Hard;
  return Rating.Good;
}

export function nextCard(previous: Card | undefined, rating: Grade, now: Date, parameters?: readonly number[]): Card {
  return schedulerFor(parameters).next(previous ?? createEmptyCard(now), now, rating).card;
}

export function serializeCard(card: Card): string {
  return JSON.stringify(card);
}

/**
 * The stored card, or undefined when it cannot be read (broken JSON, a missing or
 * invalid field): the question is then scheduled as new rather than lose the answer.
 */
export function readCard(json: string): Card | undefined {
  try {
    const card = parseCard(json);
    const numbers = [card.stability, card.difficulty, card.scheduled_days, card.reps, card.lapses, card.state];
    if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n)) || !Number.isFinite(card.due.getTime())) return undefined;
    if (card.last_review && !Number.isFinite(card.last_review.getTime())) return undefined;
    return card;
  } catch {
    return undefined;
  }
}

export function parseCard(json: string): Card {
  const raw = JSON.parse(json) as Card & { due: string; last_review?: string };
  if (!raw || typeof raw !== 'object') throw new TypeError('a card is an object');
  const card: Card = { ...raw, due: new Date(raw.due) };
  if (raw.last_review) card.last_review = new Date(raw.last_review);
  else delete card.last_review;
  return card;
}

export { Rating, State, type Card, type Grade };

/**
 * The chance of recalling a card's answer at `when` (FSRS retrievability); 0 for a card
 * never reviewed, whose memory has no stability yet.
 */
export function recallAt(card: Card, when: Date, parameters?: readonly number[]): number {
  if (card.state === State.New || !card.last_review || !(card.stability > 0)) return 0;
  const r = schedulerFor(parameters).get_retrievability(card, when, false);
  return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
}
