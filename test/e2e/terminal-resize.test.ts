import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInPty, type PtyRun } from '../helpers/pty.js';
import { screenAcrossResize, type Size } from '../helpers/screen.js';
import { tempDir } from '../helpers/tmp.js';

// A window resized mid-question: the question is drawn again at the new size at once, with
// nothing left behind of the old drawing.

const LONG = fileURLToPath(new URL('../fixtures/banks/long/', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts practice at `from`, presses `keys` once the question is up, resizes the window to
 * `to` once `screen` is drawn, and returns what a person sees afterwards.
 */
async function practiceResized(from: Size, to: Size, env: Record<string, string> = {}, keys = '', screen = /(Enter answer|Enter 回答)/) {
  const run: PtyRun = runInPty(['practice', '--questions', LONG, '--db', join(tempDir(), 'q.db'), '--count', '1', '--seed', 'resize'], env, from);
  await run.waitFor(/(Enter answer|Enter 回答)/);
  if (keys) {
    run.write(keys);
    await run.waitFor(screen);
  }
  await sleep(200);
  const cut = run.raw().length;
  run.pty.resize(to.cols, to.rows);
  // The redraw at the new size ends with the key help again.
  await run.waitFor(screen, 10_000, run.output().length);
  await sleep(200);
  const raw = run.raw();
  run.write('q');
  await run.exited;
  const drawn = await screenAcrossResize([
    { raw: raw.slice(0, cut), size: from },
    { raw: raw.slice(cut), size: to },
  ]);
  return { screen: drawn, visible: drawn.rows.slice(-to.rows) };
}

describe('practice redraws when the window is resized mid-question', () => {
  for (const [from, to] of [
    [{ cols: 80, rows: 24 }, { cols: 40, rows: 15 }],
    [{ cols: 200, rows: 50 }, { cols: 60, rows: 15 }],
    [{ cols: 80, rows: 24 }, { cols: 60, rows: 24 }],
  ] as const) {
    it(`narrowing from ${from.cols}×${from.rows} to ${to.cols}×${to.rows} leaves one header at the top and nothing past the edge`, async () => {
      const { visible } = await practiceResized(from, to);
      expect(visible.filter((r) => /^1\/1 /.test(r))).toHaveLength(1);
      const header = visible.findIndex((r) => /^1\/1 /.test(r));
      expect(header, visible.join('\n')).toBeGreaterThanOrEqual(0);
      expect(visible.slice(0, header).filter((r) => r.trim()), visible.join('\n')).toEqual([]);
      expect(visible.every((r) => r.length <= to.cols)).toBe(true);
      expect(visible.some((r) => /q end/.test(r)), visible.join('\n')).toBe(true);
    });
  }

  it('widening from 40×15 to 120×40 wraps the question to the new width at once', async () => {
    const { visible } = await practiceResized({ cols: 40, rows: 15 }, { cols: 120, rows: 40 });
    const question = visible.find((r) => r.startsWith('ある企業は'))!;
    expect(question, visible.join('\n')).toBeDefined();
    expect(question.length).toBeGreaterThan(40);
    expect(visible.filter((r) => /^1\/1 /.test(r))).toHaveLength(1);
  });
});

describe('practice feedback redraws when the window is resized', () => {
  it('narrowing from 200×50 to 120×50 draws the feedback again at the new width, once', async () => {
    const to = { cols: 120, rows: 50 };
    // The first choice, sure: the feedback is up.
    const { visible } = await practiceResized({ cols: 200, rows: 50 }, to, {}, 'a\rs', /Enter see the summary/);
    expect(visible.filter((r) => /^1\/1 /.test(r)), visible.join('\n')).toHaveLength(1);
    expect(visible.filter((r) => /Enter see the summary/.test(r))).toHaveLength(1);
    expect(visible.every((r) => r.length <= to.cols)).toBe(true);
    // Wrapped to the new width: about 60 Japanese characters, 120 columns, to the row.
    expect(visible.find((r) => r.startsWith('ある企業は'))!.length).toBeGreaterThan(55);
  });
});
