import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextCard, Rating, serializeCard } from '../../src/quiz/schedule.js';
import { addDays, dayStartMs, daysBetween, decayWeight, localDay, type TopicTotals } from '../../src/quiz/stats.js';
import { recordAnswer, type AnswerRecord } from '../../src/store/answers.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore, type Store } from '../../src/store/open.js';
import { createSession, endSession } from '../../src/store/sessions.js';
import * as stats from '../../src/store/stats.js';
import { tempDir } from '../helpers/tmp.js';

const TODAY = '2026-03-15';
/** Noon, local time, `daysAgo` days before TODAY: well away from any day boundary. */
const at = (daysAgo: number, hour = 12) => dayStartMs(addDays(TODAY, -daysAgo)) + hour * 3_600_000;

type Given = [questionId: string, bank: string, topic: string, domain: string, correct: boolean, daysAgo: number, wasDue?: boolean];

const HISTORY: Given[] = [
  ['q1', 'vpc', 'vpc/endpoints', 'cost', false, 40],
  ['q1', 'vpc', 'vpc/endpoints', 'cost', true, 10, true],
  ['q2', 'vpc', 'vpc/endpoints', 'cost', false, 0, true],
  ['q3', 'vpc', 'vpc/peering', 'resilient', true, 3],
  ['q3', 'vpc', 'vpc/peering', 'resilient', true, 2],
  ['q4', 's3', 's3/storage-classes', 'cost', false, 1],
  ['q4', 's3', 's3/storage-classes', 'cost', false, 1, true],
  ['q5', 's3', 's3/replication', 'resilient', true, 70],
];

function answer([questionId, bank, topic, domain, correct, daysAgo, wasDue]: Given): AnswerRecord {
  return { sessionId: null, questionId, bank, topic, domain, selected: [0], correct, timeMs: 1000, answeredAt: at(daysAgo), wasDue: wasDue ?? false };
}

function storeWith(history: Given[], path = join(tempDir(), 'q.db')): Store {
  const store = openStore(path);
  for (const g of history) recordAnswer(store, answer(g));
  return store;
}

/** What the triggers should have summed, worked out answer by answer. */
function expected(history: Given[], fromDay: string | null = null) {
  const by = new Map<string, { attempts: number; correct: number; decayedAttempts: number; decayedCorrect: number; lastDay: string }>();
  for (const [, , topic, , correct, daysAgo] of history) {
    const day = addDays(TODAY, -daysAgo);
    if (fromDay && day < fromDay) continue;
    const e = by.get(topic) ?? { attempts: 0, correct: 0, decayedAttempts: 0, decayedCorrect: 0, lastDay: '' };
    const w = decayWeight(daysBetween(day, TODAY));
    e.attempts++;
    e.decayedAttempts += w;
    if (correct) {
      e.correct++;
      e.decayedCorrect += w;
    }
    if (day > e.lastDay) e.lastDay = day;
    by.set(topic, e);
  }
  return by;
}

function expectTotals(rows: TopicTotals[], want: ReturnType<typeof expected>) {
  expect(rows.map((r) => r.topic).sort()).toEqual([...want.keys()].sort());
  for (const r of rows) {
    const w = want.get(r.topic)!;
    expect(r.attempts, r.topic).toBe(w.attempts);
    expect(r.correct, r.topic).toBe(w.correct);
    expect(r.lastDay, r.topic).toBe(w.lastDay);
    expect(r.decayedAttempts, r.topic).toBeCloseTo(w.decayedAttempts, 9);
    expect(r.decayedCorrect, r.topic).toBeCloseTo(w.decayedCorrect, 9);
  }
}

