import { createPrompt, isEnterKey, useKeypress, useState } from '@inquirer/core';
import type { QuizQuestion } from '../bank/cache.js';
import { chalk } from './color.js';
import { t } from '../i18n/i18n.js';
import { choiceLabel, labelsOf, renderHeader, renderQuestionText, type HeaderInfo } from './question-view.js';
import { fitKeyHelp, hangingWrap, terminalWidth, wrap } from './text.js';
import { useRedrawOnResize } from './redraw.js';
import type { SourceRef } from '../bank/source-lookup.js';
import { terminalSafe } from '../bank/text.js';

// What the learner sees right after answering: right or wrong, the correct choices
// marked, why each choice is right or wrong, the explanation and where in the notes
// it comes from. The answer is already saved when this is shown.

export type { SourceRef };

export interface Feedback {
  question: QuizQuestion;
  order: readonly number[];
  /** Original indexes the learner chose. */
  selected: readonly number[];
  correct: boolean;
  header: HeaderInfo;
  source: SourceRef;
}

/**
 * Every choice in display order: ✓ on the correct ones, ✗ on a wrong one the learner
 * chose, "your answer" on the chosen ones, and its why underneath. Reusable by any
 * screen that reviews an answered question.
 */
export function renderAnsweredChoiceLines(question: QuizQuestion, order: readonly number[], selected: readonly number[], width: number): string[] {
  const chosen = new Set(selected);
  const lines: string[] = [];
  order.forEach((original, position) => {
    const choice = question.choices[original]!;
    const mark = choice.correct ? chalk.green('✓ ') : chosen.has(original) ? chalk.red('✗ ') : '  ';
    const mine = chosen.has(original) ? ' ' + chalk.bold(t('practice.yourAnswer')) : '';
    const label = `${mark}${choiceLabel(position)}) `;
    const text = hangingWrap(label, terminalSafe(choice.text) + mine, width);
    lines.push(choice.correct ? chalk.green(text) : text);
    if (choice.why) lines.push(chalk.dim(wrap(terminalSafe(choice.why), width, '     ')));
  });
  return lines.flatMap((l) => l.split('\n'));
}

export function renderSourceLine(source: SourceRef, width: number): string {
  // The learner knows a note by its title; its file name (000_54328491b4c48bc9.txt) stays in --json and lint.
  const note = source.title ?? source.file;
  const text = source.heading ? t('practice.source', { note, heading: source.heading }) : t('practice.sourceFile', { note });
  return wrap(terminalSafe(text), width);
}

/** The verdict line: "Correct" or "Wrong: the answer is B, D". */
export function renderVerdict(f: Pick<Feedback, 'question' | 'order' | 'correct'>): string {
  if (f.correct) return chalk.green.bold('✓ ' + t('practice.correct'));
  const answer = labelsOf(
    f.question.choices.flatMap((c, i) => (c.correct ? [i] : [])),
    f.order,
  );
  return chalk.red.bold('✗ ' + t('practice.wrong', { answer }));
}

export function renderFeedbackLines(f: Feedback, width: number): string[] {
  const lines = [
    renderHeader(f.header, width),
    '',
    ...renderQuestionText(f.question, width),
    '',
    renderVerdict(f),
    '',
    ...renderAnsweredChoiceLines(f.question, f.order, f.selected, width),
  ];
  if (f.question.explanation) lines.push('', chalk.bold(t('practice.explanation')), ...wrap(terminalSafe(f.question.explanation).trim(), width, '  ').split('\n'));
  lines.push('', ...renderSourceLine(f.source, width).split('\n').map((l) => chalk.dim(l)));
  return lines;
}

export interface FeedbackConfig extends Feedback {
  /** The last question: Enter leads to the summary. */
  last: boolean;
  width?: number;
  /** The feedback is already printed above (it is taller than the terminal): show only the verdict and the keys. */
  printed?: boolean;
  /** The answer can still be taken back with u. */
  undoable?: boolean;
}

/** `report`: the learner pressed ! to report the question; `edit`: e, to open it in an editor; `undo`: u, to take the answer back. */
export type FeedbackResult = 'next' | 'quit' | 'report' | 'edit' | 'undo';

const HIDE_CURSOR = '\x1b[?25l';

function feedbackKeys(config: Pick<FeedbackConfig, 'last' | 'undoable'>, width: number): string[] {
  const keys = [t(config.last ? 'practice.keys.last' : 'practice.keys.next'), ...(config.undoable ? [t('practice.keys.undo')] : []), t('errata.keys')];
  return fitKeyHelp(keys.join(' · '), width);
}

export const feedbackPrompt = createPrompt<FeedbackResult, FeedbackConfig>((config, done) => {
  const width = config.width ?? terminalWidth();
  const [finished, setFinished] = useState(false);
  useRedrawOnResize(!config.printed);
  const finish = (result: FeedbackResult) => {
    setFinished(true);
    done(result);
  };
  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (finished) return;
    if (isEnterKey(key)) finish('next');
    else if (key.name === 'q' && !key.ctrl) finish('quit');
    // Errata and the way back to the source: report what is wrong, or fix it at once.
    else if ((key as { sequence?: string }).sequence === '!') finish('report');
    else if (key.name === 'e' && !key.ctrl) finish('edit');
    // A slip of the key: the answer just given is taken back and the question asked again.
    else if (key.name === 'u' && !key.ctrl && config.undoable) finish('undo');
  });
  const help = feedbackKeys(config, width).map((row) => chalk.dim(row)).join('\n');
  // Printed above: the verdict sits by the keys, in view, and goes when the learner moves on.
  if (config.printed) return finished ? '' : `${renderVerdict(config)}\n${help}${HIDE_CURSOR}`;
  // Once left, the feedback stays in the scrollback without its key help.
  if (finished) return renderFeedbackLines(config, width).join('\n');
  return `${renderFeedbackLines(config, width).join('\n')}\n\n${help}${HIDE_CURSOR}`;
});

/**
 * The feedback screen. Feedback taller than the terminal cannot be redrawn in place
 * without leaving copies behind, so it is printed once, to scroll like any output,
 * and the prompt below it keeps the verdict and the keys in view.
 */
export function showFeedback(config: FeedbackConfig, out: NodeJS.WriteStream = process.stdout): Promise<FeedbackResult> {
  const width = config.width ?? terminalWidth();
  const lines = renderFeedbackLines(config, width);
  // The feedback, a blank row and the key help.
  if (lines.length + 1 + feedbackKeys(config, width).length <= (out.rows || 24)) return feedbackPrompt(config);
  out.write(lines.join('\n') + '\n\n');
  return feedbackPrompt({ ...config, printed: true }, { clearPromptOnDone: true });
}
