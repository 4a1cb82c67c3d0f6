import { describe, expect, it } from 'vitest';
import { fitScreen, fitToHeight, scrollKey, type ScreenParts } from '../../src/ui/fit.js';

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

describe('scrolling a screen shorter than its question', () => {
  const press = (key: string, p: ScreenParts, top: number | null, onFirst: boolean) => scrollKey(key, fitScreen(p, 80, 12, top), top, onFirst);

  it('brings the question into view with ↑ on the first choice, PgUp and Home, and goes back with ↓, PgDn and End', () => {
    const p = parts(12, 1, 0);
    const start = fitScreen(p, 80, 12);
    expect(start.offset).toBeGreaterThan(0);
    expect(start.lines.join('\n')).toMatch(new RegExp(`▲ ${start.offset} more lines? above: PgUp`));
    // ↑ on the first choice scrolls up a row at a time, until the first line of the question shows.
    let top: number | null = null;
    for (let i = 0; i < start.offset; i++) top = press('up', p, top, true)!;
    expect(top).toBe(0);
    expect(fitScreen(p, 80, 12, top).lines[2]).toBe('question line 1');
    expect(press('up', p, top, true)).toBeUndefined();
    // ↓ scrolls back, and from where the cursor's choice shows it moves the cursor again.
    for (let i = 0; i < start.offset; i++) top = press('down', p, top, true)!;
    expect(top).toBeNull();
    expect(press('down', p, top, true)).toBeUndefined();
    expect(press('home', p, null, true)).toBe(0);
    expect(press('pageup', p, null, false)).toBeLessThan(start.offset);
    expect(press('end', p, 0, true)).toBe(start.max);
    expect(press('pagedown', p, 0, true)).toBeGreaterThan(0);
  });

  it('returns to where the question starts with PgUp after PgDn, at every height', () => {
    const p = parts(20, 1, 0);
    for (let height = 8; height <= 20; height++) {
      const down = scrollKey('pagedown', fitScreen(p, 80, height, 0), 0, true)!;
      expect(down, `height ${height}`).toBeGreaterThan(0);
      expect(scrollKey('pageup', fitScreen(p, 80, height, down), down, true), `height ${height}`).toBe(0);
    }
  });

  it('moves the cursor with ↑ on any other choice, and leaves screens that fit alone', () => {
    expect(press('up', parts(12, 1, 2), null, false)).toBeUndefined();
    for (const key of ['up', 'down', 'pageup', 'home', 'pagedown', 'end']) expect(press(key, parts(1, 1, 0), null, true)).toBeUndefined();
  });

  it('tells the truth in its marks: the rows counted above and below are the rows not shown', () => {
    const p = parts(12, 1, 0);
    for (const top of [null, 0, 1, 3, 5, 100]) {
      const f = fitScreen(p, 80, 12, top);
      expect(f.lines.length).toBeLessThanOrEqual(12);
      const above = Number(/▲ (\d+)/.exec(f.lines.join('\n'))?.[1] ?? 0);
      const below = Number(/▼ (\d+)/.exec(f.lines.join('\n'))?.[1] ?? 0);
      expect(above, String(top)).toBe(f.offset);
      expect(above + below + f.room).toBe(p.middle.length);
    }
  });
});
