import { daysBetween, localDay } from './days.js';
import type { Review } from './review-log.js';

// The review log as the FSRS optimizer trains on it. Pure: each review after a card's first
// becomes one training item holding the card's reviews up to and including it, with the
// whole days since the review before (0 for the first, and within a day).

export interface ItemReview {
  rating: number;
  deltaT: number;
}

/** Below this many reviews the optimizer fits noise: tune refuses and says how many more are needed. */
export const MIN_REVIEWS = 400;

export function trainingItems(reviews: readonly Review[]): ItemReview[][] {
  const byCard = new Map<number, Review[]>();
  for (const r of reviews) byCard.set(r.cardId, [...(byCard.get(r.cardId) ?? []), r]);
  const items: ItemReview[][] = [];
  for (const list of byCard.values()) {
    const sorted = [...list].sort((a, b) => a.reviewTime - b.reviewTime);
    const history = sorted.map((r, i) => ({ rating: r.rating, deltaT: i === 0 ? 0 : Math.max(0, daysBetween(localDay(sorted[i - 1]!.reviewTime), localDay(r.reviewTime))) }));
    for (let k = 2; k <= history.length; k++) items.push(history.slice(0, k));
  }
  return items;
}
