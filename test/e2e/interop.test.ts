import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { recordAnswer } from '../../src/store/answers.js';
import { openStore } from '../../src/store/open.js';
import { BIN } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';

const FIX = fileURLToPath(new URL('../fixtures/interop/', import.meta.url));
const GOOD = fileURLToPath(new URL('../fixtures/banks/good/', import.meta.url));
const cli = (args: string[]) => execa('node', [BIN, ...args], { reject: false, env: { NO_COLOR: '1', LANG: 'C' } });

describe('aws-quiz import', () => {
  for (const [file, format, count, skipped] of [['quiz.gift', 'gift', 3, 3], ['quiz.aiken', 'aiken', 2, 0], ['quiz.xml', 'moodle-xml', 2, 2], ['quiz.csv', 'csv', 2, 0]] as const) {
    it(`${format}: writes a bank that lint passes, and says what it skipped`, async () => {
      const out = tempDir();
      const r = await cli(['import', FIX + file, '--format', format, '--bank', 'imported-quiz', '--out', out]);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).toContain(`imported ${count} question${count === 1 ? '' : 's'} (${skipped} skipped)`);
      expect(r.stderr.split('\n').filter((l) => l.includes('skipped "'))).toHaveLength(skipped);
      const bank = parse(readFileSync(join(out, 'imported-quiz.yaml'), 'utf8'));
      expect(bank.questions).toHaveLength(count);
      expect(bank.questions[0].source).toBe(`${file}#imported-imported-quiz`);
      const lint = await cli(['lint', out]);
      expect(lint.exitCode, lint.stdout).toBe(0);
      // Only warnings the source's own content is to blame for (no explanation, a giveaway in its
      // choices, keys in one place), never an error in what import wrote.
      const problems = lint.stdout.split('\n').filter((l) => / (warning|error) /.test(l));
      const sources = ['missing-explanation', 'longest-answer', 'weak-distractor', 'answer-position', 'single-question-topic'];
      expect(problems.filter((l) => !sources.some((rule) => l.endsWith(rule))), lint.stdout).toEqual([]);
    });
  }

  it('adds its section to an existing sources.yaml once, and refuses to overwrite a bank without --force', async () => {
    const out = tempDir();
    const args = ['import', FIX + 'quiz.aiken', '--format', 'aiken', '--bank', 'certs', '--out', out];
    expect((await cli(args)).exitCode).toBe(0);
    const again = await cli(args);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/certs\.yaml exists: use --force/);
    expect((await cli([...args, '--force'])).exitCode).toBe(0);
    const sources = parse(readFileSync(join(out, 'sources.yaml'), 'utf8'));
    expect(sources.notes).toHaveLength(1);
    expect(sources.notes[0].sections.map((s: { id: string }) => s.id)).toEqual(['imported-certs']);
  });

  it('names the file, line and column of a broken source, with exit 1 and one line', async () => {
    for (const [file, format, place] of [['broken.aiken', 'aiken', 'broken.aiken:5:1'], ['broken.xml', 'moodle-xml', 'broken.xml:5:'], ['broken.csv', 'csv', 'broken.csv:']] as const) {
      const r = await cli(['import', FIX + file, '--format', format, '--bank', 'x', '--out', tempDir()]);
      expect(r.exitCode, file).toBe(1);
      expect(r.stderr.trim().split('\n'), file).toHaveLength(1);
      expect(r.stderr).toContain(place);
    }
  });
});

