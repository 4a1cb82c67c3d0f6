import { execa } from 'execa';
import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const worker = fileURLToPath(new URL('../fixtures/record-answers.mjs', import.meta.url));

describe('two terminals writing at once', () => {
  it('keeps all 4,000 answers from two processes, and neither sees "database is locked"', async () => {
    const path = join(tempDir(), 'shared.db');
    const [a, b] = await Promise.all([
      execa('node', [worker, path, 'a', '2000'], { reject: false }),
      execa('node', [worker, path, 'b', '2000'], { reject: false }),
    ]);
    expect(a.stderr + b.stderr).not.toMatch(/locked|busy/i);
    expect([a.exitCode, b.exitCode]).toEqual([0, 0]);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 4000 });
    expect(db.prepare("SELECT topic, sum(attempts) AS n FROM daily_topic GROUP BY topic ORDER BY topic").all()).toEqual([
      { topic: 'vpc/a', n: 2000 },
      { topic: 'vpc/b', n: 2000 },
    ]);
    db.close();
  }, 120_000);

  it('lets several terminals create the same new database at the same moment', async () => {
    // Creating and checkpointing a database briefly leaves its header ahead of its size;
    // a second process looking just then must not call the file damaged. Turning the new
    // file to WAL is the other race: SQLite answers BUSY there without waiting.
    const tags = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (let round = 0; round < 10; round++) {
      const path = join(tempDir(), 'fresh.db');
      const runs = await Promise.all(tags.map((tag) => execa('node', [worker, path, tag, '15'], { reject: false })));
      for (const r of runs) expect(r.exitCode, `round ${round}: ${r.stderr}`).toBe(0);
      const db = new Database(path, { readonly: true });
      expect(db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: tags.length * 15 });
      db.close();
    }
  }, 120_000);
});

