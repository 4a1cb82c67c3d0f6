import type { DayCount, ExamRow, LeechRow, TopicTotals } from '../quiz/stats.js';
import type { Store } from './open.js';
import { readStore } from './open.js';
import { EXAM_NUMBER_SQL } from './exam-number.js';

// Statistics read the roll-up tables (daily_topic, daily_total, topic_summary, question_summary) that the
// answer triggers keep, never the answers themselves: every query here touches at most a
// few thousand rows, however long the history.

export interface StatsScope {
  /** First local day counted, or null for all time. */
  fromDay: string | null;
  /** Only these banks, or all when null. */
  banks: string[] | null;
}

/** ` AND column IN (?, …)` and its values for a bank filter; nothing for all banks. */
export const inList = (column: string, banks: readonly string[] | null): [string, readonly string[]] =>
  banks ? [` AND ${column} IN (${banks.map(() => '?').join(', ')})`, banks] : ['', []];

/** 0 for a file no aws-quiz has written to yet; such a file has no tables to read. */
export function schemaVersion(store: Store): number {
  return readStore(store, () => store.db.pragma('user_version', { simple: true }) as number);
}

const tables = new WeakMap<Store, Set<string>>();

/** The all-time roll-ups came with a later schema version than daily_topic; an older file lacks them. */
function hasTable(store: Store, name: string): boolean {
  let names = tables.get(store);
  if (!names) {
    names = new Set(readStore(store, () => store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]));
    tables.set(store, names);
  }
  return names.has(name);
}

/** The latest local day anything was answered on, as stored; undefined before the first answer. */
export function latestStudyDay(store: Store): string | undefined {
  const table = hasTable(store, 'daily_total') ? 'daily_total' : 'daily_topic';
  return readStore(store, () => (store.db.prepare(`SELECT max(day) FROM ${table}`).pluck().get() as string | null) ?? undefined);
}

const lastDays = new WeakMap<Store, boolean>();

/**
 * Whether a table has a column: statistics read a database without migrating it, so a file
 * written by an older version may lack the newer columns.
 */
export function hasColumn(store: Store, table: string, column: string): boolean {
  return readStore(store, () => store.db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column) !== undefined);
}

function hasLastDay(store: Store): boolean {
  let found = lastDays.get(store);
  if (found === undefined) {
    found = hasColumn(store, 'question_summary', 'last_day');
    lastDays.set(store, found);
  }
  return found;
}

export function hasAnswers(store: Store, banks: string[] | null): boolean {
  const [bankSql, params] = inList('bank', banks);
  return readStore(store, () => store.db.prepare(`SELECT 1 FROM question_summary WHERE 1${bankSql} LIMIT 1`).get(...params) !== undefined);
}

/** Bank names that have answers. */
export function answeredBanks(store: Store): string[] {
  return readStore(store, () => store.db.prepare('SELECT DISTINCT bank FROM question_summary ORDER BY bank').pluck().all() as string[]);
}

/**
 * Totals per (bank, topic, domain), with counts decayed by `halfLifeDays` as of `today`.
 * All time comes from topic_summary (one row per topic); a period sums daily_topic from
 * its first day, which the primary key (day first) reads as one range.
 */
export function topicTotals(store: Store, scope: StatsScope, today: string, halfLifeDays: number): TopicTotals[] {
  const [bankSql, params] = inList('bank', scope.banks);
  const cols = `bank, topic, domain, attempts, correct, time_ms AS timeMs, due_attempts AS dueAttempts, due_correct AS dueCorrect, last_day AS lastDay`;
  // topic_summary is kept with a 30-day half-life; any other asks for the daily rows.
  if (scope.fromDay === null && halfLifeDays === 30 && hasTable(store, 'topic_summary')) {
    return readStore(
      store,
      () =>
        store.db
          .prepare(
            `SELECT ${cols},
                    decayed_attempts * pow(0.5, max(0, julianday(?) - julianday(decay_day)) / 30.0) AS decayedAttempts,
                    decayed_correct * pow(0.5, max(0, julianday(?) - julianday(decay_day)) / 30.0) AS decayedCorrect
             FROM topic_summary WHERE 1${bankSql}`,
          )
          .all(today, today, ...params) as TopicTotals[],
    );
  }
  return readStore(store, () =>
    store.db
      .prepare(
        `SELECT ${cols}, decayedAttempts, decayedCorrect FROM (
           SELECT bank, topic, domain, sum(attempts) AS attempts, sum(correct) AS correct, sum(time_ms) AS time_ms,
                  sum(due_attempts) AS due_attempts, sum(due_correct) AS due_correct, max(day) AS last_day,
                  sum(attempts * w) AS decayedAttempts, sum(correct * w) AS decayedCorrect
           FROM (SELECT *, pow(0.5, max(0, julianday(?) - julianday(day)) / ?) AS w FROM daily_topic WHERE day >= ?${bankSql})
           GROUP BY bank, topic, domain)`,
      )
      .all(today, halfLifeDays, scope.fromDay ?? '', ...params) as TopicTotals[],
  );
}
/** Every distinct study day, ascending. */
export function studyDays(store: Store, banks: string[] | null): string[] {
  if (!banks && hasTable(store, 'daily_total')) {
    return readStore(store, () => store.db.prepare('SELECT day FROM daily_total ORDER BY day').pluck().all() as string[]);
  }
  // Each step seeks the next day in daily_topic's primary key: one lookup per study day
  // rather than a scan of every (day, topic) row.
  const [bankSql, params] = inList('bank', banks);
  return readStore(
    store,
    () =>
      store.db
        .prepare(
          `WITH RECURSIVE d(day) AS (
             SELECT (SELECT min(day) FROM daily_topic WHERE 1${bankSql})
             UNION ALL
             SELECT (SELECT min(day) FROM daily_topic WHERE day > d.day${bankSql}) FROM d WHERE d.day IS NOT NULL)
           SELECT day FROM d WHERE day IS NOT NULL`,
        )
        .pluck()
        .all(...params, ...params) as string[],
  );
}