describe('topic totals', () => {
  it('keeps decayed counts that match the half-life formula, whatever order answers arrive in', () => {
    const inOrder = storeWith(HISTORY);
    expectTotals(stats.topicTotals(inOrder, { fromDay: null, banks: null }, TODAY, 30), expected(HISTORY));
    const shuffled = storeWith([...HISTORY].reverse());
    expectTotals(stats.topicTotals(shuffled, { fromDay: null, banks: null }, TODAY, 30), expected(HISTORY));
    inOrder.close();
    shuffled.close();
  });

  it('sums a period from the daily rows, with the same decay', () => {
    const store = storeWith(HISTORY);
    const from = addDays(TODAY, -6);
    expectTotals(stats.topicTotals(store, { fromDay: from, banks: null }, TODAY, 30), expected(HISTORY, from));
    // All time through the daily rows agrees with the all-time roll-up.
    const viaDays = stats.topicTotals(store, { fromDay: '0000-00-00', banks: null }, TODAY, 30);
    expectTotals(viaDays, expected(HISTORY));
    store.close();
  });

  it('filters by bank, and counts retention from scheduled reviews', () => {
    const store = storeWith(HISTORY);
    const rows = stats.topicTotals(store, { fromDay: null, banks: ['s3'] }, TODAY, 30);
    expect(rows.map((r) => r.topic).sort()).toEqual(['s3/replication', 's3/storage-classes']);
    const all = stats.topicTotals(store, { fromDay: null, banks: null }, TODAY, 30);
    expect(all.reduce((s, r) => s + r.dueAttempts, 0)).toBe(3);
    expect(all.reduce((s, r) => s + r.dueCorrect, 0)).toBe(1);
    store.close();
  });
});

describe('study days and activity', () => {
  it('lists each study day once, with or without a bank filter', () => {
    const store = storeWith(HISTORY);
    const days = [70, 40, 10, 3, 2, 1, 0].map((d) => addDays(TODAY, -d));
    expect(stats.studyDays(store, null)).toEqual(days);
    expect(stats.studyDays(store, ['s3'])).toEqual([addDays(TODAY, -70), addDays(TODAY, -1)]);
    expect(stats.dailyActivity(store, addDays(TODAY, -2), null)).toEqual([
      { day: addDays(TODAY, -2), attempts: 1, correct: 1 },
      { day: addDays(TODAY, -1), attempts: 2, correct: 0 },
      { day: TODAY, attempts: 1, correct: 0 },
    ]);
    expect(stats.dailyActivity(store, addDays(TODAY, -2), ['vpc'])).toEqual([
      { day: addDays(TODAY, -2), attempts: 1, correct: 1 },
      { day: TODAY, attempts: 1, correct: 0 },
    ]);
    store.close();
  });
});

describe('reviews and leeches', () => {
  function withCards(): Store {
    const store = storeWith(HISTORY);
    const card = (id: string, dueMs: number, lapses: number) => {
      const c = { ...nextCard(undefined, Rating.Good, new Date(at(1))), due: new Date(dueMs), lapses };
      const g = HISTORY.find((h) => h[0] === id)!;
      recordAnswer(store, answer([g[0], g[1], g[2], g[3], true, 0]), { questionId: id, card: c, cardJson: serializeCard(c) });
    };
    card('q1', at(3), 4); // overdue: counted on today
    card('q2', at(0, 20), 0); // later today
    card('q3', at(-1), 6); // tomorrow
    card('q4', at(-7), 1); // a week from now
    card('q5', at(-8), 0); // beyond the forecast
    return store;
  }

  it('counts what is due now, by day, and never past the forecast', () => {
    const store = withCards();
    const now = at(0, 13);
    expect(stats.dueNow(store, now, null)).toBe(1);
    const byDay = stats.dueByDay(store, TODAY, dayStartMs(TODAY), dayStartMs(addDays(TODAY, 8)), null);
    expect(Object.fromEntries(byDay.map((r) => [r.day, r.due]))).toEqual({ [TODAY]: 2, [addDays(TODAY, 1)]: 1, [addDays(TODAY, 7)]: 1 });
    expect(stats.dueByDay(store, TODAY, dayStartMs(TODAY), dayStartMs(addDays(TODAY, 8)), ['s3'])).toEqual([{ day: addDays(TODAY, 7), due: 1 }]);
    store.close();
  });

  it('lists questions forgotten 4 times or more, most first', () => {
    const store = withCards();
    expect(stats.leeches(store, 4, null).map((l) => [l.id, l.lapses, l.topic, l.bank])).toEqual([
      ['q3', 6, 'vpc/peering', 'vpc'],
      ['q1', 4, 'vpc/endpoints', 'vpc'],
    ]);
    expect(stats.leeches(store, 4, ['s3'])).toEqual([]);
    store.close();
  });
});

