import stringWidth from 'fast-string-width';

// Terminal text measured in columns: a Japanese character takes two, so `.length` lies.
// fast-string-width rather than string-width: the same columns for bank text, @inquirer/core
// loads it anyway, and string-width costs about 50 ms at start-up (grapheme segmenter, emoji
// tables). Wrapping is our own (below): no library keeps the Japanese line-breaking rules.

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
    .flatMap((line) => wrapLine(line, room))
    .map((l) => indent + l)
    .join('\n');
}

// One line-breaking rule for every screen, coloured or not. Japanese has no spaces between
// words: a line may break between any two characters, except where kinsoku forbids it: no
// line starts with closing brackets, punctuation or small kana, none ends with an opening
// bracket, and a short bracketed label such as （あなたの回答） stays whole. Word wrapping
// alone would carry a whole sentence over to the next line and leave a short line behind.
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;
const NO_LINE_START = /^[、。，．・：；？！ー…‥）〕］｝〉》」』】〙〗ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ)\]},.:;!?%]/;
const NO_LINE_END = /[（〔［｛〈《「『【〘〖([{]$/;
const CLOSING: Record<string, string> = { '（': '）', '「': '」', '『': '』', '【': '】', '〔': '〕', '［': '］', '〈': '〉', '《': '》', '(': ')', '[': ']' };
/** A bracketed run up to this many characters, brackets included, is one unbreakable token. */
const SHORT_LABEL = 10;
// CSI (colours, cursor moves) and OSC (hyperlinks) sequences: they take no columns.
const ESCAPE = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/y;

/** A visible character and the escape sequences just before it. */
interface Cell {
  pre: string;
  ch: string;
  /** Its place in the line. */
  at: number;
}

function cellsOf(line: string): { cells: Cell[]; tail: string } {
  const cells: Cell[] = [];
  let pre = '';
  let i = 0;
  while (i < line.length) {
    ESCAPE.lastIndex = i;
    const m = line.charCodeAt(i) === 0x1b ? ESCAPE.exec(line) : null;
    if (m) {
      pre += m[0];
      i += m[0].length;
      continue;
    }
    const ch = String.fromCodePoint(line.codePointAt(i)!);
    cells.push({ pre, ch, at: cells.length });
    pre = '';
    i += ch.length;
  }
  return { cells, tail: pre };
}

/** Tokens a line may break between: spaces, single Japanese characters, words, short bracketed labels. */
function tokensOf(cells: Cell[]): Cell[][] {
  const out: Cell[][] = [];
  let word: Cell[] = [];
  const endWord = () => {
    if (word.length) out.push(word);
    word = [];
  };
  for (let i = 0; i < cells.length; i++) {
    const ch = cells[i]!.ch;
    const close = CLOSING[ch];
    if (close) {
      let j = i + 1;
      while (j < cells.length && j - i < SHORT_LABEL && cells[j]!.ch !== close && cells[j]!.ch !== ' ') j++;
      if (j < cells.length && cells[j]!.ch === close) {
        endWord();
        out.push(cells.slice(i, j + 1));
        i = j;
        continue;
      }
    }
    if (ch === ' ' || CJK.test(ch)) {
      endWord();
      out.push([cells[i]!]);
    } else word.push(cells[i]!);
  }
  endWord();
  return out;
}

// Printable ASCII takes one column; other characters are measured once each.
const charWidths = new Map<string, number>();
function charWidth(ch: string): number {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code >= 0x20 && code < 0x7f) return 1;
  let w = charWidths.get(ch);
  if (w === undefined) charWidths.set(ch, (w = width(ch)));
  return w;
}

const textOf = (token: Cell[]): string => token.map((c) => c.ch).join('');
const isSpace = (token: Cell[]): boolean => token.length === 1 && token[0]!.ch === ' ';

/** Greedy line filling by display width; returns the lines as cells, spaces at the breaks dropped. */
function breakLines(tokens: Cell[][], columns: number): Cell[][][] {
  // Each token measured once: measuring is most of the cost of wrapping.
  const sizes = new Map<Cell[], number>(tokens.map((tk) => [tk, tk.length === 1 ? charWidth(tk[0]!.ch) : width(textOf(tk))]));
  const size = (tk: Cell[]) => sizes.get(tk) ?? width(textOf(tk));
  const lines: Cell[][][] = [];
  let current: Cell[][] = [];
  let used = 0;
  const push = (line: Cell[][]) => {
    while (line.length && isSpace(line[line.length - 1]!)) line.pop();
    lines.push(line);
  };
  const start = (line: Cell[][]) => {
    current = line;
    used = line.reduce((n, tk) => n + size(tk), 0);
  };
  for (const token of tokens) {
    const w = size(token);
    if (isSpace(token) && lines.length && current.length === 0) continue; // no space at the start of a wrapped line
    if (used + w <= columns) {
      current.push(token);
      used += w;
      continue;
    }
    if (isSpace(token)) {
      push(current);
      start([]);
      continue;
    }
    if (w > columns) {
      // A word longer than a line (a URL, an ARN) is cut where it must be.
      for (const cell of token) {
        const cw = charWidth(cell.ch);
        if (used + cw > columns) {
          push(current);
          start([]);
        }
        current.push([cell]);
        used += cw;
      }
      continue;
    }
    // Kinsoku: move the break back while the next line would start with closing punctuation
    // or this one would end with an opening bracket, but never more than a few characters.
    let at = current.length;
    const startsBadly = (k: number) => NO_LINE_START.test(textOf(k === current.length ? token : current[k]!));
    const endsBadly = (k: number) => NO_LINE_END.test(textOf(current[k - 1]!));
    while (at > 0 && current.length - at < 3 && !isSpace(current[at - 1]!) && (startsBadly(at) || endsBadly(at))) at--;
    if (at === 0 || current.slice(at).reduce((n, tk) => n + size(tk), 0) + w > columns) at = current.length;
    const carried = current.slice(at);
    push(current.slice(0, at));
    start([...carried, token]);
  }
  if (current.length || !lines.length) push(current);
  return lines;
}

// SGR parameters that turn a style off, and the attribute each turns off.
const OFF: Record<string, string> = { '22': 'bold', '23': 'italic', '24': 'underline', '27': 'inverse', '28': 'hidden', '29': 'strike', '39': 'fg', '49': 'bg' };
function attributeOf(code: string): string | undefined {
  const n = Number(code.split(';')[0]);
  if (n === 1 || n === 2) return 'bold';
  if (n === 3) return 'italic';
  if (n === 4) return 'underline';
  if (n === 7) return 'inverse';
  if (n === 8) return 'hidden';
  if (n === 9) return 'strike';
  if ((n >= 30 && n <= 38) || (n >= 90 && n <= 97)) return 'fg';
  if ((n >= 40 && n <= 48) || (n >= 100 && n <= 107)) return 'bg';
  return undefined;
}
const CLOSER: Record<string, string> = { bold: '22', italic: '23', underline: '24', inverse: '27', hidden: '28', strike: '29', fg: '39', bg: '49' };

/** Tracks the colours and styles in force, so each wrapped line can close them and the next reopen them. */
function followStyles(escapes: string, active: Map<string, string>): void {
  if (!escapes) return;
  for (const m of escapes.matchAll(/\u001b\[([0-9;]*)m/g)) {
    const code = m[1] || '0';
    if (code === '0') active.clear();
    else if (OFF[code]) active.delete(OFF[code]);
    else {
      const attribute = attributeOf(code);
      if (attribute) active.set(attribute, m[0]);
    }
  }
}

/** One line of text, escape sequences and all, as the rows it takes `columns` wide. */
function wrapLine(line: string, columns: number): string[] {
  if (width(line) <= columns) return [line];
  const { cells, tail } = cellsOf(line);
  const rows = breakLines(tokensOf(cells), columns);
  const active = new Map<string, string>();
  return rows.map((row, r) => {
    let out = [...active.values()].join('');
    const shown = row.flat();
    // Cells dropped at the break (spaces) still carry escape sequences that must be kept.
    const next = rows[r + 1]?.[0]?.[0];
    const lastShown = shown.length ? shown[shown.length - 1]!.at : -1;
    const end = next ? next.at : cells.length;
    for (const cell of shown) {
      out += cell.pre + cell.ch;
      followStyles(cell.pre, active);
    }
    for (const cell of cells.slice(lastShown + 1, end)) {
      out += cell.pre;
      followStyles(cell.pre, active);
    }
    if (r === rows.length - 1) return out + tail;
    const closers = [...active.keys()].reverse().map((a) => `\u001b[${CLOSER[a]}m`).join('');
    return out + closers;
  });
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

/**
 * Key help ("↑↓ move · Enter answer · q end") as the fewest rows that fit: the items close
 * up (" · ", then two spaces, then one) before a row breaks, and a row breaks only between
 * items, so no key is ever parted from what it does.
 */
export function fitKeyHelp(text: string, columns: number): string[] {
  const items = text.split(' · ');
  for (const separator of [' · ', '  ', ' ']) {
    const line = items.join(separator);
    if (width(line) <= columns) return [line];
  }
  const rows: string[] = [];
  for (const item of items) {
    const last = rows.length ? rows[rows.length - 1]! : undefined;
    if (last !== undefined && width(`${last} · ${item}`) <= columns) rows[rows.length - 1] = `${last} · ${item}`;
    else rows.push(...wrap(item, columns).split('\n'));
  }
  return rows;
}
