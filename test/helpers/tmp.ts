import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** A temporary directory removed after the current test. */
export function tempDir(prefix = 'aws-quiz-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * A path to a database that already exists, in a directory removed after the test: a new
 * database is announced on a line of its own, which screens measured by a test leave out.
 */
export async function existingDb(): Promise<string> {
  const { openStore } = await import('../../src/store/open.js');
  const path = join(tempDir(), 'q.db');
  openStore(path).close();
  return path;
}
