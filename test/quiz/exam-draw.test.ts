import { describe, expect, it } from 'vitest';
import { BLUEPRINTS, blueprintFor, domainOf } from '../../src/quiz/blueprints.js';
import { apportion, drawExam, filterQuestions, topicMatches, unmatchedFilters } from '../../src/quiz/exam-draw.js';
import { makeQuestion, pool } from '../helpers/exam-questions.js';
import type { SapDomain } from '../../src/bank/schema.js';

const SAA = BLUEPRINTS.saa.weights;
const plenty = { secure: 100, resilient: 100, performant: 100, cost: 100 };

describe('apportion', () => {
  it('splits the SAA exam 30/26/24/20 when the banks have enough', () => {
    expect(apportion(65, SAA, plenty)).toEqual({ secure: 19, resilient: 17, performant: 16, cost: 13 });
    expect(apportion(100, SAA, plenty)).toEqual({ secure: 30, resilient: 26, performant: 24, cost: 20 });
    expect(apportion(10, SAA, plenty)).toEqual({ secure: 3, resilient: 3, performant: 2, cost: 2 });
  });

  it('gives a short domain all it has and spreads the rest over the others by weight', () => {
    const got = apportion(65, SAA, { secure: 5, resilient: 100, performant: 100, cost: 100 });
    expect(got.secure).toBe(5);
    expect(got.resilient + got.performant + got.cost).toBe(60);
    expect(got.resilient).toBeGreaterThan(got.performant);
    expect(got.performant).toBeGreaterThan(got.cost);
  });

  it('uses every question there is when the banks hold fewer than asked', () => {
    expect(apportion(65, SAA, { secure: 3, resilient: 0, performant: 7, cost: 2 })).toEqual({ secure: 3, resilient: 0, performant: 7, cost: 2 });
  });

  it('still draws from a domain the weights leave out when nothing else is left', () => {
    expect(apportion(4, { secure: 1, resilient: 0, performant: 0, cost: 0 }, { secure: 1, resilient: 5, performant: 0, cost: 0 })).toEqual({
      secure: 1,
      resilient: 3,
      performant: 0,
      cost: 0,
    });
  });
});

describe('drawExam', () => {
  const questions = pool({ secure: 30, resilient: 30, performant: 30, cost: 30 });

  it('draws the weighted number from each domain, no question twice', () => {
    const draw = drawExam(questions, { count: 65, weights: SAA, seed: 's' });
    expect(draw.items).toHaveLength(65);
    expect(new Set(draw.items.map((i) => i.question.id)).size).toBe(65);
    const count = (d: string) => draw.items.filter((i) => i.question.domain === d).length;
    expect([count('secure'), count('resilient'), count('performant'), count('cost')]).toEqual([19, 17, 16, 13]);
  });

  it('reproduces the same questions, order and choice orders from the same seed, whatever order the pool is in', () => {
    const a = drawExam(questions, { count: 10, weights: SAA, seed: '42' });
    const b = drawExam([...questions].reverse(), { count: 10, weights: SAA, seed: '42' });
    const c = drawExam(questions, { count: 10, weights: SAA, seed: '43' });
    const key = (d: typeof a) => d.items.map((i) => `${i.question.id}:${i.choiceOrder.join('')}`);
    expect(key(b)).toEqual(key(a));
    expect(key(c)).not.toEqual(key(a));
  });

  it('mixes the domains instead of asking them one block after another', () => {
    const domains = drawExam(questions, { count: 40, weights: SAA, seed: 'mix' }).items.map((i) => i.question.domain);
    const changes = domains.filter((d, i) => i > 0 && d !== domains[i - 1]).length;
    expect(changes).toBeGreaterThan(10);
  });

  it('shuffles choices into a permutation of the originals', () => {
    for (const item of drawExam(questions, { count: 20, weights: SAA, seed: 'c' }).items) expect([...item.choiceOrder].sort()).toEqual([0, 1, 2]);
  });

  it('reports how many were available when the pool is smaller than asked', () => {
    const draw = drawExam(questions.slice(0, 7), { count: 65, weights: SAA, seed: 'x' });
    expect(draw.items).toHaveLength(7);
    expect(draw.asked).toBe(65);
    expect(draw.available).toBe(7);
  });
});

