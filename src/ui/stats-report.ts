import { stripVTControlCharacters } from 'node:util';
import { daysBetween, weekday, type ExamStat, type ReadinessSummary, type StatsReport, type TopicStat } from '../quiz/stats.js';
import { chalk } from './color.js';
import { cols, table } from './table.js';
import { hangingWrap, truncateCols, wrap } from './text.js';
import { t, tDynamic, type MessageKey } from '../i18n/i18n.js';
import { blueprintLabel } from './exam-report.js';
import { terminalSafe } from '../bank/text.js';
import { formatDuration } from './practice-summary.js';

// Render functions return lines; the command prints them. Colour comes from chalk, which
// the CLI switches off for NO_COLOR and for output that is not a terminal.

const TOPICS_SHOWN = 10;
const FEW_SHOWN = 8;
const EXAMS_SHOWN = 10;
const LEECHES_SHOWN = 10;
const INDENT = '  ';

/** Cuts text to `columns`, with an ellipsis; the width library only when it is too long. */
const fit = (text: string, columns: number): string => (cols(text) <= columns ? text : truncateCols(text, columns));
const BARS = '▁▂▃▄▅▆▇█';

export const percent = (ratio: number | null): string => (ratio === null ? '–' : `${Math.round(ratio * 100)}%`);
export const grouped = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Green from 80 %, yellow from 60 %, red below. */
function byLevel(text: string, ratio: number | null): string {
  if (ratio === null) return text;
  return ratio >= 0.8 ? chalk.green(text) : ratio >= 0.6 ? chalk.yellow(text) : chalk.red(text);
}

const heading = (text: string) => chalk.bold(text);

export function studyTime(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  return h > 0 ? t('stats.duration.hm', { h: grouped(h), m: minutes % 60 }) : t('stats.duration.m', { m: minutes });
}

export function ago(day: string, today: string): string {
  const n = daysBetween(day, today);
  if (n <= 0) return t('stats.ago.today');
  if (n === 1) return t('stats.ago.yesterday');
  return n <= 30 ? t('stats.ago.days', { n }) : day;
}

function periodLabel(r: StatsReport): string {
  const p = r.period;
  const label =
    p.fromDay === null ? t('stats.period.all') : /^\d+[dw]$/.test(p.since) ? t('stats.period.days', { n: daysBetween(p.fromDay, p.toDay) + 1 }) : t('stats.period.since', { day: p.fromDay });
  return r.banks ? `${label} · ${t('stats.forBanks', { banks: r.banks.join(', ') })}` : label;
}

/** Prose under a heading: indented and wrapped to the terminal. */
function para(text: string, width: number, style: (s: string) => string = (x) => x): string[] {
  if (cols(INDENT + text) <= width) return [style(INDENT + text)];
  return wrap(text, width, INDENT)
    .split('\n')
    .map((l) => style(l.trimEnd()));
}

/** Label and value pairs; a value too long for the terminal wraps under itself. */
function pairs(rows: readonly [string, string][], width: number): string[] {
  const labelWidth = Math.max(...rows.map(([label]) => cols(label)));
  return rows.flatMap(([label, value]) => {
    const lead = INDENT + label + ' '.repeat(labelWidth - cols(label)) + '  ';
    if (cols(lead + value) <= width) return [(lead + value).trimEnd()];
    return hangingWrap(lead, value, width)
      .split('\n')
      .map((l) => l.trimEnd());
  });
}

/** Wraps comma-separated items into lines no wider than `width`; an item wider than a line is cut. */
function flow(items: string[], width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items.map((i) => fit(i, width - cols(indent) - 1))) {
    const next = line ? `${line}, ${item}` : item;
    if (line && cols(indent + next) > width) {
      lines.push(indent + line + ',');
      line = item;
    } else line = next;
  }
  if (line) lines.push(indent + line);
  return lines;
}

