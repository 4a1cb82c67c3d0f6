import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, useEffect, useKeypress, useState, type KeypressEvent } from '@inquirer/core';
import type { QuizQuestion } from '../bank/cache.js';
import {
  back,
  clockSeconds,
  countsOf,
  goTo,
  isLast,
  noticeAt,
  setAnswer,
  statusOf,
  toggleFlag,
  type ExamCounts,
  type ExamState,
  type QuestionStatus,
  type ExamTimer,
  type TimeNotice,
} from '../quiz/exam-engine.js';
import { chalk } from './color.js';
import { t } from '../i18n/i18n.js';
import { formatDuration } from './practice-summary.js';
import { fitScreen, scrollKey, type FittedScreen, type ScreenParts } from './fit.js';
import { choiceLabel, correctChoices, focusOf, labelsOf, positionForKey, renderChoiceBlocks, renderQuestionText } from './question-view.js';
import { fitKeyHelp, padEndCols, terminalWidth, truncateCols, width as cols, wrap } from './text.js';
import { terminalSafe } from '../bank/text.js';

// The exam as the learner sits it: one prompt for the whole sitting, switching between
// the question screen, the review screen and the end-of-exam confirmation. It holds the
// exam state and reports every change through `onChange` so the caller can save it at
// once. The clock ticks every second; at zero the caller aborts the prompt through its
// AbortSignal. Ctrl+C rejects with ExitPromptError, as every prompt does.

export interface ExamItem {
  question: QuizQuestion;
  /** Original choice indexes in display order, fixed for the whole exam. */
  order: readonly number[];
}

export interface ExamPromptConfig {
  items: readonly ExamItem[];
  state: ExamState;
  /** Running; the prompt only reads it. */
  timer: ExamTimer;
  now?: () => number;
  /** Called after every answer, flag and move; `changed` is the question whose row changed. */
  onChange?: (state: ExamState, changed: number) => void;
  /** Terminal size; read again on every render so a resize takes effect. */
  width?: () => number;
  height?: () => number;
  /** Draw from the top-left corner, for the full-screen (alternate buffer) exam. */
  fullScreen?: boolean;
}

type Screen = 'question' | 'review' | 'confirm';

/** What the review screen lists; Tab moves to the next. */
export type ReviewFilter = 'all' | 'unanswered' | 'incomplete' | 'flagged';
const REVIEW_FILTERS: readonly ReviewFilter[] = ['all', 'unanswered', 'incomplete', 'flagged'];

const HIDE_CURSOR = '\x1b[?25l';
const HOME = '\x1b[H';
const CLEAR_BELOW = '\x1b[J';
/** Checked often so the clock changes close to the real second; it only redraws when the shown second changes. */
const TICK_MS = 200;

/** The choice letters the exam reads as answers: `f` is the flag key, so F is picked with the arrows. */
const choiceKey = (key: KeypressEvent, count: number): number | undefined => (key.name === 'f' || key.ctrl ? undefined : positionForKey(key.name, count));

export function formatClock(seconds: number): string {
  return formatDuration(seconds * 1000);
}

export interface HeaderView {
  position: number;
  total: number;
  answered: number;
  /** Multiple-response questions with fewer ticks than they ask for. */
  incomplete?: number;
  flagged: number;
  timer: ExamTimer;
  now: number;
}

/** "Question 3 of 65 · 1:02:03 left · answered 2 · flagged 1", the clock coloured as time runs short. */
export function renderExamHeader(h: HeaderView, width: number): string {
  const seconds = clockSeconds(h.timer, h.now);
  let clock: string;
  if (h.timer.limitMs === null) clock = t('exam.clock.elapsed', { time: formatClock(seconds) });
  else {
    const text = t('exam.clock.left', { time: formatClock(seconds) });
    clock = seconds <= 60 ? chalk.red.bold(text) : seconds <= 600 ? chalk.yellow(text) : text;
  }
  const parts = [
    chalk.bold(h.position > 0 ? t('exam.header.position', { position: h.position, total: h.total }) : t('exam.header.review', { total: h.total })),
    clock,
    h.incomplete
      ? t('exam.header.countsIncomplete', { answered: h.answered, total: h.total, incomplete: h.incomplete, flagged: h.flagged })
      : t('exam.header.counts', { answered: h.answered, total: h.total, flagged: h.flagged }),
  ];
  return truncateCols(parts.join(chalk.dim(' · ')), width);
}

