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
});
