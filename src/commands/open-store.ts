import { existsSync } from 'node:fs';
import { t } from '../i18n/i18n.js';
import { openStore, resolveDbPath, type Store } from '../store/open.js';

// Opening the database for a command, kept apart from context.ts (which loads the YAML
// parsers) so practice and exam reach their first screen without them.

/**
 * The database a writing command works in. A new file is announced in one line, so a
 * mistyped --db does not pass for a lost history.
 */
export function openStoreFor(options: { db?: string }, env: NodeJS.ProcessEnv = process.env, say = (line: string) => process.stderr.write(line + '\n')): Store {
  const store = openStore(resolveDbPath(options.db, env));
  if (store.created) say(t('store.created', { path: store.path }));
  return store;
}

/**
 * The database a reading command looks at, or undefined when there is nothing to read:
 * no file (none is created) or a file no aws-quiz has written to yet.
 */
export function openReaderFor(options: { db?: string }, env: NodeJS.ProcessEnv = process.env): Store | undefined {
  const path = resolveDbPath(options.db, env);
  if (!existsSync(path)) return undefined;
  const store = openStore(path, { readonly: true });
  if ((store.db.pragma('user_version', { simple: true }) as number) > 0) return store;
  store.close();
  return undefined;
}
