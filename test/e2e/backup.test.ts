import Database from 'better-sqlite3';
import { execa } from 'execa';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordAnswer } from '../../src/store/answers.js';
import { openStore } from '../../src/store/open.js';
import { BIN } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';

const answer = (i: number) => ({ sessionId: null, questionId: `q-${i}`, bank: 'b', topic: 't/x', domain: 'cost', selected: [0], correct: true, timeMs: 900, answeredAt: Date.now() });
const backup = (...args: string[]) => execa('node', [BIN, 'backup', ...args], { reject: false });

describe('aws-quiz backup', () => {
  it('writes one self-contained file with every answer, those still in the WAL included', async () => {
    const path = join(tempDir(), 'answers.db');
    const store = openStore(path); // kept open: its answers stay in the WAL, as during a practice session
    for (let i = 0; i < 5; i++) recordAnswer(store, answer(i));
    const out = tempDir();
    const copy = join(out, 'copy.db');
    const r = await backup(copy, '--db', path);
    store.close();
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain(copy);
    expect(readdirSync(out)).toEqual(['copy.db']);
    const db = new Database(copy, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(5);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('refuses to overwrite a file unless --force, leaving it as it was', async () => {
    const path = join(tempDir(), 'answers.db');
    const store = openStore(path);
    recordAnswer(store, answer(1));
    store.close();
    const target = join(tempDir(), 'precious.txt');
    writeFileSync(target, 'keep me');
    const refused = await backup(target, '--db', path);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr.trim()).toBe(`aws-quiz: ${target} already exists; add --force to replace it`);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    const forced = await backup(target, '--force', '--db', path);
    expect(forced.exitCode, forced.stderr).toBe(0);
    const db = new Database(target, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(1);
    db.close();
  });

  it('says so in one line when there is no database to back up, or the target is a folder', async () => {
    const dir = tempDir();
    const missing = await backup(join(dir, 'copy.db'), '--db', join(dir, 'none.db'));
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^aws-quiz: no database at .*none\.db$/);
    expect(readdirSync(dir)).toEqual([]);
    const path = join(tempDir(), 'answers.db');
    openStore(path).close();
    const folder = await backup(dir, '--db', path);
    expect(folder.exitCode).toBe(1);
    expect(folder.stderr.trim().split('\n')).toHaveLength(1);
    expect(folder.stderr).toMatch(/is a directory/);
  });
});