describe('exams and coverage', () => {
  it('reads finished exams in the period, oldest first', () => {
    const store = storeWith([]);
    const exam = (daysAgo: number, state: 'finished' | 'abandoned' | null) => {
      const id = createSession(store, { kind: 'exam', blueprint: 'saa', startedAt: at(daysAgo), questions: [] });
      if (state) endSession(store, id, { endedAt: at(daysAgo, 14), timeUsedMs: 7_000_000, state, result: { correct: 50, total: 65 } });
      return id;
    };
    const old = exam(20, 'finished');
    exam(5, 'abandoned');
    exam(4, null);
    const recent = exam(2, 'finished');
    expect(stats.finishedExams(store, null).map((e) => e.id)).toEqual([old, recent]);
    // Numbered among all exams, abandoned and unfinished ones too, as `exam --list` numbers them.
    expect(stats.finishedExams(store, null).map((e) => e.number)).toEqual([1, 4]);
    expect(stats.finishedExams(store, dayStartMs(addDays(TODAY, -6)))).toEqual([
      { id: recent, number: 4, blueprint: 'saa', startedAt: at(2), timeUsedMs: 7_000_000, timeLimitMs: null, result: '{"correct":50,"total":65}' },
    ]);
    store.close();
  });

  it('knows which questions and banks have answers', () => {
    const store = storeWith(HISTORY);
    expect(stats.seenQuestionIds(store, null).sort()).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    expect(stats.seenQuestionIds(store, ['s3']).sort()).toEqual(['q4', 'q5']);
    expect(stats.answeredBanks(store)).toEqual(['s3', 'vpc']);
    expect(stats.hasAnswers(store, ['vpc'])).toBe(true);
    expect(stats.hasAnswers(store, ['ec2'])).toBe(false);
    store.close();
  });
});

describe('a database from before the statistics roll-ups', () => {
  /** Schema version 1 only, with the history written by its own trigger. */
  function oldDatabase(): string {
    const path = join(tempDir(), 'old.db');
    const db = new Database(path);
    db.exec(MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    // Answers written through the version-1 schema, as an older aws-quiz would have.
    const insert = db.prepare(
      `INSERT INTO answers (session_id, question_id, bank, topic, domain, selected, correct, time_ms, flagged, answered_at, was_due) VALUES (NULL, ?, ?, ?, ?, '[0]', ?, 1000, 0, ?, ?)`,
    );
    for (const [q, bank, topic, domain, correct, daysAgo, wasDue] of HISTORY) insert.run(q, bank, topic, domain, correct ? 1 : 0, at(daysAgo), wasDue ? 1 : 0);
    db.close();
    return path;
  }

  it('is read as it is, without being changed, when opened read-only', () => {
    const path = oldDatabase();
    const store = openStore(path, { readonly: true });
    expect(stats.schemaVersion(store)).toBe(1);
    expectTotals(stats.topicTotals(store, { fromDay: null, banks: null }, TODAY, 30), expected(HISTORY));
    expect(stats.studyDays(store, null)).toHaveLength(7);
    store.close();
  });

  it('gets roll-ups equal to the ones the triggers keep when it is migrated', () => {
    const path = oldDatabase();
    const migrated = openStore(path);
    expect(stats.schemaVersion(migrated)).toBe(MIGRATIONS.length);
    // The backfill takes the newest answer's day as the reference; read as of that day.
    const newest = localDay(at(0));
    expectTotals(stats.topicTotals(migrated, { fromDay: null, banks: null }, newest, 30), expected(HISTORY));
    const viaTriggers = storeWith(HISTORY);
    expect(stats.studyDays(migrated, null)).toEqual(stats.studyDays(viaTriggers, null));
    expect(stats.dailyActivity(migrated, '0000-00-00', null)).toEqual(stats.dailyActivity(viaTriggers, '0000-00-00', null));
    // Every count the backfill writes, the review (due) columns and per-day totals included.
    const rows = (store: Store, sql: string) => store.db.prepare(sql).all();
    const dailyTotals = 'SELECT day, attempts, correct, time_ms FROM daily_total ORDER BY day';
    const topicCounts = 'SELECT bank, topic, domain, attempts, correct, time_ms, due_attempts, due_correct, last_day FROM topic_summary ORDER BY bank, topic';
    expect(rows(viaTriggers, dailyTotals)).toHaveLength(7);
    expect(rows(viaTriggers, 'SELECT sum(due_attempts) AS n, sum(due_correct) AS c FROM topic_summary')).toEqual([{ n: 3, c: 1 }]);
    expect(rows(migrated, dailyTotals)).toEqual(rows(viaTriggers, dailyTotals));
    expect(rows(migrated, topicCounts)).toEqual(rows(viaTriggers, topicCounts));
    viaTriggers.close();
    migrated.close();
  });
});
