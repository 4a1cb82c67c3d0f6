import type { Store } from './open.js';
import { readStore, storeError } from './open.js';

// Settings the learner gave once (an exam date, daily limits, tuned parameters), kept as
// JSON so each caller validates its own shape: a value read back is untrusted input.

export function getSetting(store: Store, key: string): unknown {
  const row = readStore(store, () => store.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined);
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

export function setSetting(store: Store, key: string, value: unknown): void {
  try {
    if (value === undefined) store.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
    else store.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
  } catch (err) {
    throw storeError(err, store.path, 'write');
  }
}
