import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KEYS, runInPty } from '../helpers/pty.js';
import { screenOf } from '../helpers/screen.js';
import { existingDb, tempDir } from '../helpers/tmp.js';

// The first screen of practice and of the exam at the sizes people use, from a phone's
// terminal to a wide monitor: nothing drawn past the right edge, the header on top, the
// key help at the foot, in either language.

const LONG = fileURLToPath(new URL('../fixtures/banks/long/', import.meta.url));
const BUNDLED = fileURLToPath(new URL('../../questions/', import.meta.url));
const SIZES = [
  { cols: 40, rows: 15 },
  { cols: 60, rows: 15 },
  { cols: 80, rows: 24 },
  { cols: 200, rows: 50 },
];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('first screens at every size', () => {
  for (const size of SIZES) {
    it(`practice at ${size.cols}×${size.rows}, in Japanese`, async () => {
      const run = runInPty(['practice', '--questions', LONG, '--db', await existingDb(), '--count', '1'], { LANG: 'ja_JP.UTF-8' }, size);
      await run.waitFor(/q 終了/);
      await sleep(200);
      const raw = run.raw();
      run.write('q');
      await run.exited;
      const screen = await screenOf(raw, size.cols, size.rows);
      const visible = screen.rows.slice(-size.rows);
      expect(screen.overflowed).toEqual([]);
      // The glance at the session sits above the header while there is room for it.
      const header = visible.findIndex((r) => /^1\/1 {2}transfer-family\/static-ip/.test(r));
      expect(header, visible.join('\n')).toBeGreaterThanOrEqual(0);
      if (header > 0) expect(visible.slice(0, header).join('')).toMatch(/^復習期限: .*今回: 1\s*問/);
      expect(visible.some((r) => /q 終了/.test(r))).toBe(true);
    });

    it(`exam at ${size.cols}×${size.rows}`, async () => {
      const run = runInPty(['exam', '--timed', '--blueprint', 'quick', '--questions', BUNDLED, '--db', join(tempDir(), 'q.db'), '--seed', 'sizes'], {}, size);
      await run.waitFor(/Enter/);
      run.write(KEYS.enter);
      await run.waitFor(/Question 1 of 10[\s\S]*q end/);
      await sleep(200);
      const raw = run.raw();
      run.write(KEYS.ctrlC);
      await run.exited;
      const screen = await screenOf(raw, size.cols, size.rows);
      const visible = screen.rows.slice(-size.rows);
      expect(screen.overflowed.filter((l) => !/aws-quiz /.test(l))).toEqual([]);
      expect(visible[0]).toMatch(/^Question 1 of 10/);
      expect(visible.some((r) => /q end/.test(r))).toBe(true);
    });
  }
});
