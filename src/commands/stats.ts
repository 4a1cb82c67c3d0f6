import { existsSync } from 'node:fs';
import type { QuestionMeta } from '../bank/cache.js';
import { checkedBankPaths } from '../bank/dirs.js';
import { escapeControls } from '../bank/text.js';
import { UsageError, UserError } from '../errors.js';
import {
  addDays,
  buildReport,
  dayStartMs,
  FORECAST_DAYS,
  HALF_LIFE_DAYS,
  LEECH_LAPSES,
  localDay,
  parseSince,
  type BankFacts,
  type ReadinessSummary,
  type StatsInput,
} from '../quiz/stats.js';
import { openStore, resolveDbPath, type Store } from '../store/open.js';
import * as query from '../store/stats.js';
import { openMisconceptions } from '../store/practice.js';
import { examDate, readExamPlan } from './exam-day.js';
import { t } from '../i18n/i18n.js';
import { renderStats, renderStatsJson } from '../ui/stats-report.js';
import { questionMetaFor, quizBanksFor } from './quiz-banks.js';

// Only what statistics need is imported here: no YAML parser, schema or prompts, so the
// command answers in about the time Node takes to start.

export interface StatsOptions {
  since?: string;
  bank?: string[];
  json?: boolean;
  db?: string;
  questions?: string[];
}

export interface StatsIo {
  now?: Date;
  env?: NodeJS.ProcessEnv;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Terminal columns; 80 when not a terminal. */
  width?: number;
}

/** The activity chart and its JSON cover the last twelve weeks at most. */
const ACTIVITY_DAYS = 84;

function terminalColumns(): number {
  const c = process.stdout.isTTY ? process.stdout.columns : undefined;
  return Math.max(40, Math.min(c && c > 0 ? c : 80, 200));
}

/** The banks' questions for coverage, or a reason they could not be read. */
// The same cache of checked banks as practice, its first line only: the YAML parser and
// the schema load only when a bank has changed since the last run.
async function readBanks(options: StatsOptions, env: NodeJS.ProcessEnv): Promise<{ questions: QuestionMeta[] } | { note: string }> {
  try {
    return { questions: await questionMetaFor(options, env) };
  } catch (err) {
    if (err instanceof UserError) return { note: err.message };
    throw err;
  }
}

function emptyInput(today: string, period: StatsInput['period'], banks: string[] | null, activityFrom: string): StatsInput {
  return { today, period, banks, topics: [], studyDays: [], activity: [], activityFrom, exams: [], dueNow: 0, dueByDay: [], leeches: [], seenIds: [], bankFacts: null };
}

export async function statsCommand(options: StatsOptions, io: StatsIo = {}): Promise<number> {
  const now = io.now ?? new Date();
  const env = io.env ?? process.env;
  const out = io.stdout ?? ((s: string) => process.stdout.write(s));
  const err = io.stderr ?? ((s: string) => process.stderr.write(s));
  const since = options.since ?? 'all';
  if (options.questions) checkedBankPaths(options.questions, '--questions');
  const banks = options.bank?.length ? [...new Set(options.bank)] : null;
  /** The period and the activity chart's first day, as of `today`. */
  const scopeAt = (today: string) => {
    const period = parseSince(since, today);
    if (!period) throw new UsageError(t('stats.badSince', { value: since }));
    const lastWeeks = addDays(today, -(ACTIVITY_DAYS - 1));
    return { period, activityFrom: period.fromDay && period.fromDay > lastWeeks ? period.fromDay : lastWeeks };
  };
  let today = localDay(now.getTime());
  let { period, activityFrom } = scopeAt(today);

  const printEmpty = () => {
    const line = banks ? escapeControls(t('stats.emptyBank', { banks: banks.join(', '), bank: banks[0]! })) : t('stats.empty');
    if (options.json) {
      out(renderStatsJson(buildReport(emptyInput(today, period, banks, activityFrom))) + '\n');
      err(line + '\n');
    } else out(line + '\n');
    return 0;
  };

  // Never create a database just to say there is nothing in it.
  const path = resolveDbPath(options.db, env);
  if (!existsSync(path)) return printEmpty();
  const store = openStore(path, { readonly: true });
  try {
    if (query.schemaVersion(store) === 0) return printEmpty();
    // Days are the local days where the answers were given. Studied in a zone ahead of this
    // one (Tokyo, read in Los Angeles), the latest of them may not have begun here yet: it
    // is today all the same, so the streak, the activity and "last seen" keep it.
    const latest = query.latestStudyDay(store);
    if (latest !== undefined && latest > today) ({ period, activityFrom } = scopeAt((today = latest)));
    const fromMs = period.fromDay === null ? null : dayStartMs(period.fromDay);
    const exams = query.finishedExams(store, fromMs);
    const anything = exams.length > 0 || query.hasAnswers(store, banks);
    // An unknown --bank is worth saying even when there is nothing else to say.
    if (!anything && !banks) return printEmpty();
    const data = gather(store, { today, period, banks, activityFrom, now, exams });
    const bankRead = await readBanks(options, env);

    if (banks) {
      const known = new Set([...query.answeredBanks(store), ...('questions' in bankRead ? bankRead.questions.map((q) => q.bank) : [])]);
      const unknown = banks.find((b) => !known.has(b));
      if (unknown !== undefined) throw new UsageError(t('stats.unknownBank', { bank: unknown, known: [...known].sort().join(', ') || '–' }));
    }
    if (!anything) return printEmpty();
    if ('note' in bankRead) err(t('stats.coverageNote', { reason: bankRead.note }) + '\n');

    const bankFacts: BankFacts | null = 'questions' in bankRead ? { questions: banks ? bankRead.questions.filter((q) => banks.includes(q.bank)) : bankRead.questions } : null;
    const choiceTexts = await choiceTextsFor((data.misconceptions ?? []).map((m) => m.id), options, env);
    const report = { ...buildReport({ ...data, bankFacts, ...(choiceTexts && { choiceTexts }) }), readiness: await readinessSummary(store, options, env, now) };
    out((options.json ? renderStatsJson(report) : renderStats(report, io.width ?? terminalColumns(), LEECH_LAPSES).join('\n')) + '\n');
    return 0;
  } finally {
    store.close();
  }
}

