import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, useKeypress, useState } from '@inquirer/core';
import type { QuizQuestion } from '../bank/cache.js';
import type { Certainty } from '../quiz/schedule.js';
import { chalk } from './color.js';
import { t } from '../i18n/i18n.js';
import { fitScreen, scrollKey } from './fit.js';
import { choiceLabel, correctChoices, focusOf, positionForKey, renderChoiceBlocks, renderHeader, renderQuestionLines, renderQuestionText } from './question-view.js';
import { fitKeyHelp, terminalWidth } from './text.js';
import { useRedrawOnResize } from './redraw.js';

// One practice question on screen. Single answers: arrows or a letter, then Enter.
// Multiple answers: Space or a letter toggles, Enter accepts exactly the number asked
// for. With certainty on, Enter then asks how sure the learner is: s sure, u unsure, Esc
// back to the choices. `q` ends the session; Ctrl+C rejects with ExitPromptError as every
// prompt does.

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
  /** Ask how sure the learner is once they have chosen. */
  certainty?: boolean;
  /** The second try at a question missed earlier in the session. */
  again?: boolean;
  /** Rows printed just above the prompt that should stay in view (the glance at the session). */
  reserved?: number;
}

export type QuestionPromptResult = { kind: 'answer'; selected: number[]; certainty?: Certainty } | { kind: 'quit' };

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
  // The choice made, waiting for how sure the learner is of it.
  const [chosen, setChosen] = useState<number[] | undefined>(undefined);
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
    const answer = (picked: number[], certainty?: Certainty) => {
      setFinished(true);
      done(certainty ? { kind: 'answer', selected: picked, certainty } : { kind: 'answer', selected: picked });
    };
    // q ends the session from either step.
    if (key.name === 'q' && !key.ctrl) {
      setFinished(true);
      done({ kind: 'quit' });
      return;
    }
    if (chosen) {
      if (key.name === 's' && !key.ctrl) answer(chosen, 'sure');
      else if (key.name === 'u' && !key.ctrl) answer(chosen, 'unsure');
      else if (key.name === 'escape') setChosen(undefined);
      return;
    }
    if (isEnterKey(key)) {
      const picked = !multiple ? [order[cursor]!] : selected.size === need ? order.filter((o) => selected.has(o)) : undefined;
      if (!picked) setError(t('practice.wrongCount', { count: need, selected: selected.size }));
      else if (config.certainty) setChosen(picked);
      else answer(picked);
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

  const header = { position: config.position, total: config.total, bank: question.bank, topic: question.topic, ...(config.again && { again: true }) };
  const height = (config.height ?? (process.stdout.rows || 24)) - (config.reserved ?? 0);
  // The answered question stays on screen whole, above its feedback, when it fits; a taller
  // one would scroll away what no redraw can reach again, and the feedback repeats it anyway.
  if (finished) {
    const whole = renderQuestionLines(question, order, width, { header, cursor, selected });
    if (whole.length < height) return whole.join('\n');
  }
  const text = renderQuestionText(question, width);
  const blocks = renderChoiceBlocks(question, order, width, { cursor, selected });
  const last = choiceLabel(order.length - 1);
  const keys = chosen ? t('practice.keys.certainty') : t(multiple ? 'practice.keys.multiple' : 'practice.keys.single', { last });
  const help = fitKeyHelp(keys, width).map((row) => (chosen ? chalk.bold(row) : chalk.dim(row)));
  // One row is left for the cursor, so the prompt's redraw never scrolls the screen.
  const fitted = fitScreen(
    { top: [renderHeader(header, width), ''], middle: [...text, '', ...blocks.flat()], focus: focusOf(blocks, cursor, text.length + 1), bottom: finished ? [] : error ? [...help, chalk.red(error)] : help },
    width,
    height - 1,
    windowTop,
  );
  return fitted.lines.join('\n') + (finished ? '' : HIDE_CURSOR);
});
