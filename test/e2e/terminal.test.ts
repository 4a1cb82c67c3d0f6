import { execa } from 'execa';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, KEYS, runInPty } from '../helpers/pty.js';
import { recordAnswer } from '../../src/store/answers.js';
import { openStore } from '../../src/store/open.js';
import { screenOf } from '../helpers/screen.js';
import { tempDir } from '../helpers/tmp.js';

const GOOD = fileURLToPath(new URL('../fixtures/banks/good/', import.meta.url));
const BAD = fileURLToPath(new URL('../fixtures/banks/bad/', import.meta.url));
const BUNDLED = fileURLToPath(new URL('../../questions/', import.meta.url));
const SGR_COLOUR = /\u001b\[(?:\d+;)*(?:3[0-9]|9[0-7]|38;[25])[;\dm]*m/;

/** Rows the terminal had to wrap itself: text drawn past the right edge. Commands are left long on purpose, so they paste whole. */
async function overflow(raw: string, cols: number): Promise<string[]> {
  return (await screenOf(raw, cols)).overflowed.filter((l) => !/^\s*aws-quiz /.test(l));
}

/** The environment of a user who never set NO_COLOR or FORCE_COLOR (and `extra`). */
function envWithout(name: string, extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== name && k !== 'FORCE_COLOR') env[k] = v;
  return { ...env, ...extra };
}

async function practiceScreens(cols: number, env: Record<string, string | undefined> = {}) {
  // An existing database: a new one is announced with its path, which no width can promise to fit.
  const db = join(tempDir(), 'q.db');
  openStore(db).close();
  const run = runInPty(['practice', '--questions', BUNDLED, '--db', db, '--count', '2', '--seed', 'wide'], env, { cols, rows: 50 });
  await run.waitFor(/1\/2/);
  await run.waitFor(/(Enter answer|Enter 回答)/);
  const many = /(\d)\s*つ選択|Choose (\d)/.exec(run.output());
  run.write('abcdef'.slice(0, many ? Number(many[1] ?? many[2]) : 1));
  run.write(KEYS.enter);
  await run.waitFor(/(How sure are you|確信度は)/);
  run.write('s');
  await run.waitFor(/(Enter next question|Enter 次の問題)/);
  run.write('q');
  await run.exited;
  return run;
}

describe('terminal rendering', () => {
  for (const cols of [40, 200]) {
    it(`practice fits a ${cols}-column terminal, question, choices, feedback and summary`, async () => {
      const run = await practiceScreens(cols, { LANG: 'ja_JP.UTF-8' });
      expect(await overflow(run.raw(), cols)).toEqual([]);
      expect(run.output()).toContain('解説');
    });
  }

  for (const cols of [40, 200]) {
    it(`exam fits a ${cols}-column terminal, the introduction and a question`, async () => {
      const run = runInPty(['exam', '--blueprint', 'quick', '--questions', BUNDLED, '--db', join(tempDir(), 'q.db'), '--seed', 'narrow'], { LANG: 'ja_JP.UTF-8' }, { cols, rows: 40 });
      // The last line of each screen: the introduction's start line, then the question's key help
      // (text the introduction does not show), so neither is checked half drawn.
      await run.waitFor(/Enter で開始/);
      const questionFrom = run.output().length;
      run.write(KEYS.enter);
      await run.waitFor(/問題 1\/10/, undefined, questionFrom);
      await run.waitFor(/x 回答を消す[^]*試験を終える/, undefined, questionFrom);
      const onScreen = run.raw();
      run.write(KEYS.ctrlC);
      await run.exited;
      expect(await overflow(onScreen, cols)).toEqual([]);
      const rows = (await screenOf(onScreen, cols, 40)).rows;
      expect(rows.some((r) => /1\/10/.test(r))).toBe(true);
    });
  }

  for (const cols of [40, 200]) {
    it(`stats fits a ${cols}-column terminal`, async () => {
      const db = join(tempDir(), 'q.db');
      const store = openStore(db);
      const day = 86_400_000;
      ['sample-gateway-endpoint', 'sample-interface-endpoint', 'sample-s3-durability', 'sample-s3-consistency'].forEach((id, i) => {
        for (let k = 0; k < 12; k++)
          recordAnswer(store, { sessionId: null, questionId: id, bank: 'sample', topic: i < 2 ? 'vpc/endpoints' : 's3/basics', domain: 'cost', selected: [0], correct: (k + i) % 3 !== 0, timeMs: 4000, answeredAt: Date.now() - k * day });
      });
      store.close();
      const run = runInPty(['stats', '--db', db, '--questions', GOOD], { LANG: 'ja_JP.UTF-8' }, { cols, rows: 60 });
      await run.exited;
      expect(run.output()).toContain('aws-quiz practice --topic vpc/endpoints');
      expect(await overflow(run.raw(), cols)).toEqual([]);
    });
  }

  it('colours a terminal, and not with NO_COLOR', async () => {
    // A person's terminal: chalk rightly turns colour off under CI=… or TERM=dumb, so neither is set here.
    const coloured = await practiceScreens(100, { NO_COLOR: undefined, FORCE_COLOR: undefined, CI: undefined, TERM: 'xterm-256color' });
    expect(coloured.raw()).toMatch(SGR_COLOUR);
    const plain = await practiceScreens(100, { NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined, TERM: 'xterm-256color' });
    expect(plain.raw()).not.toMatch(SGR_COLOUR);
    const forced = await execa('node', [BIN, 'lint', BAD], { env: envWithout('NO_COLOR', { FORCE_COLOR: '1' }), extendEnv: false, reject: false });
    expect(forced.stdout).toMatch(SGR_COLOUR);
  });

  it('prints plain text when piped', async () => {
    for (const args of [['lint', GOOD], ['stats', '--db', join(tempDir(), 'none.db')], ['--help']]) {
      const r = await execa('node', [BIN, ...args], { env: envWithout('NO_COLOR', {}), extendEnv: false, reject: false });
      expect(r.stdout + r.stderr, args.join(' ')).not.toContain('\u001b');
    }
  });
});

