import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/bank/cache.js';
import { seededRandom } from '../../src/quiz/random.js';
import { applyFilters, matchesTopic, replayDraw, selectQuestions, weakTopics, type Focus, type LearnerState, type QuestionHistory } from '../../src/quiz/select.js';
import { daysBetween } from '../../src/quiz/days.js';
import { decayWeight, rankTopics, topicStandings, type TopicTotals } from '../../src/quiz/topics.js';

/** A topic's answers, all given on `day`, as the store totals them on `today`. */
function statsRow(topic: string, attempts: number, correct: number, day: string, today = day): TopicTotals {
  const w = decayWeight(daysBetween(day, today));
  return { bank: topic.split('/')[0]!, topic, domain: 'secure', attempts, correct, timeMs: 0, dueAttempts: 0, dueCorrect: 0, lastDay: day, decayedAttempts: attempts * w, decayedCorrect: correct * w };
}

const NOW = Date.UTC(2025, 0, 15, 9, 0, 0);
const HOUR = 3_600_000;

function q(id: string, bank: string, topic: string, choices = 4): QuizQuestion {
  return {
    id,
    bank,
    topic,
    domain: 'secure',
    type: 'single',
    question: `${id}?`,
    choices: Array.from({ length: choices }, (_, i) => ({ text: `${id}-${i}`, correct: i === 0 })),
    source: 'note.txt#s',
  };
}

const QUESTIONS = [
  q('vpc-1', 'vpc', 'vpc/endpoints'),
  q('vpc-2', 'vpc', 'vpc/endpoints'),
  q('vpc-3', 'vpc', 'vpc/peering'),
  q('vpc-4', 'vpc', 'vpc/peering'),
  q('vpcx-1', 'vpc', 'vpcx/other'),
  q('s3-1', 's3', 's3/basics', 3),
  q('s3-2', 's3', 's3/basics', 3),
  q('s3-3', 's3', 's3/storage-classes', 5),
  q('s3-4', 's3', 's3/storage-classes', 5),
  q('iam-1', 'iam', 'iam/policies'),
];

const seen = (lastCorrect: boolean, lastSeen = NOW - 48 * HOUR, attempts = 1): QuestionHistory => ({ attempts, correct: lastCorrect ? attempts : 0, lastCorrect, lastSeen });

/**
 * A learner who has: two reviews due (s3-1 overdue longest, vpc-3), one not yet due (iam-1),
 * got vpc/peering wrong mostly and s3/storage-classes wrong once, and never seen vpc-1, vpc-2, vpcx-1.
 */
function learner(): LearnerState {
  return {
    history: new Map([
      ['s3-1', seen(true, NOW - 96 * HOUR)],
      ['s3-2', seen(true)],
      ['vpc-3', seen(false, NOW - 24 * HOUR)],
      ['vpc-4', seen(false, NOW - 2 * HOUR)],
      ['s3-3', seen(false, NOW - 30 * HOUR)],
      ['s3-4', seen(true)],
      ['iam-1', seen(true)],
    ]),
    due: new Map([
      ['s3-1', NOW - 48 * HOUR],
      ['vpc-3', NOW - HOUR],
      ['vpc-4', NOW + HOUR],
      ['s3-2', NOW + 24 * HOUR],
      ['s3-3', NOW + 2 * HOUR],
      ['s3-4', NOW + 72 * HOUR],
      ['iam-1', NOW + 5 * 24 * HOUR],
    ]),
    topics: new Map([
      ['vpc/peering', { attempts: 8, estimate: 0.3 }],
      ['s3/storage-classes', { attempts: 5, estimate: 0.55 }],
      ['s3/basics', { attempts: 10, estimate: 0.88 }],
      ['iam/policies', { attempts: 3, estimate: 0.8 }],
    ]),
  };
}

const draw = (focus: Focus, count = 10, seed = 'seed-1', extra: { banks?: string[]; topics?: string[] } = {}) =>
  selectQuestions(QUESTIONS, learner(), { count, focus, now: NOW, random: seededRandom(seed), ...extra });
const ids = (d: ReturnType<typeof draw>) => d.map((x) => x.question.id);

