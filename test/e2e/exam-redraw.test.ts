import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KEYS, runInPty } from '../helpers/pty.js';
import { screenOf } from '../helpers/screen.js';
import { tempDir } from '../helpers/tmp.js';

const BUNDLED = fileURLToPath(new URL('../../questions/', import.meta.url));
const CLOCK = /(\d+:\d\d(?::\d\d)?) left/g;

describe('the exam clock', () => {
  it('redraws only its own row each second, and the screen stays whole', async () => {
    const [cols, rows] = [80, 24];
    const run = runInPty(['exam', '--timed', '--blueprint', 'quick', '--questions', BUNDLED, '--db', join(tempDir(), 'q.db'), '--seed', 'clock'], {}, { cols, rows });
    await run.waitFor(/Enter/);
    run.write(KEYS.enter);
    await run.waitFor(/Question 1 of 10[\s\S]*q end/);
    const clocks = () => [...run.raw().matchAll(CLOCK)].map((m) => ({ at: m.index!, time: m[1]! }));
    // Two ticks after the first full frame: the bytes between them are one tick's redraw.
    const ticks: { at: number; time: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const seen = clocks().at(-1)!;
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (clocks().at(-1)!.time !== seen.time) {
            clearInterval(poll);
            resolve();
          }
        }, 50);
      });
      ticks.push(clocks().at(-1)!);
    }
    const perTick = ticks[1]!.at - ticks[0]!.at;
    const raw = run.raw();
    run.write(KEYS.ctrlC);
    await run.exited;
    // A whole frame of this screen is well over a kilobyte; a tick rewrites one row.
    expect(perTick).toBeLessThan(200);
    const screen = (await screenOf(raw, cols, rows)).rows.slice(-rows);
    expect(screen[0]).toMatch(new RegExp(`Question 1 of 10 · ${ticks[1]!.time} left`));
    expect(screen.some((r) => /❯ (\[.\] )?A\)/.test(r))).toBe(true);
    expect(screen.some((r) => /q end/.test(r))).toBe(true);
  });
});