export function renderNotice(notice: TimeNotice | null): string[] {
  if (!notice) return [];
  return [chalk.inverse.bold(` ${t(notice === 'oneMinute' ? 'exam.notice.oneMinute' : 'exam.notice.tenMinutes')} `)];
}

export interface QuestionView {
  item: ExamItem;
  /** Display position of the cursor. */
  cursor: number;
  /** Original indexes ticked on screen (multiple-response questions). */
  pending: ReadonlySet<number>;
  /** The saved answer, original indexes. */
  answer: readonly number[] | null;
  flagged: boolean;
  error?: string;
}

/** A question of the exam below its header, in the parts fitToHeight fits to a short terminal. */
export function renderQuestionScreen(v: QuestionView, width: number): Omit<ScreenParts, 'top'> {
  const { question, order } = v.item;
  const multiple = question.type === 'multiple';
  const middle: string[] = [];
  if (v.flagged) middle.push(chalk.yellow(t('exam.flagged')));
  middle.push(...renderQuestionText(question, width), '');
  const blocks = renderChoiceBlocks(question, order, width, { cursor: v.cursor, selected: multiple ? v.pending : new Set(v.answer ?? []) });
  const focus = focusOf(blocks, v.cursor, middle.length);
  middle.push(...blocks.flat());
  const incomplete = multiple && v.answer !== null && v.answer.length < correctChoices(question);
  const status = [
    v.answer
      ? t(incomplete ? 'exam.answeredIncomplete' : 'exam.answered', { answer: labelsOf(v.answer, order), count: correctChoices(question) })
      : chalk.dim(t('exam.unanswered')),
  ];
  if (v.error) status.push(chalk.red(v.error));
  const last = choiceLabel(Math.min(order.length, 5) - 1);
  const keys = (help: string) => fitKeyHelp(help, width).map((row) => chalk.dim(row));
  return {
    middle,
    focus,
    bottom: ['', ...status, '', ...keys(t(multiple ? 'exam.keys.multiple' : 'exam.keys.single', { last })), ...keys(t('exam.keys.move'))],
    compactBottom: [...status, ...keys(t('exam.keys.compact', { last }))],
  };
}

export interface ReviewRow {
  position: number;
  status: QuestionStatus;
  flagged: boolean;
  text: string;
}

/** One line per question: number, answered or not, flagged or not, the start of the question. */
export function renderReviewRow(row: ReviewRow, active: boolean, width: number): string {
  const status = row.status === 'answered' ? t('exam.review.answered') : chalk.yellow(t(row.status === 'incomplete' ? 'exam.review.incomplete' : 'exam.review.unanswered'));
  const flag = row.flagged ? chalk.yellow(t('exam.review.flagged')) : '';
  const pointer = active ? chalk.cyan('❯') : ' ';
  let head = `${pointer} ${String(row.position + 1).padStart(3)}  ${padEndCols(status, 12)} ${padEndCols(flag, 10)} `;
  // A narrow terminal loses the column padding before the question text loses its start.
  if (width - cols(head) < 12) head = `${pointer}${String(row.position + 1).padStart(3)} ${status}${flag ? ' ' + flag : ''} `;
  const text = truncateCols(terminalSafe(row.text).replace(/\s+/g, ' ').trim(), Math.max(1, width - cols(head)));
  return active ? head + chalk.cyan(text) : head + chalk.dim(text);
}

/** The rows [start, end) of a list of `count` shown in `size` lines, keeping `active` in view and near the middle. */
export function pageAround(count: number, active: number, size: number): { start: number; end: number } {
  if (count <= size) return { start: 0, end: count };
  const start = Math.max(0, Math.min(count - size, active - Math.floor(size / 2)));
  return { start, end: start + size };
}

