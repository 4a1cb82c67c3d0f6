import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statsCommand, type StatsOptions } from '../../src/commands/stats.js';
import { UserError } from '../../src/errors.js';
import { nextCard, Rating, serializeCard } from '../../src/quiz/schedule.js';
import { addDays, dayStartMs } from '../../src/quiz/stats.js';
import { recordAnswer } from '../../src/store/answers.js';
import { openStore } from '../../src/store/open.js';
import { createSession, endSession } from '../../src/store/sessions.js';
import { chalk } from '../../src/ui/color.js';
import { bankYaml, questionYaml, SOURCES_YAML } from '../helpers/bank.js';
import { tempDir } from '../helpers/tmp.js';

const TODAY = '2026-03-15';
const NOW = new Date(dayStartMs(TODAY) + 18 * 3_600_000);
const at = (daysAgo: number) => dayStartMs(addDays(TODAY, -daysAgo)) + 12 * 3_600_000;

/** Two banks, vpc (3 questions) and s3 (2), in the usual layout. */
function banks(): string {
  const dir = tempDir('aws-quiz-banks-');
  writeFileSync(join(dir, 'sources.yaml'), SOURCES_YAML);
  writeFileSync(join(dir, 'vpc.yaml'), bankYaml([questionYaml('vpc-1'), questionYaml('vpc-2'), questionYaml('vpc-3', { topic: '    topic: vpc/peering' })], 'vpc'));
  const s3 = { topic: '    topic: s3/basics', source: '    source: note.txt#s3-basics' };
  writeFileSync(join(dir, 's3.yaml'), bankYaml([questionYaml('s3-1', s3), questionYaml('s3-2', s3)], 's3'));
  return dir;
}

/** vpc/endpoints: 6 answers long ago, 4 of them wrong; s3/basics: 5 answers this week, all right. */
function history(path: string): void {
  const store = openStore(path);
  const answer = (questionId: string, bank: string, topic: string, correct: boolean, daysAgo: number) =>
    recordAnswer(store, { sessionId: null, questionId, bank, topic, domain: bank === 's3' ? 'resilient' : 'cost', selected: [0], correct, timeMs: 30_000, answeredAt: at(daysAgo) });
  [false, false, true, false, true, false].forEach((c, i) => answer(i % 2 ? 'vpc-1' : 'vpc-2', 'vpc', 'vpc/endpoints', c, 20 + i));
  for (let i = 0; i < 5; i++) answer('s3-1', 's3', 's3/basics', true, i);
  const exam = createSession(store, { kind: 'exam', blueprint: 'quick', startedAt: at(2), questions: [] });
  endSession(store, exam, {
    endedAt: at(2) + 600_000,
    timeUsedMs: 600_000,
    state: 'finished',
    result: { total: 10, answered: 10, correct: 8, percent: 80, scaled: 820, passMark: 720, passed: true, timeUsedMs: 600_000, timeLimitMs: 1_200_000 },
  });
  store.close();
}

interface Run {
  code: number;
  out: string;
  err: string;
}

