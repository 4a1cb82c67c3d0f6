import { createEmptyCard, default_w, forgetting_curve, State, type Card } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { Domain } from '../../src/bank/schema.js';
import { BLUEPRINTS, EXAM_DOMAINS } from '../../src/quiz/blueprints.js';
import { addDays, dayStartMs } from '../../src/quiz/days.js';
import { apportion } from '../../src/quiz/exam-draw.js';
import { estimateScaled } from '../../src/quiz/exam-score.js';
import { seededRandom } from '../../src/quiz/random.js';
import { readiness, type ReadinessInput } from '../../src/quiz/readiness-model.js';
import { studyPlan } from '../../src/quiz/readiness-plan.js';
import { calibration, chanceRight, combinations, guessChance, recallFromAccuracy, shrunkAccuracy } from '../../src/quiz/readiness.js';
import { makeQuestion, multipleQuestion } from '../helpers/exam-questions.js';

const DAY = 86_400_000;

describe('the model pieces', () => {
  it('counts a guess as one choice in n, or one answer set of the stated size', () => {
    expect(guessChance('single', 4, 1)).toBe(0.25);
    expect(guessChance('multiple', 5, 2)).toBe(0.1);
    expect(guessChance('multiple', 6, 3)).toBe(0.05);
    expect(combinations(5, 2)).toBe(10);
    expect(combinations(3, 4)).toBe(0);
  });

  it('is right when recalled, or when not recalled and guessed', () => {
    expect(chanceRight(1, 0.25)).toBe(1);
    expect(chanceRight(0, 0.25)).toBe(0.25);
    expect(chanceRight(0.6, 0.25)).toBeCloseTo(0.7);
    expect(recallFromAccuracy(0.7, 0.25)).toBeCloseTo(0.6);
    expect(recallFromAccuracy(0.1, 0.25)).toBe(0);
  });

  it('shrinks thin evidence toward the domain and the learner overall, and trusts plenty of it', () => {
    const overall = { attempts: 200, correct: 160 };
    expect(shrunkAccuracy({ attempts: 1, correct: 0 }, undefined, overall)).toBeGreaterThan(0.6);
    expect(shrunkAccuracy({ attempts: 400, correct: 120 }, undefined, overall)).toBeCloseTo(0.3, 1);
    expect(shrunkAccuracy(undefined, { attempts: 50, correct: 25 }, overall)).toBeCloseTo((25 + 5 * (160 + 1) / 202) / 55, 5);
    // No answers at all: half known, a weak prior.
    expect(shrunkAccuracy(undefined, undefined, { attempts: 0, correct: 0 })).toBe(0.5);
  });
});

/** A card last reviewed `ago` days before `now`, with the given stability: its true recall follows FSRS's forgetting curve. */
function reviewedCard(stability: number, lastReview: number): Card {
  return { ...createEmptyCard(new Date(lastReview)), state: State.Review, stability, difficulty: 5, reps: 4, lapses: 0, last_review: new Date(lastReview), due: new Date(lastReview + stability * DAY) };
}

/**
 * A learner whose every card has a known stability; the truth is simulated exam by exam with
 * its own random numbers, drawing each domain's share as the blueprint does.
 */
function simulatedLearner(stabilityFor: (i: number) => number, examInDays: number) {
  const today = '2027-03-01';
  const now = dayStartMs(today) + 10 * 3600_000;
  const examDay = addDays(today, examInDays);
  const examAt = dayStartMs(examDay) + 9 * 3600_000;
  const questions: ReadinessInput['questions'][number][] = [];
  const cards = new Map<string, Card>();
  const truth: { domain: Domain; recall: number; guess: number }[] = [];
  EXAM_DOMAINS.forEach((domain, d) => {
    for (let i = 0; i < 100; i++) {
      const n = d * 100 + i;
      const multi = i % 4 === 0;
      const q = multi ? multipleQuestion(`q${n}`, { domain, topic: `t/${domain}-${i % 7}` }) : makeQuestion(`q${n}`, { domain, topic: `t/${domain}-${i % 7}` });
      questions.push({ question: q, group: domain });
      const stability = stabilityFor(n);
      const last = now - ((n % 10) + 1) * DAY;
      cards.set(q.id, reviewedCard(stability, last));
      const elapsedDays = (examAt - last) / DAY;
      const correct = q.choices.filter((c) => c.correct).length;
      truth.push({ domain, recall: forgetting_curve(default_w, elapsedDays, stability), guess: multi ? 1 / combinations(q.choices.length, correct) : 1 / q.choices.length });
    }
  });
  const input: ReadinessInput = {
    questions, weights: new Map(Object.entries(BLUEPRINTS.saa.weights)), count: 65, passMark: 720, cards, topics: [],
    examAt, examDay, today, medianAnswerMs: 60_000, history: [],
  };
  // The truth: 20,000 exams drawn as the blueprint draws them, answered by the learner's real memory.
  const random = seededRandom('truth');
  const perDomain = apportion(65, BLUEPRINTS.saa.weights, { secure: 100, resilient: 100, performant: 100, cost: 100 }) as Record<Domain, number>;
  const byDomain = Object.fromEntries(EXAM_DOMAINS.map((d) => [d, truth.filter((t) => t.domain === d)]));
  let totalRight = 0;
  let passes = 0;
  const exams = 20_000;
  for (let e = 0; e < exams; e++) {
    let right = 0;
    for (const d of EXAM_DOMAINS) {
      const pool = [...byDomain[d]!];
      for (let k = 0; k < perDomain[d]; k++) {
        const [t] = pool.splice(Math.floor(random() * pool.length), 1);
        if (random() < t!.recall || random() < t!.guess) right++;
      }
    }
    totalRight += right;
    if (estimateScaled(right / 65) >= 720) passes++;
  }
  return { input, meanPercent: (100 * totalRight) / (exams * 65), passRate: passes / exams };
}

