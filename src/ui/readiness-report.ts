import { t, tDynamic } from '../i18n/i18n.js';
import type { Readiness } from '../quiz/readiness-model.js';
import { localDay } from '../quiz/days.js';
import { chalk } from './color.js';
import { blueprintLabel } from './exam-report.js';
import { drillCommand, shellQuote } from './practice-summary.js';
import { cols, table } from './table.js';
import { hangingWrap, truncateCols, wrap } from './text.js';

// `aws-quiz readiness`: render functions return lines; the command prints them.

export interface ReadinessView extends Readiness {
  blueprint: 'saa' | 'sap';
  /** The exam date, or null when none is set (the forecast is then for today). */
  date: string | null;
  today: string;
  /** Whether the learner has answered anything yet. */
  answered: boolean;
  /** The last day before the exam. */
  lastDay: string;
}

const pct = (n: number) => `${Math.round(n)}%`;
const ratio = (n: number) => `${Math.round(n * 100)}%`;
const fit = (text: string, columns: number) => (cols(text) <= columns ? text : truncateCols(text, columns));
const INDENT = '  ';

/** Green from a 70 % chance, yellow from 40 %, red below. */
const byChance = (text: string, p: number) => (p >= 0.7 ? chalk.green(text) : p >= 0.4 ? chalk.yellow(text) : chalk.red(text));

export function renderReadiness(v: ReadinessView, width: number): string[] {
  const w = Math.max(40, width);
  const f = v.forecast;
  const lines: string[] = [];
  const title = v.date
    ? t('readiness.title', { blueprint: blueprintLabel(v.blueprint), date: v.date, days: v.plan.daysLeft })
    : t('readiness.titleToday', { blueprint: blueprintLabel(v.blueprint) });
  lines.push(chalk.bold(wrap(title, w)));
  if (!v.answered) lines.push(wrap(t('readiness.noAnswers'), w));
  const facts: [string, string][] = [
    [t('readiness.expected'), t('readiness.expectedValue', { percent: pct(f.expectedPercent), scaled: f.expectedScaled, low: f.lowScaled, high: f.highScaled })],
    [t('readiness.pass'), byChance(t('readiness.passValue', { chance: ratio(f.passProbability), mark: BLUEPRINT_MARK[v.blueprint] }), f.passProbability)],
    [t('readiness.seen'), t('readiness.seenValue', { seen: v.seen, total: v.total })],
  ];
  const label = Math.max(...facts.map(([l]) => cols(l))) + 2;
  for (const [l, value] of facts) lines.push(hangingWrap(INDENT + l + ' '.repeat(label - cols(l)), value, w));

  lines.push('', chalk.bold(t('readiness.groups')));
  // A group the blueprint gives no weight (SAP-C02's untagged questions) is drawn only to fill in: not listed.
  const groups = f.groups.filter((g) => g.questions > 0 && (g.drawn > 0 || g.group !== 'untagged')).sort((a, b) => a.expected - b.expected);
  lines.push(...table(groups.map((g) => [INDENT + tDynamic(`exam.domain.${g.group}`), ratio(g.expected)]), ['left', 'right']).map((l) => fit(l, w)));

  if (v.weakestTopics.length) {
    lines.push('', chalk.bold(t('readiness.topics')));
    const rows = v.weakestTopics.map((s) => [INDENT + s.name, ratio(s.expected), drillCommand([s.name])]);
    // The command goes below its topic when the three do not fit side by side.
    const wide = table(rows, ['left', 'right', 'left']);
    if (wide.every((l) => cols(l) <= w)) lines.push(...wide);
    else for (const [name, r, cmd] of rows) lines.push(fit(`${name}  ${r}`, w), fit(`${INDENT}${INDENT}${cmd}`, w));
  }

  lines.push('', chalk.bold(t('readiness.plan')));
  const p = v.plan;
  if (!v.date) lines.push(wrap(t('readiness.noDate'), w, INDENT));
  else {
    const busiest = [...p.reviewsPerDay].sort((a, b) => b.reviews - a.reviews)[0];
    const peak = busiest && busiest.reviews > (p.reviewsPerDay[0]?.reviews ?? 0) ? t('readiness.peak', { day: busiest.day, count: busiest.reviews }) : '';
    const perDay = p.daysLeft > 0 && p.reviewsPerDay.some((d) => d.minutes !== null) ? t('readiness.perDay', { minutes: Math.round(p.reviewsPerDay.reduce((n, d) => n + (d.minutes ?? 0), 0) / p.daysLeft) }) : '';
    lines.push(wrap(t('readiness.reviews', { today: p.reviewsPerDay[0]?.reviews ?? 0, total: p.totalReviews, peak }) + perDay, w, INDENT));
  }
  const unseen = v.total - v.seen;
  const by = v.date ? v.lastDay : v.today;
  if (v.date) lines.push(wrap(unseen === 0 ? t('readiness.noNew') : t('readiness.new', { perDay: p.newPerDay, unseen, by }), w, INDENT));
  const reviewsToday = p.reviewsPerDay[0]?.reviews ?? 0;
  const count = Math.max(1, Math.min(200, reviewsToday + p.newPerDay));
  const command = ['aws-quiz', 'practice', '--count', String(count)].map(shellQuote).join(' ');
  const minutes = p.todayMinutes === null ? t('readiness.minutesUnknown') : t('readiness.minutes', { minutes: p.todayMinutes });
  if (v.date) lines.push(chalk.bold(wrap(t('readiness.today', { reviews: reviewsToday, fresh: p.newPerDay, minutes, command }), w)));

  lines.push('', chalk.bold(t('readiness.calibration')));
  const c = v.calibration;
  if (c.mockExams === 0) lines.push(wrap(t('readiness.noMocks'), w, INDENT));
  else {
    for (const e of c.exams.slice(-5))
      lines.push(
        wrap(
          INDENT +
            t('readiness.calibrationRow', {
              date: e.startedAt === undefined ? '–' : localDay(e.startedAt),
              predicted: pct(e.predictedPercent),
              actual: pct(e.actualPercent),
              chance: ratio(e.passProbability),
              result: e.passed ? t('readiness.passed') : t('readiness.failed'),
            }),
          w,
          INDENT,
        ),
      );
    lines.push(wrap(t('readiness.calibrationSummary', { count: c.mockExams, mae: (c.meanAbsoluteError ?? 0).toFixed(1), brier: (c.brier ?? 0).toFixed(2) }), w, INDENT));
  }
  lines.push('', chalk.dim(wrap(t('readiness.model'), w)));
  return lines.flatMap((l) => l.split('\n'));
}

