import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, useKeypress, useState } from '@inquirer/core';
import type { QuizQuestion } from '../bank/cache.js';
import { chalk } from './color.js';
import { t } from '../i18n/i18n.js';
import { fitScreen, scrollKey } from './fit.js';
import { choiceLabel, correctChoices, focusOf, positionForKey, renderChoiceBlocks, renderHeader, renderQuestionLines, renderQuestionText } from './question-view.js';
import { fitKeyHelp, terminalWidth } from './text.js';
import { useRedrawOnResize } from './redraw.js';

// One practice question on screen. Single answers: arrows or a letter, then Enter.
// Multiple answers: Space or a letter toggles, Enter accepts exactly the number asked
// for. `q` ends the session; Ctrl+C rejects with ExitPromptError as every prompt does.

export interface QuestionPromptConfig {
  question: QuizQuestion;
  /** Original choice indexes in display order. */
  order: number[];
  /** 1-based position in the session. */
  position: number;
  total: number;
  /** Columns to wrap to; the terminal's width when left out. */
  width?: number;
  /** Rows the screen may take; the terminal's height when left out. */
  height?: number;
}

export type QuestionPromptResult = { kind: 'answer'; selected: number[] } | { kind: 'quit' };

const HIDE_CURSOR = '\x1b[?25l';

export const questionPrompt = createPrompt<QuestionPromptResult, QuestionPromptConfig>((config, done) => {
  const { question, order } = config;
  const width = config.width ?? terminalWidth();
  const multiple = question.type === 'multiple';
  const need = correctChoices(question);
  const [cursor, setCursor] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<string | undefined>(undefined);
  const [finished, setFinished] = useState(false);
  // The window's top row when the learner scrolled a question taller than the terminal; null follows the cursor.
  const [windowTop, setWindowTop] = useState<number | null>(null);
  useRedrawOnResize();

  const toggle = (position: number) => {
    const original = order[position]!;
    const next = new Set(selected);
    if (next.has(original)) next.delete(original);
    else next.add(original);
    setSelected(next);
  };

  useKeypress((key, rl) => {
    if (finished) return;
    // Letters typed at a prompt also land in readline's line buffer; keep it empty.
    rl.clearLine(0);
    if (isEnterKey(key)) {
      if (!multiple) {
        setFinished(true);
        done({ kind: 'answer', selected: [order[cursor]!] });
      } else if (selected.size === need) {
        setFinished(true);
        done({ kind: 'answer', selected: order.filter((o) => selected.has(o)) });
      } else {
        setError(t('practice.wrongCount', { count: need, selected: selected.size }));
      }
      return;
    }
    if (key.name === 'q' && !key.ctrl) {
      setFinished(true);
      done({ kind: 'quit' });
      return;
    }
    setError(undefined);
    const scrolled = scrollKey(key.name, fitted, windowTop, cursor === 0);
    if (scrolled !== undefined) return setWindowTop(scrolled);
    setWindowTop(null);
    if (isUpKey(key)) setCursor((cursor - 1 + order.length) % order.length);
    else if (isDownKey(key)) setCursor((cursor + 1) % order.length);
    else if (isSpaceKey(key) && multiple) toggle(cursor);
    else {
      const position = positionForKey(key.name, order.length);
      if (position === undefined) return;
      setCursor(position);
      if (multiple) toggle(position);
    }
  });

  const header = { position: config.position, total: config.total, bank: question.bank, topic: question.topic };
  const height = config.height ?? (process.stdout.rows || 24);
  // The answered question stays on screen whole, above its feedback, when it fits; a taller
  // one would scroll away what no redraw can reach again, and the feedback repeats it anyway.
  if (finished) {
    const whole = renderQuestionLines(question, order, width, { header, cursor, selected });
    if (whole.length < height) return whole.join('\n');
  }
  const text = renderQuestionText(question, width);
  const blocks = renderChoiceBlocks(question, order, width, { cursor, selected });
  const last = choiceLabel(order.length - 1);
  const help = fitKeyHelp(t(multiple ? 'practice.keys.multiple' : 'practice.keys.single', { last }), width).map((row) => chalk.dim(row));
  // One row is left for the cursor, so the prompt's redraw never scrolls the screen.
  const fitted = fitScreen(
    { top: [renderHeader(header, width), ''], middle: [...text, '', ...blocks.flat()], focus: focusOf(blocks, cursor, text.length + 1), bottom: finished ? [] : error ? [...help, chalk.red(error)] : help },
    width,
    height - 1,
    windowTop,
  );
  return fitted.lines.join('\n') + (finished ? '' : HIDE_CURSOR);
});
