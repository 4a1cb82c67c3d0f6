import { describe, expect, it } from 'vitest';
import { getSetting, setSetting } from '../../src/store/settings.js';
import { openStore } from '../../src/store/open.js';
import { tempDir } from '../helpers/tmp.js';
import { join } from 'node:path';

describe('settings', () => {
  it('remembers a value across opens, replaces it, and forgets it', () => {
    const path = join(tempDir(), 'a.db');
    let store = openStore(path);
    expect(getSetting(store, 'exam-date')).toBeUndefined();
    setSetting(store, 'exam-date', { date: '2027-01-10', blueprint: 'saa' });
    store.close();
    store = openStore(path);
    expect(getSetting(store, 'exam-date')).toEqual({ date: '2027-01-10', blueprint: 'saa' });
    setSetting(store, 'exam-date', 'x');
    expect(getSetting(store, 'exam-date')).toBe('x');
    setSetting(store, 'exam-date', undefined);
    expect(getSetting(store, 'exam-date')).toBeUndefined();
    store.close();
  });

  it('reads a value that is not JSON as unset rather than failing', () => {
    const store = openStore(join(tempDir(), 'b.db'));
    store.db.prepare("INSERT INTO settings (key, value) VALUES ('k', '{broken')").run();
    expect(getSetting(store, 'k')).toBeUndefined();
    store.close();
  });
});
