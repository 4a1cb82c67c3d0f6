import { mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { Module } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { privateCacheDir, readPrivateFile, writePrivateFile } from './bank/private-dir.js';

// Compiling the bundle's chunks was a large part of every start. V8 can save what it
// compiled for a script and take it back on the next start instead of compiling again:
// the first run of a version writes that code cache, as it exits, for each chunk it loaded;
// later runs read it. Everything about the cache is checked before it is used, and anything
// wrong with it only costs the compilation it would have saved:
// - it lives in the user's private cache directory, and a file there is read only if it is
//   a regular file of this user that no one else can write, opened without following links;
// - its first line names the chunk's size, modification time and inode, so a chunk rebuilt
//   in place is not given another's code;
// - V8 itself refuses code cached for other source text, another V8 or other flags;
// - it is written under a fresh name and renamed into place, so a reader never sees half of one.
// The first run of a version writes it once the program first waits (after the first screen
// is drawn, before any key is read), so that a run ended by a signal still leaves it, and
// again as it exits, by then with everything that run compiled.

interface CompiledModule {
  exports: unknown;
  filename: string;
  _compile(content: string, filename: string): unknown;
}

const FORMAT = 'aws-quiz code cache 1';
/** Far more than the code of any chunk. */
const MAX_BYTES = 64 * 1024 * 1024;

const stampOf = (file: string): string => {
  const s = statSync(file);
  return `${FORMAT} ${s.size} ${s.mtimeMs} ${s.ino}\n`;
};

/** The cached code for `file` if the cache holds it for the chunk as it is now. */
function readCached(path: string, stamp: string): Buffer | undefined {
  const bytes = readPrivateFile(path, MAX_BYTES);
  if (!bytes || bytes.length <= stamp.length || bytes.toString('latin1', 0, stamp.length) !== stamp) return undefined;
  return bytes.subarray(stamp.length);
}

/** Cached code of chunks that no longer exist (an earlier version's) is removed when new code is written. */
function removeStale(dir: string, chunks: string): void {
  try {
    const current = new Set(readdirSync(chunks));
    for (const name of readdirSync(dir)) if (name.endsWith('.js') && !current.has(name)) unlinkSync(join(dir, name));
  } catch {
    // best effort
  }
}

/**
 * Makes CommonJS files under `chunks` compile with a code cache kept under the user's cache
 * directory. Nothing changes for any other file, or when there is no private cache directory.
 */
export function useCodeCache(chunks: string, env: NodeJS.ProcessEnv = process.env): void {
  const base = privateCacheDir(env);
  if (!base) return;
  const dir = join(base, 'code');
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch {
    // already there; privateCacheDir has checked whose the parent is
  }
  const toWrite: { name: string; stamp: string; script: Script }[] = [];
  const proto = Module.prototype as unknown as CompiledModule;
  const compile = proto._compile;
  proto._compile = function (this: CompiledModule, content: string, filename: string) {
    // A chunk with a dynamic import() of a package would need the ES module loader from inside
    // the script: such chunks (the optimizer's) are compiled the usual way.
    if (dirname(filename) !== chunks || content.includes('import(')) return compile.call(this, content, filename);
    const name = basename(filename);
    let stamp: string;
    let cachedData: Buffer | undefined;
    try {
      stamp = stampOf(filename);
      cachedData = readCached(join(dir, name), stamp);
    } catch {
      return compile.call(this, content, filename);
    }
    const script = new Script(Module.wrap(content), { filename, ...(cachedData && { cachedData }) });
    if (!cachedData || script.cachedDataRejected) toWrite.push({ name, stamp, script });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    const require = Module.createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  const flush = () => {
    if (!toWrite.length) return;
    removeStale(dir, chunks);
    for (const { name, stamp, script } of toWrite) writePrivateFile(join(dir, name), [stamp, script.createCachedData()]);
  };
  setTimeout(flush, 0).unref();
  process.on('exit', flush);
}
