import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeAnki } from '../../src/bank/formats/anki.js';
import { parsers, writers, type ImportFormat } from '../../src/bank/formats/index.js';
import { FormatError, type PortableQuestion } from '../../src/bank/formats/portable.js';
import { reviewLog } from '../../src/quiz/review-log.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/interop/${name}`, import.meta.url)), 'utf8');
const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err as FormatError;
  }
  throw new Error('expected a FormatError');
};

describe('GIFT', () => {
  const r = parsers.gift(fixture('quiz.gift'));
  it('reads single and weighted multiple-response questions, feedback per answer and general feedback', () => {
    expect(r.questions.map((q) => [q.name, q.type])).toEqual([['gateway-endpoint', 'single'], ['two-az', 'multiple'], ['escapes', 'single']]);
    const [single, multi, escaped] = r.questions;
    expect(single!.choices[0]).toEqual({ text: 'Amazon S3 and DynamoDB', correct: true, why: 'Gateway endpoints exist for exactly these two.' });
    expect(single!.explanation).toBe('Gateway endpoints are route-table targets for S3 and DynamoDB only.');
    expect(multi!.question).toBe('Choose two: what makes an ALB highly available?');
    expect(multi!.choices.map((c) => c.correct)).toEqual([true, false, true, false]);
    expect(escaped!.question).toContain('{a} = b');
    expect(escaped!.choices[0]!.text).toBe('10.0.0.0/16 ~ fine');
  });
  it('skips what cannot be asked, each with its line and why', () => {
    expect(r.skipped.map((s) => [s.name, s.reason])).toEqual([['essay', 'kind'], ['truefalse', 'kind'], ['numeric', 'kind']]);
    expect(r.skipped[0]!.line).toBe(25);
    expect(r.questions[1]!.line).toBe(12);
  });
  it('names the place of a syntax error', () => {
    const err = errorOf(() => parsers.gift('::a:: fine {=x ~y ~z}\n\n::b:: broken {=x ~y'));
    expect(err).toBeInstanceOf(FormatError);
    expect(err.line).toBe(3);
  });
});

describe('Aiken', () => {
  it('reads lettered choices with . or ) and the answer line', () => {
    const r = parsers.aiken(fixture('quiz.aiken'));
    expect(r.questions).toHaveLength(2);
    expect(r.questions[1]).toMatchObject({ type: 'single', line: 8, choices: [{ correct: false }, { text: 'Data is lost when the instance stops', correct: true }, { correct: false }] });
  });
  it('names the line where the answer is missing', () => {
    const err = errorOf(() => parsers.aiken(fixture('broken.aiken')));
    expect(err.line).toBe(5);
    expect(err.message).toMatch(/ANSWER: X/);
  });
});

describe('Moodle XML', () => {
  const r = parsers['moodle-xml'](fixture('quiz.xml'));
  it('reads multichoice questions, their HTML as text, fractions as keys and the feedback', () => {
    expect(r.questions.map((q) => [q.name, q.type])).toEqual([['spot-interruption', 'single'], ['s3-classes', 'multiple']]);
    expect(r.questions[0]).toMatchObject({ question: 'How long is the Spot interruption notice?', explanation: 'Two minutes, through metadata & EventBridge.', line: 4 });
    expect(r.questions[0]!.choices[1]).toEqual({ text: 'Thirty seconds', correct: false, why: 'Too short.' });
    expect(r.questions[1]!.choices.map((c) => c.correct)).toEqual([true, false, true, false]);
  });
  it('skips essays and questions with images, with their lines', () => {
    expect(r.skipped).toEqual([
      { line: 22, name: 'design', reason: 'kind' },
      { line: 23, name: 'diagram', reason: 'image' },
    ]);
  });
  it('names the place of malformed XML', () => {
    const err = errorOf(() => parsers['moodle-xml'](fixture('broken.xml')));
    expect(err.line).toBe(5);
  });
});

describe('CSV', () => {
  it('reads the documented columns, quoted fields with commas, quotes and new lines', () => {
    const r = parsers.csv(fixture('quiz.csv'));
    expect(r.questions).toHaveLength(2);
    expect(r.questions[0]).toMatchObject({ name: 'ebs-types', topic: 'ebs/types', domain: 'performant', question: 'Which volume type suits a boot volume, "general" use?', explanation: 'gp3 is the default.' });
    expect(r.questions[0]!.choices).toEqual([{ text: 'gp3', correct: true, why: 'Cheap, fast SSD' }, { text: 'st1', correct: false, why: 'HDD cannot boot' }, { text: 'sc1', correct: false }]);
    expect(r.questions[1]).toMatchObject({ type: 'multiple', question: 'Choose two:\nwhich are HDD types?' });
  });
  it('names the line of a broken row', () => {
    const err = errorOf(() => parsers.csv(fixture('broken.csv')));
    expect(err.line).toBeGreaterThanOrEqual(3);
  });
});

