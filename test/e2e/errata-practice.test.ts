import Database from 'better-sqlite3';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KEYS, runInPty } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';

// The built binary in a pseudo-terminal: ! on the feedback screen reports the question, and
// a question reported as having a wrong key is not asked again until the report is resolved.

const GOOD = fileURLToPath(new URL('../fixtures/banks/good/', import.meta.url));

describe('errata from practice (built binary in a terminal)', () => {
  it('records a report with ! and then holds a wrong-key question out of practice, saying so', async () => {
    const db = join(tempDir(), 'quiz.db');
    const run = runInPty(['practice', '--questions', GOOD, '--db', db, '--count', '1', '--seed', 'errata']);
    await run.waitFor('Enter answer · q end');
    const answered = run.output().length;
    run.write(/Choose 2\.|2 つ選択/.test(run.output()) ? 'ab' : 'a');
    run.write(KEYS.enter);
    await run.waitFor('! report · e edit', 10_000, answered);
    run.write('!');
    await run.waitFor('What is wrong with this question?');
    run.write(KEYS.enter); // the first reason: wrong key
    await run.waitFor('A line for the record (optional):');
    const noted = run.output().length;
    run.write('正解が違う');
    run.write(KEYS.enter);
    // The confirmation, then the verdict and the keys again.
    await run.waitFor(/Reported as #1 \(wrong key\)[^]*Enter see the summary/, 10_000, noted);
    run.write(KEYS.enter);
    await run.waitFor('Practice summary');
    expect((await run.exited).exitCode).toBe(0);

    const rows = new Database(db, { readonly: true }).prepare('SELECT question_id, reason, note, resolved_at FROM errata').all() as { question_id: string }[];
    expect(rows).toEqual([{ question_id: expect.any(String), reason: 'wrong-key', note: '正解が違う', resolved_at: null }]);

    const again = runInPty(['practice', '--questions', GOOD, '--db', db, '--count', '4']);
    await again.waitFor('1 question is held out until its wrong-key report is resolved (aws-quiz errata).');
    await again.waitFor('1/3');
    expect(again.output()).not.toContain('1/4');
    again.write(KEYS.ctrlC);
    await again.exited;
  });
});
