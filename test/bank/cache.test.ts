import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedBanks, cachedQuestionMeta, cacheDir } from '../../src/bank/cache.js';
import { loadQuestionsFor } from '../../src/commands/context.js';
import { bankYaml, questionYaml, SOURCES_YAML } from '../helpers/bank.js';
import { tempDir } from '../helpers/tmp.js';

function setup() {
  const banks = tempDir();
  writeFileSync(join(banks, 'sources.yaml'), SOURCES_YAML);
  writeFileSync(join(banks, 'vpc.yaml'), bankYaml([questionYaml('q-one'), questionYaml('q-two', { type: '    type: multiple', choices: MULTI })], 'vpc'));
  const env = { XDG_CACHE_HOME: tempDir() };
  let loads = 0;
  const load = async () => {
    loads++;
    return loadQuestionsFor({ questions: [banks] }, {});
  };
  return { banks, env, load, loads: () => loads };
}

const MULTI = [
  '    choices:',
  '      - text: 正しい 1',
  '        correct: true',
  '      - text: 正しい 2',
  '        correct: true',
  '      - text: 誤り',
].join('\n');

describe('bank cache', () => {
  it('loads the banks once, then serves the same questions from the cache', async () => {
    const s = setup();
    const first = await cachedBanks([s.banks], s.env, s.load);
    const second = await cachedBanks([s.banks], s.env, s.load);
    expect(s.loads()).toBe(1);
    expect(second.questions.map((q) => q.id)).toEqual(['q-one', 'q-two']);
    expect(JSON.parse(JSON.stringify(second))).toEqual(JSON.parse(JSON.stringify(first)));
    expect(second.questions[1]!.choices.map((c) => c.correct)).toEqual([true, true, false]);
    expect(second.questions[0]!.explanation).toBe('解説です。');
    // Positions in the bank file are lint's business; skipped sections are never cited.
    expect('at' in second.questions[0]!).toBe(false);
    expect(second.sections.map((x) => x.id)).toEqual(['vpc-endpoints', 's3-basics']);
    expect(second.sections[0]).toEqual({ id: 'vpc-endpoints', noteFile: 'note.txt', heading: 'VPC > エンドポイント', noteTitle: 'ノート' });
  });

  it('reloads when a bank changes, a bank is added, or sources.yaml changes', async () => {
    const s = setup();
    await cachedBanks([s.banks], s.env, s.load);
    writeFileSync(join(s.banks, 'vpc.yaml'), bankYaml([questionYaml('q-one'), questionYaml('q-renamed')], 'vpc'));
    expect((await cachedBanks([s.banks], s.env, s.load)).questions.map((q) => q.id)).toEqual(['q-one', 'q-renamed']);
    writeFileSync(join(s.banks, 's3.yaml'), bankYaml([questionYaml('q-three')], 's3'));
    expect((await cachedBanks([s.banks], s.env, s.load)).questions).toHaveLength(3);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(s.banks, 'sources.yaml'), later, later);
    await cachedBanks([s.banks], s.env, s.load);
    expect(s.loads()).toBe(4);
    await cachedBanks([s.banks], s.env, s.load);
    expect(s.loads()).toBe(4);
  });

  it('reloads a bank rewritten in place with the same size and its modification time set back', async () => {
    const s = setup();
    const file = join(s.banks, 'vpc.yaml');
    await cachedBanks([s.banks], s.env, s.load);
    const before = statSync(file);
    // touch -r copies times to the nanosecond, as tar and rsync -t do; Node's utimes rounds them.
    const ref = join(tempDir(), 'ref');
    writeFileSync(ref, '');
    execFileSync('touch', ['-r', file, ref]);
    await new Promise((done) => setTimeout(done, 20));
    writeFileSync(file, readFileSync(file, 'utf8').replace('q-one', 'q-eno'));
    execFileSync('touch', ['-r', ref, file]);
    expect(statSync(file).size).toBe(before.size);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect((await cachedBanks([s.banks], s.env, s.load)).questions.map((q) => q.id)).toEqual(['q-eno', 'q-two']);
    expect(s.loads()).toBe(2);
  });

  it('falls back to the loader when the cache file is damaged, and repairs it', async () => {
    const s = setup();
    await cachedBanks([s.banks], s.env, s.load);
    const dir = cacheDir(s.env);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), '{"key": 1');
    expect((await cachedBanks([s.banks], s.env, s.load)).questions).toHaveLength(2);
    await cachedBanks([s.banks], s.env, s.load);
    expect(s.loads()).toBe(2);
  });

  it('caches nothing when the loader refuses the banks', async () => {
    const s = setup();
    writeFileSync(join(s.banks, 'broken.yaml'), 'bank: [unclosed\n');
    await expect(cachedBanks([s.banks], s.env, s.load)).rejects.toThrow(/error/);
    await expect(cachedBanks([s.banks], s.env, s.load)).rejects.toThrow(/error/);
    expect(s.loads()).toBe(2);
  });

  it('gives the questions without their texts from the same cache, and the same reload rules', async () => {
    const s = setup();
    const meta = await cachedQuestionMeta([s.banks], s.env, s.load);
    expect(meta).toEqual([
      { id: 'q-one', bank: 'vpc', topic: 'vpc/endpoints', domain: 'cost', type: 'single', source: expect.stringContaining('#') },
      { id: 'q-two', bank: 'vpc', topic: 'vpc/endpoints', domain: 'cost', type: 'multiple', source: expect.stringContaining('#') },
    ]);
    expect(await cachedQuestionMeta([s.banks], s.env, s.load)).toEqual(meta);
    expect((await cachedBanks([s.banks], s.env, s.load)).questions[1]!.choices).toHaveLength(3);
    expect(s.loads()).toBe(1);
    writeFileSync(join(s.banks, 's3.yaml'), bankYaml([questionYaml('q-three')], 's3'));
    expect((await cachedQuestionMeta([s.banks], s.env, s.load)).map((q) => q.id).sort()).toEqual(['q-one', 'q-three', 'q-two']);
    expect(s.loads()).toBe(2);
  });

  it('uses $XDG_CACHE_HOME, else ~/.cache', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/aws-quiz');
    expect(cacheDir({})).toMatch(/\/\.cache\/aws-quiz$/);
  });
});
