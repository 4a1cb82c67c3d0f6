import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/bank/cache.js';
import { glanceAt, relearnSlot, RELEARN_GAP } from '../../src/quiz/practice-session.js';
import { seededRandom } from '../../src/quiz/random.js';
import { drawSession, selectQuestions, type LearnerState } from '../../src/quiz/select.js';

// Daily caps, the relearning order, misconception drills and the glance before the first question. Pure.

const NOW = Date.UTC(2025, 0, 15, 9);
const HOUR = 3_600_000;

function q(id: string): QuizQuestion {
  return { id, bank: 'vpc', topic: 'vpc/endpoints', domain: 'secure', type: 'single', question: '?', choices: [{ text: 'a', correct: true }, { text: 'b', correct: false }], source: 'n#s' };
}

/** 30 questions: 12 due reviews (d0–d11), 3 seen and not due (s0–s2), 15 never answered (n0–n14). */
function learner(): { pool: QuizQuestion[]; state: LearnerState } {
  const due = Array.from({ length: 12 }, (_, i) => `d${i}`);
  const later = ['s0', 's1', 's2'];
  const unseen = Array.from({ length: 15 }, (_, i) => `n${i}`);
  const history = new Map([...due, ...later].map((id) => [id, { attempts: 1, correct: 1, lastCorrect: true, lastSeen: NOW - 48 * HOUR }]));
  const dueAt = new Map<string, number>([...due.map((id, i) => [id, NOW - (i + 1) * HOUR] as [string, number]), ...later.map((id) => [id, NOW + 72 * HOUR] as [string, number])]);
  return { pool: [...due, ...later, ...unseen].map(q), state: { history, due: dueAt, topics: new Map() } };
}

const kinds = (ids: string[]) => ({ due: ids.filter((id) => id.startsWith('d')).length, new: ids.filter((id) => id.startsWith('n')).length });

describe('daily caps', () => {
  it('hold due reviews and new questions to what is left of today’s caps, and count what they held back', () => {
    const { pool, state } = learner();
    const { drawn, heldBack } = drawSession(pool, state, { count: 20, focus: 'mixed', now: NOW, random: seededRandom('caps'), limits: { newLeft: 3, reviewsLeft: 5 } });
    const ids = drawn.map((d) => d.question.id);
    expect(kinds(ids)).toEqual({ due: 5, new: 3 });
    // Uncapped, 20 questions would have held all 12 reviews and 8 new ones; capped, the 3 seen
    // ones not yet due fill in (practising ahead), and the session is shorter rather than buried.
    expect(heldBack).toEqual({ reviews: 7, new: 5 });
    expect(ids.filter((id) => id.startsWith('s'))).toHaveLength(3);
    expect(ids).toHaveLength(11);
  });

  it('draw exactly what an uncapped session draws when the caps leave room, so one seed gives one session', () => {
    const { pool, state } = learner();
    const options = { count: 10, focus: 'mixed' as const, now: NOW };
    const capped = drawSession(pool, state, { ...options, random: seededRandom('same'), limits: { newLeft: 100, reviewsLeft: 100 } });
    const free = selectQuestions(pool, state, { ...options, random: seededRandom('same') });
    expect(capped.drawn).toEqual(free);
    expect(capped.heldBack).toEqual({ new: 0, reviews: 0 });
  });

  it('draw nothing new once the new cap is used up, whatever the focus', () => {
    const { pool, state } = learner();
    const { drawn, heldBack } = drawSession(pool, state, { count: 10, focus: 'new', now: NOW, random: seededRandom('x'), limits: { newLeft: 0 } });
    expect(drawn).toEqual([]);
    expect(heldBack.new).toBe(10);
  });
});

describe('misconceptions focus', () => {
  it('drills only the questions the store names, in its order (most often first), within the filters', () => {
    const { pool, state } = learner();
    const drawn = selectQuestions(pool, { ...state, misconceptions: ['n3', 'd1', 'gone'] }, { count: 10, focus: 'misconceptions', now: NOW, random: seededRandom('m') });
    expect(drawn.map((d) => [d.question.id, d.reason])).toEqual([
      ['n3', 'misconception'],
      ['d1', 'misconception'],
    ]);
  });
});

describe('relearning in the session', () => {
  it('brings a miss back after RELEARN_GAP other questions, or last when fewer remain', () => {
    expect(RELEARN_GAP).toBe(3);
    // Ten questions, the second (index 1) missed: it comes back as the sixth turn, after 3 others.
    const turns = Array.from({ length: 10 }, (_, i) => `q${i}`);
    turns.splice(relearnSlot(1, turns.length), 0, 'q1 again');
    expect(turns.indexOf('q1 again') - turns.indexOf('q1') - 1).toBe(3);
    // A miss on the second-to-last question comes back last.
    expect(relearnSlot(8, 10)).toBe(10);
    expect(relearnSlot(9, 10)).toBe(10);
  });
});

describe('the glance before the first question', () => {
  it('counts what is due and never answered among the questions practised, and the session by kind', () => {
    const { pool, state } = learner();
    const { drawn } = drawSession(pool, state, { count: 10, focus: 'mixed', now: NOW, random: seededRandom('g'), limits: { reviewsLeft: 4 } });
    expect(glanceAt(pool, state, drawn, NOW)).toEqual({
      dueNow: 12,
      unseen: 15,
      total: 10,
      kinds: [
        { reason: 'due', count: 4 },
        { reason: 'new', count: 6 },
      ],
    });
  });
});
