import xterm from '@xterm/headless';

export interface Screen {
  /** Every row of the buffer (scrollback included), as shown. */
  rows: string[];
  /** Lines that ran past the right edge, joined back together from the rows the terminal wrapped them into. */
  overflowed: string[];
}

export interface Size {
  cols: number;
  rows: number;
}

/** Plays raw terminal output into a headless terminal of the given size, as a person would see it. */
export async function screenOf(raw: string, cols: number, rows = 50): Promise<Screen> {
  return screenAcrossResize([{ raw, size: { cols, rows } }]);
}

/**
 * Plays output into a headless terminal resized between the parts, as a person's window
 * was: each part is what the program wrote while the window had that size.
 */
export async function screenAcrossResize(parts: { raw: string; size: Size }[]): Promise<Screen> {
  const first = parts[0]!.size;
  const term = new xterm.Terminal({ cols: first.cols, rows: first.rows, scrollback: 5000, allowProposedApi: true });
  for (const part of parts) {
    if (part.size.cols !== term.cols || part.size.rows !== term.rows) term.resize(part.size.cols, part.size.rows);
    await new Promise<void>((resolve) => term.write(part.raw, resolve));
  }
  const buffer = term.buffer.active;
  const out: Screen = { rows: [], overflowed: [] };
  let logical: string[] = [];
  const close = () => {
    if (logical.length > 1) out.overflowed.push(logical.join('⏎'));
    logical = [];
  };
  for (let i = 0; i < buffer.length; i++) {
    const line = buffer.getLine(i)!;
    const text = line.translateToString(true);
    out.rows.push(text);
    if (!line.isWrapped) close();
    logical.push(text);
  }
  close();
  term.dispose();
  return out;
}