describe('filters', () => {
  it('takes a topic and every topic under it, but not topics that merely start alike', () => {
    expect(matchesTopic('vpc/endpoints', 'vpc')).toBe(true);
    expect(matchesTopic('vpc/endpoints', 'vpc/')).toBe(true);
    expect(matchesTopic('vpc/endpoints', 'vpc/endpoints')).toBe(true);
    expect(matchesTopic('vpcx/other', 'vpc')).toBe(false);
    expect(matchesTopic('vpc/endpoints', 'vpc/end')).toBe(false);
  });

  it('combines banks and topics', () => {
    expect(applyFilters(QUESTIONS, { banks: ['s3'] }).map((x) => x.id)).toEqual(['s3-1', 's3-2', 's3-3', 's3-4']);
    expect(applyFilters(QUESTIONS, { topics: ['vpc/', 'iam'] }).map((x) => x.id)).toEqual(['vpc-1', 'vpc-2', 'vpc-3', 'vpc-4', 'iam-1']);
    expect(applyFilters(QUESTIONS, { banks: ['s3'], topics: ['vpc'] })).toEqual([]);
  });
});

describe('weak topics', () => {
  it('ranks topics below 75% weakest first, only those with the 5 answers stats needs to judge them', () => {
    expect(weakTopics(learner().topics)).toEqual(['vpc/peering', 's3/storage-classes']);
    // Below 75 % on 4 answers: stats lists it as too few to judge, and so does practice.
    const fewer = new Map([...learner().topics, ['s3/storage-classes', { attempts: 4, estimate: 0.55 }]]);
    expect(weakTopics(fewer)).toEqual(['vpc/peering']);
  });

  it('calls a topic weak only below 75 %, and ties go to the topic with more answers', () => {
    const standings = new Map([
      ['a/at-the-mark', { attempts: 20, estimate: 0.75 }],
      ['b/just-below', { attempts: 20, estimate: 0.7499 }],
      ['c/few', { attempts: 5, estimate: 0.5 }],
      ['d/many', { attempts: 30, estimate: 0.5 }],
      ['e/above', { attempts: 20, estimate: 0.76 }],
    ]);
    expect(weakTopics(standings)).toEqual(['d/many', 'c/few', 'b/just-below']);
  });

  it('ranks by the estimate stats uses: one wrong answer is not weaker than many, an old miss weighs less', () => {
    const today = '2026-03-15';
    const rows = [
      statsRow('a/once-wrong', 1, 0, today),
      statsRow('b/mostly-wrong', 10, 2, today),
      statsRow('c/mostly-wrong-a-month-ago', 10, 2, '2026-02-13', today),
      statsRow('d/strong', 40, 38, today),
    ];
    const weak = weakTopics(topicStandings(rows));
    expect(weak).toEqual(['b/mostly-wrong', 'c/mostly-wrong-a-month-ago']);
    // Exactly the stats report's weak topics, in its order: one wrong answer is too few to judge.
    const ranked = rankTopics(rows).ranked.filter((s) => s.smoothed < 0.75).map((s) => s.topic);
    expect(ranked).toEqual(weak);
  });
});

