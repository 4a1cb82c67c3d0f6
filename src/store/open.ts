import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { t } from '../i18n/i18n.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export interface Store {
  db: Database.Database;
  path: string;
  close(): void;
}

/** `--db`, then AWS_QUIZ_DB, then $XDG_DATA_HOME/aws-quiz/aws-quiz.db (~/.local/share when unset). */
export function resolveDbPath(option: string | undefined, env: NodeJS.ProcessEnv): string {
  if (option) return resolve(option);
  if (env.AWS_QUIZ_DB) return resolve(env.AWS_QUIZ_DB);
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'aws-quiz', 'aws-quiz.db');
}

const MAGIC = 'SQLite format 3\0';

type HeaderVerdict = { ok: true } | { ok: false; error: UserError };

function readHeader(path: string): HeaderVerdict {
  const size = statSync(path).size;
  if (size === 0) return { ok: true };
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || header.toString('latin1', 0, 16) !== MAGIC) return { ok: false, error: new UserError(t('store.notSqlite', { path })) };
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  // The in-header page count is only valid when the two change counters agree.
  const valid = header.readUInt32BE(24) === header.readUInt32BE(92);
  if (valid && pages > 0 && size < pages * pageSize) {
    return { ok: false, error: new UserError(t('store.truncated', { path, size, expected: pages * pageSize })) };
  }
  return { ok: true };
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Looks at the header before SQLite does, so a file that is not ours, or that was cut short,
 * is refused without a single byte being written to it. Another aws-quiz may be creating or
 * checkpointing the very same file this instant, when it briefly looks short: a damaged
 * file stays damaged, so only a verdict that holds for half a second counts.
 */
function checkHeader(path: string): void {
  for (let attempt = 0; ; attempt++) {
    const verdict = readHeader(path);
    if (verdict.ok) return;
    if (attempt >= 20) throw verdict.error;
    pause(25);
  }
}

/** Turns SQLite's failures into one clear sentence naming the file. */
export function storeError(err: unknown, path: string): Error {
  if (err instanceof UserError) return err;
  const code = (err as { code?: string }).code ?? '';
  const detail = (err as Error).message ?? String(err);
  if (code === 'SQLITE_NOTADB') return new UserError(t('store.notSqlite', { path }));
  if (code.startsWith('SQLITE_CORRUPT')) return new UserError(t('store.corrupt', { path, detail }));
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new UserError(t('store.locked', { path }));
  if (code.startsWith('SQLITE_READONLY')) return new UserError(t('store.readonly', { path }));
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL' || code === 'SQLITE_PERM')
    return new UserError(t('store.cannotOpen', { path, detail }));
  return err instanceof Error ? err : new Error(detail);
}

export interface OpenOptions {
  /** For reading statistics: never creates, migrates or writes. */
  readonly?: boolean;
}

export function openStore(path: string, options: OpenOptions = {}): Store {
  const readonly = options.readonly ?? false;
  const exists = existsSync(path);
  if (!exists && !readonly) {
    const dir = dirname(path);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new UserError(t('store.cannotCreate', { dir, detail: (err as NodeJS.ErrnoException).code ?? String(err) }));
    }
  }
  if (exists) {
    if (statSync(path).isDirectory()) throw new UserError(t('store.isDirectory', { path }));
    checkHeader(path);
    if (!readonly) {
      try {
        accessSync(path, constants.W_OK);
      } catch {
        throw new UserError(t('store.readonly', { path }));
      }
    }
  }

  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly, timeout: 10_000 });
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > SCHEMA_VERSION) throw new UserError(t('store.newer', { path, found, known: SCHEMA_VERSION }));
    // Schema version 0 with tables in it: another program's SQLite file, never to be written to.
    if (found === 0 && db.prepare(`SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') LIMIT 1`).get() !== undefined)
      throw new UserError(t('store.foreign', { path }));
    if (!readonly) {
      // WAL lets a second terminal read while this one writes; FULL sync keeps every
      // committed answer even through a power cut.
      enterWal(db);
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db);
    }
    const handle = db;
    return { db: handle, path, close: () => handle.close() };
  } catch (err) {
    db?.close();
    throw storeError(err, path);
  }
}

/**
 * Switching a file to WAL needs it to itself for an instant, and SQLite reports BUSY at
 * once there instead of waiting, so several terminals creating the same new database
 * take turns here. The mode is kept in the file, so this runs once per database.
 */
function enterWal(db: Database.Database): void {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      if (db.pragma('journal_mode', { simple: true }) === 'wal') return;
      db.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if (!String((err as { code?: string }).code).startsWith('SQLITE_BUSY') || Date.now() > deadline) throw err;
      pause(10 + Math.floor(Math.random() * 40));
    }
  }
}

function migrate(db: Database.Database): void {
  const run = db.transaction(() => {
    // Read again inside the lock: another process may have migrated meanwhile.
    const version = db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  if ((db.pragma('user_version', { simple: true }) as number) < SCHEMA_VERSION) run.immediate();
}
