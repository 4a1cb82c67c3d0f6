import { execa } from 'execa';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bankYaml, questionYaml, SOURCES_YAML } from '../helpers/bank.js';
import { tempDir } from '../helpers/tmp.js';

const bin = fileURLToPath(new URL('../../bin/aws-quiz.js', import.meta.url));
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('escape sequences in banks', () => {
  it('never reach the terminal through lint output, in any format', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sources.yaml'), SOURCES_YAML);
    const evil = '\\e]52;c;ZXZpbA==\\a\\e[2J\\u202E';
    writeFileSync(
      join(dir, 'evil.yaml'),
      bankYaml([
        questionYaml('q-one', { question: `    question: "clear ${evil}"`, extra: `    "key${evil}": 1` }),
        questionYaml('q-two', { source: `    source: "note${evil}.txt#vpc-endpoints"` }),
        questionYaml('q-three', { topic: `    topic: "vpc/${evil}"` }),
      ]),
    );
    for (const format of ['text', 'json', 'github']) {
      const r = await execa('node', [bin, 'lint', '--format', format, dir], { reject: false, env: { FORCE_COLOR: '0', NO_COLOR: '1' } });
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toMatch(/control-chars|unknown-field/);
      expect(r.stdout + r.stderr, format).not.toMatch(CONTROL);
    }
  });

  it('in a source or in sources.yaml are lint errors at their line, so no quiz ever shows them', async () => {
    const dir = tempDir();
    const evil = '\\e]0;PWNED\\a';
    writeFileSync(join(dir, 'sources.yaml'), SOURCES_YAML.replace('- file: note.txt', `- file: "note${evil}.txt"`).replace('heading: S3', `heading: "S3${evil}"`));
    writeFileSync(join(dir, 'vpc.yaml'), bankYaml([questionYaml('q-one', { source: `    source: "note${evil}.txt#vpc-endpoints"` }), questionYaml('q-two')], 'vpc'));
    const lint = await execa('node', [bin, 'lint', '--strict', dir], { reject: false, env: { NO_COLOR: '1' } });
    expect(lint.exitCode).toBe(1);
    expect(lint.stdout).not.toMatch(CONTROL);
    expect(lint.stdout).toMatch(/sources\.yaml:2:\d+ error .*notes\.0\.file/);
    expect(lint.stdout).toMatch(/sources\.yaml:\d+:\d+ error .*heading/);
    expect(lint.stdout).toMatch(/vpc\.yaml:\d+:\d+ error .*questions\.0\.source/);
    const stats = await execa('node', [bin, 'stats', '--questions', dir, '--db', join(tempDir(), 'q.db')], { reject: false, env: { NO_COLOR: '1' } });
    expect(stats.stdout + stats.stderr).not.toMatch(CONTROL);
  });
});
