import type { QuizQuestion } from '../bank/cache.js';
import { blueprintFor, isBlueprintName, type BlueprintName, type ExamDomain } from '../quiz/blueprints.js';
import { isCustomExam, weightsBlueprint } from '../quiz/exam-plan.js';
import type { ExamResult } from '../quiz/exam-score.js';
import type { ExamSummary } from '../store/exams.js';
import { chalk } from './color.js';
import { renderAnsweredChoiceLines, renderSourceLine, type SourceRef } from './feedback.js';
import { t, type MessageKey } from '../i18n/i18n.js';
import { drillCommand, formatDuration, formatLocal } from './practice-summary.js';
import { labelsOf, renderQuestionText, whereLabel } from './question-view.js';
import { padEndCols, padStartCols, truncateCols, width as cells, wrap } from './text.js';
import { escapeControls, terminalSafe } from '../bank/text.js';

// What the learner reads after an exam: the score against the blueprint, the domains,
// the weakest topics; then every wrong or unanswered question explained. Functions
// return lines; the command prints them.

const DOMAIN_KEYS: Record<ExamDomain, MessageKey> = {
  secure: 'exam.domain.secure',
  resilient: 'exam.domain.resilient',
  performant: 'exam.domain.performant',
  cost: 'exam.domain.cost',
  'organizational-complexity': 'exam.domain.organizational-complexity',
  'new-solutions': 'exam.domain.new-solutions',
  'continuous-improvement': 'exam.domain.continuous-improvement',
  'migration-modernization': 'exam.domain.migration-modernization',
  untagged: 'exam.domain.untagged',
};

/** A domain's name; one this version does not know (from a newer result) is shown as stored. */
export const domainName = (d: ExamDomain | string): string => (Object.hasOwn(DOMAIN_KEYS, d) ? t(DOMAIN_KEYS[d as ExamDomain]) : d);

const BLUEPRINT_KEYS: Record<BlueprintName, MessageKey> = { saa: 'exam.blueprint.saa', sap: 'exam.blueprint.sap', quick: 'exam.blueprint.quick' };

/** "SAA-C03", "SAP-C02", "quick"; a name this version does not know is shown as stored. */
export const blueprintLabel = (name: string | null): string => (name && isBlueprintName(name) ? t(BLUEPRINT_KEYS[name]) : (name ?? '—'));

/** The blueprint's name, or "custom, SAA-C03 weights" for an exam whose length or time was changed. */
export const examLabel = (name: string | null, custom: boolean): string =>
  custom ? t('exam.blueprint.custom', { weights: blueprintLabel(weightsBlueprint(blueprintFor(name))) }) : blueprintLabel(name);

/** "SAA-C03 blueprint" or "custom, SAA-C03 weights": how titles name an exam. */
export const examTitleLabel = (name: string | null, custom: boolean): string => (custom ? examLabel(name, true) : t('exam.blueprint.titled', { blueprint: blueprintLabel(name) }));

/** Whether a stored exam was custom, from its question count and its filters as asked. */
export function storedIsCustom(e: { blueprint: string | null; total: number; filters: unknown }): boolean {
  const f = (e.filters ?? {}) as { timed?: unknown; minutes?: unknown };
  return isCustomExam(blueprintFor(e.blueprint), { total: e.total, timed: f.timed === true, ...(typeof f.minutes === 'number' && { minutes: f.minutes }) });
}

export interface ReportMeta {
  examId: number;
  blueprint: string;
  /** The clock ran out and the exam was submitted without the learner. */
  timeUp?: boolean;
  /** Minutes added to the limit (--extra-time, --esl). */
  extraMinutes?: number;
  /** The exam's seed, and the command that draws the same questions again. */
  again?: { seed: string; command: string };
  /** Options repeated in the suggested practice commands (--db, --questions). */
  keep?: readonly string[];
  /** Length or time changed from the blueprint's. */
  custom?: boolean;
}

