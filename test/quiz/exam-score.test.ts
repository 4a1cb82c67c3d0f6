import { describe, expect, it } from 'vitest';
import { estimateScaled, isCorrect, scoreExam, type ScoredItem } from '../../src/quiz/exam-score.js';
import { makeQuestion, multipleQuestion } from '../helpers/exam-questions.js';
import { BLUEPRINTS } from '../../src/quiz/blueprints.js';

const meta = { passMark: 720, timeUsedMs: 1234, timeLimitMs: 60_000 };

describe('marking', () => {
  it('gives a multiple-response question credit only for exactly the right set', () => {
    const q = multipleQuestion('m'); // right: 0 and 2
    expect(isCorrect(q, [2, 0])).toBe(true);
    expect(isCorrect(q, [0])).toBe(false);
    expect(isCorrect(q, [0, 1, 2])).toBe(false);
    expect(isCorrect(q, [1, 3])).toBe(false);
    expect(isCorrect(q, [0, 1])).toBe(false);
  });

  it('counts an unanswered question as wrong', () => {
    expect(isCorrect(makeQuestion('s'), null)).toBe(false);
    expect(isCorrect(makeQuestion('s'), [])).toBe(false);
    expect(isCorrect(makeQuestion('s'), [0])).toBe(true);
  });
});

describe('scoreExam', () => {
  it('maps 0 % to 100 and 100 % to 1000 on the estimated scale', () => {
    expect(estimateScaled(0)).toBe(100);
    expect(estimateScaled(1)).toBe(1000);
    expect(estimateScaled(0.7)).toBe(730);
  });

  it('scores correct / total, percentage, estimate and pass against the pass mark', () => {
    const items: ScoredItem[] = Array.from({ length: 10 }, (_, i) => ({ question: makeQuestion(`q${i}`), selected: i < 7 ? [0] : i < 9 ? [1] : null }));
    const r = scoreExam(items, meta);
    expect(r).toMatchObject({ total: 10, answered: 9, correct: 7, percent: 70, scaled: 730, passed: true, timeUsedMs: 1234 });
    const fail = scoreExam(items.map((it, i) => (i === 6 ? { ...it, selected: null } : it)), meta);
    expect(fail).toMatchObject({ correct: 6, scaled: 640, passed: false });
  });

  it('passes exactly at the pass mark, for the exam and for each domain', () => {
    const items: ScoredItem[] = Array.from({ length: 10 }, (_, i) => ({ question: makeQuestion(`q${i}`), selected: i < 7 ? [0] : [1] }));
    expect(scoreExam(items, { ...meta, passMark: 730 })).toMatchObject({ scaled: 730, passed: true, domains: [expect.objectContaining({ meets: true })] });
    expect(scoreExam(items, { ...meta, passMark: 731 })).toMatchObject({ scaled: 730, passed: false, domains: [expect.objectContaining({ meets: false })] });
  });

  it('counts a multiple-response answer with too few ticks as incomplete, and wrong', () => {
    const items: ScoredItem[] = [
      { question: multipleQuestion('m1'), selected: [0] },
      { question: multipleQuestion('m2'), selected: [0, 2] },
      { question: makeQuestion('s1'), selected: [0] },
    ];
    expect(scoreExam(items, meta)).toMatchObject({ answered: 3, incomplete: 1, correct: 2, marks: [false, true, true] });
  });

  it('reports each domain with meets or needs improvement, in blueprint order', () => {
    const items: ScoredItem[] = [
      { question: makeQuestion('c1', { domain: 'cost' }), selected: [1] },
      { question: makeQuestion('c2', { domain: 'cost' }), selected: [0] },
      { question: makeQuestion('s1', { domain: 'secure' }), selected: [0] },
    ];
    expect(scoreExam(items, meta).domains).toEqual([
      { domain: 'secure', correct: 1, total: 1, meets: true },
      { domain: 'cost', correct: 1, total: 2, meets: false },
    ]);
  });

  it('lists at most five weakest topics, the worst first, leaving out topics with nothing wrong', () => {
    const topic = (t: string, right: number, wrong: number) => [
      ...Array.from({ length: right }, (_, i) => ({ question: makeQuestion(`${t}-r${i}`, { topic: t }), selected: [0] })),
      ...Array.from({ length: wrong }, (_, i) => ({ question: makeQuestion(`${t}-w${i}`, { topic: t }), selected: null })),
    ];
    const items = [...topic('a/ok', 3, 0), ...topic('b/half', 1, 1), ...topic('c/none', 0, 2), ...topic('d/one', 0, 1), ...topic('e/x', 2, 1), ...topic('f/y', 3, 1), ...topic('g/z', 4, 1)];
    const weak = scoreExam(items, meta).weakTopics;
    expect(weak.map((w) => w.topic)).toEqual(['c/none', 'd/one', 'b/half', 'e/x', 'f/y']);
    expect(weak[0]).toEqual({ topic: 'c/none', correct: 0, total: 2 });
    // Equal shares: more wrong answers first, whatever the order asked; a topic all right is left out.
    const few = [...topic('a/one', 0, 1), ...topic('b/ok', 1, 0), ...topic('z/none', 0, 2)];
    expect(scoreExam(few, meta).weakTopics.map((w) => w.topic)).toEqual(['z/none', 'a/one']);
  });

  it('counts as answered only questions with a choice given', () => {
    const items: ScoredItem[] = [
      { question: makeQuestion('a'), selected: [0] },
      { question: makeQuestion('b'), selected: [] },
      { question: makeQuestion('c'), selected: null },
    ];
    expect(scoreExam(items, meta)).toMatchObject({ total: 3, answered: 1, correct: 1 });
  });

  it('reports an SAP-C02 exam by its own domains, the untagged apart and last', () => {
    const items: ScoredItem[] = [
      { question: makeQuestion('m1', { domain: 'secure', sapDomain: 'migration-modernization' }), selected: [0] },
      { question: makeQuestion('n1', { domain: 'secure', sapDomain: 'new-solutions' }), selected: [1] },
      { question: makeQuestion('n2', { domain: 'cost', sapDomain: 'new-solutions' }), selected: [0] },
      { question: makeQuestion('p1', { domain: 'cost' }), selected: [0] },
    ];
    expect(scoreExam(items, { ...meta, passMark: 750, blueprint: BLUEPRINTS.sap }).domains).toEqual([
      { domain: 'new-solutions', correct: 1, total: 2, meets: false },
      { domain: 'migration-modernization', correct: 1, total: 1, meets: true },
      { domain: 'untagged', correct: 1, total: 1, meets: true },
    ]);
  });
});
