import { execa } from 'execa';
import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const bin = fileURLToPath(new URL('../../bin/aws-quiz.js', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/banks/good', import.meta.url));

/** Asks bash itself what it would complete for the words typed so far. */
async function bashComplete(words: string[]): Promise<string[]> {
  const dir = tempDir();
  symlinkSync(bin, join(dir, 'aws-quiz'));
  const script = (await execa('node', [bin, 'completion', 'bash'])).stdout;
  const probe = `${script}
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_aws_quiz; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = await execa('bash', ['-c', probe], { env: { PATH: `${dir}:${process.env.PATH}`, AWS_QUIZ_QUESTIONS: fixtures } });
  return r.stdout.split('\n').filter(Boolean).sort();
}

const installed = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const shells = { zsh: installed('zsh'), fish: installed('fish') };
for (const [shell, found] of Object.entries(shells)) if (!found) console.warn(`${shell} is not installed here: its completion script is only checked for its commands, not run`);

/** A directory with `aws-quiz` on it, and the completion script for `shell` written there. */
async function withScript(shell: string): Promise<{ script: string; env: Record<string, string> }> {
  const dir = tempDir();
  symlinkSync(bin, join(dir, 'aws-quiz'));
  const script = join(dir, `aws-quiz.${shell}`);
  writeFileSync(script, (await execa('node', [bin, 'completion', shell])).stdout);
  return { script, env: { PATH: `${dir}:${process.env.PATH}`, AWS_QUIZ_QUESTIONS: fixtures, HOME: dir } };
}

/**
 * What zsh offers for the words typed so far: the script's function runs in zsh (through
 * bashcompinit, with the arrays zero-based as bashcompinit sets them), and zsh keeps the
 * candidates that start with the word being completed (bashcompinit leaves that matching to zsh).
 */
async function zshComplete(lines: string[][]): Promise<string[][]> {
  // One zsh for all the lines: the script's compinit costs seconds on a busy machine.
  const { script, env } = await withScript('zsh');
  const probes = lines.map((words) => {
    const quoted = words.map((w) => `'${w}'`).join(' ');
    return `COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _aws_quiz; print -rl -- "\${COMPREPLY[@]}" '--'`;
  });
  const r = await execa('zsh', ['-f', '-c', [`source ${script}`, 'setopt ksharrays', ...probes].join('\n')], { env });
  expect(r.stderr).toBe('');
  const replies = r.stdout.split(/^--$/m).slice(0, lines.length);
  return replies.map((reply, i) => reply.split('\n').filter((c) => c && c.startsWith(lines[i]!.at(-1)!)).sort());
}

/** What fish offers for the command line typed so far (`complete -C`), without descriptions. */
async function fishComplete(line: string): Promise<string[]> {
  const { script, env } = await withScript('fish');
  const r = await execa('fish', ['-N', '-c', `source ${script}; complete -C '${line}'`], { env });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean).map((c) => c.split('\t')[0]!).sort();
}

describe('aws-quiz completion', () => {
  it('completes commands, then each command’s flags', async () => {
    expect(await bashComplete(['aws-quiz', ''])).toEqual(expect.arrayContaining(['completion', 'exam', 'lint', 'practice', 'stats']));
    expect(await bashComplete(['aws-quiz', 'st'])).toEqual(['stats']);
    expect(await bashComplete(['aws-quiz', 'practice', '--fo'])).toEqual(['--focus']);
    expect(await bashComplete(['aws-quiz', 'exam', '--ti'])).toEqual(['--timed']);
  });

  it('completes fixed values and bank and topic names from the banks in use', async () => {
    expect(await bashComplete(['aws-quiz', 'practice', '--focus', 'w'])).toEqual(['weak', 'wrong']);
    expect(await bashComplete(['aws-quiz', 'practice', '--bank', ''])).toEqual(['sample']);
    expect(await bashComplete(['aws-quiz', 'practice', '--topic', 'vpc'])).toEqual(['vpc/endpoints']);
    expect(await bashComplete(['aws-quiz', 'exam', '--blueprint', 's'])).toEqual(['saa', 'sap']);
  });

  it('completes bank and topic names from a --questions typed earlier on the line', async () => {
    const questions = fileURLToPath(new URL('../../questions', import.meta.url));
    expect(await bashComplete(['aws-quiz', 'practice', '--questions', questions, '--bank', 'aur'])).toEqual(['aurora']);
    expect(await bashComplete(['aws-quiz', 'exam', '--questions', questions, '--topic', 'aurora/'])).toEqual(expect.arrayContaining(['aurora/quorum-membership']));
    expect(await bashComplete(['aws-quiz', 'practice', '--questions', questions, '--bank', 'sam'])).toEqual([]);
  });

  it('prints zsh and fish scripts that cover every command', async () => {
    for (const shell of ['zsh', 'fish']) {
      const r = await execa('node', [bin, 'completion', shell]);
      for (const c of ['practice', 'exam', 'stats', 'lint']) expect(r.stdout).toContain(c);
      expect(r.stdout).toContain('_complete banks');
    }
  });

  it.skipIf(!shells.zsh)('completes commands, flags, values and bank names in zsh', { timeout: 60_000 }, async () => {
    const lines = [
      ['aws-quiz', 'st'],
      ['aws-quiz', 'practice', '--fo'],
      ['aws-quiz', 'practice', '--focus', 'w'],
      ['aws-quiz', 'exam', '--bank', ''],
      ['aws-quiz', 'practice', '--topic', 'vpc'],
    ];
    expect(await zshComplete(lines)).toEqual([['stats'], ['--focus'], ['weak', 'wrong'], ['sample'], ['vpc/endpoints']]);
  });

  it.skipIf(!shells.fish)('completes commands, flags, values and bank names in fish', { timeout: 60_000 }, async () => {
    expect(await fishComplete('aws-quiz st')).toEqual(['stats']);
    expect(await fishComplete('aws-quiz practice --fo')).toEqual(['--focus']);
    expect(await fishComplete('aws-quiz practice --focus w')).toEqual(['weak', 'wrong']);
    expect(await fishComplete('aws-quiz exam --bank ')).toEqual(['sample']);
    expect(await fishComplete('aws-quiz practice --topic vpc')).toEqual(['vpc/endpoints']);
  });

  it('refuses an unknown shell with exit 2', async () => {
    const r = await execa('node', [bin, 'completion', 'tcsh'], { reject: false });
    expect(r.exitCode).toBe(2);
  });
});
