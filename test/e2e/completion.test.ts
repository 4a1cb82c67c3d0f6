import { execa } from 'execa';
import { symlinkSync } from 'node:fs';
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

  it('refuses an unknown shell with exit 2', async () => {
    const r = await execa('node', [bin, 'completion', 'tcsh'], { reject: false });
    expect(r.exitCode).toBe(2);
  });
});
