import { padEndCols, padStartCols, width } from './text.js';

export type Align = 'left' | 'right';

/**
 * Lays out rows in columns `gap` spaces apart, each as wide as its widest cell in terminal
 * columns (a Japanese character takes two). Cells may carry colour. The last column is
 * not padded on the right.
 */
export function table(rows: readonly string[][], align: readonly Align[], gap = 2): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  return rows.map((r) =>
    r
      .map((c, i) => (align[i] === 'right' ? padStartCols(c, widths[i]!) : i === r.length - 1 ? c : padEndCols(c, widths[i]!)))
      .join(' '.repeat(gap))
      .trimEnd(),
  );
}
