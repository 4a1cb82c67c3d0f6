import xterm from '@xterm/headless';

export interface Screen {
  /** Every row of the buffer (scrollback included), as shown. */
  rows: string[];
  /** Lines that ran past the right edge, joined back together from the rows the terminal wrapped them into. */
  overflowed: string[];
}

/** Plays raw terminal output into a headless terminal of the given size, as a person would see it. */
export async function screenOf(raw: string, cols: number, rows = 50): Promise<Screen> {
  const term = new xterm.Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(raw, resolve));
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