export function renderOverview(r: StatsReport, width: number): string[] {
  const o = r.overview;
  const coverage = o.coverage
    ? t('stats.coverageValue', { seen: grouped(o.coverage.seen), total: grouped(o.coverage.total), percent: percent(o.coverage.ratio) })
    : chalk.dim(t('stats.coverageUnknown'));
  const rows: [string, string][] = [
    [t('stats.answered'), t('stats.answeredValue', { count: grouped(o.answered), percent: byLevel(percent(o.accuracy), o.accuracy) }) + (o.cram ? t('stats.crammed', { count: grouped(o.cram) }) : '')],
    [t('stats.studyTime'), studyTime(o.studyTimeMs)],
    [t('stats.daysStudied'), grouped(o.daysStudied)],
    [t('stats.streak'), t('stats.streakValue', { current: o.streak.current, best: o.streak.best })],
    [t('stats.coverage'), coverage],
  ];
  return [heading(t('stats.overview')), ...pairs(rows, width)];
}

function topicRow(s: TopicStat, today: string, topicWidth = Infinity): string[] {
  return [fit(s.topic, topicWidth), grouped(s.attempts), percent(s.accuracy), byLevel(percent(s.smoothed), s.smoothed), ago(s.lastSeen, today)];
}

export function renderTopics(r: StatsReport, width: number): string[] {
  const { ranked, fewAttempts, untried, method } = r.topics;
  const out = [heading(t('stats.topics'))];
  if (ranked.length === 0) out.push(...para(t('stats.noTopics', { min: method.minAttempts }), width));
  else {
    out.push(...para(t('stats.topicsHow', { percent: percent(method.priorMean) }), width, chalk.dim));
    const shown = ranked.slice(0, TOPICS_SHOWN);
    const header = [t('stats.col.topic'), t('stats.col.answers'), t('stats.col.accuracy'), t('stats.col.estimate'), t('stats.col.lastSeen')];
    const align = ['left', 'right', 'right', 'right', 'left'] as const;
    const withDrill = table([[...header, t('stats.col.drill')], ...shown.map((s) => [...topicRow(s, r.today), chalk.cyan(s.command)])], [...align, 'left']);
    if (withDrill.every((l) => cols(INDENT + l) <= width)) {
      out.push(...withDrill.map((l, i) => INDENT + (i === 0 ? chalk.dim(l) : l)));
    } else {
      // Too narrow for the command column: each command goes under its row, and long
      // topic names are cut in the table. The command is never cut: it must still paste
      // whole, so a very narrow terminal wraps it instead.
      const rest = table([header.slice(1), ...shown.map((s) => topicRow(s, r.today).slice(1))], align.slice(1));
      const room = Math.max(12, width - INDENT.length - Math.max(...rest.map(cols)) - 2);
      let plain = table([[fit(header[0]!, room), ...header.slice(1)], ...shown.map((s) => topicRow(s, r.today, room))], align);
      // Narrower still: the last-seen column goes.
      if (plain.some((l) => cols(INDENT + l) > width))
        plain = table([[fit(header[0]!, room), ...header.slice(1, -1)], ...shown.map((s) => topicRow(s, r.today, room).slice(0, -1))], align.slice(0, -1));
      out.push(INDENT + chalk.dim(plain[0]!));
      shown.forEach((s, i) => out.push(INDENT + plain[i + 1]!, INDENT + '  ' + chalk.cyan(s.command)));
    }
    if (ranked.length > shown.length) out.push(...para(t('stats.moreRows', { count: ranked.length - shown.length }), width, chalk.dim));
  }
  if (fewAttempts.length) {
    out.push(...para(t('stats.fewTopics', { min: method.minAttempts }), width));
    const items = fewAttempts.slice(0, FEW_SHOWN).map((s) => `${s.topic} (${s.correct}/${s.attempts})`);
    if (fewAttempts.length > FEW_SHOWN) items.push(t('stats.moreRows', { count: fewAttempts.length - FEW_SHOWN }));
    out.push(...flow(items, width, INDENT + '  '));
  }
  if (untried && untried.length) {
    out.push(...para(t('stats.untried', { count: untried.length }), width));
    const items = untried.slice(0, FEW_SHOWN);
    if (untried.length > FEW_SHOWN) items.push(t('stats.moreRows', { count: untried.length - FEW_SHOWN }));
    out.push(...flow(items, width, INDENT + '  '));
  }
  return out;
}

/** A horizontal bar in eighths of a column. */
function hbar(ratio: number, size: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, ratio)) * size * 8);
  const partial = eighths % 8 ? '▏▎▍▌▋▊▉'[(eighths % 8) - 1]! : '';
  return '█'.repeat(Math.floor(eighths / 8)) + partial;
}

