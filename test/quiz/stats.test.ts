import { describe, expect, it } from 'vitest';
import {
  activitySeries,
  addDays,
  buildReport,
  dayNumber,
  daysBetween,
  decayWeight,
  domainTotals,
  examStat,
  forecast,
  MIN_ATTEMPTS,
  parseSince,
  PRIOR_STRENGTH,
  rankTopics,
  smoothedAccuracy,
  streaks,
  type StatsInput,
  type TopicTotals,
} from '../../src/quiz/stats.js';

const TODAY = '2026-03-15';

/** A topic row with undecayed counts unless given. */
function row(topic: string, attempts: number, correct: number, over: Partial<TopicTotals> = {}): TopicTotals {
  return {
    bank: topic.split('/')[0]!,
    topic,
    domain: 'secure',
    attempts,
    correct,
    timeMs: attempts * 1000,
    dueAttempts: 0,
    dueCorrect: 0,
    lastDay: TODAY,
    decayedAttempts: attempts,
    decayedCorrect: correct,
    ...over,
  };
}

describe('calendar days', () => {
  it('counts days across months, leap days and years', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});

describe('parseSince', () => {
  it('reads all, days, weeks and past dates', () => {
    expect(parseSince('all', TODAY)).toEqual({ since: 'all', fromDay: null, toDay: TODAY });
    expect(parseSince('7d', TODAY)?.fromDay).toBe('2026-03-09');
    expect(parseSince('1d', TODAY)?.fromDay).toBe(TODAY);
    expect(parseSince('30d', TODAY)?.fromDay).toBe('2026-02-14');
    expect(parseSince('2w', TODAY)?.fromDay).toBe('2026-03-02');
    expect(parseSince('2026-01-05', TODAY)?.fromDay).toBe('2026-01-05');
    // Today itself, any case and surrounding spaces, and up to a hundred years.
    expect(parseSince(TODAY, TODAY)?.fromDay).toBe(TODAY);
    expect(parseSince(' 7D ', TODAY)).toEqual({ since: '7d', fromDay: '2026-03-09', toDay: TODAY });
    expect(parseSince('ALL', TODAY)?.fromDay).toBeNull();
    expect(parseSince('36500d', TODAY)).toBeDefined();
    expect(parseSince('36501d', TODAY)).toBeUndefined();
  });

  it('refuses anything else', () => {
    for (const bad of ['', '7', 'd', '0d', '-3d', '7days', 'week', '2026-02-30', '2026-03-16', '15/03/2026', 'all time']) {
      expect(parseSince(bad, TODAY), bad).toBeUndefined();
    }
  });
});

describe('smoothed accuracy', () => {
  it('halves the weight of an answer every 30 days', () => {
    expect(decayWeight(0)).toBe(1);
    expect(decayWeight(30)).toBeCloseTo(0.5, 12);
    expect(decayWeight(90)).toBeCloseTo(0.125, 12);
  });

  it('is the Beta posterior mean around the overall accuracy', () => {
    // (c + k·p0) / (n + k) with k = 5
    expect(PRIOR_STRENGTH).toBe(5);
    expect(smoothedAccuracy(0, 0, 0.7)).toBeCloseTo(0.7);
    expect(smoothedAccuracy(0, 1, 0.7)).toBeCloseTo(3.5 / 6);
    expect(smoothedAccuracy(10, 20, 0.7)).toBeCloseTo(13.5 / 25);
  });
});

describe('rankTopics', () => {
  it('ranks a topic missed often ahead of one missed once', () => {
    const r = rankTopics([row('a/once', 5, 4), row('b/often', 40, 20), row('c/good', 40, 38)]);
    expect(r.ranked.map((t) => t.topic)).toEqual(['b/often', 'a/once', 'c/good']);
    // p0 = 62 / 85
    expect(r.priorMean).toBeCloseTo(62 / 85);
    expect(r.ranked[0]!.smoothed).toBeCloseTo((20 + 5 * (62 / 85)) / 45);
    expect(r.ranked[0]!.command).toBe('aws-quiz practice --topic b/often');
  });

  it('measures topics against the overall accuracy with the same decay, not the raw share', () => {
    // Raw: 30 right of 50 (0.6). Decayed: the old misses count for less, 20 of 25 (0.8).
    const r = rankTopics([row('a/old-misses', 30, 10, { decayedAttempts: 5, decayedCorrect: 0 }), row('b/recent', 20, 20)]);
    expect(r.priorMean).toBeCloseTo(20 / 25, 12);
    expect(r.ranked.find((t) => t.topic === 'a/old-misses')!.smoothed).toBeCloseTo((0 + 5 * 0.8) / (5 + 5), 12);
  });

  it('ranks equal estimates by the number of answers, most first', () => {
    // Overall 15 of 30; both topics sit exactly at it, so their estimates are equal (0.5).
    const r = rankTopics([row('a/fewer', 10, 5), row('b/more', 20, 10)]);
    expect(r.ranked.map((t) => [t.topic, t.smoothed])).toEqual([
      ['b/more', 0.5],
      ['a/fewer', 0.5],
    ]);
  });

  it('lets recent answers outweigh old ones', () => {
    // Same raw counts; the recently-wrong topic has its wrong answers weighted up.
    const recentWrong = row('x/recent-wrong', 20, 10, { decayedAttempts: 12, decayedCorrect: 2 });
    const oldWrong = row('y/old-wrong', 20, 10, { decayedAttempts: 12, decayedCorrect: 10 });
    expect(rankTopics([oldWrong, recentWrong]).ranked.map((t) => t.topic)).toEqual(['x/recent-wrong', 'y/old-wrong']);
  });

  it('lists topics with fewer than MIN_ATTEMPTS answers apart', () => {
    const r = rankTopics([row('a/one', 1, 0), row('b/four', MIN_ATTEMPTS - 1, 1), row('c/enough', MIN_ATTEMPTS, 1)]);
    expect(r.ranked.map((t) => t.topic)).toEqual(['c/enough']);
    expect(r.fewAttempts.map((t) => [t.topic, t.attempts])).toEqual([
      ['b/four', 4],
      ['a/one', 1],
    ]);
  });

  it('adds up a topic found in two banks and names the bank with most answers', () => {
    const r = rankTopics([row('vpc/x', 3, 1, { bank: 'old', lastDay: '2026-01-01' }), row('vpc/x', 7, 7, { bank: 'new', domain: 'cost', lastDay: '2026-03-01' })]);
    expect(r.ranked).toHaveLength(1);
    expect(r.ranked[0]).toMatchObject({ topic: 'vpc/x', bank: 'new', domain: 'cost', attempts: 10, correct: 8, accuracy: 0.8, lastSeen: '2026-03-01' });
    // The same rows the other way round: the latest day and the bank with most answers still win.
    const reversed = rankTopics([row('vpc/x', 7, 7, { bank: 'new', domain: 'cost', lastDay: '2026-03-01' }), row('vpc/x', 3, 1, { bank: 'old', lastDay: '2026-01-01' })]);
    expect(reversed.ranked[0]).toMatchObject({ bank: 'new', domain: 'cost', attempts: 10, lastSeen: '2026-03-01' });
  });
});

describe('domainTotals', () => {
  it('lists every blueprint domain, answered or not', () => {
    const d = domainTotals([row('a/x', 10, 5, { domain: 'cost' }), row('b/y', 4, 4, { domain: 'cost' }), row('c/z', 2, 1, { domain: 'secure' })]);
    expect(d).toEqual([
      { domain: 'secure', attempts: 2, correct: 1, accuracy: 0.5 },
      { domain: 'resilient', attempts: 0, correct: 0, accuracy: null },
      { domain: 'performant', attempts: 0, correct: 0, accuracy: null },
      { domain: 'cost', attempts: 14, correct: 9, accuracy: 9 / 14 },
    ]);
  });
});

describe('streaks', () => {
  it('counts the run ending today, or yesterday while today is open', () => {
    const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-10', '2026-03-13', '2026-03-14'];
    expect(streaks(days, '2026-03-14')).toEqual({ current: 2, best: 3 });
    expect(streaks(days, '2026-03-15')).toEqual({ current: 2, best: 3 });
    expect(streaks(days, '2026-03-16')).toEqual({ current: 0, best: 3 });
    expect(streaks([], TODAY)).toEqual({ current: 0, best: 0 });
    expect(streaks(['2025-12-31', '2026-01-01'], '2026-01-01')).toEqual({ current: 2, best: 2 });
  });
});

describe('activitySeries', () => {
  it('fills days without answers with zero', () => {
    expect(activitySeries([{ day: '2026-03-14', attempts: 3, correct: 2 }], '2026-03-13', '2026-03-15')).toEqual([
      { day: '2026-03-13', attempts: 0, correct: 0 },
      { day: '2026-03-14', attempts: 3, correct: 2 },
      { day: '2026-03-15', attempts: 0, correct: 0 },
    ]);
  });
});

describe('examStat', () => {
  const base = { id: 1, blueprint: 'saa', startedAt: new Date(2026, 2, 1, 10).getTime(), timeUsedMs: 60_000, timeLimitMs: 7_800_000 };

  it('reads the result the exam writes', () => {
    const result = { total: 65, answered: 64, correct: 52, percent: 80, scaled: 820, passMark: 720, passed: true, timeUsedMs: 5_000_000, timeLimitMs: 7_800_000 };
    expect(examStat({ ...base, result: JSON.stringify(result) })).toEqual({
      id: 1,
      number: 1,
      date: '2026-03-01',
      startedAt: base.startedAt,
      blueprint: 'saa',
      correct: 52,
      total: 65,
      percent: 80,
      scaled: 820,
      passMark: 720,
      passed: true,
      timeUsedMs: 5_000_000,
      timeLimitMs: 7_800_000,
    });
  });

  it('still gives a row for a partial or damaged result', () => {
    expect(examStat({ ...base, result: '{"correct": 13, "total": 20}' })).toMatchObject({ percent: 65, scaled: null, passed: null, timeUsedMs: 60_000 });
    expect(examStat({ ...base, result: 'not json' })).toMatchObject({ correct: null, percent: null, blueprint: 'saa' });
    expect(examStat({ ...base, result: null })).toMatchObject({ correct: null, timeLimitMs: 7_800_000 });
  });
});

describe('forecast', () => {
  it('counts overdue reviews on today and lists the next seven days', () => {
    const f = forecast(4, [
      { day: TODAY, due: 6 },
      { day: '2026-03-16', due: 2 },
      { day: '2026-03-22', due: 1 },
    ], TODAY);
    expect(f.dueNow).toBe(4);
    expect(f.dueToday).toBe(6);
    expect(f.next.map((d) => d.due)).toEqual([2, 0, 0, 0, 0, 0, 1]);
    expect(f.next[0]!.day).toBe('2026-03-16');
  });
});

describe('buildReport', () => {
  const input = (over: Partial<StatsInput> = {}): StatsInput => ({
    today: TODAY,
    period: { since: 'all', fromDay: null, toDay: TODAY },
    banks: null,
    topics: [row('vpc/a', 10, 6, { dueAttempts: 4, dueCorrect: 3 }), row('s3/b', 2, 2, { domain: 'cost' })],
    studyDays: ['2026-03-13', '2026-03-14', '2026-03-15'],
    activity: [],
    activityFrom: '2026-03-14',
    exams: [],
    dueNow: 1,
    dueByDay: [],
    leeches: [{ id: 'q2', lapses: 5, topic: 'vpc/a', bank: 'vpc', attempts: 9, wrong: 6, lastSeen: new Date(2026, 2, 14, 9).getTime() }],
    seenIds: ['q1', 'q2', 'gone'],
    bankFacts: {
      questions: [
        { id: 'q1', topic: 'vpc/a', source: 'n.txt#a' },
        { id: 'q2', topic: 'vpc/a', source: 'n.txt#b' },
        { id: 'q3', topic: 'ec2/c', source: 'n.txt#c' },
        { id: 'q4', topic: 'ec2/c', source: 'n.txt#c' },
      ],
    },
    ...over,
  });

  it('adds up the overview, retention and coverage over questions still in the banks', () => {
    const r = buildReport(input());
    expect(r.overview).toEqual({
      answered: 12,
      correct: 8,
      accuracy: 8 / 12,
      studyTimeMs: 12_000,
      daysStudied: 3,
      streak: { current: 3, best: 3 },
      coverage: { seen: 2, total: 4, ratio: 0.5 },
      cram: 0,
    });
    expect(r.reviews.retention).toEqual({ reviews: 4, correct: 3, rate: 0.75 });
    expect(r.topics.untried).toEqual(['ec2/c']);
    expect(r.leeches[0]).toMatchObject({ id: 'q2', source: 'n.txt#b', lastSeen: '2026-03-14' });
    expect(r.activity.map((d) => d.day)).toEqual(['2026-03-14', '2026-03-15']);
  });

  it('counts study days inside the period only, the streak over all of them', () => {
    const r = buildReport(input({ period: { since: '1d', fromDay: TODAY, toDay: TODAY } }));
    expect(r.overview.daysStudied).toBe(1);
    expect(r.overview.streak.current).toBe(3);
  });

  it('leaves coverage out when the banks were not read', () => {
    const r = buildReport(input({ bankFacts: null }));
    expect(r.overview.coverage).toBeNull();
    expect(r.topics.untried).toBeNull();
    expect(r.leeches[0]!.source).toBeNull();
  });
});