describe('aws-quiz export', () => {
  it('writes Anki notes with stable guids from the bank, and imports back what it exports', async () => {
    const dir = tempDir();
    const file = join(dir, 'deck.txt');
    const r = await cli(['export', '--format', 'anki', '--questions', GOOD, '--out', file]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('wrote 4 questions');
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('#separator:tab\n#html:true\n')).toBe(true);
    expect(text).toMatch(/^aws-quiz:sample-gateway-endpoint\t/m);

    for (const format of ['gift', 'moodle-xml', 'csv'] as const) {
      const exported = join(dir, `bank.${format}`);
      expect((await cli(['export', '--format', format, '--questions', GOOD, '--out', exported])).exitCode).toBe(0);
      const back = await cli(['import', exported, '--format', format, '--bank', `back-${format.replace('-xml', '')}`, '--out', join(dir, format)]);
      expect(back.stdout, format).toContain('imported 4 questions (0 skipped)');
      expect((await cli(['lint', '--strict', join(dir, format)])).exitCode, format).toBe(0);
    }
    const aiken = await cli(['export', '--format', 'aiken', '--questions', GOOD, '--out', join(dir, 'a.txt')]);
    expect(aiken.stdout).toContain('wrote 3 questions');
    expect(aiken.stderr).toContain('1 multiple-response question was left out');
  });

  it('writes the review log in the layout the FSRS optimizer reads', async () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    const store = openStore(db);
    for (let i = 0; i < 6; i++) recordAnswer(store, { sessionId: null, questionId: `q${i % 2}`, bank: 'b', topic: 'b/t', domain: 'secure', selected: [0], correct: i !== 3, timeMs: 1000 * (i + 1), answeredAt: 1_700_000_000_000 + i * 86_400_000 });
    store.close();
    const r = await cli(['export', '--reviews', '--db', db, '--out', join(dir, 'log.csv')]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'log.csv'), 'utf8').split('\n').slice(0, 5)).toEqual([
      'card_id,review_time,review_rating,review_duration',
      '1,1700000000000,3,1000',
      '2,1700086400000,3,2000',
      '1,1700172800000,3,3000',
      '2,1700259200000,1,4000',
    ]);
    expect(r.stdout).toContain('wrote 6 reviews of 2 questions');
  });
});

describe('aws-quiz tune', () => {
  it('refuses with too few reviews, fits and keeps parameters with enough, and goes back with --reset', async () => {
    const dir = tempDir();
    const db = join(dir, 't.db');
    const store = openStore(db);
    const answer = (i: number, day: number, correct: boolean) =>
      recordAnswer(store, { sessionId: null, questionId: `q${i}`, bank: 'b', topic: 'b/t', domain: 'secure', selected: [0], correct, timeMs: 8000, answeredAt: Date.UTC(2026, 0, 1) + day * 86_400_000 + i });
    for (let i = 0; i < 10; i++) answer(i, 0, true);
    const few = await cli(['tune', '--db', db]);
    expect(few.exitCode).toBe(1);
    expect(few.stderr.trim()).toBe('aws-quiz: tune needs at least 400 reviews to fit anything but noise; you have 10, so 390 more');
    // 60 questions reviewed on a widening schedule, mostly remembered.
    for (let i = 0; i < 60; i++) for (const [k, day] of [1, 3, 7, 15, 30, 60, 100].entries()) answer(i, day + (i % 5), (i * 7 + k) % 5 !== 0);
    store.close();
    const r = await cli(['tune', '--db', db]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Fitted on 430 reviews of 60 questions\. Log-loss [\d.]+ → [\d.]+, RMSE [\d.]+ → [\d.]+/);
    const check = openStore(db, { readonly: true });
    const saved = check.db.prepare("SELECT value FROM settings WHERE key = 'fsrs-parameters'").get() as { value: string } | undefined;
    check.close();
    if (r.stdout.includes('now schedule with your parameters')) expect(JSON.parse(saved!.value).w).toHaveLength(21);
    else expect(saved).toBeUndefined();
    expect((await cli(['tune', '--db', db, '--reset'])).stdout).toContain('Back to the default FSRS parameters.');
    const after = openStore(db, { readonly: true });
    expect(after.db.prepare("SELECT value FROM settings WHERE key = 'fsrs-parameters'").get()).toBeUndefined();
    after.close();
  }, 60_000);
});
