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