describe('the forecast against a simulated learner whose memory is known', () => {
  const profiles = {
    strong: (i: number) => 120 + (i % 50) * 4,
    borderline: (i: number) => 0.3 + (i % 13) * 0.07,
    weak: (i: number) => 0.005 + (i % 5) * 0.005,
  };
  for (const [name, stability] of Object.entries(profiles)) {
    it(`${name}: expected percent within 3 points and pass chance within 0.05 of the simulated truth`, () => {
      const { input, meanPercent, passRate } = simulatedLearner(stability, 21);
      const r = readiness(input);
      expect(Math.abs(r.forecast.expectedPercent - meanPercent)).toBeLessThan(3);
      expect(Math.abs(r.forecast.passProbability - passRate)).toBeLessThan(0.05);
      expect(r.forecast.low).toBeLessThanOrEqual(r.forecast.expectedPercent);
      expect(r.forecast.high).toBeGreaterThanOrEqual(r.forecast.expectedPercent);
      if (name === 'strong') expect(passRate).toBeGreaterThan(0.9);
      if (name === 'weak') expect(passRate).toBeLessThan(0.1);
      if (name === 'borderline') expect(passRate).toBeGreaterThan(0.2);
      if (name === 'borderline') expect(passRate).toBeLessThan(0.8);
    });
  }

  it('gives the same forecast for the same data', () => {
    const { input } = simulatedLearner(profiles.borderline, 21);
    expect(readiness(input).forecast).toEqual(readiness(input).forecast);
  });

  it('forecasts lower the further away the exam is, as memory fades', () => {
    const near = readiness(simulatedLearner(profiles.borderline, 3).input).forecast.expectedPercent;
    const far = readiness(simulatedLearner(profiles.borderline, 60).input).forecast.expectedPercent;
    expect(far).toBeLessThan(near - 5);
  });

  it('estimates an unseen question from the topic accuracy, corrected for guessing', () => {
    const q = makeQuestion('new', { topic: 'vpc/endpoints', domain: 'secure' });
    const input: ReadinessInput = {
      questions: [{ question: q, group: 'secure' }], weights: new Map([['secure', 1]]), count: 1, passMark: 720, cards: new Map(),
      topics: [{ topic: 'vpc/endpoints', domain: 'secure', attempts: 1000, correct: 900 }],
      examAt: Date.UTC(2027, 0, 10), examDay: '2027-01-10', today: '2027-01-01', medianAnswerMs: undefined, history: [],
    };
    // 3 choices: accuracy 0.9 means recall (0.9 − 1/3)/(2/3) = 0.85, and right 0.85 + 0.15/3 = 0.9.
    expect(readiness(input).forecast.expectedPercent).toBeCloseTo(90, 0);
    expect(readiness({ ...input, topics: [] }).forecast.expectedPercent).toBeCloseTo(50, 0);
  });
});

describe('the plan to the exam date', () => {
  const today = '2027-03-01';
  const at = (day: string, hour = 12) => dayStartMs(day) + hour * 3600_000;

  it('counts reviews per day with overdue ones today, leaves out those after the exam, and paces new questions', () => {
    const plan = studyPlan({
      today, examDay: '2027-03-11', unseen: 70, medianAnswerMs: 30_000,
      due: [at('2027-02-20'), at('2027-02-28'), at(today), at('2027-03-02'), at('2027-03-02'), at('2027-03-10', 23), at('2027-03-11'), at('2027-04-01')],
    });
    expect(plan.daysLeft).toBe(10);
    expect(plan.reviewsPerDay).toHaveLength(10);
    expect(plan.reviewsPerDay[0]).toEqual({ day: today, reviews: 3, minutes: 2 });
    expect(plan.reviewsPerDay[1]).toEqual({ day: '2027-03-02', reviews: 2, minutes: 1 });
    expect(plan.reviewsPerDay[9]).toEqual({ day: '2027-03-10', reviews: 1, minutes: 1 });
    expect(plan.totalReviews).toBe(6);
    // 70 unseen over the 7 days that leave 3 before the exam.
    expect(plan.newPerDay).toBe(10);
    expect(plan.todayMinutes).toBe(7);
  });

  it('copes with an exam today or past, and with no answer times yet', () => {
    const plan = studyPlan({ today, examDay: today, unseen: 5, medianAnswerMs: undefined, due: [at(today)] });
    expect(plan.daysLeft).toBe(0);
    expect(plan.reviewsPerDay).toEqual([]);
    expect(plan.newPerDay).toBe(5);
    expect(plan.todayMinutes).toBeNull();
  });
});

describe('calibration', () => {
  it('reports the mean absolute error and the Brier score of past forecasts', () => {
    const c = calibration([
      { predictedPercent: 70, passProbability: 0.8, actualPercent: 75, passed: true },
      { predictedPercent: 60, passProbability: 0.3, actualPercent: 50, passed: false },
    ]);
    expect(c.mockExams).toBe(2);
    expect(c.meanAbsoluteError).toBeCloseTo(7.5);
    expect(c.brier).toBeCloseTo((0.04 + 0.09) / 2);
    expect(calibration([])).toEqual({ mockExams: 0, meanAbsoluteError: null, brier: null });
  });
});
