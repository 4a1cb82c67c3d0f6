import { describe, expect, it } from 'vitest';
import { negationOnly } from '../../../src/bank/rules/distractor.js';
import { bankYaml, questionYaml, SOURCES_YAML, wordsFor } from '../../helpers/bank.js';
import { choicesYaml, lintFiles } from '../../helpers/lint.js';

describe('negationOnly', () => {
  it.each([
    ['暗号化を有効にできる', '暗号化を有効にできない'],
    ['料金は無料である', '料金は無料ではない'],
    ['削除されます', '削除されません'],
    ['Encryption is supported', 'Encryption is not supported'],
  ])('%s / %s', (a, b) => expect(negationOnly(a, b)).toBe(true));

  it.each([
    ['暗号化を有効にできる', '暗号化を無効にする'],
    ['インスタンスストアは停止で消える', 'EBS ボリュームは停止しても残る'],
    ['料金がかからない', '料金がかからない'],
  ])('not %s / %s', (a, b) => expect(negationOnly(a, b)).toBe(false));
});

describe('weak-distractor', () => {
  const lint = (choices: string[]) =>
    lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml([questionYaml('a-1', { choices: choicesYaml(choices) })], 'a') }).problems.filter(
      (p) => p.rule === 'weak-distractor',
    );

  it('warns at a choice that only negates another', () => {
    expect(lint(['*暗号化を有効にできる', '暗号化を有効にできない', 'ログを S3 に保存する'])).toMatchObject([
      { line: 13, col: 15, variant: 'negation', params: { id: 'a-1', choice: 2, other: 1 } },
    ]);
  });

  it('warns at a wrong choice narrower than a third of the correct one', () => {
    const right = wordsFor('r').repeat(2); // 24 characters, 48 columns
    expect(lint([`*${right}`, 'NAT', wordsFor('w').slice(0, 8)])).toMatchObject([{ variant: 'short', params: { choice: 2, width: 3, correct: 48 } }]);
  });

  it('passes distinct choices of comparable width', () => {
    expect(lint(['*ゲートウェイエンドポイント', 'インターフェイスエンドポイント', 'NAT ゲートウェイ'])).toEqual([]);
  });
});