const BLUEPRINT_MARK = { saa: 720, sap: 750 } as const;

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The shape documented in the README; bump `version` on any change that is not an addition. */
export function renderReadinessJson(v: ReadinessView): string {
  const f = v.forecast;
  return JSON.stringify(
    {
      version: 1,
      blueprint: v.blueprint,
      examDate: v.date,
      today: v.today,
      daysLeft: v.plan.daysLeft,
      forecast: {
        expectedPercent: round(f.expectedPercent, 1),
        band: { low: round(f.low, 1), high: round(f.high, 1) },
        expectedScaled: f.expectedScaled,
        scaledBand: { low: f.lowScaled, high: f.highScaled },
        passMark: BLUEPRINT_MARK[v.blueprint],
        passProbability: round(f.passProbability),
        simulations: f.simulations,
        domains: f.groups.map((g) => ({ domain: g.group, expected: round(g.expected), questions: g.questions, drawn: g.drawn })),
      },
      questions: { seen: v.seen, total: v.total },
      weakestTopics: v.weakestTopics.map((s) => ({ topic: s.name, expected: round(s.expected), questions: s.questions, command: drillCommand([s.name]) })),
      plan: {
        reviewsPerDay: v.plan.reviewsPerDay,
        totalReviews: v.plan.totalReviews,
        newPerDay: v.plan.newPerDay,
        todayMinutes: v.plan.todayMinutes,
      },
      calibration: {
        mockExams: v.calibration.mockExams,
        meanAbsoluteError: v.calibration.meanAbsoluteError === null ? null : round(v.calibration.meanAbsoluteError, 2),
        brier: v.calibration.brier === null ? null : round(v.calibration.brier),
        exams: v.calibration.exams.map((e) => ({ startedAt: e.startedAt ?? null, predictedPercent: round(e.predictedPercent, 1), passProbability: round(e.passProbability), actualPercent: e.actualPercent, passed: e.passed })),
      },
    },
    null,
    2,
  );
}
