import Database from 'better-sqlite3';
import { createRequire as requireFrom } from 'node:module';
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError, UserError } from '../errors.js';
import { t } from '../i18n/i18n.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export interface Store {
  db: Database.Database;
  path: string;
  /** The file did not exist and was created by this open. */
  created: boolean;
  close(): void;
}

/**
 * `--db`, then AWS_QUIZ_DB, then $XDG_DATA_HOME/aws-quiz/aws-quiz.db (~/.local/share when
 * unset). An empty AWS_QUIZ_DB counts as unset; an empty --db is a mistake.
 */
export function resolveDbPath(option: string | undefined, env: NodeJS.ProcessEnv): string {
  if (option !== undefined) {
    if (!option.trim()) throw new UsageError(t('store.emptyDb'));
    return resolve(expandHome(option));
  }
  if (env.AWS_QUIZ_DB) return resolve(expandHome(env.AWS_QUIZ_DB));
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'aws-quiz', 'aws-quiz.db');
}

/**
 * A `~` the shell did not expand (quoted, or from an environment file) means the home
 * directory, never a folder named `~`. Another user's home (`~alice`) is refused.
 */
function expandHome(path: string): string {
  if (path === '~' || path.startsWith('~/')) return join(homedir(), path.slice(1));
  if (path.startsWith('~')) throw new UsageError(t('store.tildeUser', { path }));
  return path;
}

const MAGIC = 'SQLite format 3\0';

/** What the first 100 bytes say: not SQLite at all, or a main file shorter than its header's page count. */
type Header = { kind: 'empty' | 'ok' | 'notSqlite' } | { kind: 'short'; size: number; expected: number };

function readHeader(path: string): Header {
  const size = statSync(path).size;
  if (size === 0) return { kind: 'empty' };
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || header.toString('latin1', 0, 16) !== MAGIC) return { kind: 'notSqlite' };
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  // The in-header page count is only valid when the two change counters agree.
  const valid = header.readUInt32BE(24) === header.readUInt32BE(92);
  if (valid && pages > 0 && size < pages * pageSize) return { kind: 'short', size, expected: pages * pageSize };
  return { kind: 'ok' };
}

// The addon by its path. better-sqlite3's own lookup goes through the `bindings` package,
// which finds it from the calling file's location: in the bundle that is aws-quiz's own
// folder, where the addon is not.
const ADDON = (() => {
  try {
    return requireFrom(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    return undefined;
  }
})();
const withAddon = <T extends Database.Options>(options: T): T => (ADDON ? { ...options, nativeBinding: ADDON } : options);

// URI file names let a reader open a database `immutable`, which creates no -wal or -shm
// file. better-sqlite3 enables them when this is set as its native part loads.
process.env.SQLITE_USE_URI = '1';

/**
 * A connection that can never write to the file nor leave files beside it. With no WAL
 * beside the file everything is in the file itself, and it is read as `immutable`: in a
 * read-only folder, or as another user, nothing -wal or -shm is created. With a WAL (a
 * writer is at work, or one stopped before its checkpoint) SQLite reads through it.
 */
function openReader(path: string): Database.Database {
  if (!existsSync(`${path}-wal`)) {
    try {
      return new Database(`${pathToFileURL(path).href}?immutable=1`, withAddon({ readonly: true }));
    } catch {
      // The native part was loaded before URI names were turned on: read the usual way.
    }
  }
  return new Database(path, withAddon({ readonly: true, fileMustExist: true, timeout: 10_000 }));
}

/**
 * A main file shorter than its header says is what a checkpoint cut short leaves (a full
 * disk, a file-size limit, kill -9 while closing) while the WAL still holds every page, and
 * what a writer shows for an instant while it checkpoints. SQLite decides: only a file its
 * own check finds damaged is refused.
 */
function judgeShortFile(path: string, header: { size: number; expected: number }): void {
  let db: Database.Database | undefined;
  let verdict: string;
  try {
    db = openReader(path);
    verdict = String(db.pragma('quick_check(1)', { simple: true }));
  } catch (err) {
    const code = String((err as { code?: string }).code);
    if (!code.startsWith('SQLITE_CORRUPT') && code !== 'SQLITE_NOTADB') throw storeError(err, path);
    verdict = code;
  } finally {
    db?.close();
  }
  if (verdict !== 'ok') throw new UserError(t('store.truncated', { path, size: header.size, expected: header.expected }));
}

/** Looks at the file before SQLite writes anything to it: what is not ours, or damaged, is left byte for byte. */
function checkFile(path: string): void {
  const stat = statSync(path);
  if (stat.isDirectory()) throw new UserError(t('store.isDirectory', { path }));
  // A FIFO or a device would block or never end: only a regular file is opened.
  if (!stat.isFile()) throw new UserError(t('store.notFile', { path }));
  const header = readHeader(path);
  if (header.kind === 'notSqlite') throw new UserError(t('store.notSqlite', { path }));
  if (header.kind === 'short') judgeShortFile(path, header);
}

type StoreAction = 'open' | 'write' | 'answer';

/**
 * Turns SQLite's failures into one clear sentence naming the file. A failed write (a full
 * disk, a file-size limit) says what was lost, not that the file could not be opened.
 */
export function storeError(err: unknown, path: string, action: StoreAction = 'open'): Error {
  if (err instanceof UserError) return err;
  const code = (err as { code?: string }).code ?? '';
  const detail = (err as Error).message ?? String(err);
  if (code === 'SQLITE_NOTADB') return new UserError(t('store.notSqlite', { path }));
  if (code.startsWith('SQLITE_CORRUPT')) return new UserError(t('store.corrupt', { path, detail }));
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new UserError(t('store.locked', { path }));
  if (code.startsWith('SQLITE_READONLY')) return new UserError(t('store.readonly', { path }));
  const failedWrite = code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR');
  if (failedWrite && action === 'answer') return new UserError(t('store.answerNotSaved', { path, detail }));
  if (failedWrite && action === 'write') return new UserError(t('store.notSaved', { path, detail }));
  if (code.startsWith('SQLITE_CANTOPEN') || failedWrite || code === 'SQLITE_PERM') return new UserError(t('store.cannotOpen', { path, detail }));
  return err instanceof Error ? err : new Error(detail);
}

/** Runs a query, turning SQLite's failures into one clear sentence naming the file. */
export function readStore<T>(store: Store, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw storeError(err, store.path);
  }
}

