import { randomBytes } from 'node:crypto';
import { linkSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Store } from './open.js';

/**
 * Copies the database into `target` with SQLite's online backup, which reads through the
 * WAL: one file that holds every answer, taken while other terminals keep writing. The copy
 * is written beside the target under a random name and moved into place only when whole,
 * so a failed backup never leaves half a file, and without `replace` an existing file is
 * never overwritten (linking fails if the name is taken).
 */
export async function backupStore(store: Store, target: string, replace: boolean): Promise<void> {
  const partial = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await store.db.backup(partial);
    if (replace) renameSync(partial, target);
    else linkSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}
