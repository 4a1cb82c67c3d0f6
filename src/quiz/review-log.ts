import { ratingFor, type Certainty } from './schedule.js';

// The learner's answers as a review log: each answer with the rating practice gave it,
// replayed in order, as the FSRS optimizer reads them. Pure.

export interface AnswerEvent {
  questionId: string;
  answeredAt: number;
  correct: boolean;
  timeMs: number;
  /** What the learner said of it, when asked. */
  certainty?: Certainty;
}

export interface Review {
  cardId: number;
  questionId: string;
  reviewTime: number;
  /** 1 Again, 2 Hard, 3 Good. */
  rating: number;
  durationMs: number;
}

/** The usual time is the median of the last 50 right answers, once there are 5 (as when practising). */
const WINDOW = 50;
const MIN_RIGHT = 5;

/**
 * Ratings as practice gave them: Again when wrong, Hard when right but unsure or slower than
 * twice the usual time as it stood then, else Good. Cards are numbered by first appearance.
 */
export function* reviewLog(answers: Iterable<AnswerEvent>): Generator<Review> {
  const ids = new Map<string, number>();
  const recentRight: number[] = [];
  for (const a of answers) {
    let cardId = ids.get(a.questionId);
    if (cardId === undefined) ids.set(a.questionId, (cardId = ids.size + 1));
    const usual = recentRight.length >= MIN_RIGHT ? median(recentRight) : undefined;
    yield { cardId, questionId: a.questionId, reviewTime: a.answeredAt, rating: ratingFor(a.correct, a.timeMs, usual, a.certainty), durationMs: a.timeMs };
    if (a.correct) {
      recentRight.push(a.timeMs);
      if (recentRight.length > WINDOW) recentRight.shift();
    }
  }
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
