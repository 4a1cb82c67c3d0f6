import { build } from 'esbuild';
import { execa } from 'execa';
import { chmodSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tempDir } from './tmp.js';

/** The conventional unprivileged account (nobody/nogroup on Debian and most containers). */
export const NOBODY = 65534;

/**
 * Runs a small ES module as an unprivileged user, for what root cannot test about itself
 * (root may write a read-only file). `script` may import modules of src/ by the names given in
 * `modules` (name -> path from the repository root); they are bundled from the sources first,
 * so the test sees the code as it is now, not a stale build.
 * Resolves to undefined when this process cannot switch users (not root, or no CAP_SETUID).
 */
export async function runUnprivileged(script: string, modules: Record<string, string>, args: string[] = []) {
  if (process.getuid?.() !== 0) return undefined;
  const dir = tempDir('aws-quiz-nobody-');
  chmodSync(dir, 0o755);
  const root = new URL('../../', import.meta.url);
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, script);
  await build({
    entryPoints: [entry],
    outfile: join(dir, 'entry.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    alias: Object.fromEntries(Object.entries(modules).map(([name, path]) => [name, new URL(path, root).pathname])),
    plugins: [{ name: 'native-addon', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })) }],
    logLevel: 'silent',
  });
  const r = await execa(process.execPath, [join(dir, 'entry.mjs'), ...args], { uid: NOBODY, gid: NOBODY, reject: false, env: { HOME: dir, LANG: 'C' } });
  if (r.failed && /EPERM|setuid|setgid/i.test(String(r.message)) && r.exitCode === undefined) return undefined;
  return r;
}
