import type { Domain } from '../bank/schema.js';
import type { QuizQuestion } from '../bank/cache.js';
import { isBlueprintName, type BlueprintName } from '../quiz/blueprints.js';
import type { ExamResult } from '../quiz/exam-score.js';
import type { ExamSummary } from '../store/exams.js';
import { chalk } from './color.js';
import { renderAnsweredChoiceLines, renderSourceLine, type SourceRef } from './feedback.js';
import { t, type MessageKey } from '../i18n/i18n.js';
import { formatDuration, formatLocal } from './practice-summary.js';
import { labelsOf, renderQuestionText, whereLabel } from './question-view.js';
import { padEndCols, padStartCols, truncateCols, width as cells, wrap } from './text.js';

// What the learner reads after an exam: the score against the blueprint, the domains,
// the weakest topics; then every wrong or unanswered question explained. Functions
// return lines; the command prints them.

const DOMAIN_KEYS: Record<Domain, MessageKey> = {
  secure: 'exam.domain.secure',
  resilient: 'exam.domain.resilient',
  performant: 'exam.domain.performant',
  cost: 'exam.domain.cost',
};

export const domainName = (d: Domain): string => t(DOMAIN_KEYS[d]);

const BLUEPRINT_KEYS: Record<BlueprintName, MessageKey> = { saa: 'exam.blueprint.saa', sap: 'exam.blueprint.sap', quick: 'exam.blueprint.quick' };

/** "SAA-C03", "SAP-C02", "quick"; a name this version does not know is shown as stored. */
export const blueprintLabel = (name: string | null): string => (name && isBlueprintName(name) ? t(BLUEPRINT_KEYS[name]) : (name ?? '—'));

export interface ReportMeta {
  examId: number;
  blueprint: string;
  /** The clock ran out and the exam was submitted without the learner. */
  timeUp?: boolean;
  /** The exam's seed, and the command that draws the same questions again. */
  again?: { seed: string; command: string };
}

export function renderExamReport(r: ExamResult, meta: ReportMeta): string[] {
  const lines: string[] = [];
  if (meta.timeUp) lines.push(chalk.yellow.bold(t('exam.report.timeUp')), '');
  lines.push(chalk.bold(t('exam.report.title', { id: meta.examId, blueprint: blueprintLabel(meta.blueprint), total: r.total })));
  const label = (key: MessageKey) => padEndCols(t(key), 18);
  lines.push(`${label('exam.report.score')}${t('exam.report.scoreValue', { correct: r.correct, total: r.total, percent: r.percent })}`);
  lines.push(`${label('exam.report.scaled')}${chalk.bold(String(r.scaled))} / 1000  ${chalk.dim(t('exam.report.estimate'))}`);
  const verdict = r.passed ? chalk.green.bold(t('exam.report.pass')) : chalk.red.bold(t('exam.report.fail'));
  lines.push(`${label('exam.report.result')}${verdict}  ${chalk.dim(t('exam.report.passMark', { mark: r.passMark }))}`);
  const used = formatDuration(r.timeUsedMs);
  lines.push(
    `${label('exam.report.time')}${r.timeLimitMs === null ? used : t('exam.report.timeOf', { used, limit: formatDuration(r.timeLimitMs) })}`,
  );
  if (r.answered < r.total) lines.push(`${label('exam.report.unanswered')}${t('exam.report.unansweredValue', { n: r.total - r.answered })}`);

  if (r.domains.length > 0) {
    lines.push('', chalk.bold(t('exam.report.byDomain')));
    const nameWidth = Math.max(...r.domains.map((d) => cells(domainName(d.domain))));
    for (const d of r.domains) {
      const status = d.meets ? chalk.green(t('exam.report.meets')) : chalk.yellow(t('exam.report.needsImprovement'));
      lines.push(`  ${padEndCols(domainName(d.domain), nameWidth)} ${padStartCols(`${d.correct}/${d.total}`, 7)}  ${status}`);
    }
  }

  lines.push('', chalk.bold(t('exam.report.weakTopics')));
  if (r.weakTopics.length === 0) lines.push('  ' + t('exam.report.noWeakTopics'));
  const topicWidth = Math.max(0, ...r.weakTopics.map((w) => cells(w.topic)));
  for (const w of r.weakTopics) lines.push(`  ${padEndCols(w.topic, topicWidth)}  ${padStartCols(`${w.correct}/${w.total}`, 7)}`);
  if (meta.again) lines.push('', chalk.dim(t('exam.report.seed', { seed: meta.again.seed })), '  ' + chalk.cyan(meta.again.command));
  return lines;
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
}

/** One wrong or unanswered question: the learner's answer, the right one, each choice's why, the explanation, the source. */
export function renderReviewEntry(e: ReviewEntry, width: number): string[] {
  const state = e.selected ? t('exam.review.wrong') : t('exam.review.notAnswered');
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
  return lines;
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
      String(e.id),
      formatLocal(e.startedAt),
      blueprintLabel(e.blueprint),
      e.state === 'finished' ? String(total) : `${e.answered}/${e.total}`,
      correct !== undefined ? `${correct}/${total}${percent !== undefined ? ` (${percent}%)` : ''}` : '—',
      scaled !== undefined ? String(scaled) : '—',
      result,
      e.timeLimitMs === null ? used : `${used} / ${formatDuration(e.timeLimitMs)}`,
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
