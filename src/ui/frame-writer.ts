import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { width } from './text.js';

// The exam redraws its whole screen every second for the clock alone: about 1.5 KB a
// second, and a visible flicker over a slow link. A full-screen frame is drawn from the
// top-left corner (HOME … CLEAR_BELOW), so rows have fixed places: this writer sits between
// the prompt and the terminal and sends only the rows that differ from the frame before.

const HOME = '\x1b[H';
const CLEAR_BELOW = '\x1b[J';
const CLEAR_LINE_END = '\x1b[K';
/** At most this many changed rows are sent as rows; more, and the frame is sent whole. */
const FEW_ROWS = 4;
const at = (row: number) => `\x1b[${row + 1};1H`;

export interface Repaint {
  /** What to send to the terminal. */
  text: string;
  /** The rows now on screen; null when unknown (nothing drawn yet, or after a resize). */
  frame: string[] | null;
}

/** What to write for `chunk` when `previous` is on screen: only changed rows of a full-screen frame, anything else as it is. */
export function repaint(previous: readonly string[] | null, chunk: string): Repaint {
  const start = chunk.lastIndexOf(HOME);
  const end = start < 0 ? -1 : chunk.indexOf(CLEAR_BELOW, start);
  if (end < 0) return { text: chunk, frame: previous ? [...previous] : null };
  const rows = chunk.slice(start + HOME.length, end).split('\n');
  const changed = rows.flatMap((row, i) => (row !== previous?.[i] ? [i] : []));
  // A new screen (another question, the review list) goes out whole, which also puts right
  // anything the terminal lost; a tick of the clock or a move of the cursor goes as its rows.
  if (!previous || changed.length > FEW_ROWS) return { text: chunk, frame: rows };
  let text = '';
  for (const i of changed) text += at(i) + rows[i] + CLEAR_LINE_END;
  if (rows.length < previous.length) text += at(rows.length) + CLEAR_BELOW;
  // What follows the frame (hiding the cursor, the prompt's cursor moves) is relative to its last row.
  const tail = chunk.slice(end + CLEAR_BELOW.length);
  if (text) text += `\x1b[${rows.length};${width(stripVTControlCharacters(rows[rows.length - 1]!)) + 1}H`;
  return { text: text + tail, frame: rows };
}

/** A stream for the prompt's output that passes full-screen frames on as row changes. */
export class FrameWriter extends Writable {
  private frame: string[] | null = null;
  private readonly onResize = () => {
    // The terminal may have reflowed or cleared the screen: the next frame goes out whole.
    this.frame = null;
  };

  constructor(private readonly out: NodeJS.WriteStream = process.stdout) {
    super({ decodeStrings: false });
    out.on('resize', this.onResize);
  }

  // Read by readline and the prompt, through the stream they write to, as a terminal's.
  get columns(): number {
    return this.out.columns;
  }

  get rows(): number {
    return this.out.rows;
  }

  get isTTY(): boolean {
    return Boolean(this.out.isTTY);
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const { text, frame } = repaint(this.frame, typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    this.frame = frame;
    if (text) this.out.write(text);
    callback();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.out.off('resize', this.onResize);
    callback();
  }
}
