import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordAnswer } from '../../src/store/answers.js';
import { openStore } from '../../src/store/open.js';
import { withTmpfs } from '../helpers/tmpfs.js';

const answer = (i: number) => ({ sessionId: null, questionId: `q-${i}`, bank: 'b', topic: 't/x', domain: 'cost', selected: [0], correct: true, timeMs: 900, answeredAt: Date.now() });

/** Writes zeros into `path` until the disk is full. */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, block);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
}

describe('a full disk', () => {
  it('says the answer was not saved (not that the database cannot be opened), and keeps the ones before', async (ctx) => {
    await withTmpfs('2m', ctx, async (mount) => {
      const path = join(mount, 'answers.db');
      const store = openStore(path);
      try {
        recordAnswer(store, answer(0));
        fillDisk(join(mount, 'filler'));
        let failure: unknown;
        // The WAL may still have room for a page or two: the disk is full once a write fails.
        for (let i = 1; i < 200 && failure === undefined; i++) {
          try {
            recordAnswer(store, answer(i));
          } catch (err) {
            failure = err;
          }
        }
        expect(String(failure)).toMatch(/this answer was NOT saved: cannot write to the database .*answers\.db/);
        expect(String(failure)).not.toMatch(/cannot open/);
        rmSync(join(mount, 'filler'));
        recordAnswer(store, answer(999));
        const ids = store.db.prepare('SELECT question_id FROM answers').pluck().all() as string[];
        expect(ids).toContain('q-0');
        expect(ids).toContain('q-999');
      } finally {
        store.close();
      }
    });
  });
});
