import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const bin = fileURLToPath(new URL('../../bin/aws-quiz.js', import.meta.url));
const good = fileURLToPath(new URL('../fixtures/banks/good/', import.meta.url));
const notes = fileURLToPath(new URL('../fixtures/notes/', import.meta.url));
const cli = (args: string[]) => execa('node', [bin, ...args], { reject: false, env: { NO_COLOR: '1' } });

describe('aws-quiz lint --notes', () => {
  it('passes --strict when no question copies its note', async () => {
    const r = await cli(['lint', '--strict', '--notes', notes, good]);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 file, 4 questions, 0 errors, 0 warnings');
    expect(r.exitCode).toBe(0);
  });

  it('says in one line that the notes directory is missing, and exits 2', async () => {
    const r = await cli(['lint', '--notes', '/nonexistent/notes', good]);
    expect(r.stderr).toBe('aws-quiz: notes directory not found: /nonexistent/notes');
    expect(r.exitCode).toBe(2);
  });

  it('names a note file the directory lacks, as a warning at sources.yaml', async () => {
    const r = await cli(['lint', '--strict', '--notes', tempDir(), good]);
    expect(r.stdout).toMatch(/sources\.yaml:\d+:\d+ warning note file note\.txt is not in the --notes directory copied-from-notes/);
    expect(r.exitCode).toBe(1);
  });
});
