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
    .map((line) => (line.includes('\u001b') ? wrapAnsi(line, room, { hard: true, trim: false }) : wrapPlain(line, room)))
    .join('\n')
    .split('\n')
    .map((l) => indent + l)
    .join('\n');
}

// Japanese has no spaces between words: a line may break between any two characters,
// except before closing punctuation and small kana (kinsoku). Word wrapping alone would
// carry a whole sentence over to the next line and leave a short line behind.
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;
const NO_LINE_START = /^[、。，．・：；？！ー…‥）〕］｝〉》」』】〙〗ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ)\]},.:;!?%]/;

function tokens(line: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of line) {
    if (ch === ' ' || CJK.test(ch)) {
      if (word) out.push(word);
      word = '';
      out.push(ch);
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}

/** Greedy line filling for text without escape sequences. */
export function wrapPlain(line: string, columns: number): string {
  if (width(line) <= columns) return line;
  const lines: string[] = [];
  let current: string[] = [];
  let used = 0;
  const flush = () => {
    while (current.length && current[current.length - 1] === ' ') current.pop();
    lines.push(current.join(''));
    current = [];
    used = 0;
  };
  for (const token of tokens(line)) {
    const w = width(token);
    if (token === ' ' && lines.length && current.length === 0) continue; // no space at the start of a wrapped line
    if (used + w <= columns) {
      current.push(token);
      used += w;
      continue;
    }
    if (token === ' ') {
      flush();
      continue;
    }
    if (w > columns) {
      // A word longer than a line (a URL, an ARN) is cut where it must be.
      for (const ch of token) {
        const cw = width(ch);
        if (used + cw > columns) flush();
        current.push(ch);
        used += cw;
      }
      continue;
    }
    // Closing punctuation may not start a line: take the last character along with it.
    const carried = NO_LINE_START.test(token) && current.length > 1 && current[current.length - 1] !== ' ' ? current.pop()! : undefined;
    flush();
    if (carried !== undefined) {
      current.push(carried);
      used += width(carried);
    }
    current.push(token);
    used += w;
  }
  if (current.length) flush();
  return lines.join('\n');
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
