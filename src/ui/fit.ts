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

export function fitToHeight(parts: ScreenParts, width: number, height: number): string[] {
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
  if (top.length + middleRows.length + full.length <= height) return [...top, ...middleRows, ...full];
  const bottom = parts.compactBottom ? toRows(parts.compactBottom, width) : full;
  if (top.length + middleRows.length + bottom.length <= height) return [...top, ...middleRows, ...bottom];

  // Rows for the window, less one for each "more above" / "more below" mark it needs.
  const free = height - top.length - bottom.length;
  let offset: number;
  let room: number;
  if (focusEnd <= free - 1) [offset, room] = [0, free - 1];
  else if (focusStart >= middleRows.length - (free - 1)) [offset, room] = [middleRows.length - (free - 1), free - 1];
  else {
    room = free - 2;
    // A choice taller than the window shows its start.
    offset = Math.min(focusEnd - room, focusStart);
  }
  room = Math.max(1, room);
  offset = Math.max(0, offset);
  const shown = middleRows.slice(offset, offset + room);
  const below = middleRows.length - offset - shown.length;
  const above = offset > 0 ? chalk.dim(t('screen.moreAbove', { count: offset })) : '';
  const more = below > 0 ? chalk.dim(t('screen.moreBelow', { count: below })) : '';
  return [...top, ...(offset > 0 ? [above] : []), ...shown, ...(below > 0 ? [more] : []), ...bottom];
}