describe('a terminal shorter than the question', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const cols = 50;
  const rows = 12;

  /** The rows on screen once output has settled, and every row the terminal ever kept. */
  async function settle(raw: () => string) {
    // The screen is drawn in one write per key; a moment lets the last one land.
    await sleep(200);
    const screen = await screenOf(raw(), cols, rows);
    return { all: screen.rows, visible: screen.rows.slice(-rows) };
  }

  it('exam keeps the header and clock on top and the cursor’s choice in view', async () => {
    const run = runInPty(['exam', '--timed', '--blueprint', 'quick', '--questions', BUNDLED, '--db', join(tempDir(), 'q.db'), '--seed', 'short'], {}, { cols, rows });
    await run.waitFor(/Press Enter|Enter/);
    run.write(KEYS.enter);
    await run.waitFor(/Question 1 of 10/);
    const from = run.output().length;
    for (let i = 0; i < 3; i++) run.write(KEYS.down);
    await run.waitFor(/❯ (\[.\] )?D\)/, 10_000, from);
    const { visible } = await settle(run.raw);
    run.write(KEYS.ctrlC);
    await run.exited;
    expect(visible[0]).toMatch(/Question 1 of 10 · \d+:\d\d left/);
    expect(visible.some((r) => /❯ (\[.\] )?D\)/.test(r))).toBe(true);
    expect(visible.some((r) => /more lines? (above|below)/.test(r))).toBe(true);
  });

  it('practice redraws in place: one header, the cursor’s choice in view, nothing left behind', async () => {
    const run = runInPty(['practice', '--questions', BUNDLED, '--db', join(tempDir(), 'q.db'), '--count', '2', '--seed', 'short'], {}, { cols, rows });
    await run.waitFor(/1\/2/);
    const from = run.output().length;
    for (let i = 0; i < 3; i++) run.write(KEYS.down);
    await run.waitFor(/❯ (\[.\] )?D\)/, 10_000, from);
    const { all, visible } = await settle(run.raw);
    run.write('q');
    await run.exited;
    expect(all.filter((r) => /^1\/2 /.test(r))).toHaveLength(1);
    expect(visible.some((r) => /^1\/2 /.test(r))).toBe(true);
    expect(visible.some((r) => /❯ (\[.\] )?D\)/.test(r))).toBe(true);
  });

  it('practice feedback taller than the terminal scrolls once, with the verdict kept by the keys', async () => {
    const run = runInPty(['practice', '--questions', BUNDLED, '--db', join(tempDir(), 'q.db'), '--count', '2', '--seed', 'short'], {}, { cols, rows });
    await run.waitFor(/1\/2/);
    await run.waitFor(/Enter answer/);
    const many = /(\d)\s*つ選択|Choose (\d)/.exec(run.output());
    run.write('abcdef'.slice(0, many ? Number(many[1] ?? many[2]) : 1));
    run.write(KEYS.enter);
    run.write('s'); // sure
    await run.waitFor(/Enter next question/);
    const { all, visible } = await settle(run.raw);
    run.write('q');
    await run.exited;
    expect(all.filter((r) => /^1\/2 /.test(r))).toHaveLength(1);
    // The verdict twice: atop the printed feedback, and by the keys at the bottom of the screen.
    expect(all.filter((r) => /^[✓✗] (Correct|Wrong)/.test(r))).toHaveLength(2);
    const last = visible.filter(Boolean);
    expect(last.at(-2)).toMatch(/^[✓✗] (Correct|Wrong)/);
    expect(last.at(-1)).toMatch(/^Enter next question.*q end/);
  });
});
