import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordAnswer } from '../../src/store/answers.js';
import { openStore } from '../../src/store/open.js';
import { tempDir } from '../helpers/tmp.js';

// The built binary (run `npx tsc` first), as scripts and people call it.
const bin = fileURLToPath(new URL('../../bin/aws-quiz.js', import.meta.url));
const good = fileURLToPath(new URL('../fixtures/banks/good/', import.meta.url));
const cli = (args: string[], env: Record<string, string> = {}) => execa('node', [bin, ...args], { reject: false, env: { NO_COLOR: '1', LANG: 'C', ...env } });

describe('aws-quiz stats (built binary)', () => {
  it('prints a friendly line for a database that does not exist, and creates nothing', async () => {
    const db = join(tempDir(), 'fresh', 'q.db');
    const r = await cli(['stats', '--db', db, '--questions', good]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('No answers yet. Start with `aws-quiz practice`.');
    expect(existsSync(join(db, '..'))).toBe(false);
    const ja = await cli(['stats', '--db', db, '--lang', 'ja']);
    expect(ja.stdout).toBe('まだ回答がありません。`aws-quiz practice` から始めましょう。');
  });

  it('exits 2 with one line for a bad --since', async () => {
    const r = await cli(['stats', '--since', 'lastweek', '--db', join(tempDir(), 'q.db')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--since must be all');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('stats --help lists every --since form, and each one it lists is accepted', async () => {
    for (const lang of ['en', 'ja']) {
      const help = (await cli(['stats', '--help', '--lang', lang])).stdout.replace(/\s+/g, ' ');
      const forms = ['7d', '4w', '2025-04-01', 'all'];
      for (const form of forms) expect(help, `${lang}: ${form}`).toContain(form);
      for (const form of forms) expect((await cli(['stats', '--since', form, '--db', join(tempDir(), 'q.db')])).exitCode, form).toBe(0);
    }
  });

  it('prints plain text when piped, and JSON a script can read', async () => {
    const db = join(tempDir(), 'q.db');
    const store = openStore(db);
    for (let i = 0; i < 6; i++) {
      recordAnswer(store, { sessionId: null, questionId: 'sample-s3-durability', bank: 'sample', topic: 's3/basics', domain: 'resilient', selected: [0], correct: i % 3 !== 0, timeMs: 9000, answeredAt: Date.now() - i * 3_600_000 });
    }
    store.close();
    const text = await cli(['stats', '--db', db, '--questions', good], { NO_COLOR: '' });
    expect(text.exitCode).toBe(0);
    expect(text.stdout).not.toMatch(/\x1b\[/);
    // Not a terminal: 80 columns, so the command sits under its row.
    expect(text.stdout).toMatch(/\n {2}s3\/basics +6 +67% [^\n]*\n {4}aws-quiz practice --topic s3\/basics\n/);
    expect(text.stdout).toContain('Coverage      1 of 4 questions seen (25%)');
    const json = await cli(['stats', '--json', '--db', db, '--questions', good]);
    expect(json.exitCode).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.overview).toMatchObject({ answered: 6, correct: 4, coverage: { seen: 1, total: 4 } });
    expect(doc.topics.ranked[0]).toMatchObject({ topic: 's3/basics', command: 'aws-quiz practice --topic s3/basics' });
  });
});
