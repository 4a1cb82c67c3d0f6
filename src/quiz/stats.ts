// Statistics as pure functions: totals read from the roll-up tables come in, the report
// that both the text and the JSON output are made from comes out. No clock is read here;
// `today` and `now` are passed in.

import { addDays, daysBetween, localDay } from './days.js';
import { HALF_LIFE_DAYS, MIN_ATTEMPTS, PRIOR_STRENGTH, rankTopics, type TopicStat, type TopicTotals } from './topics.js';

export * from './days.js';
export * from './topics.js';

/** A question forgotten this many times after being learned is a leech. */
export const LEECH_LAPSES = 4;
/** The exam blueprint's domains, in the order the SAA guide lists them (as in src/bank/schema.ts). */
export const DOMAIN_ORDER = ['secure', 'resilient', 'performant', 'cost'] as const;
/** Days ahead shown in the review forecast, after today. */
export const FORECAST_DAYS = 7;


// ---------------------------------------------------------------- --since

export interface Period {
  /** As given: `all`, `7d`, `4w` or a date. */
  since: string;
  /** First day counted, or null for all time. */
  fromDay: string | null;
  toDay: string;
}

const MAX_DAYS = 36_500;

/** `all`, `<n>d`, `<n>w` or `YYYY-MM-DD`; undefined when the value is none of these. */
export function parseSince(value: string, today: string): Period | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'all') return { since: 'all', fromDay: null, toDay: today };
  const n = /^(\d{1,6})([dw])$/.exec(v);
  if (n) {
    const days = Number(n[1]) * (n[2] === 'w' ? 7 : 1);
    if (days < 1 || days > MAX_DAYS) return undefined;
    return { since: v, fromDay: addDays(today, -(days - 1)), toDay: today };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(v) && addDays(v, 0) === v && v <= today) return { since: v, fromDay: v, toDay: today };
  return undefined;
}


// ---------------------------------------------------------------- domains, streaks, activity

export interface DomainStat {
  domain: string;
  attempts: number;
  correct: number;
  accuracy: number | null;
}

/** Every blueprint domain, answered or not, then any other domain found in the data. */
export function domainTotals(rows: TopicTotals[]): DomainStat[] {
  const sums = new Map<string, { attempts: number; correct: number }>(DOMAIN_ORDER.map((d) => [d, { attempts: 0, correct: 0 }]));
  for (const r of rows) {
    const s = sums.get(r.domain) ?? { attempts: 0, correct: 0 };
    s.attempts += r.attempts;
    s.correct += r.correct;
    sums.set(r.domain, s);
  }
  return [...sums].map(([domain, s]) => ({ domain, attempts: s.attempts, correct: s.correct, accuracy: s.attempts ? s.correct / s.attempts : null }));
}

export interface Streaks {
  /** Consecutive days up to today, or up to yesterday while today is still open. */
  current: number;
  best: number;
}

/** `days`: distinct study days, ascending. */
export function streaks(days: readonly string[], today: string): Streaks {
  let best = 0;
  let run = 0;
  let prev: string | undefined;
  for (const d of days) {
    run = prev !== undefined && daysBetween(prev, d) === 1 ? run + 1 : 1;
    best = Math.max(best, run);
    prev = d;
  }
  const last = days[days.length - 1];
  const alive = last !== undefined && (last === today || daysBetween(last, today) === 1);
  return { current: alive ? run : 0, best };
}

export interface DayCount {
  day: string;
  attempts: number;
  correct: number;
}