export function renderExamReport(r: ExamResult, meta: ReportMeta): string[] {
  const lines: string[] = [];
  if (meta.timeUp) lines.push(chalk.yellow.bold(t('exam.report.timeUp')), '');
  lines.push(chalk.bold(t('exam.report.title', { id: meta.examId, label: examTitleLabel(meta.blueprint, Boolean(meta.custom)), total: r.total })));
  const label = (key: MessageKey) => padEndCols(t(key), 18);
  lines.push(`${label('exam.report.score')}${t('exam.report.scoreValue', { correct: r.correct, total: r.total, percent: r.percent })}`);
  lines.push(`${label('exam.report.scaled')}${chalk.bold(String(r.scaled))} / 1000  ${chalk.dim(t('exam.report.estimate'))}`);
  const verdict = r.passed ? chalk.green.bold(t('exam.report.pass')) : chalk.red.bold(t('exam.report.fail'));
  lines.push(`${label('exam.report.result')}${verdict}  ${chalk.dim(t('exam.report.passMark', { mark: r.passMark }))}`);
  const used = formatDuration(r.timeUsedMs);
  lines.push(
    `${label('exam.report.time')}${r.timeLimitMs === null ? used : t('exam.report.timeOf', { used, limit: formatDuration(r.timeLimitMs) })}` +
      (meta.extraMinutes ? '  ' + chalk.dim(t('exam.report.extraTime', { extra: meta.extraMinutes })) : ''),
  );
  if (r.total > 0) {
    // The learner's time per question against the blueprint's, so a slow pace shows before the real exam.
    const blueprint = blueprintFor(meta.blueprint);
    const pace = { pace: formatDuration(r.timeUsedMs / r.total), blueprintPace: formatDuration((blueprint.minutes * 60_000) / blueprint.count), blueprint: blueprintLabel(blueprint.name) };
    lines.push(`${label('exam.report.pace')}${t('exam.report.paceValue', pace)}`);
  }
  if (r.answered < r.total) lines.push(`${label('exam.report.unanswered')}${t('exam.report.unansweredValue', { n: r.total - r.answered })}`);
  if (r.incomplete) lines.push(`${label('exam.report.incomplete')}${t('exam.report.unansweredValue', { n: r.incomplete })}`);

  if (r.domains.length > 0) {
    lines.push('', chalk.bold(t('exam.report.byDomain')));
    const nameWidth = Math.max(...r.domains.map((d) => cells(domainName(d.domain))));
    for (const d of r.domains) {
      const status = d.meets ? chalk.green(t('exam.report.meets')) : chalk.yellow(t('exam.report.needsImprovement'));
      const percent = `${Math.round((100 * d.correct) / d.total)}%`;
      lines.push(`  ${padEndCols(domainName(d.domain), nameWidth)} ${padStartCols(`${d.correct}/${d.total}`, 7)} ${padStartCols(percent, 4)}  ${status}`);
    }
  }

  lines.push('', chalk.bold(t('exam.report.weakTopics')));
  if (r.weakTopics.length === 0) lines.push('  ' + t('exam.report.noWeakTopics'));
  const topicWidth = Math.max(0, ...r.weakTopics.map((w) => cells(w.topic)));
  for (const w of r.weakTopics)
    lines.push(`  ${padEndCols(w.topic, topicWidth)}  ${padStartCols(`${w.correct}/${w.total}`, 7)}  ${chalk.cyan(drillCommand([w.topic], meta.keep ?? []))}`);
  if (meta.again) lines.push('', chalk.dim(t('exam.report.seed', { seed: escapeControls(meta.again.seed) })), '  ' + chalk.cyan(meta.again.command));
  return lines.map(terminalSafe);
}

export interface ReviewEntry {
  /** 0-based position in the exam. */
  position: number;
  total: number;
  questionId: string;
  /** undefined when the question is no longer in the banks. */
  question?: QuizQuestion;
  order: readonly number[];
  selected: readonly number[] | null;
  flagged: boolean;
  source?: SourceRef;
  /** Scored right; left out for the wrong and unanswered the plain review lists. */
  correct?: boolean;
}

/** One wrong or unanswered question: the learner's answer, the right one, each choice's why, the explanation, the source. */
export function renderReviewEntry(e: ReviewEntry, width: number): string[] {
  const state = e.correct ? t('exam.review.right') : e.selected ? t('exam.review.wrong') : t('exam.review.notAnswered');
  const flag = e.flagged ? '  ' + t('exam.review.flagged') : '';
  const title = `${t('exam.header.position', { position: e.position + 1, total: e.total })} · ${state}${flag}`;
  const lines = [chalk.bold(title) + (e.question ? chalk.dim(`  ${whereLabel(e.question.bank, e.question.topic)}`) : ''), chalk.dim('─'.repeat(Math.min(width, 60)))];
  const q = e.question;
  if (!q) return [...lines, chalk.yellow(t('exam.review.missing', { id: e.questionId }))];
  lines.push(...renderQuestionText(q, width), '');
  const correct = q.choices.flatMap((c, i) => (c.correct ? [i] : []));
  lines.push(e.selected ? t('exam.review.yourAnswer', { answer: labelsOf(e.selected, e.order) }) : chalk.yellow(t('exam.review.yourAnswerNone')));
  lines.push(chalk.green(t('exam.review.correctAnswer', { answer: labelsOf(correct, e.order) })), '');
  lines.push(...renderAnsweredChoiceLines(q, e.order, e.selected ?? [], width));
  if (q.explanation) lines.push('', chalk.bold(t('practice.explanation')), ...wrap(q.explanation.trim(), width, '  ').split('\n'));
  if (e.source) lines.push('', ...renderSourceLine(e.source, width).split('\n').map((l) => chalk.dim(l)));
  return lines.map(terminalSafe);
}

