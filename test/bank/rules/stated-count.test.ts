import { describe, expect, it } from 'vitest';
import { statedCount } from '../../../src/bank/rules/stated-count.js';
import { bankYaml, questionYaml, SOURCES_YAML, wordsFor } from '../../helpers/bank.js';
import { choicesYaml, lintFiles } from '../../helpers/lint.js';

describe('statedCount', () => {
  it.each([
    ['正しいものを 2つ選択してください。', 2],
    ['正しいものを２つ選んでください。', 2],
    ['3つ選んでください。', 3],
    ['該当するものを 2 つ選択してください。', 2],
    ['二つ選びなさい。', 2],
    ['Which are true? Choose two.', 2],
    ['Select 3 answers.', 3],
  ])('reads %s as %i', (text, n) => expect(statedCount(text)).toBe(n));

  it('finds no count where the text gives none', () => {
    for (const text of ['最も適切なものはどれですか。', '2 つの AZ に配置した場合、どうなりますか。', 'Choose the best answer.']) expect(statedCount(text)).toBeUndefined();
  });
});

describe('stated-count', () => {
  const question = (id: string, type: string, stem: string, correct: number) =>
    questionYaml(id, {
      type: `    type: ${type}`,
      question: `    question: ${wordsFor(id)}について、${stem}`,
      choices: choicesYaml([0, 1, 2, 3].map((i) => `${i < correct ? '*' : ''}${wordsFor(`${id}/${i}`)}`)),
    });
  const lint = (...qs: string[]) => lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml(qs, 'a') }).problems.filter((p) => p.rule === 'stated-count');

  it('is an error when the stem asks for another number than the key has, at the question text', () => {
    expect(lint(question('m-1', 'multiple', '正しいものを 3つ選択してください。', 2), question('m-2', 'multiple', 'Choose two.', 2))).toMatchObject([
      { line: 8, col: 15, severity: 'error', params: { id: 'm-1', stated: 3, correct: 2 } },
    ]);
  });

  it('is an error when a single-answer question says to choose two', () => {
    expect(lint(question('s-1', 'single', '正しいものを２つ選んでください。', 1))).toMatchObject([{ params: { id: 's-1', stated: 2, correct: 1, type: 'single' } }]);
  });

  it('passes stems that match the key or give no number', () => {
    expect(lint(question('m-1', 'multiple', '正しいものを 2つ選択してください。', 2), question('s-1', 'single', '最も適切なものはどれですか。', 1))).toEqual([]);
  });
});
