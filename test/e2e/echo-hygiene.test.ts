import { execa } from 'execa';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/ui/practice-summary.js';
import { bankYaml, questionYaml, SOURCES_YAML } from '../helpers/bank.js';
import { tempDir } from '../helpers/tmp.js';

// What the user typed comes back in messages; an escape sequence in it (pasted, or from a
// hostile script setting AWS_QUIZ_*) must be shown, never run by the terminal.

const bin = fileURLToPath(new URL('../../bin/aws-quiz.js', import.meta.url));
const cli = (args: string[], env: Record<string, string> = {}) =>
  execa('node', [bin, ...args], { reject: false, timeout: 60_000, env: { NO_COLOR: '1', LANG: 'C', XDG_CACHE_HOME: tempDir(), ...env } });

const OSC52 = '\u001b]52;c;aGVsbG8=\u0007';
/** Any C0/C1 control other than a line break, or a bidi/invisible character. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

describe('values the user typed are escaped when echoed', () => {
  it.each([
    ['--since', ['stats', '--since', `7d${OSC52}`]],
    ['--questions', ['lint', '--questions', `/nope${OSC52}\nsecond line`]],
    ['a lint path', ['lint', `/nope${OSC52}`]],
    ['--db', ['stats', '--db', OSC52]],
  ])('%s', async (name, args) => {
    // a folder given as the database: refused with its name
    if (name === '--db') args = ['stats', '--db', join(tempDir(), OSC52)];
    if (name === '--db') mkdirSync(args[2]!);
    const r = await cli(args);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('\\u{1b}]52;c;aGVsbG8=\\u{7}');
  });

  it('--bank, echoed on stdout by stats', async () => {
    const r = await cli(['stats', '--bank', `vpc${OSC52}`, '--db', join(tempDir(), 'x.db')]);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('vpc\\u{1b}]52;c;aGVsbG8=\\u{7}');
  });

  it('AWS_QUIZ_QUESTIONS', async () => {
    const r = await cli(['lint'], { AWS_QUIZ_QUESTIONS: `/nope${OSC52}` });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).not.toMatch(RAW);
  });

  it('lint writes a file name with a line break or an escape sequence escaped', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sources.yaml'), SOURCES_YAML);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, `bad\n${OSC52}.yaml`), bankYaml([questionYaml('q-one', { domain: '    domain: speed' })], 'bad'));
    for (const format of ['text', 'json', 'github']) {
      const r = await cli(['lint', '--format', format, dir]);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).not.toMatch(RAW);
      // JSON escapes the backslash once more.
      expect(r.stdout).toContain(format === 'json' ? 'bad\\\\n\\\\u{1b}]52;c;aGVsbG8=\\\\u{7}.yaml' : 'bad\\n\\u{1b}]52;c;aGVsbG8=\\u{7}.yaml');
    }
  });

  it('the command that draws a session again keeps a typed seed exactly, in quoting that runs nothing', () => {
    const quoted = shellQuote(`s${OSC52}'\\`);
    expect(quoted).toBe("$'s\\x1b]52;c;aGVsbG8=\\x07\\'\\\\'");
    expect(quoted).not.toMatch(RAW);
    expect(shellQuote('plain seed')).toBe("'plain seed'");
  });
});
