import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './tmp.js';

// Tests run as root play another user as nobody (uid 65534), who may not be able to read
// the checkout at all (a clone under a private home directory).

/**
 * The built program, its native SQLite addon and `banks`, copied to a temporary
 * folder every user can read: what another user needs to run aws-quiz.
 */
export function readableInstall(banks: string): { bin: string; banks: string } {
  const root = tempDir();
  const from = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
  for (const p of [
    'package.json',
    'bin/aws-quiz.js',
    'dist/cli.js',
    'dist/chunks',
    'node_modules/better-sqlite3/package.json',
    'node_modules/better-sqlite3/lib',
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    'node_modules/bindings',
    'node_modules/file-uri-to-path',
  ])
    cpSync(from(p), join(root, p), { recursive: true });
  cpSync(banks, join(root, 'banks'), { recursive: true });
  execFileSync('chmod', ['-R', 'a+rX', root]);
  return { bin: join(root, 'bin', 'aws-quiz.js'), banks: join(root, 'banks') };
}
