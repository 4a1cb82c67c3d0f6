import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { readRegularFile } from './read-file.js';

// The user's cache directory and the one way its files are read and written: the bank cache
// and the compiled-code cache both keep speed-ups there, and both are untrusted input. Kept apart
// from cache.ts so that the code cache can use it before anything else is loaded.

/** $XDG_CACHE_HOME/aws-quiz, else ~/.cache/aws-quiz. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'aws-quiz');
}

const uid = () => process.getuid?.();

/**
 * A cache file's bytes, if it is a regular file of this user that no one else can write.
 * Opened without following a symbolic link: a link planted at the cache's name is not read.
 */
export function readPrivateFile(path: string, maxBytes: number, lines?: number): Buffer | undefined {
  const read = readRegularFile(path, maxBytes, { noFollow: true, ...(lines !== undefined && { lines }) });
  if (!read.ok) return undefined;
  const me = uid();
  if (me !== undefined && (read.stat.uid !== me || (read.stat.mode & 0o022) !== 0)) return undefined;
  return read.bytes;
}

/**
 * The cache directory, made private (0700) if it is this user's; undefined when it is not
 * a directory of this user (a shared or planted one is never read or written).
 */
export function privateCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const dir = cacheDir(env);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const s = lstatSync(dir);
    const me = uid();
    if (!s.isDirectory()) return undefined;
    if (me === undefined) return dir;
    if (s.uid !== me) return undefined;
    if ((s.mode & 0o077) !== 0) chmodSync(dir, 0o700);
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * Best effort: a cache that cannot be written only costs speed. Written whole to a new file
 * beside `path` (O_EXCL: never through a link or into someone else's file), then renamed into
 * place, which replaces whatever had the name without following it, so a reader never sees
 * half a file. In a private directory the temporary name only has to differ from another
 * writer's.
 */
export function writePrivateFile(path: string, parts: readonly (string | Uint8Array)[]): void {
  const tmp = join(dirname(path), `.${basename(path)}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o600);
    // At the descriptor's position, each part whole.
    for (const part of parts) writeFileSync(fd, part);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // not made, or already gone
    }
  }
}
