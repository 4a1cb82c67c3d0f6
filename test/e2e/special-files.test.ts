import { execa } from 'execa';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../src/hash.js';
import { bankYaml, questionYaml, SOURCES_YAML } from '../helpers/bank.js';
import { runInPty } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';

// Files that are not regular files: a FIFO would block a read forever, /dev/zero would be
// read until memory runs out. Every command must finish (the time limit here only stops a
// hung run, it measures nothing) and name the file.

const bin = fileURLToPath(new URL('../../bin/aws-quiz.js', import.meta.url));
const cli = (args: string[], env: Record<string, string> = {}) =>
  execa('node', [bin, ...args], { reject: false, timeout: 60_000, env: { NO_COLOR: '1', LANG: 'C', XDG_CACHE_HOME: tempDir(), ...env } });

function banks(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'sources.yaml'), SOURCES_YAML);
  writeFileSync(join(dir, 'vpc.yaml'), bankYaml([questionYaml('q-one'), questionYaml('q-two')], 'vpc'));
  return dir;
}

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

describe('files that are not files', () => {
  it('a FIFO as a bank file is one lint error at the file, and completion and stats still finish', async () => {
    const dir = banks();
    mkfifo(join(dir, 'pipe.yaml'));
    const lint = await cli(['lint', dir]);
    expect(lint.timedOut).toBe(false);
    expect(lint.exitCode).toBe(1);
    expect(lint.stdout.split('\n').filter((l) => l.includes('not-a-file'))).toEqual([expect.stringMatching(/pipe\.yaml:1:1 error not a regular file/)]);
    const complete = await cli(['__complete', 'banks', '--questions', dir]);
    expect(complete.timedOut).toBe(false);
    expect(complete.exitCode).toBe(0);
    const stats = await cli(['stats', '--questions', dir, '--db', join(tempDir(), 'q.db')]);
    expect(stats.timedOut).toBe(false);
    expect(stats.exitCode).toBe(0);
  });

  it('practice with a FIFO among the banks says the banks have an error, and exits', async () => {
    const dir = banks();
    mkfifo(join(dir, 'pipe.yaml'));
    const run = runInPty(['practice', '--questions', dir, '--db', join(tempDir(), 'q.db')], { XDG_CACHE_HOME: tempDir() });
    const { exitCode } = await run.exited;
    expect(exitCode).toBe(1);
    expect(run.output()).toContain('the question banks have 1 error(s)');
  });

  it('a FIFO as sources.yaml or as the --questions target is a lint error, not a hang', async () => {
    const dir = banks();
    const other = tempDir();
    mkfifo(join(other, 'sources.yaml'));
    writeFileSync(join(other, 'vpc.yaml'), bankYaml([questionYaml('q-one'), questionYaml('q-two')], 'vpc'));
    const lint = await cli(['lint', other]);
    expect(lint.timedOut).toBe(false);
    expect(lint.stdout).toMatch(/sources\.yaml:1:1 error not a regular file/);
    const fifo = join(dir, 'target.yaml');
    mkfifo(fifo);
    const direct = await cli(['lint', fifo]);
    expect(direct.timedOut).toBe(false);
    expect(direct.exitCode).toBe(1);
    expect(direct.stdout).toMatch(/target\.yaml:1:1 error not a regular file/);
    const complete = await cli(['__complete', 'topics', '--questions', fifo]);
    expect(complete.timedOut).toBe(false);
  });

  it('a FIFO as the cache file is passed over: the banks are read from the YAML', async () => {
    const dir = banks();
    const cache = tempDir();
    mkdirSync(join(cache, 'aws-quiz'), { mode: 0o700 });
    mkfifo(join(cache, 'aws-quiz', `banks-${fnv1a(resolve(dir)).toString(16).padStart(8, '0')}.json`));
    const complete = await cli(['__complete', 'banks', '--questions', dir], { XDG_CACHE_HOME: cache });
    expect(complete.timedOut).toBe(false);
    expect(complete.stdout).toBe('vpc');
  });

  it('a bank that is a link to /dev/zero is one lint error, not a crash', async () => {
    const dir = banks();
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    const lint = await cli(['lint', dir]);
    expect(lint.timedOut).toBe(false);
    expect(lint.exitCode).toBe(1);
    expect(lint.stdout).toMatch(/zero\.yaml:1:1 error not a regular file/);
    expect(lint.stderr).toBe('');
  });
});
