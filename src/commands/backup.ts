import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, UserError } from '../errors.js';
import { t } from '../i18n/i18n.js';
import { backupStore } from '../store/backup.js';
import { openStore, resolveDbPath } from '../store/open.js';

export interface BackupOptions {
  db?: string;
  force?: boolean;
}

/** `aws-quiz backup PATH`: the safe way to copy the database, which may be open and hold answers only in its WAL. */
export async function backupCommand(target: string, options: BackupOptions, say = (line: string) => process.stderr.write(line + '\n')): Promise<number> {
  if (!target.trim()) throw new UsageError(t('backup.emptyPath'));
  const source = resolveDbPath(options.db, process.env);
  const to = resolve(target);
  if (!existsSync(source)) throw new UserError(t('store.missing', { path: source }));
  if (existsSync(to)) {
    if (statSync(to).isDirectory()) throw new UserError(t('backup.isDirectory', { path: to }));
    if (to === source) throw new UserError(t('backup.same', { path: to }));
    if (!options.force) throw new UserError(t('backup.exists', { path: to }));
  }
  const store = openStore(source, { readonly: true });
  try {
    await backupStore(store, to, options.force ?? false);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw new UserError(t('backup.exists', { path: to }));
    throw new UserError(t('backup.failed', { path: to, detail: code || (err as Error).message }));
  } finally {
    store.close();
  }
  say(t('backup.done', { from: source, to }));
  return 0;
}