/** Answers per day from `fromDay` on. */
export function dailyActivity(store: Store, fromDay: string, banks: string[] | null): DayCount[] {
  if (!banks && hasTable(store, 'daily_total')) {
    return readStore(store, () => store.db.prepare('SELECT day, attempts, correct FROM daily_total WHERE day >= ? ORDER BY day').all(fromDay) as DayCount[]);
  }
  const [bankSql, params] = inList('bank', banks);
  return readStore(
    store,
    () =>
      store.db
        .prepare(`SELECT day, sum(attempts) AS attempts, sum(correct) AS correct FROM daily_topic WHERE day >= ?${bankSql} GROUP BY day ORDER BY day`)
        .all(fromDay, ...params) as DayCount[],
  );
}

/** Finished exams started at or after `fromMs`, oldest first. */
export function finishedExams(store: Store, fromMs: number | null): ExamRow[] {
  return readStore(
    store,
    () =>
      store.db
        .prepare(
          `SELECT id, ${EXAM_NUMBER_SQL} AS number, blueprint, started_at AS startedAt, time_used_ms AS timeUsedMs, time_limit_ms AS timeLimitMs, result
           FROM sessions s WHERE kind = 'exam' AND state = 'finished' AND started_at >= ? ORDER BY started_at, id`,
        )
        .all(fromMs ?? 0) as ExamRow[],
  );
}

const reviewFrom = (banks: string[] | null) =>
  banks ? `review_state r JOIN question_summary q ON q.question_id = r.question_id AND q.bank IN (${banks.map(() => '?').join(', ')})` : 'review_state r';

/** Reviews due at `nowMs`. */
export function dueNow(store: Store, nowMs: number, banks: string[] | null): number {
  return readStore(store, () => store.db.prepare(`SELECT count(*) FROM ${reviewFrom(banks)} WHERE r.due <= ?`).pluck().get(...(banks ?? []), nowMs) as number);
}

/** Reviews due before `endMs`, by local day; everything overdue is counted on `today`. */
export function dueByDay(store: Store, today: string, todayStartMs: number, endMs: number, banks: string[] | null): { day: string; due: number }[] {
  return readStore(
    store,
    () =>
      store.db
        .prepare(
          `SELECT CASE WHEN r.due < ? THEN ? ELSE date(r.due / 1000, 'unixepoch', 'localtime') END AS day, count(*) AS due
           FROM ${reviewFrom(banks)} WHERE r.due < ? GROUP BY 1`,
        )
        .all(todayStartMs, today, ...(banks ?? []), endMs) as { day: string; due: number }[],
  );
}

/** Questions forgotten `minLapses` times or more, most lapses first. */
export function leeches(store: Store, minLapses: number, banks: string[] | null, limit = 100): LeechRow[] {
  const [bankSql, params] = inList('q.bank', banks);
  // The day as stored with the answer; a file from before that was stored has only the time.
  const lastDay = hasLastDay(store) ? 'q.last_day' : 'NULL';
  return readStore(
    store,
    () =>
      store.db
        .prepare(
          `SELECT r.question_id AS id, r.lapses, q.topic, q.bank, coalesce(q.attempts, 0) AS attempts, coalesce(q.wrong, 0) AS wrong, q.last_seen AS lastSeen, ${lastDay} AS lastDay
           FROM review_state r LEFT JOIN question_summary q ON q.question_id = r.question_id
           WHERE r.lapses >= ?${bankSql} ORDER BY r.lapses DESC, wrong DESC, r.question_id LIMIT ?`,
        )
        .all(minLapses, ...params, limit) as LeechRow[],
  );
}

/** Ids of every question ever answered (coverage is over all time). */
export function seenQuestionIds(store: Store, banks: string[] | null): string[] {
  const [bankSql, params] = inList('bank', banks);
  return readStore(store, () => store.db.prepare(`SELECT question_id FROM question_summary WHERE 1${bankSql}`).pluck().all(...params) as string[]);
}

/** Crammed answers in the period (from `fromDay`, or all time), for the overview: activity that moved no review. Only for a file with the column (hasColumn). */
export function cramAnswers(store: Store, fromDay: string | null, banks: string[] | null): number {
  const [bankSql, params] = inList('bank', banks);
  return readStore(store, () => store.db.prepare(`SELECT count(*) FROM answers WHERE cram = 1 AND day >= ?${bankSql}`).pluck().get(fromDay ?? '', ...params) as number);
}
