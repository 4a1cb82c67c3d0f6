import { execa } from 'execa';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bankYaml, questionYaml, SOURCES_YAML } from '../helpers/bank.js';
import { tempDir } from '../helpers/tmp.js';

// Bank paths as the user types them: empty, missing, or a folder that cannot be read.

const bin = fileURLToPath(new URL('../../bin/aws-quiz.js', import.meta.url));
const isRoot = process.getuid?.() === 0;
const cli = (args: string[], opts: { cwd?: string; asNobody?: boolean; env?: Record<string, string> } = {}) =>
  execa('node', [bin, ...args], {
    reject: false,
    timeout: 60_000,
    cwd: opts.cwd ?? tempDir(),
    env: { NO_COLOR: '1', LANG: 'C', XDG_CACHE_HOME: tempDir(), ...opts.env },
    // Root reads every folder whatever its mode: the unreadable case needs another user.
    ...(opts.asNobody && isRoot && { uid: 65534, gid: 65534 }),
  });

/** A temporary folder that another user can enter too. */
function openDir(): string {
  const dir = tempDir();
  chmodSync(dir, 0o755);
  return dir;
}

function banks(dir = openDir()): string {
  writeFileSync(join(dir, 'sources.yaml'), SOURCES_YAML);
  writeFileSync(join(dir, 'vpc.yaml'), bankYaml([questionYaml('q-one'), questionYaml('q-two')], 'vpc'));
  return dir;
}

describe('bank paths', () => {
  it("--questions '' is a usage error, not a scan of the working directory", async () => {
    const cwd = banks();
    for (const args of [['lint', '--questions', ''], ['stats', '--questions', ''], ['__complete', 'banks', '--questions', ''], ['lint', '']]) {
      const r = await cli(args, { cwd });
      if (args[0] === '__complete') {
        expect(r.stdout).toBe('');
        continue;
      }
      expect(r.exitCode).toBe(2);
      expect(r.stderr.trim()).toMatch(/^aws-quiz: .*needs a file or folder, not an empty string$/);
      expect(r.stdout).toBe('');
    }
  });

  it('lint of a path that does not exist is a usage error (exit 2)', async () => {
    const r = await cli(['lint', '/nope/not-here']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim()).toBe('aws-quiz: no such file or directory: /nope/not-here');
  });

  it.skipIf(process.platform === 'win32')('an unreadable bank folder is one lint error naming it, and stats still reports', async () => {
    const dir = banks();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 's3.yaml'), bankYaml([questionYaml('q-three')], 's3'));
    chmodSync(locked, 0o000);
    try {
      const r = await cli(['lint', dir], { asNobody: true });
      expect(r.exitCode).toBe(1);
      const errors = r.stdout.split('\n').filter((l) => l.includes(' error '));
      expect(errors).toEqual([expect.stringMatching(/locked:1:1 error cannot read the folder \(EACCES\)/)]);
      expect(r.stderr).toBe('');
      const db = join(openDir(), 'q.db');
      const stats = await cli(['stats', '--questions', dir, '--db', db], { asNobody: true });
      expect(stats.exitCode).toBe(0);
      expect(stats.stdout).toContain('No answers yet');
      expect(stats.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});
