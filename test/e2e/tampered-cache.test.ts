import Database from 'better-sqlite3';
import { execa } from 'execa';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankYaml, questionYaml, SOURCES_YAML } from '../helpers/bank.js';
import { forgeCache, onlyCacheFile } from '../helpers/forge-cache.js';
import { BIN, runInPty } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';

// A practice session over a cache made to look current but rewritten: grading follows the
// YAML, nothing escape-like reaches the terminal, and the database keeps only valid values.

const OSC52 = '\u001b]52;c;aGVsbG8=\u0007';

async function setup() {
  const banks = tempDir();
  writeFileSync(join(banks, 'sources.yaml'), SOURCES_YAML);
  writeFileSync(join(banks, 'vpc.yaml'), bankYaml([questionYaml('q-one')], 'vpc'));
  const cache = tempDir();
  // Any command that reads the banks writes the cache.
  await execa('node', [BIN, '__complete', 'banks', '--questions', banks], { env: { XDG_CACHE_HOME: cache } });
  return { banks, cache, file: onlyCacheFile(join(cache, 'aws-quiz')), db: join(tempDir(), 'q.db') };
}

async function practiseOnce(s: { banks: string; cache: string; db: string }) {
  const run = runInPty(['practice', '--questions', s.banks, '--db', s.db, '--count', '1'], { XDG_CACHE_HOME: s.cache });
  await run.waitFor(/1\/1/, 20_000);
  await run.waitFor('Enter', 20_000);
  // Pick the choice the YAML marks correct, wherever the shuffle put it.
  const label = /([A-F])\) 正しい選択肢/.exec(run.output())?.[1];
  expect(label).toBeDefined();
  run.write(label!.toLowerCase());
  run.write('\r');
  run.write('s'); // sure
  await run.waitFor(/Correct|Wrong/, 20_000);
  run.write('q');
  await run.exited;
  return run;
}

describe('practice over a tampered bank cache', () => {
  it('grades with the YAML key and stores only valid values when the short fields were rewritten', async () => {
    const s = await setup();
    forgeCache(s.file, (head, texts) => {
      const meta = head.meta[0]!;
      meta[2] = `vpc/${OSC52}`;
      meta[3] = 'sneaky';
      const choices = texts[0]!.choices as { text: string; correct: boolean }[];
      choices[0]!.correct = false;
      choices[1]!.correct = true;
      texts[0]!.question = `copy ${OSC52} this`;
    });
    const run = await practiseOnce(s);
    expect(run.output()).toContain('Correct');
    expect(run.raw()).not.toContain('\u001b]52');
    const db = new Database(s.db, { readonly: true });
    expect(db.prepare('SELECT domain, topic, correct FROM answers').all()).toEqual([{ domain: 'cost', topic: 'vpc/endpoints', correct: 1 }]);
    db.close();
  }, 60_000);

  it('refuses cached texts with an escape sequence in one clear line, writing nothing escape-like', async () => {
    const s = await setup();
    forgeCache(s.file, (_, texts) => {
      texts[0]!.question = `copy ${OSC52} this`;
    });
    const run = runInPty(['practice', '--questions', s.banks, '--db', s.db, '--count', '1'], { XDG_CACHE_HOME: s.cache });
    const { exitCode } = await run.exited;
    expect(exitCode).toBe(1);
    expect(run.output()).toContain('the bank cache was damaged and has been removed');
    expect(run.raw()).not.toContain('\u001b]52');
    // The next run reads the YAML.
    const again = await practiseOnce(s);
    expect(again.output()).toContain('Correct');
  }, 60_000);
});
