import { describe, expect, it } from 'vitest';
import { similarPairs } from '../../src/bank/similarity.js';
import type { Question } from '../../src/bank/types.js';
import { bankYaml, questionYaml, SOURCES_YAML, wordsFor } from '../helpers/bank.js';
import { choicesYaml, lintFiles } from '../helpers/lint.js';

const q = (id: string, question: string, key: string[], wrong: string[] = [wordsFor(`${id}/w1`), wordsFor(`${id}/w2`)]): Question =>
  ({ id, question, type: key.length > 1 ? 'multiple' : 'single', choices: [...key.map((text) => ({ text, correct: true })), ...wrong.map((text) => ({ text, correct: false }))] }) as Question;

// Two questions from the bundled banks that ask the same thing with the same key, in other words.
const terminate = q(
  'terminate',
  'ある開発者は、不要になった EC2 インスタンスを終了した後で、ルートボリュームに保存していたログファイルが必要だったことに気づきました。今後、インスタンスを終了してもルートボリュームのデータが残るようにしたい場合、どうすればよいですか。',
  ['ルートボリュームの DeleteOnTermination 属性を false に設定する'],
);
const deleteOnTermination = q(
  'delete-on-termination',
  'EC2 インスタンスを終了したときに、ルートの EBS ボリュームが削除されないようにしたい。どうすればよいですか。',
  ['ブロックデバイスマッピングでルートボリュームの DeleteOnTermination を false にする'],
);
const others = Array.from({ length: 20 }, (_, i) => q(`other-${i}`, `${wordsFor(`s${i}`)}について正しいものはどれですか。`, [wordsFor(`k${i}`)]));

describe('similarPairs', () => {
  it('pairs questions that ask the same with the same key, in other words', () => {
    const pairs = similarPairs([terminate, ...others, deleteOnTermination]);
    expect(pairs).toMatchObject([{ first: 0, second: 21 }]);
    expect(pairs[0]!.similarity).toBeGreaterThan(0.26);
  });

  it('does not pair a question with the same stem but another key, nor another stem with the same key', () => {
    const otherKey = q('other-key', deleteOnTermination.question, ['インスタンスの終了保護を有効にする']);
    const otherStem = q('other-stem', '監査部門が、ボリュームの設定を誤って変更されないよう求めています。担当者が最初に確認する項目として適切なものはどれか。', terminate.choices.filter((c) => c.correct).map((c) => c.text));
    expect(similarPairs([terminate, ...others, otherKey])).toEqual([]);
    expect(similarPairs([deleteOnTermination, ...others, otherStem])).toEqual([]);
  });

  it('reports each question with at most three earlier ones, the most alike first', () => {
    const copies = Array.from({ length: 6 }, (_, i) => q(`copy-${i}`, `${terminate.question}${'。'.repeat(i)}`, terminate.choices.filter((c) => c.correct).map((c) => c.text)));
    const pairs = similarPairs([...copies, ...others]);
    expect(pairs.filter((p) => p.second === 5)).toHaveLength(3);
  });
});

describe('near-duplicate by similarity', () => {
  it('warns at the later question, naming the earlier one and where it is', () => {
    const yaml = (x: Question) =>
      questionYaml(x.id, { question: `    question: ${x.question}`, choices: choicesYaml(x.choices.map((c) => `${c.correct ? '*' : ''}${c.text}`)) });
    const r = lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml([terminate, ...others.slice(0, 4), deleteOnTermination].map(yaml), 'a') });
    expect(r.problems.filter((p) => p.rule === 'near-duplicate')).toMatchObject([
      { severity: 'warning', variant: 'similar', params: { id: 'delete-on-termination', other: 'terminate', first: expect.stringMatching(/a\.yaml:8$/) } },
    ]);
  });
});
