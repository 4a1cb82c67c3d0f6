import { execa } from 'execa';
import { appendFileSync, cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forgeCache, onlyCacheFile } from '../helpers/forge-cache.js';
import { tempDir } from '../helpers/tmp.js';

// The built package (run `npm run build` first), copied so that it can be "upgraded" in place.
const root = fileURLToPath(new URL('../../', import.meta.url));
const GOOD = fileURLToPath(new URL('../fixtures/banks/good/', import.meta.url));

describe('the bank cache (built binary)', () => {
  it('is read again after the program is upgraded, although no bank changed', async () => {
    const installed = tempDir();
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(installed, part), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(installed, 'node_modules'));
    const env = { XDG_CACHE_HOME: tempDir() };
    const topics = async () => (await execa('node', [join(installed, 'bin/aws-quiz.js'), '__complete', 'topics', '--questions', GOOD], { env })).stdout.split('\n');

    expect(await topics()).toEqual(['s3/basics', 'vpc/endpoints']);
    // Mark the cached copy so that an answer from the cache can be told from a fresh read.
    // The cache checks its own digests, so the mark is made as someone who knows the format would.
    forgeCache(onlyCacheFile(join(env.XDG_CACHE_HOME, 'aws-quiz')), (head) => {
      for (const m of head.meta) if (m[2] === 'vpc/endpoints') m[2] = 'vpc/from-cache';
    });
    expect(await topics()).toEqual(['s3/basics', 'vpc/from-cache']);

    // An upgrade replaces the program's files; the banks stay as they were.
    for (const dir of ['dist', 'dist/chunks']) for (const f of readdirSync(join(installed, dir))) if (f.endsWith('.js')) appendFileSync(join(installed, dir, f), '\n');
    expect(await topics()).toEqual(['s3/basics', 'vpc/endpoints']);
  });
});
