import { describe, expect, it } from 'vitest';
import { parseBank } from '../../src/bank/parse-bank.js';
import { bankYaml, questionYaml } from '../helpers/bank.js';

const rulesOf = (text: string) => parseBank(text, 'b.yaml').problems.map((p) => p.rule);

describe('parseBank', () => {
  it('returns typed questions that remember where they stand', () => {
    const text = bankYaml([questionYaml('q-one'), questionYaml('q-two', { topic: '    topic: vpc/other' })]);
    const { bank, problems } = parseBank(text, 'b.yaml');
    expect(problems).toEqual([]);
    expect(bank?.questions.map((q) => q.id)).toEqual(['q-one', 'q-two']);
    const second = bank!.questions[1]!;
    expect(second.at.id).toEqual({ file: 'b.yaml', line: text.split('\n').findIndex((l) => l.includes('id: q-two')) + 1, col: 9 });
    expect(second.choices.map((c) => c.correct)).toEqual([true, false, false]);
    expect(second.topic).toBe('vpc/other');
  });

  it('reports YAML syntax errors with their line and column', () => {
    const { problems } = parseBank('bank: x\ntitle: [unclosed\n', 'b.yaml');
    expect(problems[0]).toMatchObject({ rule: 'yaml-syntax', file: 'b.yaml', line: 3 });
  });

  it('reports duplicate keys', () => {
    expect(rulesOf('bank: a\nbank: b\ntitle: t\nquestions: []\n')).toContain('duplicate-key');
  });

  // The line each problem points at (its text here), the column and the details its message is made from.
  it.each([
    ['unknown-field', { extra: '    colour: red' }, 'colour: red', 5, { field: 'colour', where: 'questions[0]' }],
    ['missing-field', { domain: '' }, '- id: q-one', 5, { field: 'domain', where: 'questions[0]' }],
    ['wrong-type', { difficulty: '    difficulty: hard' }, 'difficulty: hard', 17, { field: 'questions[0].difficulty', expected: 'number' }],
    ['bad-value', { domain: '    domain: speed' }, 'domain: speed', 13, { field: 'questions[0].domain', values: 'secure | resilient | performant | cost' }],
    ['bad-value', { id: '    id: Not_Kebab' }, 'id: Not_Kebab', 9, { field: 'questions[0].id', expected: 'schema.kebab' }],
    ['bad-value', { source: '    source: no-section-here' }, 'source: no-section-here', 13, { field: 'questions[0].source', expected: 'schema.source' }],
    ['bad-value', { difficulty: '    difficulty: 0' }, 'difficulty: 0', 17, { field: 'questions[0].difficulty', min: 1 }],
    ['bad-value', { difficulty: '    difficulty: 4' }, 'difficulty: 4', 17, { field: 'questions[0].difficulty', max: 3 }],
  ])('flags %s at the field (%o)', (rule, overrides, lineText, col, params) => {
    const text = bankYaml([questionYaml('q-one', overrides as Record<string, string>)]);
    const problems = parseBank(text, 'b.yaml').problems;
    expect(problems.map((p) => p.rule)).toEqual([rule]);
    const [p] = problems;
    expect(text.split('\n')[p!.line - 1]).toContain(lineText);
    expect(p).toMatchObject({ file: 'b.yaml', col, severity: 'error' });
    expect(p!.params).toEqual(params);
  });

  it('accepts the same question without the mistake', () => {
    expect(rulesOf(bankYaml([questionYaml('q-one')]))).toEqual([]);
  });

  const choices = (...lines: string[]) => ['    choices:', ...lines].join('\n');
  // Each problem with what lint prints for it: the line it points at (its text here), the column and
  // the details its message is made from.
  it.each([
    ['correct-count', { choices: choices('      - text: a', '      - text: b', '      - text: c') }, '- text: a', 7, { id: 'q-one', type: 'single', correct: 0 }],
    ['correct-count', { type: '    type: multiple' }, '- text: 正しい選択肢', 7, { id: 'q-one', type: 'multiple', correct: 1 }],
    [
      'correct-count',
      { type: '    type: multiple', choices: choices('      - text: a', '        correct: true', '      - text: b', '        correct: true', '      - text: c', '        correct: true') },
      '- text: a',
      7,
      { id: 'q-one', type: 'multiple', correct: 3 },
    ],
    ['choice-count', { choices: choices('      - text: a', '        correct: true', '      - text: b') }, '- text: a', 7, { id: 'q-one', count: 2 }],
    ['duplicate-choice', { choices: choices('      - text: a', '        correct: true', '      - text: b', '      - text: b') }, '- text: b', 15, { id: 'q-one', first: 2, second: 3 }],
    ['empty-text', { choices: choices('      - text: a', '        correct: true', '      - text: b', '      - text: "  "') }, '- text: "  "', 15, { id: 'q-one', field: 'choices[2].text' }],
    ['control-chars', { question: '    question: "bad \\e[31m red"' }, 'question: "bad', 15, { field: 'questions.0.question' }],
    ['control-chars', { choices: choices('      - text: a', '        correct: true', '        why: "x \\e[1m"', '      - text: b', '      - text: c') }, 'why: "x', 14, { field: 'questions.0.choices.0.why' }],
    ['missing-explanation', { explanation: '' }, '- id: q-one', 5, { id: 'q-one' }],
  ])('flags %s where lint should point', (rule, overrides, lineText, col, params) => {
    const text = bankYaml([questionYaml('q-one', overrides)]);
    const problems = parseBank(text, 'b.yaml').problems;
    expect(problems.map((p) => p.rule)).toEqual([rule]);
    const [p] = problems;
    expect(text.split('\n')[p!.line - 1]).toContain(lineText);
    expect(p).toMatchObject({ file: 'b.yaml', col, params });
    expect(p!.params).toEqual(params);
  });

  it('takes three to six choices', () => {
    const many = (n: number) => choices('      - text: c0', '        correct: true', ...Array.from({ length: n - 1 }, (_, i) => `      - text: c${i + 1}`));
    expect(rulesOf(bankYaml([questionYaml('q-one', { choices: many(3) })]))).toEqual([]);
    expect(rulesOf(bankYaml([questionYaml('q-one', { choices: many(6) })]))).toEqual([]);
    expect(rulesOf(bankYaml([questionYaml('q-one', { choices: many(7) })]))).toEqual(['choice-count']);
  });

  it('accepts a multiple-response question with two right and one wrong', () => {
    const text = bankYaml([
      questionYaml('q-one', {
        type: '    type: multiple',
        choices: choices('      - text: a', '        correct: true', '      - text: b', '        correct: true', '      - text: c'),
      }),
    ]);
    expect(rulesOf(text)).toEqual([]);
  });

  it('returns texts without the blank lines and spaces YAML leaves around them, keeping leading indentation of the question', () => {
    const text = bankYaml([
      questionYaml('q-one', {
        question: '    question: "  indented\\n  "',
        choices: choices('      - text: "  a  "', '        correct: true', '        why: "  because  "', '      - text: b', '      - text: c'),
        explanation: '    explanation: |\n      解説\n\n',
        extra: '    difficulty: 2',
      }),
    ]);
    const { bank, problems } = parseBank(text, 'b.yaml');
    expect(problems).toEqual([]);
    const q = bank!.questions[0]!;
    expect(q.question).toBe('  indented');
    expect(q.choices[0]).toEqual({ text: 'a', correct: true, why: 'because' });
    expect(q.choices[1]).toEqual({ text: 'b', correct: false });
    expect(q.explanation).toBe('解説');
    expect(q.difficulty).toBe(2);
    // Positions are for lint only: never written where questions are saved.
    expect(q.at.topic.line).toBeGreaterThan(1);
    expect(JSON.parse(JSON.stringify(q))).not.toHaveProperty('at');
  });

  it('removes escape sequences from text it returns', () => {
    const text = bankYaml([questionYaml('q-one', { question: '    question: "a\\e]52;c;ZXZpbA==\\u0007b\\e[2Jc\\u202Ed"' })]);
    const { bank } = parseBank(text, 'b.yaml');
    expect(bank!.questions[0]!.question).toBe('abcd');
  });

  it('stops alias bombs with a clear problem instead of hanging', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);
    // Unstopped, these 12 levels would expand to 10^12 nodes: the test's timeout is the bound.
    expect(rulesOf(lines.join('\n'))).toEqual(['alias-bomb']);
  });

  it('reads YAML 1.2 core scalars as strings, as editors do', () => {
    const text = bankYaml([questionYaml('q-one', { question: '    question: 2024-01-01', explanation: '    explanation: yes' })]);
    const { bank, problems } = parseBank(text, 'b.yaml');
    expect(problems).toEqual([]);
    expect(bank!.questions[0]!.question).toBe('2024-01-01');
    expect(bank!.questions[0]!.explanation).toBe('yes');
  });

  it('locates problems in files that parse cleanly (positions worked out on demand)', () => {
    const text = bankYaml([questionYaml('q-one'), questionYaml('q-two', { explanation: '' })]);
    const { problems } = parseBank(text, 'b.yaml');
    expect(problems).toMatchObject([{ rule: 'missing-explanation', line: text.split('\n').findIndex((l) => l.includes('id: q-two')) + 1, col: 5 }]);
  });

  it('refuses binary content and absurd nesting', () => {
    expect(rulesOf('bank: a\0b')).toEqual(['binary-file']);
    expect(rulesOf('['.repeat(20000) + ']'.repeat(20000))).toEqual(['nesting-too-deep']);
  });
});

describe('parseBank: one schema error hides nothing', () => {
  it('still checks the rest of a question the schema refused, and counts it', () => {
    const text = bankYaml([
      questionYaml('q-one', {
        extra: '    colour: red',
        choices: ['    choices:', '      - text: 同じ', '        correct: true', '      - text: 同じ'].join('\n'),
        explanation: '    explanation: "\\e]52;c;aGk=\\a"',
      }),
      questionYaml('q-two'),
    ]);
    const parsed = parseBank(text, 'b.yaml');
    expect(parsed.problems.map((p) => p.rule).sort()).toEqual(['choice-count', 'control-chars', 'duplicate-choice', 'unknown-field']);
    expect(parsed.bank!.questions.map((q) => q.id)).toEqual(['q-two']);
    expect(parsed.rejected).toBe(1);
  });
});
