import Database from 'better-sqlite3';
import { execa } from 'execa';
import { copyFileSync, existsSync, readFileSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordAnswer } from '../../src/store/answers.js';
import { openStore } from '../../src/store/open.js';
import { tempDir } from '../helpers/tmp.js';
import { withTmpfs } from '../helpers/tmpfs.js';

// A checkpoint cut short (file-size limit, full disk, kill -9 while closing) leaves the
// main file shorter than its header says while the WAL still holds every page. SQLite
// reads such a database whole; aws-quiz must too, and keep writing to it.

const bin = fileURLToPath(new URL('../../bin/aws-quiz.js', import.meta.url));
const grow = fileURLToPath(new URL('../fixtures/grow-db.mjs', import.meta.url));
const PAGE = 4096;

/** A checkpointed database with `answers` answers: a few months of practice. */
async function historyIn(path: string, answers: number): Promise<void> {
  openStore(path).close();
  const r = await execa('node', [grow, path, String(answers), 'past'], { reject: false });
  expect(r.exitCode, r.stderr).toBe(0);
}

/** Grows a copy elsewhere: how large the WAL and the checkpointed file become. */
async function dryRun(path: string): Promise<{ before: number; after: number; wal: number }> {
  const copy = join(tempDir(), 'copy.db');
  copyFileSync(path, copy);
  const dry = await execa('node', [grow, copy, '1500', 'new']);
  return { before: statSync(path).size, after: statSync(copy).size, wal: Number(dry.stdout) };
}

const headerPages = (path: string) => readFileSync(path).readUInt32BE(28);

async function expectReadable(path: string, answers: number) {
  const stats = await execa('node', [bin, 'stats', '--json', '--db', path], { reject: false });
  expect(stats.stderr).toBe('');
  expect(stats.exitCode).toBe(0);
  expect(JSON.parse(stats.stdout).overview.answered).toBe(answers);
  const list = await execa('node', [bin, 'exam', '--list', '--db', path], { reject: false });
  expect(list.exitCode, list.stderr).toBe(0);
}

describe('a checkpoint cut short', () => {
  it('by a file-size limit (ulimit -f): the database still opens, whole, and takes new answers', async () => {
    const path = join(tempDir(), 'answers.db');
    await historyIn(path, 8_000);
    // The limit goes between the file's size before and after, above the WAL's.
    const { before, after, wal } = await dryRun(path);
    const limitKb = Math.floor((before + after) / 2 / 1024);
    expect(wal).toBeLessThan(limitKb * 1024);
    const r = await execa('sh', ['-c', `ulimit -f ${limitKb} && exec node "$0" "$1" 1500 new`, grow, path], { reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    // The state the issue describes: the main file ends before its header says, the WAL holds the rest.
    expect(statSync(path).size).toBeLessThan(headerPages(path) * PAGE);
    expect(existsSync(`${path}-wal`)).toBe(true);

    await expectReadable(path, 9_500);
    const store = openStore(path);
    recordAnswer(store, { sessionId: null, questionId: 'after', bank: 'b', topic: 't/x', domain: 'cost', selected: [0], correct: true, timeMs: 900, answeredAt: Date.now() });
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(9_501);
    db.close();
  }, 60_000);

  it('by a full disk (a small tmpfs): the database still opens, whole', async (ctx) => {
    await withTmpfs('8m', ctx, async (mount) => {
      const path = join(mount, 'answers.db');
      await historyIn(path, 8_000);
      // Leave room for the WAL of the next transaction but not for the checkpoint after it.
      const { before, after, wal } = await dryRun(path);
      const { bavail, bsize } = statfsSync(mount);
      const room = wal + 32 * 1024 + Math.floor((after - before) / 2);
      writeFileSync(join(mount, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - room)));
      const r = await execa('node', [grow, path, '1500', 'new'], { reject: false });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(statSync(path).size).toBeLessThan(headerPages(path) * PAGE);
      await expectReadable(path, 9_500);
    });
  }, 60_000);
});
