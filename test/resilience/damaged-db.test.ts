import Database from 'better-sqlite3';
import { execa } from 'execa';
import { chmodSync, existsSync, readdirSync, readFileSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordAnswer } from '../../src/store/answers.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open.js';
import { spawn } from '@lydell/node-pty';
import { runInPty } from '../helpers/pty.js';
import { readableInstall } from '../helpers/readable-install.js';
import { tempDir } from '../helpers/tmp.js';

const bin = fileURLToPath(new URL('../../bin/aws-quiz.js', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/banks/good', import.meta.url));
const isRoot = process.getuid?.() === 0;

/** A real database with some history, then damaged by `damage`. */
function damagedDb(damage: (path: string) => void): { dir: string; path: string } {
  const dir = tempDir();
  const path = join(dir, 'answers.db');
  const store = openStore(path);
  for (let i = 0; i < 400; i++)
    recordAnswer(store, { sessionId: null, questionId: `q-${i}`, bank: 'b', topic: 't/x', domain: 'cost', selected: [0], correct: true, timeMs: 900, answeredAt: Date.now() - i * 1000 });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  damage(path);
  return { dir, path };
}

const cases: [string, (path: string) => void, RegExp][] = [
  ['truncated', (p) => truncateSync(p, 4096 + 100), /damaged/],
  ['full of garbage', (p) => writeFileSync(p, Buffer.alloc(64 * 1024, 0xa5)), /not an aws-quiz database/],
  [
    'from a newer schema version',
    (p) => {
      const db = new Database(p);
      db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
      db.close();
    },
    /newer aws-quiz/,
  ],
  [
    'another program’s SQLite file',
    (p) => {
      unlinkSync(p);
      const db = new Database(p);
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (1)');
      db.close();
    },
    /a SQLite file of another program/,
  ],
  [
    'damaged inside (garbage over its pages)',
    (p) => {
      const buf = readFileSync(p);
      buf.fill(0x5a, 2 * 4096, buf.length - 4096);
      writeFileSync(p, buf);
    },
    /damaged|not an aws-quiz database/,
  ],
];

describe('a damaged database', () => {
  for (const [name, damage, message] of cases) {
    it(`${name}: one clear line, exit 1, and the file left byte for byte`, async () => {
      const { dir, path } = damagedDb(damage);
      const before = readFileSync(path);
      for (const args of [['stats'], ['exam', '--list']]) {
        const r = await execa('node', [bin, ...args, '--db', path, '--questions', fixtures], { reject: false });
        expect(r.exitCode, `${args.join(' ')}: ${r.stderr}`).toBe(1);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).toContain(path);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
      }
      expect(readFileSync(path).equals(before)).toBe(true);
      expect(readdirSync(dir)).toEqual(['answers.db']);
    });
  }

  it('is refused by practice too, in a terminal, before any question', async () => {
    const { path } = damagedDb((p) => writeFileSync(p, Buffer.alloc(8192, 0x41)));
    const before = readFileSync(path);
    const run = runInPty(['practice', '--db', path, '--questions', fixtures]);
    const { exitCode } = await run.exited;
    expect(exitCode).toBe(1);
    expect(run.output()).toMatch(/not an aws-quiz database/);
    expect(run.output()).not.toMatch(/1\/\d/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('in a directory that cannot be created: one line naming the directory', async () => {
    const base = tempDir();
    writeFileSync(join(base, 'a-file'), 'x');
    const target = join(base, 'a-file', 'deeper', 'answers.db');
    const run = runInPty(['practice', '--db', target, '--questions', fixtures]);
    expect((await run.exited).exitCode).toBe(1);
    expect(run.output()).toMatch(/cannot create the database directory .*a-file\/deeper/);
    expect(existsSync(join(base, 'a-file', 'deeper'))).toBe(false);
  });

  it('read-only: one clear line, exit 1, and the file untouched', async () => {
    const { dir, path } = damagedDb(() => {});
    // Root writes through permission bits, so when the tests run as root the user is played
    // by nobody, who may not be able to read this checkout (a clone in a private home):
    // nobody runs a copy of the built program from a folder anyone can read.
    const install = isRoot ? readableInstall(fixtures) : { bin, banks: fixtures };
    chmodSync(path, 0o444);
    chmodSync(dir, 0o555);
    const before = readFileSync(path);
    try {
      const term = spawn(process.execPath, [install.bin, 'practice', '--db', path, '--questions', install.banks], {
        cols: 100,
        rows: 30,
        cwd: dirname(install.bin),
        env: { ...process.env, NO_COLOR: '1', LANG: 'C', XDG_CACHE_HOME: dir } as Record<string, string>,
        ...(isRoot && { uid: 65534, gid: 65534 }),
      });
      let out = '';
      term.onData((d) => (out += d));
      const { exitCode } = await new Promise<{ exitCode: number }>((resolve) => term.onExit(resolve));
      expect(out).toMatch(/the database is read-only: .*answers\.db/);
      expect(exitCode).toBe(1);
    } finally {
      chmodSync(dir, 0o755);
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
