import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KEYS, runInPty, type PtyRun } from '../helpers/pty.js';
import { screenOf } from '../helpers/screen.js';
import { existingDb, tempDir } from '../helpers/tmp.js';

// A question taller than the terminal: ↑ on the first choice, PgUp and Home bring its start
// into view; ↓, PgDn and End go back to the choices. The marks say what is hidden, and how to see it.

const LONG = fileURLToPath(new URL('../fixtures/banks/long/', import.meta.url));
const BUNDLED = fileURLToPath(new URL('../../questions/', import.meta.url));
const STEM = 'ある企業は AWS Transfer Family';
const KEY = { pageUp: '\x1b[5~', pageDown: '\x1b[6~', home: '\x1b[H', end: '\x1b[F' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The rows on screen once the redraw for the last key has landed. */
async function visible(run: PtyRun, cols: number, rows: number): Promise<string[]> {
  await sleep(200);
  return (await screenOf(run.raw(), cols, rows)).rows.slice(-rows);
}

/** The row two below the header (past its blank row): where the question starts when scrolled to the top. */
const belowHeader = (screen: string[]) => screen[screen.findIndex((r) => /^1\/1 /.test(r)) + 2] ?? '';

/** Presses `key` and waits for the screen it brings (text that must appear after the press). */
async function press(run: PtyRun, key: string, expected: RegExp | string): Promise<void> {
  const from = run.output().length;
  run.write(key);
  await run.waitFor(expected, 10_000, from);
}

describe('a question taller than the terminal can be read whole', () => {
  const [cols, rows] = [60, 15];

  it('practice: ↑ on the first choice scrolls the question into view instead of jumping to D; End scrolls back', async () => {
    const run = runInPty(['practice', '--questions', LONG, '--db', await existingDb(), '--count', '1', '--seed', 'tall'], {}, { cols, rows });
    await run.waitFor(/▲ \d+ more lines? above: PgUp/);
    let screen = await visible(run, cols, rows);
    expect(screen.join('\n')).not.toContain(STEM);
    expect(screen.some((r) => r.startsWith('❯ A)'))).toBe(true);
    const hidden = Number(/▲ (\d+)/.exec(screen.join('\n'))![1]);
    for (let i = 0; i < hidden; i++) run.write(KEYS.up);
    await run.waitFor(STEM, 10_000, run.output().length - 2000);
    screen = await visible(run, cols, rows);
    expect(belowHeader(screen)).toContain(STEM);
    expect(screen.join('\n')).not.toMatch(/▲/);
    expect(run.output()).not.toMatch(/❯ D\)/);
    await press(run, KEY.end, /▲ \d+ more lines? above/);
    screen = await visible(run, cols, rows);
    expect(screen.join('\n')).not.toContain(STEM);
    expect(screen.some((r) => /^ {2}D\)/.test(r))).toBe(true);
    await press(run, KEY.home, STEM);
    expect(belowHeader(await visible(run, cols, rows))).toContain(STEM);
    await press(run, KEY.pageDown, /more lines? above/);
    await press(run, KEY.pageUp, STEM);
    run.write('q');
    await run.exited;
  });

  it('exam: PgUp and Home bring the question into view under the header and clock; End goes back to the choices', async () => {
    const run = runInPty(['exam', '--blueprint', 'quick', '--questions', BUNDLED, '--db', join(tempDir(), 'q.db'), '--seed', 'short'], {}, { cols: 40, rows });
    await run.waitFor(/Enter/);
    run.write(KEYS.enter);
    await run.waitFor(/Question 1 of 10/);
    for (let i = 0; i < 3; i++) run.write(KEYS.down);
    await run.waitFor(/▲ \d+ more lines? above: PgUp/);
    await run.waitFor(/❯ (\[.\] )?D\)/);
    await press(run, KEY.home, /▼ \d+ more lines? below: PgDn/);
    let screen = await visible(run, 40, rows);
    expect(screen[0]).toMatch(/Question 1 of 10/);
    expect(screen.join('\n')).not.toMatch(/▲/);
    await press(run, KEY.end, /▲ \d+ more lines? above/);
    screen = await visible(run, 40, rows);
    expect(screen.join('\n')).not.toMatch(/▼/);
    expect(screen.some((r) => /❯ (\[.\] )?D\)/.test(r))).toBe(true);
    run.write(KEYS.ctrlC);
    await run.exited;
  });
});