describe('selectQuestions', () => {
  it('mixed: due reviews (most overdue first), then weak topics, then unseen, then ahead of schedule', () => {
    const d = draw('mixed');
    expect(ids(d).slice(0, 2)).toEqual(['s3-1', 'vpc-3']);
    expect(d.slice(0, 2).map((x) => x.reason)).toEqual(['due', 'due']);
    // weak: vpc/peering (vpc-4; vpc-3 already taken), then s3/storage-classes, wrong last time first
    expect(ids(d).slice(2, 5)).toEqual(['vpc-4', 's3-3', 's3-4']);
    expect(d.slice(2, 5).every((x) => x.reason === 'weak')).toBe(true);
    expect(new Set(ids(d).slice(5, 8))).toEqual(new Set(['vpc-1', 'vpc-2', 'vpcx-1']));
    expect(d.slice(5, 8).every((x) => x.reason === 'new')).toBe(true);
    expect(ids(d).slice(8)).toEqual(['s3-2', 'iam-1']);
    expect(d.slice(8).every((x) => x.reason === 'ahead')).toBe(true);
  });

  it('never asks the same question twice, and stops at the count', () => {
    for (const focus of ['mixed', 'due', 'weak', 'new', 'wrong'] as const) {
      for (const seed of ['a', 'b', 'c']) {
        const got = ids(draw(focus, 10, seed));
        expect(new Set(got).size, `${focus} ${seed}`).toBe(got.length);
      }
    }
    expect(draw('mixed', 3)).toHaveLength(3);
    expect(ids(draw('mixed', 3))).toEqual(['s3-1', 'vpc-3', 'vpc-4']);
  });

  it('due, weak, new and wrong take only their own kind', () => {
    expect(ids(draw('due'))).toEqual(['s3-1', 'vpc-3']);
    // one from each weak topic in turn, the weakest topic first; within a topic, wrong last time first
    const weak = draw('weak');
    expect(weak.map((x) => x.question.topic)).toEqual(['vpc/peering', 's3/storage-classes', 'vpc/peering', 's3/storage-classes']);
    expect(ids(weak)[1]).toBe('s3-3');
    expect(new Set(ids(draw('new')))).toEqual(new Set(['vpc-1', 'vpc-2', 'vpcx-1']));
    // wrong last time, the most recent miss first
    expect(ids(draw('wrong'))).toEqual(['vpc-4', 'vpc-3', 's3-3']);
  });

  it('counts a review due at this very moment as due, and practises ahead soonest due first', () => {
    const atDue = selectQuestions(QUESTIONS, learner(), { count: 10, focus: 'due', now: NOW + HOUR, random: seededRandom('x') });
    expect(atDue.find((x) => x.question.id === 'vpc-4')).toMatchObject({ reason: 'due', wasDue: true });
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const all = draw('mixed', 50, seed);
      const ahead = all.filter((x) => x.reason === 'ahead').map((x) => learner().due.get(x.question.id) ?? Infinity);
      expect(ahead.length).toBeGreaterThan(1);
      expect(ahead, seed).toEqual([...ahead].sort((a, b) => a - b));
      expect(new Set(all.map((x) => x.question.id)).size).toBe(QUESTIONS.length);
    }
  });

  it('follows the clock: a review falls due once its time has come', () => {
    const later = selectQuestions(QUESTIONS, learner(), { count: 10, focus: 'due', now: NOW + 3 * HOUR, random: seededRandom('x') });
    expect(later.map((x) => x.question.id)).toEqual(['s3-1', 'vpc-3', 'vpc-4', 's3-3']);
  });

  it('marks the questions that were due, for retention statistics', () => {
    const d = draw('mixed');
    expect(d.filter((x) => x.wasDue).map((x) => x.question.id).sort()).toEqual(['s3-1', 'vpc-3']);
  });

  it('applies bank and topic filters before choosing', () => {
    expect(ids(draw('mixed', 10, 's', { banks: ['s3'] })).sort()).toEqual(['s3-1', 's3-2', 's3-3', 's3-4']);
    expect(ids(draw('due', 10, 's', { topics: ['vpc'] }))).toEqual(['vpc-3']);
  });

  it('reproduces the draw and the choice orders from the seed, and varies with it', () => {
    const a = draw('new', 10, 'same');
    const b = draw('new', 10, 'same');
    expect(b.map((x) => [x.question.id, x.order])).toEqual(a.map((x) => [x.question.id, x.order]));
    const orders = new Set(['s1', 's2', 's3', 's4', 's5', 's6'].map((seed) => JSON.stringify(draw('new', 10, seed).map((x) => [x.question.id, x.order]))));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('gives every question a permutation of its own choices', () => {
    for (const d of draw('mixed')) expect([...d.order].sort()).toEqual(d.question.choices.map((_, i) => i));
  });

  it('draws nothing when nothing is of the asked kind', () => {
    const fresh: LearnerState = { history: new Map(), due: new Map(), topics: new Map() };
    for (const focus of ['due', 'weak', 'wrong'] as const) expect(selectQuestions(QUESTIONS, fresh, { count: 5, focus, now: NOW, random: seededRandom('z') })).toEqual([]);
    expect(selectQuestions(QUESTIONS, fresh, { count: 5, focus: 'mixed', now: NOW, random: seededRandom('z') }).every((x) => x.reason === 'new')).toBe(true);
  });
});

describe('replayDraw', () => {
  it('asks an earlier draw again in its order and choice order, leaving out questions gone or changed since', () => {
    const past = [
      { questionId: 's3-1', choiceOrder: [2, 0, 1] },
      { questionId: 'gone', choiceOrder: [0, 1, 2, 3] },
      { questionId: 'vpc-1', choiceOrder: [1, 0, 2] },
      { questionId: 'iam-1', choiceOrder: [2, 3, 1, 0] },
    ];
    const drawn = replayDraw(QUESTIONS, past, learner(), NOW);
    expect(drawn.map((d) => [d.question.id, d.order])).toEqual([
      ['s3-1', [2, 0, 1]],
      ['iam-1', [2, 3, 1, 0]],
    ]);
    expect(drawn.map((d) => d.wasDue)).toEqual([true, false]);
  });
});
