import { existsSync } from 'node:fs';
import type { QuizQuestion } from '../bank/cache.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/i18n.js';
import { BLUEPRINTS, domainOf, isBlueprintName } from '../quiz/blueprints.js';
import { addDays, dayStartMs, localDay } from '../quiz/days.js';
import { readiness, type Readiness } from '../quiz/readiness-model.js';
import type { CalibrationPoint } from '../quiz/readiness.js';
import { usualAnswerTimeMs } from '../store/answers.js';
import { openStore, resolveDbPath, type Store } from '../store/open.js';
import { forecastedExams, saveExamForecast, topicTallies } from '../store/readiness.js';
import { setSetting } from '../store/settings.js';
import { renderReadiness, renderReadinessJson } from '../ui/readiness-report.js';
import { terminalWidth } from '../ui/text.js';
import { EXAM_HOUR, EXAM_PLAN_SETTING, isDay, readableCards, readExamPlan, type ExamPlan } from './exam-day.js';
import { quizBanksFor } from './quiz-banks.js';

export interface ReadinessOptions {
  blueprint?: string;
  examDate?: string;
  json?: boolean;
  db?: string;
  questions?: string[];
}

/** `--exam-date`: a real day, today or later; "none" forgets the date. */
export function parseExamDate(value: string, today: string): string | null {
  if (value === 'none') return null;
  if (!isDay(value) || value < today) throw new UsageError(t('readiness.badDate', { value }));
  return value;
}

/** Every mock exam that had a forecast: each was forecast for itself, so each checks the model. */
function historyOf(store: Store): CalibrationPoint[] {
  return forecastedExams(store).flatMap((e) => {
    const r = e.result as { percent?: unknown; passed?: unknown } | null;
    if (typeof r?.percent !== 'number' || typeof r.passed !== 'boolean') return [];
    return [{ predictedPercent: e.expectedPercent, passProbability: e.passProbability, actualPercent: r.percent, passed: r.passed, startedAt: e.startedAt }];
  });
}

/**
 * The forecast for a blueprint and date from what the store and the banks hold; `count`
 * overrides the blueprint's length (a custom exam).
 */
export function readinessFor(store: Store | undefined, questions: readonly QuizQuestion[], plan: ExamPlan, now: Date, count?: number): Readiness & { plan: Readiness['plan']; examDay: string; today: string } {
  const blueprint = BLUEPRINTS[plan.blueprint];
  const today = localDay(now.getTime());
  const examDay = plan.date ?? today;
  const examAt = plan.date ? dayStartMs(examDay) + EXAM_HOUR * 3600_000 : now.getTime();
  const group = domainOf(blueprint);
  const result = readiness({
    questions: questions.map((question) => ({ question, group: group(question) })),
    weights: new Map(Object.entries(blueprint.weights) as [string, number][]),
    count: count ?? blueprint.count,
    passMark: blueprint.passMark,
    cards: store ? readableCards(store) : new Map(),
    topics: store ? topicTallies(store) : [],
    examAt,
    examDay,
    today,
    medianAnswerMs: store ? usualAnswerTimeMs(store) : undefined,
    history: store ? historyOf(store) : [],
  });
  return { ...result, examDay, today };
}

export async function readinessCommand(options: ReadinessOptions, io: { now?: Date; env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  const now = io.now ?? new Date();
  const env = io.env ?? process.env;
  const today = localDay(now.getTime());
  if (options.blueprint !== undefined && (!isBlueprintName(options.blueprint) || options.blueprint === 'quick')) throw new UsageError(t('error.badChoice', { flag: '--blueprint', values: 'saa, sap', value: options.blueprint }));
  const date = options.examDate === undefined ? undefined : parseExamDate(options.examDate, today);
  const changing = options.blueprint !== undefined || date !== undefined;

  const { questions } = await quizBanksFor(options, env);
  const path = resolveDbPath(options.db, env);
  // Reading never creates a database; remembering a date or blueprint does.
  const store = existsSync(path) || changing ? openStore(path, { readonly: !changing }) : undefined;
  try {
    let plan: ExamPlan = store ? readExamPlan(store) : { blueprint: 'saa', date: null };
    if (changing) {
      plan = { blueprint: (options.blueprint as ExamPlan['blueprint'] | undefined) ?? plan.blueprint, date: date === undefined ? plan.date : date };
      setSetting(store!, EXAM_PLAN_SETTING, plan);
    }
    // A remembered date that has passed is no longer an exam to prepare for.
    if (plan.date !== null && plan.date < today) plan = { ...plan, date: null };
    const r = readinessFor(store, questions, plan, now);
    const answered = r.seen > 0 || (store !== undefined && topicTallies(store).length > 0);
    const view = { ...r, blueprint: plan.blueprint, date: plan.date, answered, lastDay: plan.date ? addDays(plan.date, -1) : today };
    process.stdout.write((options.json ? renderReadinessJson(view) : renderReadiness(view, terminalWidth()).join('\n')) + '\n');
    return 0;
  } finally {
    store?.close();
  }
}

/**
 * The forecast made as a mock exam starts, for that exam as drawn (its pool and length, if
 * taken now), kept so that `readiness` can later show how good its forecasts were.
 */
export function recordExamForecast(store: Store, examId: number, pool: readonly QuizQuestion[], blueprint: 'saa' | 'sap' | 'quick', count: number, now: Date): void {
  const r = readinessFor(store, pool, { blueprint: blueprint === 'sap' ? 'sap' : 'saa', date: null }, now, count);
  saveExamForecast(store, examId, { expectedPercent: r.forecast.expectedPercent, passProbability: r.forecast.passProbability }, now.getTime());
}
