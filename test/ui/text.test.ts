import { Chalk } from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hangingWrap, padEndCols, truncateCols, width, wrap } from '../../src/ui/text.js';

describe('terminal text', () => {
  it('counts Japanese characters as two columns', () => {
    expect(width('VPC エンドポイント')).toBe(4 + 7 * 2);
    expect(padEndCols('東京', 6)).toBe('東京  ');
  });

  it('wraps Japanese text so no line is wider than the terminal', () => {
    const text = 'ある企業は、オンプレミスのデータセンターと AWS を AWS Direct Connect で接続しています。運用上のオーバーヘッドが最も少ない方法はどれですか。';
    const lines = wrap(text, 40).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(40);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });

  it('aligns continuation lines under the text of a label', () => {
    const out = hangingWrap('  A) ', 'あいうえおかきくけこさしすせそたちつてと', 20).split('\n');
    expect(out[0]!.startsWith('  A) ')).toBe(true);
    expect(out[1]!.startsWith('     ')).toBe(true);
  });

  it('truncates to a column budget', () => {
    expect(width(truncateCols('あいうえおかきくけこ', 9))).toBeLessThanOrEqual(9);
    expect(truncateCols('abc', 5)).toBe('abc');
  });
});

describe('wrapping Japanese', () => {
  const text = 'Fargate では、タスクが要求した vCPU とメモリ（および一定量を超えるエフェメラルストレージ）の量と実行時間に応じて課金される。';

  it('fills each line instead of carrying a whole run of Japanese to the next line', () => {
    const lines = wrap(text, 60).split('\n');
    expect(lines.length).toBe(Math.ceil(width(text) / 60));
    for (const l of lines.slice(0, -1)) expect(width(l)).toBeGreaterThanOrEqual(58);
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(60);
    expect(lines.join('')).toBe(text);
  });

  it('never starts a line with closing punctuation or a small kana', () => {
    for (let cols = 12; cols <= 50; cols++) {
      const lines = wrap(text + 'その後、ジョブが完了した。', cols).split('\n');
      for (const l of lines.slice(1)) expect(l, `at ${cols} columns`).not.toMatch(/^[、。）ゃゅょっ]/);
      for (const l of lines) expect(width(l), `at ${cols} columns`).toBeLessThanOrEqual(cols);
    }
  });

  it('keeps English words whole and cuts only words longer than a line', () => {
    expect(wrap('use an interface endpoint here', 12).split('\n')).toEqual(['use an', 'interface', 'endpoint', 'here']);
    expect(wrap('arn:aws:iam::123456789012:role/Example', 10).split('\n').every((l) => width(l) <= 10)).toBe(true);
  });
});

const chalk = new Chalk({ level: 1 });

describe('one line-breaking rule for coloured and plain text', () => {
  const explanation = 'EMR は Hadoop 分散ファイルシステム（HDFS）、Spark、Hive などを動かす。クエリ言語（HiveQL）で書かれたジョブは「ステップ」として順に実行される。';
  const visible = (s: string) => stripVTControlCharacters(s);

  it('breaks coloured text exactly where it breaks the same text uncoloured', () => {
    for (let cols = 12; cols <= 60; cols++) {
      const plain = wrap(explanation, cols).split('\n');
      const coloured = wrap(chalk.dim(explanation), cols).split('\n');
      expect(coloured.map(visible), `at ${cols} columns`).toEqual(plain);
    }
  });

  it('never starts a line with a closing bracket or punctuation, nor ends one with an opening bracket', () => {
    for (let cols = 12; cols <= 60; cols++) {
      for (const text of [explanation, chalk.green(explanation)]) {
        const lines = wrap(text, cols).split('\n').map(visible);
        for (const l of lines.slice(1)) expect(l, `at ${cols} columns`).not.toMatch(/^[）」』】、。，．]/);
        for (const l of lines.slice(0, -1)) expect(l, `at ${cols} columns`).not.toMatch(/[（「『【]$/);
        for (const l of lines) expect(width(l), `at ${cols} columns`).toBeLessThanOrEqual(cols);
      }
    }
  });

  it('keeps a label such as （あなたの回答） whole', () => {
    for (let cols = 16; cols <= 40; cols++) {
      const lines = wrap(`ストレージゲートウェイのファイルゲートウェイを使う ${chalk.bold('（あなたの回答）')}`, cols).split('\n').map(visible);
      expect(lines.some((l) => l.includes('（あなたの回答）')), `at ${cols} columns`).toBe(true);
    }
  });

  it('closes its colours at the end of each row and opens them again on the next', () => {
    const rows = wrap(chalk.cyan(`before ${chalk.bold('bold words that run on and on')} after`), 12).split('\n');
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
      expect(row, row).toMatch(/^\u001b\[36m/);
      expect(row, row).toMatch(/\u001b\[39m$/);
    }
  });
});