export function renderDomains(r: StatsReport, width: number): string[] {
  const tableWith = (names: string) =>
    table(
      r.domains.map((d) => [
        tDynamic(`${names}.${d.domain}`),
        d.attempts ? `${grouped(d.correct)}/${grouped(d.attempts)}` : '0',
        byLevel(percent(d.accuracy), d.accuracy),
      ]),
      ['left', 'right', 'right'],
    );
  // The exam guide's long domain names, or short ones where they do not fit.
  const full = tableWith('stats.domain');
  const lines = full.every((l) => cols(INDENT + l) <= width) ? full : tableWith('stats.domainShort');
  const room = width - INDENT.length - Math.max(...lines.map(cols)) - 2;
  const size = Math.min(20, room);
  return [
    heading(t('stats.domains')),
    ...lines.map((l, i) => {
      const d = r.domains[i]!;
      return INDENT + (size >= 5 && d.accuracy !== null ? `${l}  ${byLevel(hbar(d.accuracy, size), d.accuracy)}`.trimEnd() : l);
    }),
  ];
}

/** Cuts a line that may carry colour: colour is dropped only from lines that need cutting. */
const fitColoured = (line: string, columns: number): string => (cols(line) <= columns ? line : fit(stripVTControlCharacters(line), columns));

const resultText = (e: ExamStat) => (e.passed === null ? '–' : e.passed ? chalk.green(t('stats.pass')) : chalk.red(t('stats.fail')));

/** Columns of bars (eighths of a row), one per exam: the percent score from 0 to 100. */
export function scoreChart(exams: readonly ExamStat[], height = 5): string[] {
  const labels = Array.from({ length: height }, (_, i) => `${Math.round((100 * (height - i)) / height)}%`);
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const rows = labels.map((label, i) => {
    const floor = height - 1 - i;
    const cells = exams.map((e) => {
      const fill = ((e.percent ?? 0) / 100) * height - floor;
      const cell = fill >= 1 ? '█' : fill > 0 ? BARS[Math.max(0, Math.round(fill * 8) - 1)]! : ' ';
      return e.passed === null || cell === ' ' ? cell : e.passed ? chalk.green(cell) : chalk.red(cell);
    });
    return `${label.padStart(labelWidth)} ┤${cells.join(' ')}`.trimEnd();
  });
  const axis = `${' '.repeat(labelWidth)} └${'─'.repeat(exams.length * 2 - 1)}`;
  const marks = `${' '.repeat(labelWidth)}  ${exams.map((e) => (e.passed === null ? '·' : e.passed ? '✓' : '✗')).join(' ')}`;
  return [...rows, axis, marks];
}

