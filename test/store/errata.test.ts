import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heldOutQuestions, openErrata, reportErratum, resolveErratum } from '../../src/store/errata.js';
import { openStore } from '../../src/store/open.js';
import { tempDir } from '../helpers/tmp.js';

describe('errata', () => {
  it('keeps reports across opens, lists the open ones oldest first, and closes one by id', () => {
    const path = join(tempDir(), 'a.db');
    let store = openStore(path);
    const a = reportErratum(store, { questionId: 'q-1', reason: 'wrong-key', note: ' 正解は B のはず ', reportedAt: 2000 });
    const b = reportErratum(store, { questionId: 'q-2', reason: 'typo', note: '  ', reportedAt: 1000 });
    store.close();
    store = openStore(path);
    expect(openErrata(store)).toEqual([
      { id: b, questionId: 'q-2', reason: 'typo', reportedAt: 1000 },
      { id: a, questionId: 'q-1', reason: 'wrong-key', note: '正解は B のはず', reportedAt: 2000 },
    ]);
    expect(resolveErratum(store, a, 3000)).toBe(true);
    expect(resolveErratum(store, a, 4000)).toBe(false);
    expect(resolveErratum(store, 999, 4000)).toBe(false);
    expect(openErrata(store).map((e) => e.id)).toEqual([b]);
    store.close();
  });

  it('holds out only questions with an open wrong-key report', () => {
    const store = openStore(join(tempDir(), 'b.db'));
    const wrong = reportErratum(store, { questionId: 'q-1', reason: 'wrong-key', reportedAt: 1 });
    reportErratum(store, { questionId: 'q-2', reason: 'ambiguous', reportedAt: 1 });
    reportErratum(store, { questionId: 'q-3', reason: 'outdated', reportedAt: 1 });
    expect([...heldOutQuestions(store)]).toEqual(['q-1']);
    resolveErratum(store, wrong, 2);
    expect(heldOutQuestions(store).size).toBe(0);
    store.close();
  });

  it('refuses a reason the database does not know', () => {
    const store = openStore(join(tempDir(), 'c.db'));
    expect(() => reportErratum(store, { questionId: 'q', reason: 'nonsense' as never, reportedAt: 1 })).toThrow();
    store.close();
  });
});
