import { ExitPromptError } from '@inquirer/core';
import type { QuizQuestion, SectionRef } from '../bank/cache.js';
import { enterExamScreen, leaveExamScreen } from '../ui/exam-prompt.js';
import { UsageError, UserError } from '../errors.js';
import { findAskedBefore } from '../quiz/asked-before.js';
import { blueprintFor } from '../quiz/blueprints.js';
import { isCorrect, scoreExam, type ExamResult } from '../quiz/exam-score.js';
import { examIdByNumber, latestFinishedExamId, listExams, loadExam } from '../store/exams.js';
import { openReaderFor, openStoreFor } from './open-store.js';
import { renderExamList, renderExamReport, renderExamReview, storedIsCustom, type ReviewEntry } from '../ui/exam-report.js';
import { sourceLookup } from '../bank/source-lookup.js';
import { t } from '../i18n/i18n.js';
import { shellQuote } from '../ui/practice-summary.js';
import { terminalWidth } from '../ui/text.js';
import type { ExamOptions } from './exam-options.js';
import { keptOptions } from './kept-options.js';
import { quizBanksFor } from './quiz-banks.js';

// Past exams: `aws-quiz exam --review [ID]` and `--list`, and the review of wrong and
// unanswered questions that the report after an exam shares with them.

const out = (lines: string[]) => process.stdout.write(lines.join('\n') + '\n');

const withAgain = (exam: Parameters<typeof againCommand>[0], options: ExamOptions) => {
  const again = againCommand(exam, options);
  return again ? { again } : {};
};

export const command = (args: string[], options: ExamOptions) => ['aws-quiz', 'exam', ...args, ...keptOptions(options)].map(shellQuote).join(' ');

/** `aws-quiz exam` with an exam's blueprint, filters and seed: the same questions in the same order. */
export function againCommand(exam: { blueprint: string | null; seed: string | null; filters: unknown }, options: ExamOptions): { seed: string; command: string } | undefined {
  if (!exam.seed) return undefined;
  const blueprint = blueprintFor(exam.blueprint);
  const f = (exam.filters ?? {}) as { banks?: string[]; topics?: string[]; count?: number; minutes?: number; extraMinutes?: number; timed?: boolean };
  const args = [
    ...(f.timed ? ['--timed'] : []),
    '--blueprint',
    blueprint.name,
    ...(f.count !== undefined && f.count !== blueprint.count ? ['--count', String(f.count)] : []),
    ...(f.timed && f.minutes !== undefined && f.minutes !== blueprint.minutes ? ['--minutes', String(f.minutes)] : []),
    ...(f.extraMinutes ? ['--extra-time', String(f.extraMinutes)] : []),
    ...(f.banks ?? []).flatMap((b) => ['--bank', b]),
    ...(f.topics ?? []).flatMap((x) => ['--topic', x]),
    '--seed',
    exam.seed,
  ];
  return { seed: exam.seed, command: command(args, options) };
}

/** A question as the exam showed it; `question` is missing when it has left the banks since. */
export interface AskedQuestion {
  questionId: string;
  question?: QuizQuestion;
  order: readonly number[];
}

/** The wrong and unanswered questions in exam order; with `all`, every question, each marked right or not (for the browser). */
export function reviewEntries(
  asked: readonly AskedQuestion[],
  answers: readonly (readonly number[] | null)[],
  flags: readonly boolean[],
  marks: readonly boolean[],
  sources: SectionRef[],
  options: { all?: boolean } = {},
): ReviewEntry[] {
  const sourceOf = sourceLookup(sources);
  return asked.flatMap((a, i) =>
    marks[i] && !options.all
      ? []
      : [
          {
            position: i,
            total: asked.length,
            questionId: a.questionId,
            order: a.order,
            selected: answers[i] ?? null,
            flagged: flags[i] ?? false,
            correct: marks[i] === true,
            ...(a.question && { question: a.question, source: sourceOf(a.question.source) }),
          },
        ],
  );
}

/**
 * The review as a browser on the alternate screen, one question at a time; the report stays on
 * the normal screen underneath. Returns 130 when left with Ctrl+C, else 0.
 */
