import { describe, expect, it } from 'vitest';
import { registers, sentenceRegister } from '../../../src/bank/rules/register.js';
import { bankYaml, questionYaml, SOURCES_YAML } from '../../helpers/bank.js';
import { lintFiles } from '../../helpers/lint.js';

describe('sentence registers', () => {
  it.each([
    ['最も適切なものはどれですか。', 'polite'],
    ['ボリュームは削除されます。', 'polite'],
    ['設定を確認してください。', 'polite'],
    ['ボリュームは削除される。', 'plain'],
    ['これは旧来の仕様である。', 'plain'],
    ['引き上げはできない。', 'plain'],
    ['最も適切なものはどれか。', 'plain'],
    ['ある企業は EC2 を使っている。', 'plain'],
    ['ゲートウェイエンドポイント', undefined],
    ['Choose two.', undefined],
  ])('%s is %s', (sentence, register) => expect(sentenceRegister(sentence)).toBe(register));

  it('judges by sentence endings only: である inside a polite sentence, quotes and list items do not count', () => {
    expect(registers('耐久性が 11 ナインであることを確認します。「既定では削除される」と書かれています。')).toEqual(['polite', 'polite']);
    expect(registers('次の手順で行います。\n- 設定を変更する\n- 再起動する')).toEqual(['polite']);
    expect(registers('（これは以前の仕様である）現在は変わっています。')).toEqual(['polite']);
  });
});

describe('mixed-register', () => {
  const lint = (question: string, explanation: string) =>
    lintFiles({
      'sources.yaml': SOURCES_YAML,
      'a.yaml': bankYaml([questionYaml('a-1', { question: `    question: |\n      ${question}`, explanation: `    explanation: |\n      ${explanation}` })], 'a'),
    }).problems.filter((p) => p.rule === 'mixed-register');

  it('warns about a plain scenario that asks politely, at the question text', () => {
    expect(lint('ある企業は EC2 を使っている。コストを下げたい。最も適切なものはどれですか。', 'スポットインスタンスを使います。')).toMatchObject([
      { line: 8, col: 15, severity: 'warning', params: { id: 'a-1', field: 'question' } },
    ]);
  });

  it('warns about an explanation that switches between です・ます and である', () => {
    expect(lint('ある企業は EC2 を使っています。最も適切なものはどれですか。', 'ボリュームは削除されます。これは既定の動作である。')).toMatchObject([{ params: { field: 'explanation' } }]);
  });

  it('passes text kept in one register, plain or polite', () => {
    expect(lint('ある企業は EC2 を使っている。最も適切なものはどれか。', 'ボリュームは削除される。これは既定の動作である。')).toEqual([]);
    expect(lint('ある企業は EC2 を使っています。最も適切なものはどれですか。', '「削除される」と書かれていますが、11 ナインであることを確認します。')).toEqual([]);
  });
});
