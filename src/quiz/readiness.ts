import { apportion } from './exam-draw.js';
import { seededRandom } from './random.js';

// "Will I pass on exam day?" as a forecast. Pure: each question's chance of being answered
// right on the exam date comes in; the distribution of the exam score goes out.
//
// A question's chance is p = r + (1 − r)·g: r, the chance the learner recalls the answer on
// the exam date (FSRS retrievability for a question with a card; for one never seen, their
// accuracy on its topic, shrunk toward its domain and then toward their overall accuracy,
// corrected for guessing), and g, the chance of guessing right when not recalled (1 in the
// number of choices, or 1 in the number of possible sets for a multiple-response question
// that says how many to choose). Exams are drawn as the blueprint draws them, group by group
// in proportion to its weights, and scored as the real exam is.

export interface ForecastQuestion {
  id: string;
  topic: string;
  /** The blueprint's grouping: the exam domain, SAA or SAP. */
  group: string;
  /** Chance of answering right on the exam date. */
  p: number;
}

export interface ScoreForecast {
  /** Expected percent right, 0–100. */
  expectedPercent: number;
  /** 10th and 90th percentiles of the percent right. */
  low: number;
  high: number;
  expectedScaled: number;
  lowScaled: number;
  highScaled: number;
  /** Chance that the scaled score reaches the pass mark. */
  passProbability: number;
  /** Expected accuracy of each group's questions, in the order given. */
  groups: { group: string; expected: number; questions: number; drawn: number }[];
  /** How many exams were simulated. */
  simulations: number;
}

