import Database from 'better-sqlite3';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KEYS, runInPty } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';

const GOOD = fileURLToPath(new URL('../fixtures/banks/good/', import.meta.url));

describe('a practice session killed with SIGKILL', () => {
  it('keeps every answer whose feedback was on screen before the kill', async () => {
    const db = join(tempDir(), 'quiz.db');
    const run = runInPty(['practice', '--questions', GOOD, '--db', db, '--count', '4', '--seed', 'kill']);
    let from = 0;
    for (let i = 1; i <= 2; i++) {
      await run.waitFor(`${i}/4`, 10_000, from);
      await run.waitFor('Enter answer', 10_000, from);
      const start = run.output().length;
      run.write(/Choose 2\.|2 つ選択/.test(run.output().slice(from)) ? 'ab' : 'a');
      run.write(KEYS.enter);
      run.write('s'); // sure
      await run.waitFor(/Enter next question/, 10_000, start);
      from = run.output().length;
      if (i < 2) run.write(KEYS.enter);
    }
    // The third question is never answered: the process dies with the second answer's feedback on screen.
    run.pty.kill('SIGKILL');
    const { signal } = await run.exited;
    expect(signal).toBe(9);

    const conn = new Database(db, { readonly: true });
    const answers = conn.prepare('SELECT question_id FROM answers ORDER BY id').all() as { question_id: string }[];
    const shown = conn.prepare('SELECT question_id FROM session_questions ORDER BY position LIMIT 2').all() as { question_id: string }[];
    const cards = conn.prepare('SELECT count(*) AS n FROM review_state').get() as { n: number };
    conn.close();
    expect(answers.map((a) => a.question_id)).toEqual(shown.map((q) => q.question_id));
    expect(cards.n).toBe(2);
  });
});