export function renderConfirm(counts: Pick<ExamCounts, 'unanswered' | 'incomplete' | 'flagged'>, width = Infinity): string[] {
  const { unanswered, incomplete, flagged } = counts;
  const fit = (text: string) => (Number.isFinite(width) ? wrap(text, width).split('\n') : [text]);
  const lines = fit(chalk.bold(t('exam.confirm.title')));
  if (unanswered > 0 || incomplete > 0 || flagged > 0) lines.push(...fit(t('exam.confirm.counts', { unanswered, incomplete, flagged })));
  else lines.push(...fit(t('exam.confirm.allAnswered')));
  if (unanswered > 0 || incomplete > 0) lines.push(...fit(chalk.yellow(t('exam.confirm.unansweredWrong'))));
  lines.push('', ...fit(chalk.dim(t('exam.keys.confirm'))));
  return lines;
}

export const examPrompt = createPrompt<ExamState, ExamPromptConfig>((config, done) => {
  const now = config.now ?? (() => performance.now());
  const width = (config.width ?? (() => terminalWidth()))();
  const height = (config.height ?? (() => process.stdout.rows || 24))();
  const { items, timer } = config;
  const need = items.map((it) => correctChoices(it.question));

  const initialCursor = (s: ExamState) => {
    const item = items[s.position]!;
    const first = s.answers[s.position]?.[0];
    return first === undefined ? 0 : Math.max(0, item.order.indexOf(first));
  };

  const [state, setState] = useState<ExamState>(config.state);
  const [screen, setScreen] = useState<Screen>('question');
  const [returnTo, setReturnTo] = useState<Screen>('question');
  const [cursor, setCursor] = useState(() => initialCursor(config.state));
  const [pending, setPending] = useState<ReadonlySet<number>>(() => new Set(config.state.answers[config.state.position] ?? []));
  const [reviewActive, setReviewActive] = useState(config.state.position);
  const [filter, setFilter] = useState<ReviewFilter>('all');
  const [error, setError] = useState<string | undefined>(undefined);
  const [finished, setFinished] = useState(false);
  // The window's top row when the learner scrolled a question taller than the terminal; null follows the cursor.
  const [windowTop, setWindowTop] = useState<number | null>(null);
  const [, setShownSecond] = useState(() => clockSeconds(timer, now()));

  useEffect(() => {
    const id = setInterval(() => setShownSecond(clockSeconds(timer, now())), TICK_MS);
    return () => clearInterval(id);
  }, []);

  /** Applies a change, saves it through onChange, and opens whatever question is now current. */
  const commit = (nextState: ExamState, changed: number, open: Screen = 'question') => {
    setState(nextState);
    config.onChange?.(nextState, changed);
    if (nextState.position !== state.position || open !== screen) {
      setCursor(initialCursor(nextState));
      setPending(new Set(nextState.answers[nextState.position] ?? []));
    }
    setError(undefined);
    setWindowTop(null);
    setScreen(open);
  };

  const moveTo = (position: number) => commit(goTo(state, position, now()), state.position);
  const openReview = () => {
    setReviewActive(state.position);
    commit(state, state.position, 'review');
  };

  const item = items[state.position]!;
  const multiple = item.question.type === 'multiple';

  /** The questions the review screen lists under `f`, in exam order. */
  function shownInReview(s: ExamState, f: ReviewFilter): number[] {
    return [...items.keys()].filter((i) => f === 'all' || (f === 'flagged' ? s.flags[i] === true : statusOf(s, i, need) === f));
  }

  /** Enter: the answer is already saved (or the question left unanswered); open the next screen. */
  const goOn = () => {
    if (isLast(state)) openReview();
    else moveTo(state.position + 1);
  };

  useKeypress((key, rl) => {
    if (finished) return;
    // Letters typed at a prompt also land in readline's line buffer; keep it empty.
    rl.clearLine(0);

    if (screen === 'confirm') {
      if (key.name === 'y') {
        setFinished(true);
        done(state);
      } else if (key.name === 'n' || key.name === 'escape' || key.name === 'q') setScreen(returnTo);
      return;
    }

    if (key.name === 'q' && !key.ctrl) {
      setReturnTo(screen);
      setScreen('confirm');
      return;
    }

    if (screen === 'review') {
      const visible = shownInReview(state, filter);
      const step = (by: 1 | -1) => {
        const next = by > 0 ? visible.find((i) => i > reviewActive) : visible.findLast((i) => i < reviewActive);
        if (next !== undefined) setReviewActive(next);
      };
      // The next question after the active one (wrapping) that `wanted` picks; shown with every filter off if it is hidden.
      const jump = (wanted: (i: number) => boolean) => {
        const after = [...items.keys()].map((_, k) => (reviewActive + 1 + k) % items.length).find(wanted);
        if (after === undefined) return;
        setReviewActive(after);
        if (!visible.includes(after)) setFilter('all');
      };
      if (isUpKey(key)) step(-1);
      else if (isDownKey(key)) step(1);
      else if (isEnterKey(key)) {
        if (visible.includes(reviewActive)) commit(goTo(state, reviewActive, now()), state.position);
      } else if (key.name === 'r' || key.name === 'escape') setScreen('question');
      else if (key.name === 'u') jump((i) => state.answers[i] == null);
      else if (key.name === 'n') jump((i) => state.flags[i] === true);
      else if (key.name === 'tab') {
        const nextFilter = REVIEW_FILTERS[(REVIEW_FILTERS.indexOf(filter) + 1) % REVIEW_FILTERS.length]!;
        setFilter(nextFilter);
        const shown = shownInReview(state, nextFilter);
        if (!shown.includes(reviewActive)) setReviewActive(shown.find((i) => i > reviewActive) ?? shown[0] ?? reviewActive);
      } else if (key.name === 'f' && visible.includes(reviewActive)) {
        const flagged = toggleFlag(state, reviewActive);
        commit(flagged, reviewActive, 'review');
        // Unflagged under the flagged filter, the row leaves the list: the highlight moves to the next one.
        const still = shownInReview(flagged, filter);
        if (!still.includes(reviewActive)) setReviewActive(still.find((i) => i > reviewActive) ?? still.at(-1) ?? reviewActive);
      }
      return;
    }

    // Nothing is chosen until the learner chooses: Enter never answers with the highlighted choice.
    if (isEnterKey(key)) {
      const asked = need[state.position]!;
      if (multiple && pending.size > 0 && pending.size !== asked) setError(t('practice.wrongCount', { count: asked, selected: pending.size }));
      else goOn();
      return;
    }
    setError(undefined);
    const scrolled = fitted && scrollKey(key.name, fitted, windowTop, cursor === 0);
    if (scrolled !== undefined) return setWindowTop(scrolled);
    setWindowTop(null);
    if (isUpKey(key)) setCursor((cursor - 1 + item.order.length) % item.order.length);
    else if (isDownKey(key)) setCursor((cursor + 1) % item.order.length);
    else if (key.name === 'left') {
      if (state.position > 0) commit(back(state, now()), state.position);
    } else if (key.name === 'right') {
      if (isLast(state)) openReview();
      else moveTo(state.position + 1);
    } else if (key.name === 'f') commit(toggleFlag(state), state.position);
    else if (key.name === 'r') openReview();
    else if (key.name === 'x') {
      setPending(new Set());
      if (state.answers[state.position] != null) commit(setAnswer(state, null), state.position);
    } else if (isSpaceKey(key)) choose(cursor);
    else {
      const position = choiceKey(key, item.order.length);
      if (position === undefined) return;
      setCursor(position);
      choose(position);
    }
  });

  /** A letter or Space: on a single-answer question the choice is the answer, saved at once. */
  function choose(position: number) {
    if (multiple) return toggle(position);
    commit(setAnswer(state, [item.order[position]!]), state.position);
  }

  // A tick is an answer at once, as on the real exam: leaving the question (back, skip,
  // the review screen, time running out) keeps it. Enter checks the count and goes on.
  function toggle(position: number) {
    const original = item.order[position]!;
    const nextSet = new Set(pending);
    if (nextSet.has(original)) nextSet.delete(original);
    else nextSet.add(original);
    setPending(nextSet);
    const selection = item.order.filter((o) => nextSet.has(o));
    commit(setAnswer(state, selection.length ? selection : null), state.position);
  }

  const at = now();
  const counts = countsOf(state, need);
  const header = renderExamHeader(
    { position: screen === 'review' ? 0 : state.position + 1, total: counts.total, answered: counts.answered, incomplete: counts.incomplete, flagged: counts.flagged, timer, now: at },
    width,
  );
  const top = [header, ...renderNotice(noticeAt(timer, at)), ''];
  let lines: string[];
  let fitted: FittedScreen | undefined;
  if (screen === 'confirm') lines = [...top, ...renderConfirm(counts, width)];
  else if (screen === 'review') {
    const rows: ReviewRow[] = shownInReview(state, filter).map((i) => ({ position: i, status: statusOf(state, i, need), flagged: state.flags[i]!, text: items[i]!.question.question }));
    const shown = pageAround(rows.length, Math.max(0, rows.findIndex((r) => r.position === reviewActive)), Math.max(3, height - top.length - 5));
    const page = rows.slice(shown.start, shown.end).map((row) => renderReviewRow(row, row.position === reviewActive, width));
    if (rows.length === 0) page.push(chalk.dim(t('exam.review.noneMatch')));
    const title = `${chalk.bold(t('exam.review.title'))}${chalk.dim(' · ')}${t('exam.review.showing', { filter: t(`exam.review.filter.${filter}`) })}`;
    lines = [...top, ...wrap(title, width).split('\n'), ...page, '', ...wrap(chalk.dim(t('exam.keys.review')), width).split('\n')];
  } else {
    const parts = renderQuestionScreen({ item, cursor, pending, answer: state.answers[state.position] ?? null, flagged: state.flags[state.position]!, ...(error && { error }) }, width);
    // Outside the full screen, the prompt's own redraw needs the row the cursor rests on.
    fitted = fitScreen({ top, ...parts }, width, config.fullScreen ? height : height - 1, windowTop);
    lines = fitted.lines;
  }
  const content = lines.join('\n');
  return config.fullScreen ? HOME + content + CLEAR_BELOW + HIDE_CURSOR : content + HIDE_CURSOR;
});