export async function browseReview(entries: readonly ReviewEntry[]): Promise<number> {
  const { reviewBrowser } = await import('../ui/exam-browser.js');
  enterExamScreen();
  try {
    await reviewBrowser({ entries, fullScreen: true });
    return 0;
  } catch (err) {
    if (err instanceof ExitPromptError) return 130;
    throw err;
  } finally {
    leaveExamScreen();
  }
}

export async function review(options: ExamOptions): Promise<number> {
  let asked: number | undefined;
  if (typeof options.review === 'string') {
    if (!/^\d+$/.test(options.review)) throw new UsageError(t('exam.badId', { value: options.review }));
    asked = Number(options.review);
  }
  // Reading only: a mistyped --db creates nothing, and a read-only file or folder will do.
  const store = openReaderFor(options);
  if (!store) throw new UserError(asked === undefined ? t('exam.noneFinished') : t('exam.notFound', { id: asked }));
  try {
    // Exams are asked for by their own number (as --list shows it), not the session id.
    const id = asked === undefined ? latestFinishedExamId(store) : examIdByNumber(store, asked);
    if (asked === undefined && id === undefined) throw new UserError(t('exam.noneFinished'));
    const exam = id === undefined ? undefined : loadExam(store, id);
    if (!exam) throw new UserError(t('exam.notFound', { id: asked ?? '?' }));
    const number = exam.number;
    if (exam.state === 'active') throw new UserError(t('exam.notFinished', { id: number, command: command(['--resume'], options) }));
    if (exam.state === 'abandoned') throw new UserError(t('exam.wasAbandoned', { id: number }));
    const { questions, sections: sources } = await quizBanksFor(options);
    const find = findAskedBefore(questions);
    const items: AskedQuestion[] = exam.questions.map((sq) => {
      // A question edited since (choices added or removed) is shown as missing rather than with shuffled letters.
      const question = find(sq);
      return { questionId: sq.questionId, order: sq.choiceOrder, ...(question && { question }) };
    });
    const answers = exam.questions.map((q) => q.selected);
    const blueprint = blueprintFor(exam.blueprint);
    // The result written at submission is the record (a bank corrected since does not change it);
    // it is scored again from today's banks only if it is unreadable.
    const stored = (exam.result ?? {}) as Partial<ExamResult> & { timeUp?: boolean };
    const marks =
      Array.isArray(stored.marks) && stored.marks.length === items.length
        ? stored.marks.map(Boolean)
        : items.map((it, i) => Boolean(it.question && isCorrect(it.question, answers[i] ?? null)));
    const present = items.flatMap((it, i) => (it.question ? [{ question: it.question, selected: answers[i] ?? null }] : []));
    const result =
      typeof stored.correct === 'number' && typeof stored.total === 'number' && Array.isArray(stored.domains) && Array.isArray(stored.weakTopics)
        ? (stored as ExamResult)
        : scoreExam(present, { passMark: blueprint.passMark, timeUsedMs: exam.timeUsedMs, timeLimitMs: exam.timeLimitMs, blueprint });
    const reportLines = renderExamReport(result, { examId: exam.number, blueprint: exam.blueprint ?? blueprint.name, ...(stored.timeUp && { timeUp: true }), ...(exam.extraMinutes && { extraMinutes: exam.extraMinutes }), keep: keptOptions(options), custom: storedIsCustom(exam), ...withAgain(exam, options) });
    const flags = exam.questions.map((q) => q.flagged);
    // At a terminal the review is a browser; piped (`exam --review | less`), the same content as text.
    if (process.stdout.isTTY && process.stdin.isTTY) {
      out(reportLines);
      const all = reviewEntries(items, answers, flags, marks, sources, { all: true });
      const code = await browseReview(all);
      if (code !== 0) return code;
      await (await import('./errata-keys.js')).reportFromReview(() => openStoreFor(options), all.filter((e) => e.question && !e.correct), (line) => process.stderr.write(line + '\n'));
      return 0;
    }
    out([...reportLines, '', ...renderExamReview(reviewEntries(items, answers, flags, marks, sources), terminalWidth())]);
    return 0;
  } finally {
    store?.close();
  }
}

export async function list(options: ExamOptions): Promise<number> {
  const store = openReaderFor(options);
  try {
    out(renderExamList(store ? listExams(store) : [], process.stdout.isTTY ? terminalWidth() : Infinity));
    return 0;
  } finally {
    store?.close();
  }
}