function gather(
  store: Store,
  c: { today: string; period: StatsInput['period']; banks: string[] | null; activityFrom: string; now: Date; exams: StatsInput['exams'] },
): Omit<StatsInput, 'bankFacts'> {
  const scope = { fromDay: c.period.fromDay, banks: c.banks };
  const todayStart = dayStartMs(c.today);
  return {
    today: c.today,
    period: c.period,
    banks: c.banks,
    topics: query.topicTotals(store, scope, c.today, HALF_LIFE_DAYS),
    studyDays: query.studyDays(store, c.banks),
    activity: query.dailyActivity(store, c.activityFrom, c.banks),
    activityFrom: c.activityFrom,
    exams: c.exams,
    dueNow: query.dueNow(store, c.now.getTime(), c.banks),
    dueByDay: query.dueByDay(store, c.today, todayStart, dayStartMs(addDays(c.today, FORECAST_DAYS + 1)), c.banks),
    leeches: query.leeches(store, LEECH_LAPSES, c.banks),
    seenIds: query.seenQuestionIds(store, c.banks),
    // Certainty and cram came with the same migration: a file older than it has neither.
    ...(query.hasColumn(store, 'answers', 'certainty') && {
      misconceptions: openMisconceptions(store, c.banks, MISCONCEPTIONS_LISTED),
      cram: query.cramAnswers(store, c.period.fromDay, c.banks),
    }),
  };
}

/** At most this many misconceptions are read; `--json` lists them all up to here. */
const MISCONCEPTIONS_LISTED = 100;

/** The texts of each listed misconception's choices, so the report can say what was picked; none when the banks cannot be read. */
async function choiceTextsFor(ids: readonly string[], options: StatsOptions, env: NodeJS.ProcessEnv): Promise<Map<string, string[]> | undefined> {
  if (ids.length === 0) return undefined;
  try {
    const wanted = new Set(ids);
    const { questions } = await quizBanksFor(options, env);
    return new Map(questions.filter((q) => wanted.has(q.id)).map((q) => [q.id, q.choices.map((c) => c.text)]));
  } catch (err) {
    if (err instanceof UserError) return undefined;
    throw err;
  }
}

/**
 * One line of the readiness forecast, when the learner has set an exam date; it needs the
 * questions' choices, so the forecast's own module and the full banks load only then.
 */
async function readinessSummary(store: Store, options: StatsOptions, env: NodeJS.ProcessEnv, now: Date): Promise<ReadinessSummary | null> {
  const date = examDate(store, now.getTime());
  if (date === null) return null;
  const { readinessFor } = await import('./readiness.js');
  const plan = { ...readExamPlan(store), date };
  let questions;
  try {
    questions = (await quizBanksFor(options, env)).questions;
  } catch (err) {
    if (err instanceof UserError) return null;
    throw err;
  }
  const r = readinessFor(store, questions, plan, now);
  return { blueprint: plan.blueprint, examDate: date, expectedPercent: Math.round(r.forecast.expectedPercent * 10) / 10, passProbability: Math.round(r.forecast.passProbability * 1000) / 1000 };
}
