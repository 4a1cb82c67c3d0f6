import Database from 'better-sqlite3';
import { chmodSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
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
    run.write('s'); // sure
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

describe('e on the feedback screen (built binary in a terminal)', () => {
  it('opens the question in $EDITOR at its line, then asks the questions still to come as edited', async () => {
    const dir = tempDir();
    const banks = join(dir, 'banks');
    cpSync(GOOD, banks, { recursive: true });
    const log = join(dir, 'editor.log');
    // An "editor" that notes how it was called and edits the bank as a person would.
    const editor = join(dir, 'fake-editor');
    writeFileSync(editor, `#!/bin/sh\necho "$@" >> '${log}'\nsed -i 's/S3/S3-EDITED/g' "$2"\n`);
    chmodSync(editor, 0o755);
    const run = runInPty(['practice', '--questions', banks, '--db', join(dir, 'q.db'), '--count', '4', '--seed', 'edit'], { EDITOR: editor, VISUAL: undefined, XDG_CACHE_HOME: join(dir, 'cache') });
    await run.waitFor('Enter answer · q end');
    const first = run.output().length;
    run.write(/Choose 2\.|2 つ選択/.test(run.output()) ? 'ab' : 'a');
    run.write(KEYS.enter);
    run.write('s'); // sure
    await run.waitFor('! report · e edit', 10_000, first);
    const edited = run.output().length;
    run.write('e');
    await run.waitFor('Enter next question', 10_000, edited);
    const [args] = readFileSync(log, 'utf8').trim().split('\n');
    expect(args).toMatch(/^\+\d+ .*banks\/sample\.yaml$/);
    // The line given is where that question starts in the file.
    const line = Number(args!.split(' ')[0]!.slice(1));
    expect(readFileSync(join(banks, 'sample.yaml'), 'utf8').split('\n')[line - 1]).toMatch(/^ {2}- id: sample-/);
    // Every question still to come is asked as the file now stands.
    for (let i = 2; i <= 4; i++) {
      const before = run.output().length;
      run.write(KEYS.enter);
      await run.waitFor(/Enter answer · q end/, 10_000, before);
      const asked = run.output().length;
      run.write(/Choose 2\.|2 つ選択/.test(run.output().slice(before)) ? 'ab' : 'a');
      run.write(KEYS.enter);
      run.write('s'); // sure
      await run.waitFor(/Enter next question|Enter see the summary/, 10_000, asked);
    }
    expect(run.output().slice(edited)).toContain('S3-EDITED');
    run.write(KEYS.ctrlC);
    await run.exited;
  });
});
