import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, readdirSync, readFileSync, writeFileSync, truncateSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { homedir } from 'node:os';
import { UsageError, UserError } from '../../src/errors.js';
import { describe, expect, it } from 'vitest';
import { recordAnswer, loadCards, usualAnswerTimeMs } from '../../src/store/answers.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { localDay } from '../../src/quiz/days.js';
import { openStore, resolveDbPath } from '../../src/store/open.js';
import { createSession, endSession } from '../../src/store/sessions.js';
import { nextCard, Rating, serializeCard } from '../../src/quiz/schedule.js';
import { tempDir } from '../helpers/tmp.js';
import { runUnprivileged } from '../helpers/unprivileged.js';

const answer = (over: Partial<Parameters<typeof recordAnswer>[1]> = {}) => ({
  sessionId: null,
  questionId: 'q-1',
  bank: 'vpc',
  topic: 'vpc/endpoints',
  domain: 'cost',
  selected: [0],
  correct: true,
  timeMs: 1200,
  answeredAt: new Date(2026, 0, 5, 12).getTime(), // local noon: 13:00 below is the same day in every zone
  ...over,
});

describe('resolveDbPath', () => {
  it('prefers --db, then AWS_QUIZ_DB, then XDG_DATA_HOME, then ~/.local/share', () => {
    expect(resolveDbPath('/x/a.db', { AWS_QUIZ_DB: '/y/b.db' })).toBe('/x/a.db');
    expect(resolveDbPath(undefined, { AWS_QUIZ_DB: '/y/b.db', XDG_DATA_HOME: '/d' })).toBe('/y/b.db');
    expect(resolveDbPath(undefined, { XDG_DATA_HOME: '/d' })).toBe('/d/aws-quiz/aws-quiz.db');
    expect(resolveDbPath(undefined, {})).toMatch(/\.local\/share\/aws-quiz\/aws-quiz\.db$/);
  });

  it('refuses an empty --db as a usage error; an empty AWS_QUIZ_DB counts as unset', () => {
    expect(() => resolveDbPath('', {})).toThrow(UsageError);
    expect(() => resolveDbPath('  ', {})).toThrow(/--db needs a file/);
    expect(resolveDbPath(undefined, { AWS_QUIZ_DB: '', XDG_DATA_HOME: '/d' })).toBe('/d/aws-quiz/aws-quiz.db');
  });

  it('expands ~ to the home directory, and refuses ~user rather than make a folder named ~', () => {
    expect(resolveDbPath(undefined, { AWS_QUIZ_DB: '~/study/q.db' })).toBe(join(homedir(), 'study', 'q.db'));
    expect(resolveDbPath('~/q.db', {})).toBe(join(homedir(), 'q.db'));
    expect(() => resolveDbPath(undefined, { AWS_QUIZ_DB: '~alice/q.db' })).toThrow(/~alice/);
    expect(() => resolveDbPath(undefined, { AWS_QUIZ_DB: '~alice/q.db' })).toThrow(UsageError);
  });
});

