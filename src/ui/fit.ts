import { chalk } from './color.js';
import { t } from '../i18n/i18n.js';
import { wrap } from './text.js';

// A screen taller than the terminal scrolls its top away (the exam's header and clock, the
// question) and leaves stale rows behind on the next redraw. Screens are fitted instead: the
// key help shrinks first, then the question and choices scroll inside a window that keeps
// the choice under the cursor in view.

export interface ScreenParts {
  /** Always shown, at the top: the header with progress and clock. */
  top: string[];
  /** The question and its choices: scrolls when the terminal is too short. */
  middle: string[];
  /** Lines of `middle` [start, end) that must stay visible: the choice under the cursor. */
  focus: { start: number; end: number };
  /** Always shown, at the bottom: the saved answer, errors, key help. */
  bottom: string[];
  /** A shorter bottom (one line of key help) for when the full one does not fit. */
  compactBottom?: string[];
}

/** Each line as the rows it takes on a terminal `width` columns wide. */
function toRows(lines: readonly string[], width: number): string[] {
  return lines.flatMap((l) => (l === '' ? [''] : wrap(l, width).split('\n')));
}

/** A screen fitted to the terminal, and where its scrolling window stands. */
export interface FittedScreen {
  lines: string[];
  /** First row of the middle shown; 0 when nothing is hidden above. */
  offset: number;
  /** Where the window stands when it follows the cursor. */
  natural: number;
  /** The last offset there is: 0 when the middle fits whole. */
  max: number;
  /** Rows of the middle shown. */
  room: number;
}

/** The screen in `height` rows; `windowTop` (a row of the middle) when the learner scrolled, null to follow the cursor. */
export function fitScreen(parts: ScreenParts, width: number, height: number, windowTop: number | null = null): FittedScreen {
  const top = toRows(parts.top, width);
  const full = toRows(parts.bottom, width);
  const middleRows: string[] = [];
  let focusStart = 0;
  let focusEnd = 0;
  parts.middle.forEach((line, i) => {
    if (i === parts.focus.start) focusStart = middleRows.length;
    middleRows.push(...toRows([line], width));
    if (i === parts.focus.end - 1) focusEnd = middleRows.length;
  });
  const whole = (bottom: string[]): FittedScreen => ({ lines: [...top, ...middleRows, ...bottom], offset: 0, natural: 0, max: 0, room: middleRows.length });
  if (top.length + middleRows.length + full.length <= height) return whole(full);
  const bottom = parts.compactBottom ? toRows(parts.compactBottom, width) : full;
  if (top.length + middleRows.length + bottom.length <= height) return whole(bottom);

  // Rows for the window, less one for each "more above" / "more below" mark it needs.
  const free = height - top.length - bottom.length;
  const max = Math.max(0, middleRows.length - Math.max(1, free - 1));
  let natural: number;
  if (focusEnd <= free - 1) natural = 0;
  else if (focusStart >= middleRows.length - (free - 1)) natural = max;
  // A choice taller than the window shows its start.
  else natural = Math.max(0, Math.min(focusEnd - Math.max(1, free - 2), focusStart));
  natural = Math.min(natural, max);
  const offset = windowTop === null ? natural : Math.max(0, Math.min(windowTop, max));
  const room = Math.max(1, offset === 0 || offset >= max ? free - 1 : free - 2);
  const shown = middleRows.slice(offset, offset + room);
  const below = middleRows.length - offset - shown.length;
  const above = offset > 0 ? [chalk.dim(t('screen.moreAbove', { count: offset }))] : [];
  const more = below > 0 ? [chalk.dim(t('screen.moreBelow', { count: below }))] : [];
  return { lines: [...top, ...above, ...shown, ...more, ...bottom], offset, natural, max, room };
}

export function fitToHeight(parts: ScreenParts, width: number, height: number, windowTop: number | null = null): string[] {
  return fitScreen(parts, width, height, windowTop).lines;
}

/**
 * What a key does to a screen too short for its question: the window's new top (null: follow
 * the cursor again), or undefined when the key is not for scrolling here. ↑ on the first
 * choice and PgUp/Home scroll the question into view; ↓, PgDn and End scroll back.
 */
export function scrollKey(key: string | undefined, fitted: FittedScreen, windowTop: number | null, onFirstChoice: boolean): number | null | undefined {
  if (fitted.max === 0) return undefined;
  const page = Math.max(1, fitted.room - 1);
  switch (key) {
    case 'pageup': {
      // One hidden row costs the "more above" mark a row of its own: back at the top instead,
      // so PgDn then PgUp always returns to where the question starts.
      const to = fitted.offset - page;
      return to <= 1 ? 0 : to;
    }
    case 'home':
      return 0;
    case 'pagedown':
      return Math.min(fitted.max, fitted.offset + page);
    case 'end':
      return fitted.max;
    case 'up':
      return onFirstChoice && fitted.offset > 0 ? fitted.offset - 1 : undefined;
    case 'down':
      if (windowTop === null || fitted.offset >= fitted.natural) return undefined;
      return fitted.offset + 1 >= fitted.natural ? null : fitted.offset + 1;
    default:
      return undefined;
  }
}