export function renderExams(r: StatsReport, width: number): string[] {
  const out = [heading(t('stats.exams'))];
  if (r.exams.length === 0) return [...out, ...para(t('stats.noExams'), width)];
  const shown = r.exams.slice(-EXAMS_SHOWN);
  if (r.exams.length > shown.length) out.push(...para(t('stats.olderExams', { count: r.exams.length - shown.length }), width, chalk.dim));
  const header = ['stats.col.exam', 'stats.col.date', 'stats.col.blueprint', 'stats.col.score', 'stats.col.scaled', 'stats.col.result', 'stats.col.time'].map((k) => t(k as MessageKey));
  const score = (e: ExamStat) =>
    e.correct !== null && e.total !== null ? `${e.correct}/${e.total} ${e.percent === null ? '' : `${Math.round(e.percent)}%`}`.trim() : e.percent === null ? '–' : `${Math.round(e.percent)}%`;
  const cellsOf = (e: ExamStat, withLimit: boolean) => [
    String(e.number),
    e.date,
    blueprintLabel(e.blueprint),
    score(e),
    e.scaled === null ? '–' : String(e.scaled),
    resultText(e),
    // One duration format everywhere, as the exam's own report and --list write it.
    withLimit && e.timeLimitMs ? `${formatDuration(e.timeUsedMs)} / ${formatDuration(e.timeLimitMs)}` : formatDuration(e.timeUsedMs),
  ];
  const align = ['right', 'left', 'left', 'right', 'right', 'left', 'right'] as const;
  const layout = (withLimit: boolean, keep: readonly number[]) =>
    table(
      [header, ...shown.map((e) => cellsOf(e, withLimit))].map((row) => keep.map((i) => row[i]!)),
      keep.map((i) => align[i]!),
    );
  // On a narrow terminal the time limit goes first, then the scaled score (the score says
  // it), then the blueprint; the result and the time stay to the end.
  const fits = (lines: string[]) => lines.every((l) => cols(INDENT + l) <= width);
  const all = [0, 1, 2, 3, 4, 5, 6];
  const tries = [layout(true, all), layout(false, all), layout(false, [0, 1, 2, 3, 5, 6]), layout(false, [0, 1, 3, 5, 6])];
  const lines = tries.find(fits);
  if (lines) out.push(...lines.map((l, i) => INDENT + (i === 0 ? chalk.dim(l) : l)));
  else {
    // Narrower still: each exam takes two rows, the score, result and time indented under its date.
    const stacked = table([header, ...shown.map((e) => cellsOf(e, false))].map((row) => [row[3]!, row[5]!, row[6]!]), ['right', 'left', 'right']);
    out.push(INDENT + chalk.dim(fit(`${header[0]} · ${header[1]} · ${header[2]}`, width - INDENT.length)), INDENT + '  ' + chalk.dim(stacked[0]!));
    shown.forEach((e, i) => out.push(INDENT + fit(`${e.number}  ${e.date}  ${blueprintLabel(e.blueprint)}`, width - INDENT.length), INDENT + '  ' + fitColoured(stacked[i + 1]!, width - INDENT.length - 2)));
  }
  if (r.exams.length >= 2) {
    // As many of the latest exams as fit across the terminal, two columns each.
    const fitting = r.exams.slice(-Math.max(2, Math.floor((width - INDENT.length - 8) / 2)));
    out.push(...para(t('stats.trend'), width), ...scoreChart(fitting).map((l) => INDENT + l));
  }
  return out;
}

export function renderReviews(r: StatsReport, width: number): string[] {
  const rv = r.reviews;
  const names = t('stats.weekdays').split(',');
  const total = rv.next.reduce((s, d) => s + d.due, 0);
  const days = table(
    [rv.next.map((d) => names[weekday(d.day)] ?? d.day), rv.next.map((d) => String(d.due))],
    rv.next.map(() => 'right' as const),
    1,
  );
  const retention = rv.retention.rate === null
    ? chalk.dim(t('stats.noRetention'))
    : t('stats.retentionValue', { percent: byLevel(percent(rv.retention.rate), rv.retention.rate), count: grouped(rv.retention.reviews) });
  const totalText = chalk.dim(t('stats.next7Total', { count: grouped(total) }));
  const rows: [string, string][] = [
    [t('stats.dueNow'), rv.dueNow ? chalk.bold(grouped(rv.dueNow)) : '0'],
    [t('stats.dueToday'), grouped(rv.dueToday)],
    [t('stats.next7'), `${days[0]}`],
    ['', `${days[1]}  ${totalText}`],
    [t('stats.retention'), retention],
  ];
  const beside = pairs(rows, width);
  // The week is a table: it never wraps. Too narrow beside its label, it goes under it.
  if (beside.length === rows.length) return [heading(t('stats.reviews')), ...beside];
  const under = INDENT + '  ';
  const week = [under + days[0]!, under + days[1]!, ...(cols(`${under}${days[1]}  ${totalText}`) <= width ? [] : [under + totalText])];
  if (week.length === 2) week[1] += `  ${totalText}`;
  return [
    heading(t('stats.reviews')),
    ...pairs(rows.slice(0, 2), width),
    INDENT + t('stats.next7'),
    ...week,
    ...pairs(rows.slice(4), width),
  ];
}

