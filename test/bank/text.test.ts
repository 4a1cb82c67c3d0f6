import { describe, expect, it } from 'vitest';
import { hasControlChars, normalizeForComparison, sanitizeText } from '../../src/bank/text.js';

describe('bank text', () => {
  it('turns tabs into two spaces, with or without escape sequences to remove', () => {
    expect(sanitizeText('a\tb')).toBe('a  b');
    expect(sanitizeText('a\tb\u001b[31m')).toBe('a  b');
  });

  it('removes escape sequences, lone control bytes and bidi overrides, and keeps newlines', () => {
    expect(sanitizeText('a\u001b]52;c;ZXZpbA==\u0007b\u001b[2Jc\u202Ed\u0000e\nf')).toBe('abcde\nf');
    expect(hasControlChars('plain\ntext')).toBe(false);
    expect(hasControlChars('bell\u0007')).toBe(true);
    expect(hasControlChars('\u2066isolate')).toBe(true);
  });

  it('compares question texts without case, width, spacing or punctuation', () => {
    expect(normalizeForComparison('VPC エンドポイントとは、何か？')).toBe(normalizeForComparison('ｖｐｃ  エンドポイントとは何か'));
    expect(normalizeForComparison('VPC とは')).not.toBe(normalizeForComparison('VPN とは'));
  });
});
