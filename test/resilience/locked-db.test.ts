import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { KEYS, runInPty } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';

const GOOD = fileURLToPath(new URL('../fixtures/banks/good/', import.meta.url));

describe('a database another process keeps locked', () => {
  it('waits its turn, then says so in one line and exits 1, writing nothing', async () => {
    const path = join(tempDir(), 'q.db');
    openStore(path).close();
    // Another program holds the write lock for longer than aws-quiz waits (10 s).
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    holder.exec("INSERT INTO sessions (kind, started_at) VALUES ('practice', 1)");
    const before = readFileSync(path);
    try {
      const run = runInPty(['exam', '--timed', '--blueprint', 'quick', '--questions', GOOD, '--db', path]);
      await run.waitFor(/Press Enter|Enter/);
      run.write(KEYS.enter);
      const { exitCode } = await run.exited;
      expect(run.output()).toMatch(/the database is locked by another process: .*q\.db/);
      expect(run.output()).not.toMatch(/\n\s+at /);
      expect(exitCode).toBe(1);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  }, 40_000);
});