async function stats(options: StatsOptions): Promise<Run> {
  let out = '';
  let err = '';
  const code = await statsCommand(options, { now: NOW, env: {}, width: 100, stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

let level: typeof chalk.level;
beforeEach(() => {
  level = chalk.level;
  chalk.level = 0;
});
afterEach(() => {
  chalk.level = level;
});

describe('aws-quiz stats with nothing recorded', () => {
  it('says how to start, exits 0, and creates no database', async () => {
    const db = join(tempDir(), 'sub', 'none.db');
    const r = await stats({ db, questions: [banks()] });
    expect(r).toEqual({ code: 0, out: 'No answers yet. Start with `aws-quiz practice`.\n', err: '' });
    expect(existsSync(db)).toBe(false);
    expect(existsSync(join(db, '..'))).toBe(false);
  });

  it('says the same for a database without answers, and names the bank asked for', async () => {
    const db = join(tempDir(), 'empty.db');
    openStore(db).close();
    expect((await stats({ db, questions: [banks()] })).out).toBe('No answers yet. Start with `aws-quiz practice`.\n');
    expect((await stats({ db, questions: [banks()], bank: ['s3'] })).out).toBe('No answers for s3 yet. Start with `aws-quiz practice --bank s3`.\n');
  });

  it('still prints one JSON document with --json', async () => {
    const r = await stats({ db: join(tempDir(), 'none.db'), json: true, questions: [banks()] });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.overview).toMatchObject({ answered: 0, accuracy: null, daysStudied: 0, streak: { current: 0, best: 0 } });
    expect(doc.topics.ranked).toEqual([]);
    expect(doc.activity).toHaveLength(84);
    expect(r.err).toBe('No answers yet. Start with `aws-quiz practice`.\n');
  });
});

describe('aws-quiz stats', () => {
  it('reports where the learner stands', async () => {
    const db = join(tempDir(), 'q.db');
    history(db);
    const r = await stats({ db, questions: [banks()] });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Answered      11 (64% right)');
    expect(r.out).toContain('Coverage      3 of 5 questions seen (60%)');
    expect(r.out).toMatch(/vpc\/endpoints +6 +33% .*aws-quiz practice --topic vpc\/endpoints/);
    expect(r.out).toMatch(/Not tried yet.*\n {4}vpc\/peering/);
    expect(r.out).toMatch(/\s1 +\d{4}-\d{2}-\d{2} +quick +8\/10 80% +820 +pass +10:00 \/ 20:00/);
  });

  it('calls a question a leech once it has been forgotten 4 times, not 3', async () => {
    const db = join(tempDir(), 'q.db');
    history(db);
    const store = openStore(db);
    for (const [questionId, lapses] of [['vpc-1', 3], ['vpc-2', 4]] as const) {
      const card = { ...nextCard(undefined, Rating.Good, NOW), lapses };
      recordAnswer(
        store,
        { sessionId: null, questionId, bank: 'vpc', topic: 'vpc/endpoints', domain: 'cost', selected: [0], correct: true, timeMs: 30_000, answeredAt: at(0) },
        { questionId, card, cardJson: serializeCard(card) },
      );
    }
    store.close();
    const doc = JSON.parse((await stats({ db, questions: [banks()], json: true })).out);
    expect(doc.leeches.map((l: { id: string; lapses: number }) => [l.id, l.lapses])).toEqual([['vpc-2', 4]]);
  });

  it('counts only the period asked for with --since', async () => {
    const db = join(tempDir(), 'q.db');
    history(db);
    const week = JSON.parse((await stats({ db, questions: [banks()], since: '7d', json: true })).out);
    expect(week.period).toEqual({ since: '7d', fromDay: '2026-03-09', toDay: TODAY });
    expect(week.overview).toMatchObject({ answered: 5, correct: 5, daysStudied: 5 });
    expect(week.topics.fewAttempts).toEqual([]);
    expect(week.topics.ranked.map((t: { topic: string }) => t.topic)).toEqual(['s3/basics']);
    expect(week.exams).toHaveLength(1);
    const all = JSON.parse((await stats({ db, questions: [banks()], since: 'all', json: true })).out);
    expect(all.overview).toMatchObject({ answered: 11, correct: 7, daysStudied: 11 });
    expect(all.topics.ranked.map((t: { topic: string }) => t.topic)).toEqual(['vpc/endpoints', 's3/basics']);
    const recent = JSON.parse((await stats({ db, questions: [banks()], since: '2026-03-14', json: true })).out);
    expect(recent.overview.answered).toBe(2);
  });

  it('counts only the banks asked for with --bank, coverage included', async () => {
    const db = join(tempDir(), 'q.db');
    history(db);
    const doc = JSON.parse((await stats({ db, questions: [banks()], bank: ['vpc'], json: true })).out);
    expect(doc.banks).toEqual(['vpc']);
    expect(doc.overview).toMatchObject({ answered: 6, correct: 2, coverage: { seen: 2, total: 3, ratio: 2 / 3 } });
    expect(doc.topics.untried).toEqual(['vpc/peering']);
    expect(doc.domains.find((d: { domain: string }) => d.domain === 'resilient').attempts).toBe(0);
  });

  it('refuses a bad --since or an unknown bank with a usage error', async () => {
    const db = join(tempDir(), 'q.db');
    history(db);
    for (const since of ['7', 'yesterday', '0d', '2099-01-01']) {
      await expect(stats({ db, since }), since).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining(`(got "${since}")`) });
    }
    await expect(stats({ db, questions: [banks()], bank: ['nope'] })).rejects.toMatchObject({ exitCode: 2, message: 'no bank named "nope" (banks: s3, vpc)' });
  });

  it('leaves coverage out with a one-line note when the banks cannot be read', async () => {
    const db = join(tempDir(), 'q.db');
    history(db);
    const r = await stats({ db, questions: [join(tempDir(), 'missing')], json: true });
    expect(r.code).toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^coverage left out: .*missing/);
    expect(JSON.parse(r.out).overview.coverage).toBeNull();
  });

  it('reads banks in an unusual layout with the full loader', async () => {
    const db = join(tempDir(), 'q.db');
    history(db);
    const dir = banks();
    mkdirSync(join(dir, 'more'));
    writeFileSync(join(dir, 'more', 'sources.yaml'), SOURCES_YAML);
    writeFileSync(
      join(dir, 'more', 'flow.yaml'),
      'bank: flow\ntitle: フロー\nquestions: [{id: flow-1, topic: vpc/flow, domain: cost, type: single, question: 問題, explanation: 解説, source: note.txt#vpc-endpoints, choices: [{text: A, correct: true}, {text: B}, {text: C}]}]\n',
    );
    const doc = JSON.parse((await stats({ db, questions: [dir], json: true })).out);
    expect(doc.overview.coverage).toEqual({ seen: 3, total: 6, ratio: 0.5 });
  });

  it('never writes to the database it reads', async () => {
    const db = join(tempDir(), 'q.db');
    history(db);
    const before = (await import('node:fs')).readFileSync(db);
    await stats({ db, questions: [banks()] });
    expect((await import('node:fs')).readFileSync(db).equals(before)).toBe(true);
  });

  it('is a UserError, not a crash, when the file is not a database', async () => {
    const db = join(tempDir(), 'not.db');
    writeFileSync(db, 'hello, this is not SQLite at all, and it is long enough to have a header............................');
    await expect(stats({ db })).rejects.toBeInstanceOf(UserError);
  });
});
