import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedBanks, cachedQuestionMeta, cacheDir, quizData } from '../../src/bank/cache.js';
import { loadBanks, allQuestions } from '../../src/bank/load.js';
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

  it('carries the SAP-C02 domain from the YAML through the cache, and leaves it out where the bank does', async () => {
    const s = setup();
    writeFileSync(join(s.banks, 'vpc.yaml'), bankYaml([questionYaml('q-one', { domain: '    domain: cost\n    sap_domain: new-solutions' }), questionYaml('q-two')], 'vpc'));
    const loaded = await cachedBanks([s.banks], s.env, s.load);
    const cached = await cachedBanks([s.banks], s.env, s.load);
    expect(s.loads()).toBe(1);
    for (const data of [loaded, cached]) {
      expect(data.questions[0]!.sapDomain).toBe('new-solutions');
      expect('sapDomain' in data.questions[1]!).toBe(false);
    }
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

  it('reloads when a bank in a subdirectory changes or is added there', async () => {
    const s = setup();
    mkdirSync(join(s.banks, 'deep', 'er'), { recursive: true });
    // Each bank's note index sits beside it.
    writeFileSync(join(s.banks, 'deep', 'sources.yaml'), SOURCES_YAML);
    writeFileSync(join(s.banks, 'deep', 'er', 'sources.yaml'), SOURCES_YAML);
    writeFileSync(join(s.banks, 'deep', 'er', 's3.yaml'), bankYaml([questionYaml('q-three')], 's3'));
    const ids = async () => (await cachedBanks([s.banks], s.env, s.load)).questions.map((q) => q.id).sort();
    expect(await ids()).toEqual(['q-one', 'q-three', 'q-two']);
    writeFileSync(join(s.banks, 'deep', 'er', 's3.yaml'), bankYaml([questionYaml('q-three'), questionYaml('q-four')], 's3'));
    expect(await ids()).toEqual(['q-four', 'q-one', 'q-three', 'q-two']);
    writeFileSync(join(s.banks, 'deep', 'ec2.yaml'), bankYaml([questionYaml('q-five')], 'ec2'));
    expect((await cachedBanks([s.banks], s.env, s.load)).questions).toHaveLength(5);
    expect(s.loads()).toBe(3);
  });

  it('reloads a bank rewritten in place with the same size and its modification time set back', async () => {
    const s = setup();
    const file = join(s.banks, 'vpc.yaml');
    await cachedBanks([s.banks], s.env, s.load);
    const before = statSync(file, { bigint: true });
    // touch -r copies times to the nanosecond, as tar and rsync -t do; Node's utimes rounds them.
    const ref = join(tempDir(), 'ref');
    writeFileSync(ref, '');
    execFileSync('touch', ['-r', file, ref]);
    // Rewrite until the change time has moved on: the file system's clock may tick coarsely, and
    // a rewrite within the same tick is one no stamp could tell apart (nor can the learner make it).
    const edited = readFileSync(file, 'utf8').replace('q-one', 'q-eno');
    do {
      writeFileSync(file, edited);
      execFileSync('touch', ['-r', ref, file]);
    } while (statSync(file, { bigint: true }).ctimeNs === before.ctimeNs);
    expect(statSync(file, { bigint: true }).size).toBe(before.size);
    expect(statSync(file, { bigint: true }).mtimeNs).toBe(before.mtimeNs);
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

  it('keeps what a quiz needs without working out positions in the bank files', () => {
    const s = setup();
    const questions = allQuestions(loadBanks([s.banks]));
    // Positions cost a second, full parse of every bank file: a quiz never needs them.
    for (const q of questions) {
      Object.defineProperty(q, 'at', {
        get: () => {
          throw new Error('positions worked out');
        },
      });
    }
    const data = quizData(questions, []);
    expect(data.questions.map((q) => [q.id, q.choices.length, q.explanation])).toEqual([
      ['q-one', 3, '解説です。'],
      ['q-two', 3, '解説です。'],
    ]);
    expect('at' in data.questions[0]!).toBe(false);
  });

  it('uses $XDG_CACHE_HOME, else ~/.cache', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/aws-quiz');
    expect(cacheDir({})).toMatch(/\/\.cache\/aws-quiz$/);
  });
});
