import type { QuizQuestion } from '../bank/cache.js';
import { chalk } from './color.js';
import { t } from '../i18n/i18n.js';
import { hangingWrap, padEndCols, truncateCols, width as cols, wrap } from './text.js';
import { terminalSafe } from '../bank/text.js';

// How a question looks on screen, as plain functions that return lines, shared by every
// screen that shows a question (practice, the exam, review). No prompt state lives here:
// callers pass the cursor and the selection.

const LETTERS = 'ABCDEF';

/** The label of the choice shown at display position `position` (0-based): A, B, … */
export function choiceLabel(position: number): string {
  return LETTERS[position] ?? String(position + 1);
}

/** The display position a letter key picks (a/A → 0), when the question has that many choices. */
export function positionForKey(name: string | undefined, choiceCount: number): number | undefined {
  if (!name || name.length !== 1) return undefined;
  const i = LETTERS.indexOf(name.toUpperCase());
  return i >= 0 && i < choiceCount ? i : undefined;
}

/** Labels of the given original choice indexes, in display order: "B, D". */
export function labelsOf(indexes: Iterable<number>, order: readonly number[]): string {
  const wanted = new Set(indexes);
  return order
    .map((original, position) => (wanted.has(original) ? choiceLabel(position) : undefined))
    .filter(Boolean)
    .join(', ');
}

export interface HeaderInfo {
  /** 1-based. */
  position: number;
  total: number;
  bank: string;
  topic: string;
  /** Shown at the right end of the header, e.g. a countdown. */
  right?: string;
  /** The second try at a question missed earlier in the session. */
  again?: boolean;
}

/** Where a question comes from: its topic, after the bank unless the topic already starts with the bank's name. */
export function whereLabel(bank: string, topic: string): string {
  return topic === bank || topic.startsWith(`${bank}/`) ? topic : `${bank} · ${topic}`;
}

/** "3/10  bank · topic" on one line, cut to the width. */
export function renderHeader(info: HeaderInfo, width: number): string {
  const progress = chalk.bold(t('practice.progress', { position: info.position, total: info.total })) + (info.again ? ' ' + chalk.yellow(t('practice.again')) : '');
  const right = info.right ?? '';
  const room = Math.max(10, width - cols(progress) - 2 - (right ? cols(right) + 2 : 0));
  const where = truncateCols(terminalSafe(whereLabel(info.bank, info.topic)), room);
  const left = `${progress}  ${chalk.cyan(where)}`;
  return right ? padEndCols(left, width - cols(right)) + right : left;
}

const SAYS_HOW_MANY = /[0-9０-９二三四五]\s*つ(?:を)?選|\bchoose\s+(?:\d|two|three|four|five)\b/i;

/** The question text wrapped to the width, and for `multiple` questions how many to choose. */
export function renderQuestionText(question: QuizQuestion, width: number): string[] {
  const lines = wrap(terminalSafe(question.question).trim(), width).split('\n');
  // Most bank questions already end "…を 2 つ選択してください。"; the hint is added only when they do not.
  if (question.type === 'multiple' && !SAYS_HOW_MANY.test(question.question)) lines.push(chalk.yellow(t('practice.chooseN', { count: correctChoices(question) })));
  return lines;
}

export function correctChoices(question: QuizQuestion): number {
  return question.choices.filter((c) => c.correct).length;
}

export interface ChoiceState {
  /** Display position of the cursor; none when the question is not being answered. */
  cursor?: number;
  /** Original indexes of the chosen choices. */
  selected?: ReadonlySet<number>;
}

/**
 * One block per choice, in display order: cursor, check box for `multiple`, letter, text
 * wrapped under itself.
 */
export function renderChoiceLines(question: QuizQuestion, order: readonly number[], width: number, state: ChoiceState = {}): string[] {
  return renderChoiceBlocks(question, order, width, state).flat();
}

/** The lines of each choice apart, so a screen too short for them all can keep the cursor's choice in view. */
export function renderChoiceBlocks(question: QuizQuestion, order: readonly number[], width: number, state: ChoiceState = {}): string[][] {
  return order.map((original, position) => {
    const choice = question.choices[original]!;
    const here = state.cursor === position;
    const pointer = state.cursor === undefined ? '' : here ? chalk.cyan('❯ ') : '  ';
    const box = question.type === 'multiple' ? (state.selected?.has(original) ? chalk.green('[x] ') : '[ ] ') : '';
    const label = `${pointer}${box}${choiceLabel(position)}) `;
    const text = hangingWrap(label, terminalSafe(choice.text), width);
    return here ? text.split('\n').map((l) => chalk.cyan(l)) : text.split('\n');
  });
}

/** Where the choice at `cursor` starts and ends among `before` lines followed by the blocks. */
export function focusOf(blocks: readonly string[][], cursor: number, before: number): { start: number; end: number } {
  let start = before;
  for (let i = 0; i < cursor && i < blocks.length; i++) start += blocks[i]!.length;
  return { start, end: start + (blocks[cursor]?.length ?? 0) };
}

export interface QuestionScreen extends ChoiceState {
  header: HeaderInfo;
}

/** Header, question, blank line, choices: the body of a question screen. */
export function renderQuestionLines(question: QuizQuestion, order: readonly number[], width: number, screen: QuestionScreen): string[] {
  return [renderHeader(screen.header, width), '', ...renderQuestionText(question, width), '', ...renderChoiceLines(question, order, width, screen)];
}
