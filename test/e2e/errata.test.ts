import { execa } from 'execa';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reportErratum } from '../../src/store/errata.js';
import { openStore } from '../../src/store/open.js';
import { tempDir } from '../helpers/tmp.js';

const bin = fileURLToPath(new URL('../../bin/aws-quiz.js', import.meta.url));
const good = fileURLToPath(new URL('../fixtures/banks/good/', import.meta.url));
const cli = (args: string[]) => execa('node', [bin, ...args], { reject: false, env: { NO_COLOR: '1', AWS_QUIZ_QUESTIONS: good } });

function dbWithReports(): string {
  const db = join(tempDir(), 'a.db');
  const store = openStore(db);
  reportErratum(store, { questionId: 'sample-s3-durability', reason: 'wrong-key', note: '正解は 2 番目では？', reportedAt: Date.UTC(2026, 11, 1) });
  reportErratum(store, { questionId: 'gone-question', reason: 'typo', reportedAt: Date.UTC(2026, 11, 2) });
  store.close();
  return db;
}

describe('aws-quiz errata', () => {
  it("lists open reports with each question's file:line and reason", async () => {
    const r = await cli(['errata', '--db', dbWithReports()]);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^#1 {2}.*good\/sample\.yaml:42 {2}sample-s3-durability {2}wrong key {2}2026-12-01 {2}"正解は 2 番目では？"$/);
    expect(lines[1]).toBe('#2  (not in the banks)  gone-question  typo  2026-12-02');
  });

  it('gives the same as JSON', async () => {
    const r = await cli(['errata', '--json', '--db', dbWithReports()]);
    expect(JSON.parse(r.stdout)).toEqual({
      errata: [
        { id: 1, questionId: 'sample-s3-durability', file: expect.stringMatching(/good\/sample\.yaml$/), line: 42, reason: 'wrong-key', note: '正解は 2 番目では？', reportedAt: '2026-12-01T00:00:00.000Z' },
        { id: 2, questionId: 'gone-question', file: null, line: null, reason: 'typo', note: null, reportedAt: '2026-12-02T00:00:00.000Z' },
      ],
    });
  });

  it('resolves a report by id, once; a bad id is a usage error', async () => {
    const db = dbWithReports();
    expect(await cli(['errata', '--resolve', '1', '--db', db])).toMatchObject({ exitCode: 0, stdout: 'Report #1 resolved.' });
    expect(await cli(['errata', '--resolve', '1', '--db', db])).toMatchObject({ exitCode: 1, stderr: 'aws-quiz: no open report #1 (aws-quiz errata lists them)' });
    expect((await cli(['errata', '--resolve', 'x', '--db', db])).exitCode).toBe(2);
    expect((await cli(['errata', '--db', db])).stdout).not.toContain('#1');
  });

  it('says so when nothing is open', async () => {
    expect((await cli(['errata', '--db', join(tempDir(), 'empty.db')])).stdout).toBe('No open reports.');
  });
});