const BANK: (PortableQuestion & { name: string })[] = [
  { name: 'b-one', question: 'Line one\nline two with {braces} = and ~tilde~ # hash: colon & <tag>', type: 'single', line: 1, explanation: 'Because & so.', choices: [
    { text: 'Right, with "quotes"', correct: true, why: 'why right' }, { text: 'Wrong A', correct: false, why: 'why A' }, { text: 'Wrong B', correct: false, why: 'why B' }, { text: 'Wrong C', correct: false, why: 'why C' }] },
  { name: 'b-two', question: 'Choose two.', type: 'multiple', line: 1, explanation: 'Both.', choices: [
    { text: 'x1', correct: true, why: 'w1' }, { text: 'x2', correct: false, why: 'w2' }, { text: 'x3', correct: true, why: 'w3' }, { text: 'x4', correct: false, why: 'w4' }, { text: 'x5', correct: false, why: 'w5' }] },
  { name: 'b-three', question: 'Three right of six?', type: 'multiple', line: 1, choices: [
    { text: 'a', correct: true, why: 'wa' }, { text: 'b', correct: true, why: 'wb' }, { text: 'c', correct: false, why: 'wc' }, { text: 'd', correct: true, why: 'wd' }, { text: 'e', correct: false, why: 'we' }, { text: 'f', correct: false, why: 'wf' }] },
];

const comparable = (q: PortableQuestion, withWhy: boolean) => ({
  question: q.question, type: q.type, explanation: withWhy ? q.explanation : undefined,
  choices: q.choices.map((c) => ({ text: c.text, correct: c.correct, ...(withWhy && c.why && { why: c.why }) })),
});

describe('round trips: export, then import back', () => {
  for (const format of ['gift', 'moodle-xml', 'csv'] as const satisfies readonly ImportFormat[]) {
    it(`${format} keeps questions, choices, keys, whys and explanations`, () => {
      const back = parsers[format](writers[format](BANK));
      expect(back.skipped).toEqual([]);
      expect(back.questions.map((q) => comparable(q, true))).toEqual(BANK.map((q) => comparable(q, true)));
      expect(back.questions.map((q) => q.name)).toEqual(BANK.map((q) => q.name));
    });
  }
  it('aiken keeps single-answer questions (folded to one line), their choices and keys', () => {
    const back = parsers.aiken(writers.aiken(BANK));
    expect(back.questions).toHaveLength(1);
    expect(back.questions[0]!.question).toBe('Line one line two with {braces} = and ~tilde~ # hash: colon & <tag>');
    expect(back.questions[0]!.choices.map((c) => [c.text, c.correct])).toEqual(BANK[0]!.choices.map((c) => [c.text, c.correct]));
  });
});

describe('Anki text export', () => {
  const text = writeAnki(BANK.map((q) => ({ ...q, guid: `aws-quiz:${q.name}`, tags: ['aws-quiz', 'topic::vpc/endpoints'] })), 'aws-quiz');
  const lines = text.split('\n');
  it('starts with the headers Anki reads', () => {
    expect(lines.slice(0, 6)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#deck:aws-quiz', '#guid column:1', '#tags column:4']);
  });
  it('writes one note a row: the id as guid, the question and choices, the answer with explanation and whys, the tags', () => {
    const rows = lines.slice(6).filter(Boolean);
    expect(rows).toHaveLength(3);
    const [guid, front, back, tags] = rows[0]!.split('\t');
    expect(guid).toBe('aws-quiz:b-one');
    expect(front).toContain('Line one<br>line two with {braces} = and ~tilde~ # hash: colon &amp; &lt;tag&gt;');
    expect(front).toContain('<ol type=""A""><li>Right, with &quot;quotes&quot;</li>');
    expect(back).toContain('<b>A</b>. Right, with &quot;quotes&quot;');
    expect(back).toContain('Because &amp; so.');
    expect(back).toContain('B: why A');
    expect(tags).toBe('aws-quiz topic::vpc::endpoints');
    expect(rows[1]!.split('\t')[2]).toContain('<b>A</b>. x1<br><b>C</b>. x3');
  });
});

describe('review log', () => {
  it('numbers cards by first appearance and rates answers as practice did: Again, Hard when slow, Good', () => {
    const answers = [
      ...Array.from({ length: 5 }, (_, i) => ({ questionId: `q${i % 2}`, answeredAt: 1000 + i, correct: true, timeMs: 10_000 })),
      { questionId: 'q2', answeredAt: 2000, correct: true, timeMs: 25_000 },
      { questionId: 'q0', answeredAt: 3000, correct: false, timeMs: 5_000 },
      { questionId: 'q1', answeredAt: 4000, correct: true, timeMs: 15_000 },
    ];
    const log = [...reviewLog(answers)];
    expect(log.map((r) => [r.cardId, r.rating])).toEqual([[1, 3], [2, 3], [1, 3], [2, 3], [1, 3], [3, 2], [1, 1], [2, 3]]);
    expect(log[5]).toMatchObject({ reviewTime: 2000, durationMs: 25_000, questionId: 'q2' });
  });

  it('rates as practice did with certainty: right but unsure is Hard, wrong is Again however sure', () => {
    const log = [
      ...reviewLog([
        { questionId: 'q0', answeredAt: 1, correct: true, timeMs: 1000, certainty: 'unsure' },
        { questionId: 'q1', answeredAt: 2, correct: true, timeMs: 1000, certainty: 'sure' },
        { questionId: 'q2', answeredAt: 3, correct: false, timeMs: 1000, certainty: 'sure' },
      ]),
    ];
    expect(log.map((r) => r.rating)).toEqual([2, 3, 1]);
  });
});
