import { describe, expect, it } from 'vitest';
import { bankYaml, questionYaml, SOURCES_YAML, wordsFor } from '../../helpers/bank.js';
import { choicesYaml, lintFiles } from '../../helpers/lint.js';

/** `chars` full-width characters of words of the question's own (2 columns each). */
const words = (seed: string, chars: number) => wordsFor(seed).repeat(Math.ceil(chars / 12)).slice(0, chars);
/** A single-answer question whose correct choice (first) has `right` characters and the others `wrong`. */
const single = (id: string, right: number, wrong: number[]) =>
  questionYaml(id, { choices: choicesYaml([`*${words(`${id}/r`, right)}`, ...wrong.map((n, i) => words(`${id}/${i}`, n))]) });
const longest = (r: ReturnType<typeof lintFiles>) => r.problems.filter((p) => p.rule === 'longest-answer');

describe('longest-answer', () => {
  it('warns at the bank when over 35 % of its single-answer questions have the longest correct choice, and at each such question', () => {
    const bank = bankYaml([single('a-1', 20, [10, 12, 11]), single('a-2', 20, [19, 19, 19]), single('a-3', 10, [12, 14, 11]), single('a-4', 10, [10, 14, 11])], 'a');
    const r = lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bank });
    // a-1 and a-2 have the longest correct choice: 2 of 4 (50 %); only a-1 is also 1.2× the mean wrong one.
    expect(longest(r)).toMatchObject([
      { file: expect.stringMatching(/a\.yaml$/), line: 1, col: 7, variant: 'bank', params: { bank: 'a', count: 2, total: 4, percent: 50 } },
      { line: 11, variant: 'question', params: { id: 'a-1', ratio: '1.82' } },
    ]);
  });

  it('counts a tie for the longest as not longest, and stays quiet at or under 35 %', () => {
    const bank = bankYaml([single('a-1', 20, [10, 12, 11]), single('a-2', 14, [14, 12, 10]), single('a-3', 10, [12, 14, 11]), single('a-4', 10, [10, 14, 11])], 'a');
    const r = lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bank });
    expect(longest(r).map((p) => p.variant)).toEqual(['question']);
  });

  it('warns about multiple-response questions whose correct choices are over 1.25× as long as the wrong ones', () => {
    const multiple = (id: string, right: number, wrong: number) =>
      questionYaml(id, {
        type: '    type: multiple',
        choices: choicesYaml([`*${words(`${id}/r1`, right)}`, words(`${id}/w1`, wrong), `*${words(`${id}/r2`, right)}`, words(`${id}/w2`, wrong)]),
      });
    const long = lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml(['1', '2', '3', '4'].map((n) => multiple(`m-${n}`, 13, 10)), 'a') });
    expect(longest(long).map((p) => p.variant)).toEqual(['bank-multiple', 'multiple', 'multiple', 'multiple', 'multiple']);
    expect(longest(long)[0]!.params).toMatchObject({ ratio: '1.30', total: 4 });
    const even = lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml(['1', '2', '3', '4'].map((n) => multiple(`m-${n}`, 12, 10)), 'a') });
    expect(longest(even)).toEqual([]);
  });
});
