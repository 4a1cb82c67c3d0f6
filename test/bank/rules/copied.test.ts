import { describe, expect, it } from 'vitest';
import { copiedRun, sectionSpans } from '../../../src/bank/rules/copied.js';
import type { SourceIndex } from '../../../src/bank/types.js';
import { bankYaml, questionYaml, SOURCES_YAML } from '../../helpers/bank.js';
import { lintFiles } from '../../helpers/lint.js';

const NOTE = [
  'ノート',
  'VPC',
  'エンドポイント',
  'ゲートウェイ型は S3 と DynamoDB に使え、ルートテーブルにプレフィックスリストへの経路が追加される。料金はかからない。',
  'S3',
  'S3 標準ストレージクラスは設計上きわめて高い耐久性を持ち、データは複数の施設に冗長に保存される。',
].join('\n');
const notes = new Map([['note.txt', NOTE]]);
const index = { file: 'sources.yaml', sections: [{ id: 'vpc-endpoints', heading: 'VPC > エンドポイント' }, { id: 's3-basics', heading: 'S3' }, { id: 'nowhere', heading: '見出しにない' }].map((s) => ({ ...s, noteFile: 'note.txt' })) } as SourceIndex;

describe('section spans', () => {
  it('runs from the heading to the next indexed heading; a heading not found compares the whole note', () => {
    const spans = sectionSpans(index, notes);
    expect(spans.get('note.txt#vpc-endpoints')!.text).toContain('料金はかからない');
    expect(spans.get('note.txt#vpc-endpoints')!.text).not.toContain('冗長に保存');
    expect(spans.get('note.txt#s3-basics')!.text).toContain('冗長に保存');
    expect(spans.get('note.txt#nowhere')!.text).toContain('料金はかからない');
  });
});

describe('copiedRun', () => {
  const span = sectionSpans(index, notes).get('note.txt#vpc-endpoints')!;
  it('finds more than 25 identical characters whatever the spacing', () => {
    expect(copiedRun('ゲートウェイ型は、ルートテーブルにプレフィックス リストへの経路が追加される方式です。', span)).toBe('、ルートテーブルにプレフィックスリストへの経路が追加される');
  });
  it('counts a word of Latin letters as one character, so names and codes are not copying', () => {
    expect(copiedRun('対象は S3 と DynamoDB に使え、という説明です。', span)).toBeUndefined();
    expect(copiedRun('InsufficientInstanceCapacityAndMoreLetters', { text: 'InsufficientInstanceCapacityAndMoreLetters', runs: new Set() })).toBeUndefined();
  });
  it('passes the same facts in other words', () => {
    expect(copiedRun('S3 と DynamoDB 向けのゲートウェイ型は無料で、経路はルートテーブルに入ります。', span)).toBeUndefined();
  });
});

describe('copied-from-notes', () => {
  const lint = (explanation: string, given = notes) =>
    lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml([questionYaml('a-1', { explanation: `    explanation: |\n      ${explanation}` })], 'a') }, { notes: given }).problems.filter(
      (p) => p.rule === 'copied-from-notes',
    );

  it('warns at the field that copies its cited section, quoting the run', () => {
    const r = lint('ゲートウェイ型は、ルートテーブルにプレフィックスリストへの経路が追加される。');
    expect(r).toMatchObject([{ line: 18, col: 18, severity: 'warning', params: { id: 'a-1', field: 'explanation', length: 30, run: '、ルートテーブルにプレフィックスリストへの経路が追加される。' } }]);
  });

  it('passes a question in its own words', () => {
    expect(lint('ゲートウェイ型の経路はルートテーブルに入り、料金は発生しません。')).toEqual([]);
  });

  it('names a note file that the notes directory lacks, once, at its section in sources.yaml', () => {
    const r = lint('解説です。', new Map());
    expect(r).toMatchObject([{ variant: 'missing', file: expect.stringMatching(/sources\.yaml$/), params: { note: 'note.txt' } }]);
  });
});
