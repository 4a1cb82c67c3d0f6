import { createPrompt, isDownKey, isUpKey, useKeypress, useState } from '@inquirer/core';
import { chalk } from './color.js';
import { t } from '../i18n/i18n.js';
import { renderReviewEntry, type ReviewEntry } from './exam-report.js';
import { terminalWidth, truncateCols, wrap } from './text.js';

// The review after an exam and `exam --review`: one question at a time, ←/→ between them,
// Tab through the filters, ↑/↓ to scroll a question taller than the terminal, q to leave.
// Without a terminal the same entries are printed one after another (renderExamReview).

export type BrowserFilter = 'wrong' | 'unanswered' | 'flagged' | 'all';
const FILTERS: readonly BrowserFilter[] = ['wrong', 'unanswered', 'flagged', 'all'];

/** The entries a filter shows, in exam order: "wrong" means wrong or unanswered, as scored. */
export function browserEntries(entries: readonly ReviewEntry[], filter: BrowserFilter): ReviewEntry[] {
  return entries.filter((e) =>
    filter === 'all' ? true : filter === 'wrong' ? e.correct !== true : filter === 'unanswered' ? e.selected === null || e.selected.length === 0 : e.flagged,
  );
}

export interface BrowserConfig {
  /** Every question of the exam, each marked right or not. */
  entries: readonly ReviewEntry[];
  width?: () => number;
  height?: () => number;
  /** Draw from the top-left corner of the alternate screen. */
  fullScreen?: boolean;
}

const HIDE_CURSOR = '\x1b[?25l';
const HOME = '\x1b[H';
const CLEAR_BELOW = '\x1b[J';

export const reviewBrowser = createPrompt<void, BrowserConfig>((config, done) => {
  const width = (config.width ?? (() => terminalWidth()))();
  const height = (config.height ?? (() => process.stdout.rows || 24))();
  // Start with the wrong and unanswered, or with everything when nothing was wrong.
  const [filter, setFilter] = useState<BrowserFilter>(() => (browserEntries(config.entries, 'wrong').length > 0 ? 'wrong' : 'all'));
  const [index, setIndex] = useState(0);
  const [scroll, setScroll] = useState(0);
  const [finished, setFinished] = useState(false);

  const shown = browserEntries(config.entries, filter);
  const current = shown[Math.min(index, Math.max(0, shown.length - 1))];
  const body = current ? renderReviewEntry(current, width) : [chalk.dim(t('exam.browser.none'))];
  // Two lines of heading, a blank and the key help stay put; the question scrolls between them.
  const room = Math.max(1, height - 4);
  const maxScroll = Math.max(0, body.length - room);

  useKeypress((key, rl) => {
    if (finished) return;
    rl.clearLine(0);
    if ((key.name === 'q' && !key.ctrl) || key.name === 'escape') {
      setFinished(true);
      done();
    } else if (key.name === 'right' || key.name === 'l') {
      if (index < shown.length - 1) {
        setIndex(index + 1);
        setScroll(0);
      }
    } else if (key.name === 'left' || key.name === 'h') {
      if (index > 0) {
        setIndex(index - 1);
        setScroll(0);
      }
    } else if (isDownKey(key) || key.name === 'space') setScroll(Math.min(maxScroll, scroll + (key.name === 'space' ? room : 1)));
    else if (isUpKey(key)) setScroll(Math.max(0, scroll - 1));
    else if (key.name === 'tab') {
      // The next filter that shows something, staying on the same question when it is still shown.
      const at = current?.position;
      for (let k = 1; k <= FILTERS.length; k++) {
        const next = FILTERS[(FILTERS.indexOf(filter) + k) % FILTERS.length]!;
        const list = browserEntries(config.entries, next);
        if (list.length === 0) continue;
        setFilter(next);
        setIndex(Math.max(0, list.findIndex((e) => e.position === at)));
        setScroll(0);
        break;
      }
    }
  });

  const heading = truncateCols(
    `${chalk.bold(t('exam.browser.position', { n: shown.length ? Math.min(index, shown.length - 1) + 1 : 0, count: shown.length }))}${chalk.dim(' · ')}${t('exam.browser.showing', { filter: t(`exam.browser.filter.${filter}`) })}`,
    width,
  );
  const page = body.slice(Math.min(scroll, maxScroll), Math.min(scroll, maxScroll) + room);
  const more = maxScroll > 0 ? chalk.dim(t('exam.browser.more', { shown: Math.min(scroll, maxScroll) + page.length, total: body.length })) : '';
  const keys = wrap(chalk.dim(t('exam.browser.keys')), width).split('\n');
  const lines = [heading, '', ...page, more, ...keys];
  const content = lines.join('\n');
  return config.fullScreen ? HOME + content + CLEAR_BELOW + HIDE_CURSOR : content + HIDE_CURSOR;
});