export interface IntroInfo {
  lines: string[];
  /** The line that says how to go on; "Press Enter to begin, or q to leave." when left out. */
  start?: string;
}

/** The screen before the clock starts: what the exam is, the keys; Enter begins (true), q leaves (false). */
export const examIntroPrompt = createPrompt<boolean, IntroInfo>((config, done) => {
  const [finished, setFinished] = useState(false);
  useKeypress((key) => {
    if (finished) return;
    const begin = isEnterKey(key);
    if (!begin && !(key.name === 'q' && !key.ctrl)) return;
    setFinished(true);
    done(begin);
  });
  const width = terminalWidth();
  return [...config.lines.map((l) => wrap(l, width)), '', chalk.bold(config.start ?? t('exam.intro.start'))].join('\n') + HIDE_CURSOR;
});

/** Alternate screen buffer, like less or vim: the exam redraws in place and the shell's screen comes back afterwards. */
export function enterExamScreen(out: NodeJS.WriteStream = process.stdout): void {
  out.write('\x1b[?1049h\x1b[H');
}

export function leaveExamScreen(out: NodeJS.WriteStream = process.stdout): void {
  out.write('\x1b[?25h\x1b[?1049l');
}

export type UnfinishedChoice = 'resume' | 'abandon' | 'cancel';

// The stock prompts load lazily: they are only needed at the edges of an exam, never while the clock runs.

/** A new exam was asked for while another is unfinished. */
export async function askUnfinished(description: string): Promise<UnfinishedChoice> {
  const { select } = await import('@inquirer/prompts');
  return select<UnfinishedChoice>({
    message: `${description}\n${t('exam.ask.unfinished')}`,
    choices: [
      { value: 'resume', name: t('exam.ask.resume') },
      { value: 'abandon', name: t('exam.ask.abandon') },
      { value: 'cancel', name: t('exam.ask.cancel') },
    ],
    // The stock key help is English; ours follows the interface's language.
    theme: { style: { keysHelpTip: () => chalk.dim(t('exam.ask.keys')) } },
  });
}

/** Abandoning cannot be undone: asked once more, no being the default. */
export async function askAbandon(number: number, answered: number): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  return confirm({ message: t('exam.ask.abandonSure', { id: number, count: answered }), default: false });
}

export async function askReviewNow(count: number): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  return confirm({ message: t('exam.ask.review', { n: count }), default: true });
}