export function renderExamReview(entries: readonly ReviewEntry[], width: number): string[] {
  if (entries.length === 0) return [chalk.green(t('exam.review.nothing'))];
  return [chalk.bold(t('exam.review.heading', { n: entries.length })), '', ...entries.flatMap((e) => [...renderReviewEntry(e, width), ''])];
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** `aws-quiz exam --list`: one row per exam, newest first. */
export function renderExamList(exams: readonly ExamSummary[], width = Infinity): string[] {
  if (exams.length === 0) return [t('exam.list.none')];
  const header = [t('exam.list.id'), t('exam.list.started'), t('exam.list.blueprint'), t('exam.list.questions'), t('exam.list.score'), t('exam.list.scaled'), t('exam.list.result'), t('exam.list.time')];
  const rows = exams.map((e) => {
    const r = (e.result ?? {}) as Record<string, unknown>;
    const correct = num(r.correct);
    const total = num(r.total) ?? e.total;
    const percent = num(r.percent);
    const scaled = num(r.scaled);
    const result =
      e.state === 'active'
        ? chalk.yellow(t('exam.list.unfinished'))
        : e.state === 'abandoned'
          ? chalk.dim(t('exam.list.abandoned'))
          : r.passed === true
            ? chalk.green(t('exam.report.pass'))
            : r.passed === false
              ? chalk.red(t('exam.report.fail'))
              : '—';
    const used = formatDuration(num(r.timeUsedMs) ?? e.timeUsedMs);
    return [
      String(e.number),
      formatLocal(e.startedAt),
      examLabel(e.blueprint, storedIsCustom(e)),
      // Unambiguous for an unfinished or abandoned exam: how many of how many were answered.
      e.state === 'finished' ? String(total) : t('exam.list.answeredOf', { answered: e.answered, total: e.total }),
      correct !== undefined ? `${correct}/${total}${percent !== undefined ? ` (${percent}%)` : ''}` : '—',
      scaled !== undefined ? String(scaled) : '—',
      result,
      (e.timeLimitMs === null ? used : `${used} / ${formatDuration(e.timeLimitMs)}`) + (e.extraMinutes ? ` ${t('exam.list.extra', { extra: e.extraMinutes })}` : ''),
    ];
  });
  // Too wide for the terminal: the scaled score goes first (the score says it), then the question count.
  let keep = header.map((_, i) => i);
  for (const drop of [5, 3]) {
    if (tableWidth([header, ...rows], keep) <= width) break;
    keep = keep.filter((i) => i !== drop);
  }
  const widths = header.map((h, i) => Math.max(cells(h), ...rows.map((r) => cells(r[i]!))));
  const line = (cols: string[], columns = keep) => columns.map((i) => padEndCols(cols[i]!, widths[i]!)).join('  ').trimEnd();
  if (tableWidth([header, ...rows], keep) <= width) return [chalk.bold(line(header)), ...rows.map((r) => line(r))];
  // Narrower still (40–60 columns): each exam takes two rows, which exam, when and its result above,
  // score and time below, indented; a row that still does not fit is cut rather than wrapped.
  const [above, below] = [[0, 1, 2, 6], [4, 7]];
  const fit = (text: string, indent = '') => truncateCols(indent + text, width);
  const stacked = (cols: string[]) => [fit(line(cols, above)), fit(line(cols, below), '   ')];
  return [...stacked(header).map((l) => chalk.bold(l)), ...rows.flatMap(stacked)];
}

function tableWidth(rows: readonly string[][], keep: readonly number[]): number {
  return keep.reduce((sum, i) => sum + Math.max(...rows.map((r) => cells(r[i]!))), 0) + 2 * (keep.length - 1);
}
