import type { QuizQuestion } from '../bank/cache.js';
import { estimateScaled, correctChoices } from './exam-score.js';
import { studyPlan, type Plan } from './readiness-plan.js';
import { calibration, chanceRight, forecastScore, guessChance, recallFromAccuracy, shrunkAccuracy, type CalibrationPoint, type ForecastQuestion, type ScoreForecast, type Tally } from './readiness.js';
import { recallAt, type Card } from './schedule.js';

// Everything `aws-quiz readiness` shows, from data the command has read. Pure.

export interface ReadinessInput {
  /** The blueprint's pool, each with the group the blueprint weighs it by. */
  questions: readonly { question: QuizQuestion; group: string }[];
  weights: ReadonlyMap<string, number>;
  count: number;
  passMark: number;
  cards: ReadonlyMap<string, Card>;
  topics: readonly { topic: string; domain: string; attempts: number; correct: number }[];
  /** When the exam is taken (ms), and its local day. */
  examAt: number;
  examDay: string;
  today: string;
  medianAnswerMs: number | undefined;
  history: readonly CalibrationPoint[];
}

export interface WeakSpot {
  name: string;
  expected: number;
  questions: number;
}

export interface Readiness {
  forecast: ScoreForecast;
  plan: Plan;
  weakestGroups: WeakSpot[];
  weakestTopics: WeakSpot[];
  seen: number;
  total: number;
  calibration: ReturnType<typeof calibration> & { exams: readonly CalibrationPoint[] };
}

const sum = (xs: readonly Tally[]): Tally => xs.reduce((a, x) => ({ attempts: a.attempts + x.attempts, correct: a.correct + x.correct }), { attempts: 0, correct: 0 });

/** Each question's chance of being answered right on the exam date, and whether it was ever seen. */
export function questionChances(input: Pick<ReadinessInput, 'questions' | 'cards' | 'topics' | 'examAt'>): (ForecastQuestion & { seen: boolean })[] {
  const byTopic = new Map<string, Tally>();
  const byDomain = new Map<string, Tally>();
  for (const t of input.topics) {
    byTopic.set(t.topic, sum([byTopic.get(t.topic) ?? { attempts: 0, correct: 0 }, t]));
    byDomain.set(t.domain, sum([byDomain.get(t.domain) ?? { attempts: 0, correct: 0 }, t]));
  }
  const overall = sum([...byDomain.values()]);
  const when = new Date(input.examAt);
  return input.questions.map(({ question: q, group }) => {
    const guess = guessChance(q.type, q.choices.length, correctChoices(q).length);
    const card = input.cards.get(q.id);
    const recall = card && card.reps > 0 ? recallAt(card, when) : recallFromAccuracy(shrunkAccuracy(byTopic.get(q.topic), byDomain.get(q.domain), overall), guess);
    return { id: q.id, topic: q.topic, group, p: chanceRight(recall, guess), seen: card !== undefined && card.reps > 0 };
  });
}

function weakest(chances: readonly ForecastQuestion[], key: (q: ForecastQuestion) => string, limit: number): WeakSpot[] {
  const groups = new Map<string, number[]>();
  for (const q of chances) groups.set(key(q), [...(groups.get(key(q)) ?? []), q.p]);
  return [...groups]
    .map(([name, ps]) => ({ name, expected: ps.reduce((a, b) => a + b, 0) / ps.length, questions: ps.length }))
    .sort((a, b) => a.expected - b.expected || b.questions - a.questions || (a.name < b.name ? -1 : 1))
    .slice(0, limit);
}

export function readiness(input: ReadinessInput): Readiness {
  const chances = questionChances(input);
  const forecast = forecastScore(chances, { count: input.count, weights: input.weights, passMark: input.passMark, scale: estimateScaled });
  const due = input.questions.flatMap(({ question: q }) => {
    const card = input.cards.get(q.id);
    return card && card.reps > 0 ? [card.due.getTime()] : [];
  });
  const seen = chances.filter((c) => c.seen).length;
  const plan = studyPlan({ today: input.today, examDay: input.examDay, due, unseen: chances.length - seen, medianAnswerMs: input.medianAnswerMs });
  return {
    forecast,
    plan,
    weakestGroups: weakest(chances, (q) => q.group, 4),
    weakestTopics: weakest(chances, (q) => q.topic, 5),
    seen,
    total: chances.length,
    calibration: { ...calibration(input.history), exams: input.history },
  };
}
