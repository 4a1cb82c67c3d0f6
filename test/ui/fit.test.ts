import { describe, expect, it } from 'vitest';
import { fitToHeight, type ScreenParts } from '../../src/ui/fit.js';

/** A question of `textRows` lines and four choices of `choiceRows` lines each, cursor on `cursor`. */
function parts(textRows: number, choiceRows: number, cursor: number): ScreenParts {
  const text = Array.from({ length: textRows }, (_, i) => `question line ${i + 1}`);
  const choices = ['A', 'B', 'C', 'D'].flatMap((l) => Array.from({ length: choiceRows }, (_, i) => `${l}) line ${i + 1}`));
  const start = text.length + 1 + cursor * choiceRows;
  return {
    top: ['Question 1 of 65 · 2:10:00 left', ''],
    middle: [...text, '', ...choices],
    focus: { start, end: start + choiceRows },
    bottom: ['', 'Not answered yet', '', 'keys, first line', 'keys, second line'],
    compactBottom: ['Not answered yet', 'keys in one line'],
  };
}

describe('fitting a screen to the terminal height', () => {
  it('shows everything, unchanged, when it fits', () => {
    const p = parts(3, 1, 0);
    expect(fitToHeight(p, 80, 40)).toEqual([...p.top, ...p.middle, ...p.bottom]);
  });

  it('shortens the key help before hiding any of the question', () => {
    const p = parts(3, 1, 0);
    const rows = fitToHeight(p, 80, 12);
    expect(rows).toEqual([...p.top, ...p.middle, ...p.compactBottom!]);
  });

  it('never takes more rows than the terminal has, keeps the header and the answer line, and keeps the cursor’s choice in view', () => {
    for (let height = 8; height <= 20; height++) {
      for (let cursor = 0; cursor < 4; cursor++) {
        const rows = fitToHeight(parts(8, 2, cursor), 80, height);
        expect(rows.length).toBeLessThanOrEqual(height);
        expect(rows[0]).toBe('Question 1 of 65 · 2:10:00 left');
        expect(rows.at(-2)).toBe('Not answered yet');
        const letter = 'ABCD'[cursor]!;
        expect(rows).toContain(`${letter}) line 1`);
        expect(rows).toContain(`${letter}) line 2`);
      }
    }
  });

  it('says how many rows are hidden above and below, and shows the question from its start on the first choice', () => {
    const first = fitToHeight(parts(8, 2, 0), 80, 16);
    expect(first[2]).toBe('question line 1');
    expect(first.join('\n')).toMatch(/▼ 6 more lines below/);
    expect(first.join('\n')).not.toMatch(/above/);
    const last = fitToHeight(parts(8, 2, 3), 80, 16);
    expect(last.join('\n')).toMatch(/▲ \d+ more lines above/);
    expect(last.join('\n')).not.toMatch(/below/);
    expect(last).toContain('D) line 2');
  });

  it('counts a line the terminal would wrap as the rows it takes', () => {
    const p = parts(1, 1, 0);
    p.middle[0] = 'x'.repeat(100);
    const rows = fitToHeight(p, 40, 11);
    expect(rows.length).toBeLessThanOrEqual(11);
    expect(rows.every((r) => r.length <= 40)).toBe(true);
  });
});
