import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordAnswer } from '../../src/store/answers.js';
import { createExam, finishExam, takeExam } from '../../src/store/exams.js';
import { openStore } from '../../src/store/open.js';
import { saveExamForecast } from '../../src/store/readiness.js';
import { localDay } from '../../src/quiz/days.js';
import { nextCard, Rating, serializeCard } from '../../src/quiz/schedule.js';
import { BIN } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';

const GOOD = fileURLToPath(new URL('../fixtures/banks/good/', import.meta.url));
const cli = (args: string[], env: Record<string, string> = {}) =>
  execa('node', [BIN, ...args, '--questions', GOOD], { reject: false, env: { NO_COLOR: '1', LANG: 'C', ...env } });
const inDays = (n: number) => localDay(Date.now() + n * 86_400_000);

describe('aws-quiz readiness (built binary)', () => {
  it('forecasts without creating a database, remembers a date once given, and forgets it with "none"', async () => {
    const db = join(tempDir(), 'r.db');
    const first = await cli(['readiness', '--db', db]);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stdout).toContain('if taken today');
    expect(first.stdout).toContain('No answers yet');
    expect(existsSync(db)).toBe(false);

    const date = inDays(30);
    const set = await cli(['readiness', '--db', db, '--exam-date', date]);
    expect(set.exitCode, set.stderr).toBe(0);
    expect(set.stdout).toContain(`on ${date} (30 days left)`);
    const again = await cli(['readiness', '--db', db]);
    expect(again.stdout).toContain(`on ${date}`);
    expect(again.stdout).toMatch(/New questions: 1 a day to have seen all 4 by/);

    const sap = await cli(['readiness', '--db', db, '--blueprint', 'sap', '--json']);
    const doc = JSON.parse(sap.stdout);
    expect(doc).toMatchObject({ version: 1, blueprint: 'sap', examDate: date, daysLeft: 30, forecast: { passMark: 750 } });

    await cli(['readiness', '--db', db, '--exam-date', 'none']);
    expect((await cli(['readiness', '--db', db])).stdout).toContain('if taken today');
  });

  it('refuses a date in the past or malformed, and the quick blueprint, with one line and exit 2', async () => {
    for (const args of [['--exam-date', '2020-01-01'], ['--exam-date', '2027-02-30'], ['--exam-date', 'soon'], ['--blueprint', 'quick']]) {
      const r = await cli(['readiness', '--db', join(tempDir(), 'x.db'), ...args]);
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('counts what the learner remembers, and checks itself against past mock exams', async () => {
    const db = join(tempDir(), 'r.db');
    const store = openStore(db);
    const now = new Date();
    // Two questions learned well, one forgotten.
    for (const [id, right] of [['sample-gateway-endpoint', true], ['sample-s3-durability', true], ['sample-s3-consistency', false]] as const) {
      const card = nextCard(undefined, right ? Rating.Good : Rating.Again, now);
      recordAnswer(store, { sessionId: null, questionId: id, bank: 'sample', topic: 'vpc/endpoints', domain: 'secure', selected: [0], correct: right, timeMs: 20_000, answeredAt: now.getTime() }, { questionId: id, card, cardJson: serializeCard(card) });
    }
    const exam = createExam(store, { blueprint: 'saa', seed: 's', filters: {}, startedAt: now.getTime() - 3600_000, timeLimitMs: null, questions: [] });
    saveExamForecast(store, exam, { expectedPercent: 70, passProbability: 0.6 }, now.getTime() - 3600_000);
    const lease = { pid: process.pid, token: 'test' };
    takeExam(store, exam, lease, now.getTime());
    finishExam(store, exam, lease, { endedAt: now.getTime(), timeUsedMs: 1000, result: { percent: 80, passed: true }, answers: [] });
    store.close();

    const r = await cli(['readiness', '--db', db, '--exam-date', inDays(7), '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.questions).toEqual({ seen: 3, total: 4 });
    expect(doc.calibration).toMatchObject({ mockExams: 1, meanAbsoluteError: 10, brier: 0.16 });
    expect(doc.forecast.expectedPercent).toBeGreaterThan(0);
    expect(doc.forecast.passProbability).toBeGreaterThanOrEqual(0);
    expect(doc.forecast.passProbability).toBeLessThanOrEqual(1);
    expect(doc.plan.reviewsPerDay).toHaveLength(7);
    expect(doc.weakestTopics[0]).toMatchObject({ command: expect.stringMatching(/^aws-quiz practice --topic /) });

    const text = await cli(['readiness', '--db', db]);
    expect(text.stdout).toContain('forecast 70%, scored 80%, pass chance 60% → passed');
    expect(text.stdout).toMatch(/1 mock exam: off by 10\.0 points on average; Brier score 0\.16/);
  });

  it('speaks Japanese', async () => {
    const r = await cli(['readiness', '--db', join(tempDir(), 'j.db'), '--lang', 'ja']);
    expect(r.stdout).toContain('合格の確率');
  });
});

describe('stats with an exam date set', () => {
  it('shows the forecast in one line, and in its JSON', async () => {
    const db = join(tempDir(), 's.db');
    const store = openStore(db);
    recordAnswer(store, { sessionId: null, questionId: 'sample-s3-durability', bank: 'sample', topic: 'vpc/endpoints', domain: 'secure', selected: [1], correct: true, timeMs: 5000, answeredAt: Date.now() });
    store.close();
    const before = await cli(['stats', '--db', db, '--json']);
    expect(JSON.parse(before.stdout).readiness).toBeNull();
    const date = inDays(20);
    await cli(['readiness', '--db', db, '--exam-date', date]);
    const text = await cli(['stats', '--db', db]);
    expect(text.stdout).toMatch(new RegExp(`Readiness: \\d+% chance to pass SAA-C03 on ${date}, expected \\d+%`));
    const json = JSON.parse((await cli(['stats', '--db', db, '--json'])).stdout);
    expect(json.readiness).toMatchObject({ blueprint: 'saa', examDate: date, expectedPercent: expect.any(Number), passProbability: expect.any(Number) });
  });
});

describe('a mock exam keeps the forecast made as it starts', () => {
  it('and readiness then shows it against the score', async () => {
    const { EXAM_BANK } = await import('../helpers/exam-pty.js');
    const { KEYS, runInPty } = await import('../helpers/pty.js');
    const db = join(tempDir(), 'm.db');
    const run = runInPty(['exam', '--blueprint', 'quick', '--seed', 'f', '--questions', EXAM_BANK, '--db', db]);
    await run.waitFor('Press Enter to begin, or q to leave.');
    run.write(KEYS.enter);
    await run.waitFor('Question 1 of 10');
    run.write('q');
    await run.waitFor('10 unanswered');
    run.write('y');
    await run.waitFor('Review the 10 wrong or unanswered questions now?');
    run.write('n');
    run.write(KEYS.enter);
    expect((await run.exited).exitCode).toBe(0);
    const store = openStore(db, { readonly: true });
    const rows = store.db.prepare('SELECT expected_percent AS p, pass_probability AS pass FROM exam_forecasts').all() as { p: number; pass: number }[];
    store.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.p).toBeGreaterThan(0);
    const r = await execa('node', [BIN, 'readiness', '--db', db, '--questions', EXAM_BANK, '--json'], { reject: false, env: { NO_COLOR: '1' } });
    const doc = JSON.parse(r.stdout);
    expect(doc.calibration.mockExams).toBe(1);
    expect(doc.calibration.exams[0]).toMatchObject({ actualPercent: 0, passed: false });
  }, 30_000);
});
