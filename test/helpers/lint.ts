import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintBanks } from '../../src/bank/lint.js';
import { loadBanks } from '../../src/bank/load.js';
import { tempDir } from './tmp.js';

/** Lints files written into a fresh directory: `{ 'a.yaml': text, 'sources.yaml': text }`. */
export function lintFiles(files: Record<string, string>, options: { coverage?: boolean; notes?: Map<string, string> } = {}) {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return lintBanks(loadBanks([dir]), options);
}

/** The `choices:` block of a question, the correct ones marked with a leading `*`. */
export function choicesYaml(choices: string[]): string {
  return [
    '    choices:',
    ...choices.flatMap((c) => (c.startsWith('*') ? [`      - text: "${c.slice(1)}"`, '        correct: true'] : [`      - text: "${c}"`])),
  ].join('\n');
}
