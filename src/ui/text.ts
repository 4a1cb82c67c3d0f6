import stringWidth from 'fast-string-width';
import { wrapAnsi } from 'fast-wrap-ansi';

// Terminal text measured in columns: a Japanese character takes two, so `.length` lies.
// fast-string-width and fast-wrap-ansi rather than string-width and wrap-ansi: the same
// columns and line breaks for bank text, @inquirer/core loads them anyway, and string-width
// costs about 50 ms at start-up (grapheme segmenter, emoji tables), half the time to the
// first question.

export const width = (text: string): number => stringWidth(text);

/** The usable width: the terminal's, within reason, or 80 when not a terminal. */
export function terminalWidth(stream: { columns?: number } = process.stdout): number {
  const cols = stream.columns && stream.columns > 0 ? stream.columns : 80;
  return Math.max(20, Math.min(cols, 120));
}

/** Wraps each paragraph to `columns`, keeping the text's own line breaks. */
export function wrap(text: string, columns: number, indent = ''): string {
  const room = Math.max(10, columns - width(indent));
  return text
    .split('\n')
    .map((line) => wrapAnsi(line, room, { hard: true, trim: false }))
    .join('\n')
    .split('\n')
    .map((l) => indent + l)
    .join('\n');
}

/** Wraps text after a label, aligning continuation lines under the text ("  A) long text…"). */
export function hangingWrap(label: string, text: string, columns: number): string {
  const pad = ' '.repeat(width(label));
  const lines = wrap(text, columns - width(label)).split('\n');
  return lines.map((l, i) => (i === 0 ? label : pad) + l).join('\n');
}

export function padEndCols(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - width(text)));
}

export function padStartCols(text: string, columns: number): string {
  return ' '.repeat(Math.max(0, columns - width(text))) + text;
}

/** Cuts text to fit `columns`, marking the cut with an ellipsis. */
export function truncateCols(text: string, columns: number): string {
  if (width(text) <= columns) return text;
  let out = '';
  for (const ch of text) {
    if (width(out + ch) > columns - 1) break;
    out += ch;
  }
  return out + '…';
}