export interface OpenOptions {
  /** For reading statistics and past exams: never creates, migrates or writes, nor leaves files beside the database. */
  readonly?: boolean;
}

/**
 * Creates the missing directories one level at a time. (A recursive mkdirSync below a
 * directory such as /proc, where creating fails with ENOENT, retries forever.)
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  try {
    for (const d of missing.reverse()) mkdirSync(d);
  } catch (err) {
    throw new UserError(t('store.cannotCreate', { dir, detail: (err as NodeJS.ErrnoException).code ?? String(err) }));
  }
}

/** The schema version and whether the file holds any table, read in one snapshot. */
function probe(db: Database.Database): { version: number; tables: boolean } {
  return db.transaction(() => ({
    version: db.pragma('user_version', { simple: true }) as number,
    tables: db.prepare(`SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') LIMIT 1`).get() !== undefined,
  }))();
}

/** Refuses a file another program wrote (version 0 with tables) or a newer aws-quiz wrote. */
function checkSchema(found: { version: number; tables: boolean }, path: string): void {
  if (found.version > SCHEMA_VERSION) throw new UserError(t('store.newer', { path, found: found.version, known: SCHEMA_VERSION }));
  if (found.version === 0 && found.tables) throw new UserError(t('store.foreign', { path }));
}

export function openStore(path: string, options: OpenOptions = {}): Store {
  const readonly = options.readonly ?? false;
  const exists = existsSync(path);
  if (exists) checkFile(path);
  else if (readonly) throw new UserError(t('store.missing', { path }));
  else makeDirs(dirname(path));
  if (exists && !readonly) {
    try {
      accessSync(path, constants.W_OK);
    } catch {
      throw new UserError(t('store.readonly', { path }));
    }
  }

  let db: Database.Database | undefined;
  try {
    db = readonly ? openReader(path) : new Database(path, withAddon({ timeout: 10_000 }));
    // Both in one read transaction: a database another terminal is creating this instant
    // shows either no tables and version 0, or its tables and their version, never a mix.
    checkSchema(probe(db), path);
    if (!readonly) {
      // WAL lets a second terminal read while this one writes; FULL sync keeps every
      // committed answer even through a power cut.
      enterWal(db);
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db, path);
    }
    const handle = db;
    return { db: handle, path, created: !exists, close: () => closeStore(handle, readonly) };
  } catch (err) {
    db?.close();
    throw storeError(err, path);
  }
}

/**
 * A clean exit copies the WAL into the main file (PASSIVE: never waits for another
 * terminal), so the file alone holds every answer; SQLite does so itself only when the
 * last connection closes. A checkpoint that cannot finish (a full disk) loses nothing.
 */
function closeStore(db: Database.Database, readonly: boolean): void {
  if (!readonly) {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // The WAL keeps what the checkpoint could not copy.
    }
  }
  db.close();
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

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

function migrate(db: Database.Database, path: string): void {
  const run = db.transaction(() => {
    // Read again inside the lock: another process may have migrated, or written a table of its own, meanwhile.
    const found = probe(db);
    checkSchema(found, path);
    const version = found.version;
    for (let v = version; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  if ((db.pragma('user_version', { simple: true }) as number) < SCHEMA_VERSION) run.immediate();
}
