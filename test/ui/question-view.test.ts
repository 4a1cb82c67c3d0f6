import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/bank/cache.js';
import { choiceLabel, labelsOf, positionForKey, renderChoiceLines, renderHeader, renderQuestionLines, renderQuestionText } from '../../src/ui/question-view.js';
import { width } from '../../src/ui/text.js';

const question: QuizQuestion = {
  id: 'q1',
  bank: 'vpc',
  topic: 'vpc/endpoints',
  domain: 'cost',
  type: 'multiple',
  question: 'インターフェイスエンドポイントについて正しい説明を 2 つ選択してください。オンプレミスからも Direct Connect 経由で利用できますか。',
  choices: [
    { text: 'セキュリティグループで制御できる', correct: true },
    { text: 'ルートテーブルにプレフィックスリストが追加される', correct: false },
    { text: 'プライベート IP アドレスを持つ ENI が入口になり、オンプレミスからも到達できる', correct: true },
  ],
  source: 'note.txt#vpc-endpoints',
};

describe('question view', () => {
  it('labels choices by display position and maps letter keys back', () => {
    expect([0, 1, 5].map(choiceLabel)).toEqual(['A', 'B', 'F']);
    expect(positionForKey('c', 3)).toBe(2);
    expect(positionForKey('C', 3)).toBe(2);
    expect(positionForKey('d', 3)).toBeUndefined();
    expect(positionForKey('up', 3)).toBeUndefined();
    expect(labelsOf([0, 2], [2, 1, 0])).toBe('A, C');
  });

  it('shows progress, bank and topic in the header, naming the bank once when the topic starts with it', () => {
    expect(renderHeader({ position: 3, total: 10, bank: 'vpc', topic: 'vpc/endpoints' }, 60)).toBe('3/10  vpc/endpoints');
    expect(renderHeader({ position: 3, total: 10, bank: 'vpc', topic: 'vpc' }, 60)).toBe('3/10  vpc');
    expect(renderHeader({ position: 3, total: 10, bank: 'sample', topic: 's3/basics' }, 60)).toBe('3/10  sample · s3/basics');
    expect(renderHeader({ position: 3, total: 10, bank: 'vpc', topic: 'vpce/x' }, 60)).toBe('3/10  vpc · vpce/x');
  });

  it('wraps Japanese text to the width, counting two columns per character', () => {
    const lines = renderQuestionLines(question, [2, 0, 1], 30, { header: { position: 1, total: 2, bank: 'vpc', topic: 'vpc/endpoints' }, cursor: 0 });
    for (const l of lines) expect(width(l), l).toBeLessThanOrEqual(30);
  });

  it('says how many to choose once: in the bank’s own words, or with a hint when the question does not say', () => {
    const says = renderQuestionText(question, 200);
    expect(says.join('\n').match(/2 つ選択/g)).toHaveLength(1);
    expect(says).not.toContain('Choose 2.');
    const silent = renderQuestionText({ ...question, question: 'インターフェイスエンドポイントの特徴はどれですか。' }, 200);
    expect(silent).toContain('Choose 2.');
    expect(renderQuestionText({ ...question, type: 'single', question: '正しいものはどれですか。' }, 200)).toEqual(['正しいものはどれですか。']);
  });

  it('shows choices in the given order, with the cursor and check boxes for multiple answers', () => {
    const lines = renderChoiceLines(question, [2, 0, 1], 200, { cursor: 1, selected: new Set([0]) });
    expect(lines).toEqual([
      '  [ ] A) プライベート IP アドレスを持つ ENI が入口になり、オンプレミスからも到達できる',
      '❯ [x] B) セキュリティグループで制御できる',
      '  [ ] C) ルートテーブルにプレフィックスリストが追加される',
    ]);
  });

  it('aligns wrapped choice text under its first line', () => {
    const lines = renderChoiceLines({ ...question, type: 'single' }, [2, 0, 1], 30, { cursor: 0 });
    expect(lines[0]!.startsWith('❯ A) ')).toBe(true);
    expect(lines[1]!.startsWith('     ')).toBe(true);
  });
});