export function renderLeeches(r: StatsReport, width: number, minLapses: number): string[] {
  const out = [heading(t('stats.leeches', { min: minLapses }))];
  if (r.leeches.length === 0) return [...out, ...para(t('stats.noLeeches', { min: minLapses }), width)];
  out.push(...para(t('stats.leechHint'), width, chalk.dim));
  const shown = r.leeches.slice(0, LEECHES_SHOWN);
  const header = [t('stats.col.id'), t('stats.col.lapses'), t('stats.col.wrong'), t('stats.col.source')];
  const where = (l: (typeof shown)[number]) => l.source ?? l.topic ?? '–';
  const lines = table([header, ...shown.map((l) => [l.id, String(l.lapses), `${l.wrong}/${l.attempts}`, where(l)])], ['left', 'right', 'right', 'left']);
  if (lines.every((l) => cols(INDENT + l) <= width)) out.push(...lines.map((l, i) => INDENT + (i === 0 ? chalk.dim(l) : l)));
  else {
    // Too narrow: each note section goes under its row.
    const short = table([header.slice(0, 3), ...shown.map((l) => [l.id, String(l.lapses), `${l.wrong}/${l.attempts}`])], ['left', 'right', 'right']);
    out.push(INDENT + chalk.dim(short[0]!));
    shown.forEach((l, i) => out.push(INDENT + short[i + 1]!, INDENT + '  ' + fit(where(l), width - INDENT.length - 2)));
  }
  if (r.leeches.length > shown.length) out.push(...para(t('stats.moreRows', { count: r.leeches.length - shown.length }), width, chalk.dim));
  return out;
}

/** Answered wrong while sure: listed apart from leeches, with the choice that was believed. */
export function renderMisconceptions(r: StatsReport, width: number): string[] {
  if (r.misconceptions.length === 0) return [];
  const out = [heading(t('stats.misconceptions')), ...para(t('stats.misconceptionHint'), width, chalk.dim)];
  const shown = r.misconceptions.slice(0, LEECHES_SHOWN);
  for (const m of shown) {
    out.push(INDENT + fit(`${m.id}  ${t('stats.misconceptionTimes', { n: m.times })}`, width - INDENT.length));
    const picked = m.pickedText ? m.pickedText.join(' / ') : m.picked.map((i) => String.fromCharCode(65 + i)).join(', ');
    out.push(...wrap(t('stats.misconceptionPicked', { picked }), width, INDENT + '  ').split('\n').map((l) => l.trimEnd()));
  }
  if (r.misconceptions.length > shown.length) out.push(...para(t('stats.moreRows', { count: r.misconceptions.length - shown.length }), width, chalk.dim));
  out.push(...para(t('stats.misconceptionDrill'), width, chalk.dim));
  return out;
}

/** One character per day, as tall as that day's answers against the busiest day. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values.map((v) => (v <= 0 ? '·' : BARS[Math.min(7, Math.max(0, Math.ceil((v / max) * 8) - 1))]!)).join('');
}

export function renderActivity(r: StatsReport, width: number): string[] {
  const days = r.activity.slice(-Math.max(7, width - INDENT.length));
  const total = days.reduce((s, d) => s + d.attempts, 0);
  const out = [heading(t('stats.activity'))];
  if (days.length === 0 || total === 0) return [...out, ...para(t('stats.noActivity'), width)];
  const max = Math.max(...days.map((d) => d.attempts));
  out.push(INDENT + chalk.cyan(sparkline(days.map((d) => d.attempts))));
  out.push(...para(t('stats.activityRange', { from: days[0]!.day, to: days[days.length - 1]!.day, total: grouped(total), max: grouped(max) }), width, chalk.dim));
  return out;
}

export function renderStats(r: StatsReport, width: number, minLapses: number): string[] {
  const sections = [
    para(t('stats.title', { period: periodLabel(r) }), width + INDENT.length).map((l) => heading(l.slice(INDENT.length))),
    renderOverview(r, width),
    ...(r.readiness ? [renderReadinessLine(r.readiness, width)] : []),
    renderTopics(r, width),
    renderDomains(r, width),
    renderExams(r, width),
    renderReviews(r, width),
    renderLeeches(r, width, minLapses),
    ...(r.misconceptions.length ? [renderMisconceptions(r, width)] : []),
    renderActivity(r, width),
  ];
  // Topics and sources come from the database, which may hold rows older than today's checks.
  return sections.flatMap((s, i) => (i === 0 ? s : ['', ...s])).map(terminalSafe);
}

function renderReadinessLine(s: ReadinessSummary, width: number): string[] {
  const line = t('readiness.statsLine', { chance: percent(s.passProbability), blueprint: blueprintLabel(s.blueprint), date: s.examDate, percent: `${Math.round(s.expectedPercent)}%` });
  return para(line, width + INDENT.length);
}

export function renderStatsJson(r: StatsReport): string {
  return JSON.stringify(r, null, 2);
}
