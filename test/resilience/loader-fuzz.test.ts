import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintBanks } from '../../src/bank/lint.js';
import { loadBanks } from '../../src/bank/load.js';
import { parseBank } from '../../src/bank/parse-bank.js';
import { seededRandom, type Random } from '../../src/quiz/random.js';
import { bankYaml, questionYaml, SOURCES_YAML } from '../helpers/bank.js';
import { tempDir } from '../helpers/tmp.js';

const base = bankYaml([
  questionYaml('q-one'),
  questionYaml('q-two', { type: '    type: multiple', choices: '    choices:\n      - text: a\n        correct: true\n      - text: b\n        correct: true\n      - text: c' }),
  questionYaml('q-three', { topic: '    topic: s3/basics', source: '    source: note.txt#s3-basics' }),
]);

const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

/** One random damage to a valid bank: the kinds of mistakes people and tools make. */
function mutate(text: string, r: Random): string {
  const lines = text.split('\n');
  const i = Math.floor(r() * lines.length);
  switch (Math.floor(r() * 9)) {
    case 0: // a deleted line
      lines.splice(i, 1);
      return lines.join('\n');
    case 1: // a swapped type: scalar becomes list or map
      lines[i] = lines[i]!.replace(/: (.+)$/, pick(r, [': [$1]', ': {x: $1}', ': 42', ': true', ': null', ': ~', ':']));
      return lines.join('\n');
    case 2: // random bytes in the middle
      return text.slice(0, i * 7) + Array.from({ length: 8 }, () => String.fromCharCode(Math.floor(r() * 256))).join('') + text.slice(i * 7);
    case 3: // deep nesting
      return text + `\nextra: ${'['.repeat(200 + Math.floor(r() * 3000))}`;
    case 4: // indentation broken
      lines[i] = ' '.repeat(Math.floor(r() * 5)) + lines[i]!.trimStart();
      return lines.join('\n');
    case 5: // duplicated line (often a duplicate key)
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    case 6: // truncated file
      return text.slice(0, Math.floor(r() * text.length));
    case 7: // an escape sequence in a text
      return text.replace('正しい選択肢', '正しい\u001b[2J\u001b]52;c;ZXZpbA==\u0007選択肢');
    default: // anchors and aliases
      return text.replace('questions:', 'x: &a [1, 2]\ny: [*a, *a]\nquestions:');
  }
}

function aliasBomb(levels: number): string {
  const out = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < levels; i++) out.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return out.join('\n');
}

// The bounds on time below are there to catch a hang or an exponential blow-up (a nested structure
// or an alias bomb expanded in full runs for minutes to forever), never to measure speed: a parse
// takes milliseconds, so they are set far above anything a busy machine needs, and the tests'
// own timeouts leave room for the whole loop on two shared cores.
const HANG_MS = 10_000;

describe('the loader under damaged input', () => {
  it('never throws, never hangs, and locates every problem, over 400 mutated banks', { timeout: 180_000 }, () => {
    const r = seededRandom('fuzz');
    let withProblems = 0;
    for (let n = 0; n < 400; n++) {
      let text = base;
      const times = 1 + Math.floor(r() * 3);
      for (let k = 0; k < times; k++) text = mutate(text, r);
      const started = performance.now();
      let result: ReturnType<typeof parseBank> | undefined;
      expect(() => (result = parseBank(text, 'fuzz.yaml')), `mutation ${n}:\n${text}`).not.toThrow();
      expect(performance.now() - started, `mutation ${n} hangs`).toBeLessThan(HANG_MS);
      if (result!.problems.length) withProblems++;
      for (const p of result!.problems) {
        expect(p.file).toBe('fuzz.yaml');
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.col).toBeGreaterThanOrEqual(1);
        expect(p.rule).toMatch(/^[a-z-]+$/);
      }
      for (const q of result!.bank?.questions ?? []) expect(q.question + q.choices.map((c) => c.text + (c.why ?? '')).join('')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    expect(withProblems).toBeGreaterThan(200);
  });

  it('stops alias bombs of any depth quickly', { timeout: 60_000 }, () => {
    // 12 levels expand to 10^12 nodes: without the stop this would not end within the day.
    for (const levels of [5, 9, 12]) {
      const started = performance.now();
      expect(parseBank(aliasBomb(levels), 'bomb.yaml').problems.map((p) => p.rule)).toEqual(['alias-bomb']);
      expect(performance.now() - started, `${levels} levels`).toBeLessThan(HANG_MS);
    }
  });

  it('refuses a 50 MB string without reading it whole', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sources.yaml'), SOURCES_YAML);
    writeFileSync(join(dir, 'huge.yaml'), `bank: huge\ntitle: "${'x'.repeat(50 * 1024 * 1024)}"\nquestions: []\n`);
    const result = lintBanks(loadBanks([dir]));
    expect(result.problems).toMatchObject([{ rule: 'file-too-large', line: 1, col: 1 }]);
  });
});
