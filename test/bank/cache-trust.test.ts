import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedBanks, cachedQuestionMeta, cacheDir } from '../../src/bank/cache.js';
import { loadQuestionsFor } from '../../src/commands/context.js';
import { bankYaml, questionYaml, SOURCES_YAML } from '../helpers/bank.js';
import { forgeCache, onlyCacheFile } from '../helpers/forge-cache.js';
import { tempDir } from '../helpers/tmp.js';

// The cache is a copy of what the YAML says, kept for speed: whatever happens to it, a quiz
// grades with the YAML's answer key and shows and stores only what the bank rules allow.

function setup(bankPath?: (dir: string) => string) {
  const banks = tempDir();
  writeFileSync(join(banks, 'sources.yaml'), SOURCES_YAML);
  writeFileSync(join(banks, 'vpc.yaml'), bankYaml([questionYaml('q-one'), questionYaml('q-two')], 'vpc'));
  const env = { XDG_CACHE_HOME: tempDir() };
  const paths = [bankPath ? bankPath(banks) : banks];
  let loads = 0;
  const load = async () => {
    loads++;
    return loadQuestionsFor({ questions: paths }, {});
  };
  const get = () => cachedBanks(paths, env, load);
  return { banks, env, paths, get, load, loads: () => loads };
}

const cacheFileOf = (env: { XDG_CACHE_HOME: string }) => onlyCacheFile(cacheDir(env));
const forge = forgeCache;

const swapKey = (_: unknown, texts: Record<string, unknown>[]) => {
  const choices = texts[0]!.choices as { correct: boolean }[];
  choices[0]!.correct = false;
  choices[1]!.correct = true;
};

const asRoot = process.getuid?.() === 0;

describe('bank cache: never trusted for content', () => {
  it('grades with the YAML key when the cache was edited', async () => {
    const s = setup();
    await s.get();
    const file = cacheFileOf(s.env);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"correct":true', '"correct":false').replace('"correct":false,"why":"理由"},{"text":"誤りの選択肢 A","correct":false', '"correct":false,"why":"理由"},{"text":"誤りの選択肢 A","correct":true'));
    const again = await s.get();
    expect(again.questions[0]!.choices.map((c) => c.correct)).toEqual([true, false, false]);
    expect(s.loads()).toBe(2);
  });

  it.skipIf(!asRoot)('ignores a cache file owned by another user, even one made to look current', async () => {
    const s = setup();
    await s.get();
    const file = cacheFileOf(s.env);
    forge(file, swapKey);
    chownSync(file, 65534, 65534);
    expect((await s.get()).questions[0]!.choices.map((c) => c.correct)).toEqual([true, false, false]);
    expect(s.loads()).toBe(2);
  });

  it('ignores a cache file that others could have written', async () => {
    const s = setup();
    await s.get();
    const file = cacheFileOf(s.env);
    forge(file, swapKey);
    chmodSync(file, 0o666);
    expect((await s.get()).questions[0]!.choices.map((c) => c.correct)).toEqual([true, false, false]);
    expect(s.loads()).toBe(2);
  });

  it('reads the YAML when the cached short fields break the bank rules (domain, topic, id)', async () => {
    for (const bad of [
      (m: unknown[]) => (m[3] = 'sneaky'),
      (m: unknown[]) => (m[2] = 'vpc/\u001b]52;c;aGVsbG8=\u0007x'),
      (m: unknown[]) => (m[0] = 'Q ONE'),
      (m: unknown[]) => (m[4] = 'essay'),
    ]) {
      const s = setup();
      await s.get();
      forge(cacheFileOf(s.env), (head) => bad(head.meta[0]!));
      const [first] = (await s.get()).questions;
      expect([first!.id, first!.topic, first!.domain, first!.type]).toEqual(['q-one', 'vpc/endpoints', 'cost', 'single']);
      expect(await cachedQuestionMeta(s.paths, s.env, s.load)).toContainEqual(expect.objectContaining({ id: 'q-one', topic: 'vpc/endpoints', domain: 'cost' }));
      expect(s.loads()).toBe(2);
    }
  });

  it('refuses cached texts carrying escape sequences or a broken answer key when they are shown, and removes the cache', async () => {
    for (const bad of [
      (x: Record<string, unknown>) => (x.question = 'copy \u001b]52;c;aGVsbG8=\u0007 this'),
      (x: Record<string, unknown>) => ((x.choices as { correct: boolean }[])[1]!.correct = true),
      (x: Record<string, unknown>) => (x.choices = []),
    ]) {
      const s = setup();
      await s.get();
      const file = cacheFileOf(s.env);
      forge(file, (_, texts) => bad(texts[0]!));
      const cached = await s.get();
      expect(() => cached.questions[0]!.question + cached.questions[0]!.choices.length).toThrow(/cache/);
      expect(existsSync(file)).toBe(false);
      expect((await s.get()).questions[0]!.question).not.toContain('\u001b');
      expect(s.loads()).toBe(2);
    }
  });

  it('keeps its directory private', async () => {
    const s = setup();
    mkdirSync(cacheDir(s.env), { recursive: true, mode: 0o755 });
    chmodSync(cacheDir(s.env), 0o755);
    await s.get();
    expect(statSync(cacheDir(s.env)).mode & 0o777).toBe(0o700);
    expect(statSync(cacheFileOf(s.env)).mode & 0o077).toBe(0);
  });
});

