import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/bank/cache.js';
import { DAY_MS, isCorrect, reviewAfter, summarize, upcomingReviews } from '../../src/quiz/practice-session.js';
import { Rating, State } from '../../src/quiz/schedule.js';

const multiple: QuizQuestion = {
  id: 'm',
  bank: 'b',
  topic: 't',
  domain: 'cost',
  type: 'multiple',
  question: '?',
  choices: [
    { text: 'a', correct: true },
    { text: 'b', correct: false },
    { text: 'c', correct: true },
    { text: 'd', correct: false },
  ],
  source: 'n#s',
};

const NOW = new Date(Date.UTC(2025, 2, 1, 12));
const MIN = 60_000;

describe('grading', () => {
  it('is right only for exactly the correct choices, in any order', () => {
    expect(isCorrect(multiple, [2, 0])).toBe(true);
    expect(isCorrect(multiple, [0])).toBe(false);
    expect(isCorrect(multiple, [0, 2, 1])).toBe(false);
    expect(isCorrect(multiple, [0, 0])).toBe(false);
    expect(isCorrect(multiple, [1, 3])).toBe(false);
  });
});

describe('scheduling after an answer', () => {
  it('rates a wrong answer Again and brings the question back within minutes', () => {
    const { rating, card } = reviewAfter(undefined, { correct: false, timeMs: 5000 }, 8000, NOW);
    expect(rating).toBe(Rating.Again);
    expect(card.due.getTime() - NOW.getTime()).toBeLessThanOrEqual(10 * MIN);
    expect(card.reps).toBe(1);
  });

  it('rates a right answer Good, or Hard when it took much longer than usual', () => {
    const good = reviewAfter(undefined, { correct: true, timeMs: 9000 }, 8000, NOW);
    const hard = reviewAfter(undefined, { correct: true, timeMs: 30_000 }, 8000, NOW);
    expect(good.rating).toBe(Rating.Good);
    expect(hard.rating).toBe(Rating.Hard);
    expect(hard.card.due.getTime()).toBeLessThan(good.card.due.getTime());
    // More than twice the usual time, not twice exactly.
    expect(reviewAfter(undefined, { correct: true, timeMs: 16_000 }, 8000, NOW).rating).toBe(Rating.Good);
    expect(reviewAfter(undefined, { correct: true, timeMs: 16_001 }, 8000, NOW).rating).toBe(Rating.Hard);
    // A wrong answer is Again however long it took.
    expect(reviewAfter(undefined, { correct: false, timeMs: 30_000 }, 8000, NOW).rating).toBe(Rating.Again);
    // Without a usual time yet (too few answers), speed is not judged.
    expect(reviewAfter(undefined, { correct: true, timeMs: 600_000 }, undefined, NOW).rating).toBe(Rating.Good);
  });

  it('grades by certainty: wrong is Again, right but unsure is Hard, right and sure is Good (still Hard when slow)', () => {
    const grade = (correct: boolean, certainty: 'sure' | 'unsure', timeMs = 5000) => reviewAfter(undefined, { correct, timeMs, certainty }, 8000, NOW).rating;
    expect(grade(false, 'sure')).toBe(Rating.Again);
    expect(grade(false, 'unsure')).toBe(Rating.Again);
    expect(grade(true, 'unsure')).toBe(Rating.Hard);
    expect(grade(true, 'sure')).toBe(Rating.Good);
    expect(grade(true, 'sure', 30_000)).toBe(Rating.Hard);
    // An unsure right answer is scheduled sooner than a sure one: a lucky guess is not knowing.
    const unsure = reviewAfter(undefined, { correct: true, timeMs: 5000, certainty: 'unsure' }, 8000, NOW).card;
    const sure = reviewAfter(undefined, { correct: true, timeMs: 5000, certainty: 'sure' }, 8000, NOW).card;
    expect(unsure.due.getTime()).toBeLessThan(sure.due.getTime());
  });

  it('spaces a well-known question out, and counts a lapse when it is then missed', () => {
    let card = reviewAfter(undefined, { correct: true, timeMs: 1000 }, undefined, NOW).card;
    let at = NOW;
    for (let i = 0; i < 3; i++) {
      at = new Date(card.due.getTime());
      card = reviewAfter(card, { correct: true, timeMs: 1000 }, undefined, at).card;
    }
    expect(card.state).toBe(State.Review);
    expect(card.due.getTime() - at.getTime()).toBeGreaterThan(2 * DAY_MS);
    const missed = reviewAfter(card, { correct: false, timeMs: 1000 }, undefined, new Date(card.due.getTime())).card;
    expect(missed.lapses).toBe(card.lapses + 1);
    expect(missed.state).toBe(State.Relearning);
  });
});

describe('summary figures', () => {
  it('adds up the score and the topics missed, most misses first', () => {
    const s = summarize(
      [
        { questionId: 'b', topic: 's3/basics', correct: true, timeMs: 1 },
        { questionId: 'c', topic: 's3/basics', correct: false, timeMs: 1 },
        { questionId: 'a', topic: 'vpc/peering', correct: false, timeMs: 1 },
        { questionId: 'd', topic: 'vpc/peering', correct: false, timeMs: 1 },
      ],
      10,
      90_000,
    );
    expect(s).toEqual({
      answered: 4,
      correct: 1,
      planned: 10,
      elapsedMs: 90_000,
      endedEarly: true,
      missed: [
        { topic: 'vpc/peering', wrong: 2 },
        { topic: 's3/basics', wrong: 1 },
      ],
    });
  });

  it('has not ended early when every planned question was answered', () => {
    const all = [{ questionId: 'a', topic: 't', correct: true, timeMs: 1 }];
    expect(summarize(all, 1, 10).endedEarly).toBe(false);
    expect(summarize(all, 2, 10).endedEarly).toBe(true);
  });

  it('counts a review due this very moment as due now, one due in exactly a day as within a day', () => {
    const now = NOW.getTime();
    const due = new Map([
      ['later', now + DAY_MS],
      ['soonest', now + MIN],
      ['now', now],
    ]);
    expect(upcomingReviews(due, new Set(due.keys()), now)).toEqual({ dueNow: 1, dueSoon: 2, nextAt: now + MIN });
  });

  it('says how many reviews are due now, within a day, and when the next one is', () => {
    const now = NOW.getTime();
    const due = new Map([
      ['a', now - 1],
      ['b', now + 2 * MIN],
      ['c', now + DAY_MS - 1],
      ['d', now + 3 * DAY_MS],
      ['gone', now - 5],
    ]);
    expect(upcomingReviews(due, new Set(['a', 'b', 'c', 'd']), now)).toEqual({ dueNow: 1, dueSoon: 2, nextAt: now + 2 * MIN });
    expect(upcomingReviews(new Map(), new Set(), now)).toEqual({ dueNow: 0, dueSoon: 0 });
  });
});