describe('filters', () => {
  const questions = pool({ secure: 6, cost: 6 });

  it('matches a topic and everything under it, with or without the trailing slash', () => {
    expect(topicMatches('vpc/endpoints', 'vpc/')).toBe(true);
    expect(topicMatches('vpc/endpoints', 'vpc')).toBe(true);
    expect(topicMatches('vpc/endpoints', 'vpc/endpoints')).toBe(true);
    expect(topicMatches('vpcx/endpoints', 'vpc')).toBe(false);
    expect(topicMatches('vpc', 'vpc/endpoints')).toBe(false);
  });

  it('keeps only the named banks and topics', () => {
    expect(filterQuestions(questions, { banks: ['odd'] }).every((q) => q.bank === 'odd')).toBe(true);
    expect(filterQuestions(questions, { topics: ['cost/'] }).map((q) => q.domain)).toEqual(Array(6).fill('cost'));
    expect(filterQuestions(questions, { banks: ['odd'], topics: ['secure/t1'] }).map((q) => q.id)).toEqual(['secure-1']);
  });

  it('names the filter values that match nothing', () => {
    expect(unmatchedFilters(questions, { banks: ['odd', 'nope'], topics: ['cost', 's3/'] })).toEqual({ banks: ['nope'], topics: ['s3/'] });
  });
});

describe('blueprints', () => {
  it('follow the real exams: SAA-C03 65 questions, 130 minutes, pass at 720; SAP-C02 75, 180, pass at 750', () => {
    expect(blueprintFor('saa')).toMatchObject({ count: 65, minutes: 130, passMark: 720 });
    expect(blueprintFor('sap')).toMatchObject({ count: 75, minutes: 180, passMark: 750 });
    expect(blueprintFor('quick')).toMatchObject({ count: 10, minutes: 20, passMark: 720 });
  });
});

describe('the SAP-C02 blueprint', () => {
  const sap = BLUEPRINTS.sap;
  const tagged = (sapDomain: SapDomain, n: number) => Array.from({ length: n }, (_, i) => makeQuestion(`${sapDomain}-${i}`, { sapDomain }));
  const untagged = (n: number) => Array.from({ length: n }, (_, i) => makeQuestion(`plain-${i}`, { domain: 'cost' }));

  it('draws by its own four domains, 26/29/25/20, not by the associate ones', () => {
    const questions = [...tagged('organizational-complexity', 40), ...tagged('new-solutions', 40), ...tagged('continuous-improvement', 40), ...tagged('migration-modernization', 40)];
    const draw = drawExam(questions, { count: 100, weights: sap.weights, seed: 'sap', domainOf: domainOf(sap) });
    const count = (d: string) => draw.items.filter((i) => i.question.sapDomain === d).length;
    expect(['organizational-complexity', 'new-solutions', 'continuous-improvement', 'migration-modernization'].map(count)).toEqual([26, 29, 25, 20]);
  });

  it('asks questions without a SAP-C02 tag only when the tagged ones run short', () => {
    const questions = [...tagged('organizational-complexity', 5), ...tagged('new-solutions', 5), ...untagged(50)];
    const draw = drawExam(questions, { count: 20, weights: sap.weights, seed: 'sap', domainOf: domainOf(sap) });
    expect(draw.items).toHaveLength(20);
    expect(draw.items.filter((i) => i.question.sapDomain).length).toBe(10);
    const full = drawExam([...questions, ...tagged('continuous-improvement', 20), ...tagged('migration-modernization', 20)], {
      count: 20,
      weights: sap.weights,
      seed: 'sap',
      domainOf: domainOf(sap),
    });
    expect(full.items.filter((i) => !i.question.sapDomain)).toEqual([]);
  });

  it('keeps the associate domains for SAA-C03', () => {
    expect(domainOf(BLUEPRINTS.saa)(makeQuestion('x', { domain: 'cost', sapDomain: 'new-solutions' }))).toBe('cost');
    expect(domainOf(sap)(makeQuestion('x', { domain: 'cost', sapDomain: 'new-solutions' }))).toBe('new-solutions');
    expect(domainOf(sap)(makeQuestion('x', { domain: 'cost' }))).toBe('untagged');
  });
});

describe('exam filters', () => {
  it('take a question matching any --topic given, with or without trailing slashes', () => {
    const questions = [
      makeQuestion('a', { topic: 'vpc/endpoints' }),
      makeQuestion('b', { topic: 's3/basics' }),
      makeQuestion('c', { topic: 'iam/policies' }),
      makeQuestion('d', { topic: 'vpcx/other' }),
    ];
    expect(filterQuestions(questions, { topics: ['vpc//', 's3'] }).map((q) => q.id)).toEqual(['a', 'b']);
    expect(unmatchedFilters(questions, { banks: ['sample', 'nope'], topics: ['vpc', 'ec2/'] })).toEqual({ banks: ['nope'], topics: ['ec2/'] });
  });
});