describe('bank cache: writing', () => {
  it('does not follow a link planted at the old temporary name or at the cache name', async () => {
    const s = setup();
    await s.get();
    const file = cacheFileOf(s.env);
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, `${file}.${process.pid}.tmp`);
    writeFileSync(join(s.banks, 'vpc.yaml'), bankYaml([questionYaml('q-one')], 'vpc'));
    await s.get();
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');

    const victim2 = join(tempDir(), 'victim2.txt');
    writeFileSync(victim2, 'precious\n');
    const planted = file;
    writeFileSync(join(s.banks, 'vpc.yaml'), bankYaml([questionYaml('q-two')], 'vpc'));
    rmSync(planted);
    symlinkSync(victim2, planted);
    expect((await s.get()).questions.map((q) => q.id)).toEqual(['q-two']);
    expect(readFileSync(victim2, 'utf8')).toBe('precious\n');
    expect(s.loads()).toBe(3);
  });

  it.skipIf(!asRoot)('does not use a shared, world-writable cache directory owned by another user', async () => {
    const s = setup();
    const dir = cacheDir(s.env);
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o1777);
    chownSync(dir, 65534, 65534);
    await s.get();
    await s.get();
    expect(readdirSync(dir)).toEqual([]);
    expect(s.loads()).toBe(2);
  });
});

describe('bank cache: broken or stale', () => {
  it('falls back to the YAML when the cache was cut short, with every question whole', async () => {
    const s = setup();
    await s.get();
    const file = cacheFileOf(s.env);
    const text = readFileSync(file, 'utf8');
    for (const cut of [text.slice(0, -40), text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1), text.split('\n').slice(0, 2).join('\n') + '\n']) {
      writeFileSync(file, cut);
      const again = await s.get();
      expect(again.questions.map((q) => q.choices.length)).toEqual([3, 3]);
    }
    expect(s.loads()).toBe(4);
  });

  it('watches the sources.yaml beside a single bank file', async () => {
    const s = setup((dir) => join(dir, 'vpc.yaml'));
    expect((await s.get()).sections[0]!.heading).toBe('VPC > エンドポイント');
    writeFileSync(join(s.banks, 'sources.yaml'), SOURCES_YAML.replace('VPC > エンドポイント', 'VPC > Endpoints'));
    expect((await s.get()).sections[0]!.heading).toBe('VPC > Endpoints');
    expect(s.loads()).toBe(2);
  });
});

describe('bank cache: sections', () => {
  it('reads the YAML when a cached section carries an escape sequence in any of its texts', async () => {
    for (const bad of [
      (x: Record<string, unknown>) => (x.heading = 'VPC \u001b]52;c;aGk=\u0007'),
      (x: Record<string, unknown>) => (x.noteTitle = 'ノート\u001b[2J'),
      (x: Record<string, unknown>) => (x.id = 'Not Kebab'),
    ]) {
      const s = setup();
      await s.get();
      forge(cacheFileOf(s.env), (head) => bad(head.sections[0] as Record<string, unknown>));
      expect((await s.get()).sections[0]!.heading).toBe('VPC > エンドポイント');
      expect(s.loads()).toBe(2);
    }
  });
});

describe('bank cache: counting questions', () => {
  it('reads only the head: damage to the texts costs stats and completion nothing, and practice a reload', async () => {
    const s = setup();
    await s.get();
    const file = cacheFileOf(s.env);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, -30));
    expect((await cachedQuestionMeta(s.paths, s.env, s.load)).map((q) => q.id)).toEqual(['q-one', 'q-two']);
    expect(s.loads()).toBe(1);
    expect((await s.get()).questions[1]!.choices).toHaveLength(3);
    expect(s.loads()).toBe(2);
  });
});