describe('openStore', () => {
  it('creates the directories and the schema, in WAL mode', () => {
    const path = join(tempDir(), 'deep', 'er', 'q.db');
    const store = openStore(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
    // Opening again runs no migration twice.
    openStore(path).close();
  });

  it('records answers, review state and the roll-ups statistics read', () => {
    const store = openStore(join(tempDir(), 'q.db'));
    const sessionId = createSession(store, { kind: 'practice', startedAt: 1, questions: [{ questionId: 'q-1', choiceOrder: [2, 0, 1] }] });
    const card = nextCard(undefined, Rating.Good, new Date(Date.UTC(2026, 0, 5)));
    recordAnswer(store, answer({ sessionId }), { questionId: 'q-1', card, cardJson: serializeCard(card) });
    recordAnswer(store, answer({ sessionId, correct: false, selected: [1], answeredAt: new Date(2026, 0, 5, 13).getTime() }));
    endSession(store, sessionId, { endedAt: 5, timeUsedMs: 4, state: 'finished' });

    expect(store.db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 2 });
    expect(store.db.prepare('SELECT attempts, correct FROM daily_topic').get()).toEqual({ attempts: 2, correct: 1 });
    expect(store.db.prepare('SELECT attempts, correct, wrong, last_correct FROM question_summary').get()).toEqual({ attempts: 2, correct: 1, wrong: 1, last_correct: 0 });
    expect(loadCards(store).get('q-1')?.due).toBe(card.due.getTime());
    expect(store.db.prepare('SELECT state, choice_order FROM sessions JOIN session_questions ON id = session_id').get()).toEqual({ state: 'finished', choice_order: '[2,0,1]' });
    store.close();
  });

  it('takes the median of recent right answers as the usual time', () => {
    const store = openStore(join(tempDir(), 'q.db'));
    expect(usualAnswerTimeMs(store)).toBeUndefined();
    for (const t of [1000, 2000, 3000, 4000, 90000]) recordAnswer(store, answer({ timeMs: t }));
    expect(usualAnswerTimeMs(store)).toBe(3000);
    // Wrong answers, however slow or quick, say nothing about the usual time of a right one.
    for (const t of [500, 90000, 90000, 90000, 90000, 90000]) recordAnswer(store, answer({ timeMs: t, correct: false }));
    expect(usualAnswerTimeMs(store)).toBe(3000);
    store.close();
  });

  const unchanged = (path: string, act: () => void) => {
    const before = readFileSync(path);
    act();
    expect(readFileSync(path).equals(before)).toBe(true);
  };

  it('refuses a file that is not SQLite, leaving it byte for byte', () => {
    const path = join(tempDir(), 'notes.db');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(20));
    unchanged(path, () => expect(() => openStore(path)).toThrow(/not an aws-quiz database/));
  });

  it('refuses a directory given as the database, naming it', () => {
    const path = tempDir();
    expect(() => openStore(path)).toThrow(UserError);
    expect(() => openStore(path)).toThrow(`the database path is a directory: ${path}`);
    expect(() => openStore(path, { readonly: true })).toThrow(/is a directory/);
  });

  it('refuses a FIFO or a device given as the database at once, rather than wait on it', () => {
    const fifo = join(tempDir(), 'pipe.db');
    execFileSync('mkfifo', [fifo]);
    expect(() => openStore(fifo)).toThrow(`the database path is not a regular file (a pipe or a device?): ${fifo}`);
    expect(() => openStore(fifo, { readonly: true })).toThrow(/not a regular file/);
    expect(() => openStore('/dev/zero', { readonly: true })).toThrow(/not a regular file/);
  });

  it('refuses a truncated database, leaving it as it was', () => {
    const path = join(tempDir(), 'q.db');
    const store = openStore(path);
    for (let i = 0; i < 300; i++) recordAnswer(store, answer({ questionId: `q-${i}` }));
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    truncateSync(path, 8192);
    unchanged(path, () => expect(() => openStore(path)).toThrow(/damaged/));
  });

  it('refuses a database from a newer schema version', () => {
    const path = join(tempDir(), 'q.db');
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    unchanged(path, () => expect(() => openStore(path)).toThrow(/newer aws-quiz/));
  });

  it('refuses a read-only database file with a clear message', async (ctx) => {
    const dir = tempDir();
    const path = join(dir, 'q.db');
    openStore(path).close();
    chmodSync(path, 0o444);
    if (process.getuid?.() !== 0) {
      expect(() => openStore(path)).toThrow(/read-only/);
      return;
    }
    // Root may write any file, so open it as an unprivileged user, from a directory it may write.
    chmodSync(dir, 0o777);
    const script = `import { openStore } from 'store';
      try { openStore(process.argv[2]).close(); console.log('opened'); }
      catch (err) { console.log(err.name + ': ' + err.message); }`;
    const r = await runUnprivileged(script, { store: 'src/store/open.ts' }, [path]);
    if (!r) {
      console.warn('skipped: this process cannot switch to an unprivileged user');
      ctx.skip('cannot switch to an unprivileged user');
    }
    expect(r!.stderr).toBe('');
    expect(r!.stdout).toMatch(/^UserError: .*read-only/);
    expect(r!.stdout).toContain(path);
  });

  it('gives up at once on a directory that cannot be made, such as one under /proc', () => {
    expect(() => openStore('/proc/nope/deeper/x.db')).toThrow('cannot create the database directory /proc/nope/deeper: ENOENT');
  });

  it('says when it created the file, and only then', () => {
    const path = join(tempDir(), 'new.db');
    const first = openStore(path);
    expect(first.created).toBe(true);
    first.close();
    const again = openStore(path);
    expect(again.created).toBe(false);
    again.close();
  });

  it('read-only: never creates a file, and leaves no -wal or -shm beside one it read', () => {
    const dir = tempDir();
    expect(() => openStore(join(dir, 'missing.db'), { readonly: true })).toThrow(/no database at/);
    const path = join(dir, 'q.db');
    const store = openStore(path);
    recordAnswer(store, answer());
    store.close();
    expect(readdirSync(dir)).toEqual(['q.db']);
    const reader = openStore(path, { readonly: true });
    expect(reader.db.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(1);
    reader.close();
    expect(readdirSync(dir)).toEqual(['q.db']);
  });

  it('copies the WAL into the file on a clean close, even while another terminal keeps it open', () => {
    const dir = tempDir();
    const path = join(dir, 'q.db');
    const other = openStore(path);
    const store = openStore(path);
    recordAnswer(store, answer());
    store.close();
    // The main file alone, as a copy of it without its -wal would be.
    const alone = join(tempDir(), 'alone.db');
    copyFileSync(path, alone);
    const copy = new Database(alone, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(1);
    copy.close();
    other.close();
  });

  it('says which directory it could not create', () => {
    const base = tempDir();
    writeFileSync(join(base, 'file'), 'x');
    expect(() => openStore(join(base, 'file', 'sub', 'q.db'))).toThrow(/cannot create the database directory/);
    expect(existsSync(join(base, 'file', 'sub'))).toBe(false);
  });
});

describe('the local day kept with each answer', () => {
  it('counts an answer on the day it was given where it was given, and backfills older answers as they were counted', () => {
    const path = join(tempDir(), 'q.db');
    const before = MIGRATIONS.findIndex((m) => m.includes('ALTER TABLE answers ADD COLUMN day'));
    expect(before).toBeGreaterThan(0);
    const old = new Database(path);
    for (const m of MIGRATIONS.slice(0, before)) old.exec(m);
    old.pragma(`user_version = ${before}`);
    const at = Date.UTC(2026, 2, 15, 12);
    old.prepare(`INSERT INTO answers (question_id, bank, topic, domain, selected, correct, time_ms, answered_at) VALUES ('q-1', 'vpc', 't/x', 'cost', '[0]', 1, 9, ?)`).run(at);
    old.close();

    const store = openStore(path);
    expect(store.db.prepare('SELECT day FROM answers').pluck().get()).toBe(localDay(at));
    expect(store.db.prepare('SELECT last_day FROM question_summary').pluck().get()).toBe(localDay(at));
    // Given in Tokyo on the 16th, whatever this machine's zone says of that instant.
    recordAnswer(store, answer({ questionId: 'q-1', answeredAt: Date.UTC(2026, 2, 15, 16), day: '2026-03-16' }));
    expect(store.db.prepare(`SELECT attempts FROM daily_total WHERE day = '2026-03-16'`).pluck().get()).toBe(1);
    expect(store.db.prepare(`SELECT attempts FROM daily_topic WHERE day = '2026-03-16'`).pluck().get()).toBe(1);
    expect(store.db.prepare('SELECT last_day FROM question_summary').pluck().get()).toBe('2026-03-16');
    expect(store.db.prepare('SELECT last_day FROM topic_summary WHERE topic = ?').pluck().get('vpc/endpoints')).toBe('2026-03-16');
    store.close();
  });
});
