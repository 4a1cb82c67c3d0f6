import Database from 'better-sqlite3';
import { execa } from 'execa';
import { chmodSync, cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordAnswer } from '../../src/store/answers.js';
import { openStore } from '../../src/store/open.js';
import { spawn } from '@lydell/node-pty';
import { stripVTControlCharacters } from 'node:util';
import { BIN, KEYS } from '../helpers/pty.js';
import { readableInstall } from '../helpers/readable-install.js';
import { tempDir } from '../helpers/tmp.js';

// Where the answers go: which file, made when, and what a command says when it cannot.

const GOOD = fileURLToPath(new URL('../fixtures/banks/good/', import.meta.url));
const isRoot = process.getuid?.() === 0;
/** `ulimit -f` in 512-byte blocks (dash): room for a session's first writes to the WAL, not for an answer's. */
const LIMIT_BLOCKS = 96;

function dbWithAnswers(dir: string, n = 3): string {
  const path = join(dir, 'answers.db');
  const store = openStore(path);
  for (let i = 0; i < n; i++)
    recordAnswer(store, { sessionId: null, questionId: `q-${i}`, bank: 'b', topic: 't/x', domain: 'cost', selected: [0], correct: true, timeMs: 900, answeredAt: Date.now() });
  store.close();
  return path;
}

/** A command line in a pseudo-terminal, from `cwd`; resolves with what it printed once it ends. */
function inTerminal(file: string, args: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  const term = spawn(file, args, { cols: 100, rows: 40, cwd, env: { ...process.env, NO_COLOR: '1', LANG: 'C', ...env } as Record<string, string> });
  let out = '';
  const seen: (() => void)[] = [];
  term.onData((d) => {
    out += d;
    seen.forEach((f) => f());
  });
  const output = () => stripVTControlCharacters(out);
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) => term.onExit(resolve));
  /** Resolves true once `text` is on screen, false if the program ended first. */
  const shows = (text: string) =>
    new Promise<boolean>((resolve) => {
      seen.push(() => output().includes(text) && resolve(true));
      void exited.then(() => resolve(output().includes(text)));
    });
  return { output, exited, shows, write: (keys: string) => term.write(keys) };
}

/** Starts practice, waits for the first question and leaves with q. */
async function practiceAndLeave(args: string[], env: Record<string, string> = {}, cwd?: string) {
  const run = inTerminal(process.execPath, [BIN, 'practice', '--questions', GOOD, ...args], env, cwd);
  expect(await run.shows('Enter answer · q end'), run.output()).toBe(true);
  run.write('q');
  const { exitCode } = await run.exited;
  return { exitCode, output: run.output() };
}

describe('the database file', () => {
  it('--db "" is a usage error, exit 2, in one line', async () => {
    const r = await execa('node', [BIN, 'stats', '--db', ''], { reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim()).toBe('aws-quiz: --db needs a file name, such as --db ~/aws-quiz.db');
  });

  it('says in one line when practice creates a new database, and not the next time', async () => {
    const path = join(tempDir(), 'typo.db');
    const first = await practiceAndLeave(['--db', path]);
    expect(first.output).toContain(`created a new database at ${path}`);
    expect(existsSync(path)).toBe(true);
    const again = await practiceAndLeave(['--db', path]);
    expect(again.output).not.toContain('created a new database');
  }, 40_000);

  it('~ in AWS_QUIZ_DB is the home directory, never a folder named ~', async () => {
    const home = tempDir();
    const cwd = tempDir();
    const r = await practiceAndLeave([], { AWS_QUIZ_DB: '~/quiz.db', HOME: home }, cwd);
    expect(r.output).toContain(`created a new database at ${join(home, 'quiz.db')}`);
    expect(existsSync(join(home, 'quiz.db'))).toBe(true);
    expect(readdirSync(cwd)).toEqual([]);
  }, 30_000);

  it('exam --list and exam --review create no database where there is none', async () => {
    const dir = tempDir();
    const path = join(dir, 'missing.db');
    const list = await execa('node', [BIN, 'exam', '--list', '--db', path], { reject: false });
    expect(list.exitCode, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/No exams yet/);
    const review = await execa('node', [BIN, 'exam', '--review', '--db', path, '--questions', GOOD], { reject: false });
    expect(review.exitCode).toBe(1);
    expect(review.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stats and exam --list leave nothing beside the database', async () => {
    const dir = tempDir();
    const path = dbWithAnswers(dir);
    for (const args of [['stats'], ['exam', '--list']]) {
      const r = await execa('node', [BIN, ...args, '--db', path], { reject: false });
      expect(r.exitCode, r.stderr).toBe(0);
    }
    expect(readdirSync(dir)).toEqual(['answers.db']);
  });

  it('stats and exam --list read a database in a folder the user cannot write to', async () => {
    const dir = tempDir();
    const path = dbWithAnswers(dir);
    chmodSync(path, 0o444);
    chmodSync(dir, 0o555);
    try {
      // Root writes through permission bits, so when the tests run as root the user is played by nobody.
      const as = isRoot ? { uid: 65534, gid: 65534, cwd: '/' } : {};
      const bin = isRoot ? readableInstall(GOOD).bin : BIN;
      for (const args of [['stats', '--json'], ['exam', '--list']]) {
        const r = await execa(process.execPath, [bin, ...args, '--db', path], { reject: false, ...as, env: { XDG_CACHE_HOME: dir } });
        expect(r.exitCode, r.stderr).toBe(0);
        if (args[0] === 'stats') expect(JSON.parse(r.stdout).overview.answered).toBe(3);
      }
    } finally {
      chmodSync(dir, 0o755);
    }
    expect(readdirSync(dir)).toEqual(['answers.db']);
  });

  it('under a file-size limit (ulimit -f): one line saying the answer was not saved, no silent death', async () => {
    const dir = tempDir();
    const path = dbWithAnswers(dir, 1);
    // The session is written (its WAL stays under the limit), the first answer is not.
    const run = inTerminal('/bin/sh', ['-c', `ulimit -f ${LIMIT_BLOCKS} && exec "$0" "$1" practice --db "$2" --questions "$3"`, process.execPath, BIN, path, GOOD]);
    expect(await run.shows('Enter answer · q end'), run.output()).toBe(true);
    // Whichever question comes first, two letters complete it: a single answer takes the last, "choose 2" ticks both.
    run.write('b');
    run.write('c');
    run.write(KEYS.enter);
    run.write('s'); // sure
    const ended = await Promise.race([run.exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(run.output())), 15_000))]);
    expect(ended.signal ?? 0).toBe(0);
    expect(ended.exitCode).toBe(1);
    expect(run.output()).toMatch(/this answer was NOT saved: cannot write to the database .*answers\.db/);
    expect(statSync(path).size).toBeGreaterThan(0);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(1);
    db.close();
  }, 30_000);
});