/** Ways to choose k of n: the number of answer sets a multiple-response question admits. */
export function combinations(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/** Chance of a right guess: one choice of n, or one set of `correct` of n. */
export function guessChance(type: 'single' | 'multiple', choices: number, correct: number): number {
  if (choices <= 0) return 0;
  return type === 'single' ? 1 / choices : 1 / Math.max(1, combinations(choices, correct));
}

/** Right on the exam: recalled, or not recalled and guessed. */
export function chanceRight(recall: number, guess: number): number {
  const r = Math.min(1, Math.max(0, recall));
  return r + (1 - r) * guess;
}

/** Observed accuracy includes lucky guesses; what is known is what is left once they are taken out. */
export function recallFromAccuracy(accuracy: number, guess: number): number {
  if (guess >= 1) return 1;
  return Math.min(1, Math.max(0, (accuracy - guess) / (1 - guess)));
}

export interface Tally {
  attempts: number;
  correct: number;
}

/** How many answers' worth a prior counts: enough that one or two answers do not decide. */
export const PRIOR_STRENGTH = 5;
/** With no answers at all, the learner is assumed to know half (a weak prior worth two answers). */
const BLANK_PRIOR = { mean: 0.5, strength: 2 };

/**
 * Accuracy on a topic, shrunk toward the domain, which is shrunk toward the learner's
 * overall accuracy: the mean of Beta priors each worth PRIOR_STRENGTH answers.
 */
export function shrunkAccuracy(topic: Tally | undefined, domain: Tally | undefined, overall: Tally): number {
  const all = (overall.correct + BLANK_PRIOR.mean * BLANK_PRIOR.strength) / (overall.attempts + BLANK_PRIOR.strength);
  const dom = domain ? (domain.correct + PRIOR_STRENGTH * all) / (domain.attempts + PRIOR_STRENGTH) : all;
  return topic ? (topic.correct + PRIOR_STRENGTH * dom) / (topic.attempts + PRIOR_STRENGTH) : dom;
}

export interface ForecastOptions {
  count: number;
  weights: ReadonlyMap<string, number>;
  /** The pass mark on the 100–1000 scale, and the scaling from a fraction to it. */
  passMark: number;
  scale: (fraction: number) => number;
  simulations?: number;
  seed?: string;
}

/**
 * The score distribution over exams drawn as the blueprint draws them. The mean is exact;
 * the band and the chance of passing come from simulated exams with a fixed seed, so the
 * same questions and chances always give the same forecast.
 */
export function forecastScore(questions: readonly ForecastQuestion[], options: ForecastOptions): ScoreForecast {
  const byGroup = new Map<string, ForecastQuestion[]>([...options.weights.keys()].map((g) => [g, []]));
  for (const q of [...questions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) byGroup.get(q.group)?.push(q);
  const available = new Map([...byGroup].map(([g, qs]) => [g, qs.length]));
  // Split as the exam draw splits it: largest remainder by weight, the shortfall of a thin group spread over the rest.
  const split = apportion(options.count, Object.fromEntries(options.weights), Object.fromEntries(available));
  const drawn = new Map(Object.entries(split));
  const total = [...drawn.values()].reduce((n, c) => n + c, 0);
  const mean = (qs: readonly ForecastQuestion[]) => (qs.length ? qs.reduce((s, q) => s + q.p, 0) / qs.length : 0);
  const groups = [...byGroup].map(([group, qs]) => ({ group, expected: mean(qs), questions: qs.length, drawn: drawn.get(group) ?? 0 }));
  if (total === 0) {
    const scaled = options.scale(0);
    return { expectedPercent: 0, low: 0, high: 0, expectedScaled: scaled, lowScaled: scaled, highScaled: scaled, passProbability: 0, groups, simulations: 0 };
  }
  const expectedRight = groups.reduce((s, g) => s + g.drawn * g.expected, 0);

  // 2,000 exams put the chance of passing within about ±0.01 (its standard error), at a few milliseconds.
  const simulations = options.simulations ?? 2000;
  const random = seededRandom(options.seed ?? 'readiness');
  const scores = new Array<number>(simulations);
  let passes = 0;
  // Each simulated exam shuffles the front of each group's array in place (a partial
  // Fisher–Yates): any order in, a uniform draw without repeats out, and nothing allocated.
  const pools = [...byGroup].map(([g, qs]) => ({ ps: Float64Array.from(qs, (q) => q.p), take: drawn.get(g) ?? 0 }));
  for (let s = 0; s < simulations; s++) {
    let right = 0;
    for (const { ps, take } of pools) {
      for (let i = 0; i < take; i++) {
        const j = i + Math.floor(random() * (ps.length - i));
        const p = ps[j]!;
        ps[j] = ps[i]!;
        ps[i] = p;
        if (random() < p) right++;
      }
    }
    scores[s] = right;
    if (options.scale(right / total) >= options.passMark) passes++;
  }
  scores.sort((a, b) => a - b);
  const quantile = (f: number) => scores[Math.min(simulations - 1, Math.floor(f * simulations))]!;
  const pct = (right: number) => (100 * right) / total;
  return {
    expectedPercent: pct(expectedRight),
    low: pct(quantile(0.1)),
    high: pct(quantile(0.9)),
    expectedScaled: options.scale(expectedRight / total),
    lowScaled: options.scale(quantile(0.1) / total),
    highScaled: options.scale(quantile(0.9) / total),
    passProbability: passes / simulations,
    groups,
    simulations,
  };
}

export interface CalibrationPoint {
  /** When the exam started (ms), for display. */
  startedAt?: number;
  predictedPercent: number;
  passProbability: number;
  actualPercent: number;
  passed: boolean;
}

/** How good past forecasts were: mean absolute error in points, and the Brier score of the pass forecasts (0 best, 0.25 a coin). */
export function calibration(points: readonly CalibrationPoint[]): { mockExams: number; meanAbsoluteError: number | null; brier: number | null } {
  if (!points.length) return { mockExams: 0, meanAbsoluteError: null, brier: null };
  const mae = points.reduce((s, p) => s + Math.abs(p.predictedPercent - p.actualPercent), 0) / points.length;
  const brier = points.reduce((s, p) => s + (p.passProbability - (p.passed ? 1 : 0)) ** 2, 0) / points.length;
  return { mockExams: points.length, meanAbsoluteError: mae, brier };
}
