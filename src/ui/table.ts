import { width } from './text.js';

// Tables for reports that must appear quickly. Most cells are ASCII or the few narrow
// symbols charts use, whose width is their length; only the rest (Japanese, colour codes)
// is measured by the width library, whose first use of each of its tables costs a little.
const NARROW = /^[\x20-\x7e\u00b7\u2013\u2026\u2500-\u259f\u2713\u2717]*$/;

/** Terminal columns `text` takes: a Japanese character takes two, colour codes none. */
export const cols = (text: string): number => (NARROW.test(text) ? text.length : width(text));

export type Align = 'left' | 'right';

/**
 * Lays out rows in columns `gap` spaces apart, each as wide as its widest cell in terminal
 * columns. Cells may carry colour. The last column is not padded on the right.
 */
export function table(rows: readonly string[][], align: readonly Align[], gap = 2): string[] {
  const sizes = rows.map((r) => r.map(cols));
  const widths: number[] = [];
  for (const r of sizes) r.forEach((w, i) => (widths[i] = Math.max(widths[i] ?? 0, w)));
  return rows.map((r, y) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - sizes[y]![i]!);
        return align[i] === 'right' ? pad + c : i === r.length - 1 ? c : c + pad;
      })
      .join(' '.repeat(gap))
      .trimEnd(),
  );
}
