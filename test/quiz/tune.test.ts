import { default_w, fsrs, createEmptyCard, Rating, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { fitParameters } from '../../src/commands/tune.js';
import { seededRandom } from '../../src/quiz/random.js';
import type { Review } from '../../src/quiz/review-log.js';
import { trainingItems } from '../../src/quiz/tune-items.js';

// A learner whose memory follows FSRS with parameters far from the defaults (memories three
// times as stable, forgetting curve of another shape). Reviews are simulated from that truth;
// the fitted parameters must predict reviews of questions held out of the fit better than
// the defaults do.

const DAY = 86_400_000;

function simulate(cards: number, seed: string): Review[] {
  const truth = [...default_w];
  for (const i of [0, 1, 2, 3]) truth[i] = truth[i]! * 3; // initial stabilities
  truth[20] = 0.4; // decay
  const learner = fsrs({ w: truth, enable_fuzz: false, enable_short_term: false });
  const random = seededRandom(seed);
  const reviews: Review[] = [];
  for (let c = 1; c <= cards; c++) {
    let now = Date.UTC(2026, 0, 1) + Math.floor(random() * 30) * DAY;
    let card = createEmptyCard(new Date(now));
    for (let k = 0; k < 8; k++) {
      const recalled = k === 0 ? random() < 0.7 : random() < learner.get_retrievability(card, new Date(now), false);
      const rating: Grade = recalled ? Rating.Good : Rating.Again;
      reviews.push({ cardId: c, questionId: `q${c}`, reviewTime: now, rating, durationMs: 10_000 });
      card = learner.next(card, new Date(now), rating).card;
      // Reviews come when the learner gets to them: sometimes early, often late.
      const interval = Math.max(1, Math.round((card.due.getTime() - now) / DAY * (0.5 + random() * 2)));
      now += interval * DAY;
    }
  }
  return reviews;
}

describe('tune on a simulated learner whose true parameters are known', () => {
  it('predicts held-out reviews better than the default parameters', async () => {
    const binding = await import('@open-spaced-repetition/binding');
    const train = trainingItems(simulate(300, 'train'));
    const heldOut = trainingItems(simulate(150, 'held-out')).map((reviews) => new binding.FSRSBindingItem(reviews.map((r) => new binding.FSRSBindingReview(r.rating, r.deltaT))));
    expect(train.length).toBeGreaterThan(400);
    const fit = await fitParameters(train, binding);
    expect(fit.parameters).toHaveLength(21);
    const defaults = new binding.FSRSBinding().evaluate(heldOut);
    const fitted = new binding.FSRSBinding(fit.parameters).evaluate(heldOut);
    expect(fitted.logLoss).toBeLessThan(defaults.logLoss);
    expect(fit.after.logLoss).toBeLessThan(fit.before.logLoss);
  }, 60_000);

  it('turns each review after the first into an item holding the history up to it, in whole days', () => {
    const items = trainingItems([
      { cardId: 1, questionId: 'a', reviewTime: Date.UTC(2026, 0, 1, 10), rating: 3, durationMs: 1 },
      { cardId: 1, questionId: 'a', reviewTime: Date.UTC(2026, 0, 1, 11), rating: 1, durationMs: 1 },
      { cardId: 1, questionId: 'a', reviewTime: Date.UTC(2026, 0, 5, 11), rating: 3, durationMs: 1 },
      { cardId: 2, questionId: 'b', reviewTime: Date.UTC(2026, 0, 2, 10), rating: 3, durationMs: 1 },
    ]);
    expect(items).toEqual([
      [{ rating: 3, deltaT: 0 }, { rating: 1, deltaT: 0 }],
      [{ rating: 3, deltaT: 0 }, { rating: 1, deltaT: 0 }, { rating: 3, deltaT: 4 }],
    ]);
  });
});

describe('tuned parameters in scheduling', () => {
  it('schedule with the learner\'s parameters when valid, and with the defaults when not', async () => {
    const { nextCard, validParameters } = await import('../../src/quiz/schedule.js');
    const now = new Date(Date.UTC(2026, 0, 1));
    const slow = [...default_w];
    for (const i of [0, 1, 2, 3]) slow[i] = slow[i]! * 10;
    const tuned = nextCard(undefined, Rating.Good, now, slow);
    const plain = nextCard(undefined, Rating.Good, now);
    expect(tuned.stability).toBeGreaterThan(plain.stability * 5);
    expect(validParameters(slow)).toEqual(slow);
    for (const bad of [undefined, 'x', [1, 2], [...slow.slice(0, 20), Number.NaN], [...slow.slice(0, 20), '1']]) expect(validParameters(bad)).toBeUndefined();
  });
});
