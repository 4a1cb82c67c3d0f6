import { execa } from 'execa';
import { chmodSync, chownSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

// The compiled code the program keeps in the user's cache directory (run `npm run build`
// first). Whatever is found there, the program does what it would do without it.
const bin = fileURLToPath(new URL('../../bin/aws-quiz.js', import.meta.url));
const GOOD = fileURLToPath(new URL('../fixtures/banks/good/', import.meta.url));

function setup() {
  const env = { XDG_CACHE_HOME: tempDir() };
  const code = join(env.XDG_CACHE_HOME, 'aws-quiz', 'code');
  const run = async () => {
    const help = await execa('node', [bin, '--help'], { env });
    const topics = await execa('node', [bin, '__complete', 'topics', '--questions', GOOD], { env });
    return { help: help.stdout, topics: topics.stdout.split('\n') };
  };
  const files = () => readdirSync(code).filter((f) => f.endsWith('.js'));
  return { env, code, run, files };
}

const asRoot = process.getuid?.() === 0;

describe('the code cache (built binary)', () => {
  it('is written on a first run and gives the same answers on the next', async () => {
    const s = setup();
    const first = await s.run();
    expect(first.topics).toEqual(['s3/basics', 'vpc/endpoints']);
    expect(s.files().length).toBeGreaterThan(0);
    for (const f of s.files()) expect(statSync(join(s.code, f)).mode & 0o077).toBe(0);
    expect(await s.run()).toEqual(first);
  });

  it('ignores a damaged cache, whether its first line or the code after it is wrong, and writes it anew', async () => {
    const s = setup();
    const first = await s.run();
    const names = s.files();
    names.forEach((f, i) => {
      const path = join(s.code, f);
      const text = readFileSync(path, 'latin1');
      const stamp = text.slice(0, text.indexOf('\n') + 1);
      writeFileSync(path, i % 2 ? `${stamp}${'\u00ff'.repeat(500)}` : 'not a code cache at all', 'latin1');
    });
    expect(await s.run()).toEqual(first);
    // Rewritten for every chunk the run loaded; cli.js is loaded by every run.
    expect(readFileSync(join(s.code, 'cli.js'), 'latin1')).not.toMatch(/not a code cache|\u00ff{500}/);
    expect(await s.run()).toEqual(first);
  });

  it('ignores cached code that others could have written, and replaces it with its own', async () => {
    const s = setup();
    const first = await s.run();
    for (const f of s.files()) {
      writeFileSync(join(s.code, f), 'written by someone else');
      chmodSync(join(s.code, f), 0o666);
    }
    expect(await s.run()).toEqual(first);
    expect(statSync(join(s.code, 'cli.js')).mode & 0o777).toBe(0o600);
  });

  it.skipIf(!asRoot)('ignores cached code owned by another user', async () => {
    const s = setup();
    const first = await s.run();
    for (const f of s.files()) {
      writeFileSync(join(s.code, f), readFileSync(join(s.code, f), 'latin1').split('\n')[0] + '\nforeign', 'latin1');
      chownSync(join(s.code, f), 65534, 65534);
    }
    expect(await s.run()).toEqual(first);
  });

  it('does not follow a link planted at a cache file name, and leaves its target alone', async () => {
    const s = setup();
    const first = await s.run();
    const target = join(tempDir(), 'victim');
    writeFileSync(target, 'keep me');
    for (const f of s.files()) {
      rmSync(join(s.code, f));
      symlinkSync(target, join(s.code, f));
    }
    expect(await s.run()).toEqual(first);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(lstatSync(join(s.code, 'cli.js')).isFile()).toBe(true);
  });

  it('keeps no cache in a cache directory that is not private to the user', async () => {
    const s = setup();
    const dir = join(s.env.XDG_CACHE_HOME, 'aws-quiz');
    await s.run();
    rmSync(dir, { recursive: true });
    symlinkSync(tempDir(), dir);
    const again = await s.run();
    expect(again.topics).toEqual(['s3/basics', 'vpc/endpoints']);
    expect(existsSync(join(dir, 'code'))).toBe(false);
  });
});