/** One entry per day from `from` to `to`, days without answers as zero. */
export function activitySeries(rows: readonly DayCount[], from: string, to: string): DayCount[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const out: DayCount[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(byDay.get(d) ?? { day: d, attempts: 0, correct: 0 });
  return out;
}

// ---------------------------------------------------------------- exams

/** A finished exam as sessions keeps it; `result` is the JSON the exam writes when scoring. */
export interface ExamRow {
  id: number;
  /** The exam's own number (1, 2, 3 …), as `exam --list` and `--review N` know it; the id when unknown. */
  number?: number;
  blueprint: string | null;
  startedAt: number;
  timeUsedMs: number;
  timeLimitMs: number | null;
  result: string | null;
}

export interface ExamStat {
  id: number;
  number: number;
  date: string;
  startedAt: number;
  blueprint: string | null;
  correct: number | null;
  total: number | null;
  percent: number | null;
  scaled: number | null;
  passMark: number | null;
  passed: boolean | null;
  timeUsedMs: number;
  timeLimitMs: number | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Reads what it can from the result; a damaged or older result still gives a row. */
export function examStat(row: ExamRow): ExamStat {
  let r: Record<string, unknown> = {};
  try {
    const parsed: unknown = row.result ? JSON.parse(row.result) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) r = parsed as Record<string, unknown>;
  } catch {
    // Leave the fields unknown.
  }
  const correct = num(r.correct);
  const total = num(r.total);
  const percent = num(r.percent) ?? (correct !== null && total ? Math.round((correct / total) * 1000) / 10 : null);
  return {
    id: row.id,
    number: row.number ?? row.id,
    date: localDay(row.startedAt),
    startedAt: row.startedAt,
    blueprint: typeof r.blueprint === 'string' ? r.blueprint : row.blueprint,
    correct,
    total,
    percent,
    scaled: num(r.scaled),
    passMark: num(r.passMark),
    passed: typeof r.passed === 'boolean' ? r.passed : null,
    timeUsedMs: num(r.timeUsedMs) ?? row.timeUsedMs,
    timeLimitMs: num(r.timeLimitMs) ?? row.timeLimitMs,
  };
}

// ---------------------------------------------------------------- reviews

export interface ReviewForecast {
  /** Due at this moment. */
  dueNow: number;
  /** Due by the end of today, overdue ones included. */
  dueToday: number;
  /** The next FORECAST_DAYS days after today. */
  next: { day: string; due: number }[];
}

/** `byDay`: due counts by local day, with every overdue review counted on today. */
export function forecast(dueNow: number, byDay: readonly { day: string; due: number }[], today: string): ReviewForecast {
  const m = new Map(byDay.map((r) => [r.day, r.due]));
  const next = Array.from({ length: FORECAST_DAYS }, (_, i) => {
    const day = addDays(today, i + 1);
    return { day, due: m.get(day) ?? 0 };
  });
  return { dueNow, dueToday: m.get(today) ?? 0, next };
}

// ---------------------------------------------------------------- the whole report

export interface LeechRow {
  id: string;
  lapses: number;
  topic: string | null;
  bank: string | null;
  attempts: number;
  wrong: number;
  lastSeen: number | null;
  /** The local day of the latest answer as stored with it, when the database keeps it. */
  lastDay?: string | null;
}

/** A question answered wrong while sure and not put right since (see openMisconceptions in the store). */
export interface MisconceptionInput {
  id: string;
  bank: string;
  topic: string;
  times: number;
  lastDay: string | null;
  lastAt: number;
  picked: number[];
}

export interface Misconception {
  id: string;
  bank: string;
  topic: string;
  /** Wrong-and-sure answers, all told. */
  times: number;
  lastSeen: string;
  /** Original choice indexes picked the latest time. */
  picked: number[];
  /** Their texts, when the banks are at hand. */
  pickedText: string[] | null;
  source: string | null;
}

export interface Leech extends Omit<LeechRow, 'lastSeen' | 'lastDay'> {
  lastSeen: string | null;
  /** The note section behind the question, when the banks are at hand. */
  source: string | null;
}

/** What the banks contribute; absent when they could not be read. */
export interface BankFacts {
  /** Question ids (of the selected banks) with their topic and source. */
  questions: readonly { id: string; topic: string; source: string }[];
}

export interface StatsInput {
  today: string;
  period: Period;
  banks: string[] | null;
  topics: TopicTotals[];
  studyDays: string[];
  activity: DayCount[];
  activityFrom: string;
  exams: ExamRow[];
  dueNow: number;
  dueByDay: { day: string; due: number }[];
  leeches: LeechRow[];
  seenIds: string[];
  bankFacts: BankFacts | null;
  /** Absent in a file written before certainty was asked. */
  misconceptions?: MisconceptionInput[];
  /** Texts of the choices picked, by question id, when the banks could be read. */
  choiceTexts?: ReadonlyMap<string, readonly string[]>;
  /** Crammed answers in the period. */
  cram?: number;
}

/** The readiness forecast in one line, when the learner has set an exam date. */
export interface ReadinessSummary {
  blueprint: string;
  examDate: string;
  expectedPercent: number;
  passProbability: number;
}

export interface StatsReport {
  version: 1;
  /** Set by the command: null when no exam date is set. */
  readiness?: ReadinessSummary | null;
  today: string;
  period: Period;
  banks: string[] | null;
  overview: {
    answered: number;
    correct: number;
    accuracy: number | null;
    studyTimeMs: number;
    daysStudied: number;
    streak: Streaks;
    coverage: { seen: number; total: number; ratio: number } | null;
    /** Answers given with --cram: counted above as activity, never in retention. */
    cram: number;
  };
  topics: {
    method: { halfLifeDays: number; priorStrength: number; priorMean: number; minAttempts: number };
    ranked: TopicStat[];
    fewAttempts: TopicStat[];
    untried: string[] | null;
  };
  domains: DomainStat[];
  exams: ExamStat[];
  reviews: ReviewForecast & { retention: { reviews: number; correct: number; rate: number | null } };
  leeches: Leech[];
  misconceptions: Misconception[];
  activity: DayCount[];
}

export function buildReport(input: StatsInput): StatsReport {
  const { topics, period } = input;
  const answered = topics.reduce((s, r) => s + r.attempts, 0);
  const correct = topics.reduce((s, r) => s + r.correct, 0);
  const dueAttempts = topics.reduce((s, r) => s + r.dueAttempts, 0);
  const dueCorrect = topics.reduce((s, r) => s + r.dueCorrect, 0);
  const ranking = rankTopics(topics);
  const inPeriod = period.fromDay === null ? input.studyDays : input.studyDays.filter((d) => d >= period.fromDay!);

  let coverage: StatsReport['overview']['coverage'] = null;
  let untried: string[] | null = null;
  const sourceOf = new Map<string, string>();
  if (input.bankFacts) {
    const questions = input.bankFacts.questions;
    const ids = new Set(questions.map((q) => q.id));
    const seen = new Set(input.seenIds.filter((id) => ids.has(id)));
    coverage = { seen: seen.size, total: ids.size, ratio: ids.size ? seen.size / ids.size : 0 };
    const triedTopics = new Set(questions.filter((q) => seen.has(q.id)).map((q) => q.topic));
    untried = [...new Set(questions.map((q) => q.topic))].filter((t) => !triedTopics.has(t)).sort();
    for (const q of questions) sourceOf.set(q.id, q.source);
  }

  return {
    version: 1,
    today: input.today,
    period,
    banks: input.banks,
    overview: {
      answered,
      correct,
      accuracy: answered ? correct / answered : null,
      studyTimeMs: topics.reduce((s, r) => s + r.timeMs, 0),
      daysStudied: inPeriod.length,
      streak: streaks(input.studyDays, input.today),
      coverage,
      cram: input.cram ?? 0,
    },
    topics: {
      method: { halfLifeDays: HALF_LIFE_DAYS, priorStrength: PRIOR_STRENGTH, priorMean: ranking.priorMean, minAttempts: MIN_ATTEMPTS },
      ranked: ranking.ranked,
      fewAttempts: ranking.fewAttempts,
      untried,
    },
    domains: domainTotals(topics),
    exams: input.exams.map(examStat),
    reviews: {
      ...forecast(input.dueNow, input.dueByDay, input.today),
      retention: { reviews: dueAttempts, correct: dueCorrect, rate: dueAttempts ? dueCorrect / dueAttempts : null },
    },
    leeches: input.leeches.map(({ lastDay, ...l }) => ({ ...l, lastSeen: lastDay ?? (l.lastSeen === null ? null : localDay(l.lastSeen)), source: sourceOf.get(l.id) ?? null })),
    misconceptions: (input.misconceptions ?? []).map((m) => {
      const texts = input.choiceTexts?.get(m.id);
      return {
        id: m.id,
        bank: m.bank,
        topic: m.topic,
        times: m.times,
        lastSeen: m.lastDay ?? localDay(m.lastAt),
        picked: m.picked,
        pickedText: texts ? m.picked.map((i) => texts[i] ?? '?') : null,
        source: sourceOf.get(m.id) ?? null,
      };
    }),
    activity: activitySeries(input.activity, input.activityFrom, input.today),
  };
}
