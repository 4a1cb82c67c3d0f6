import { describe, expect, it } from 'vitest';
import { bankDirsFrom, defaultBankDirs } from '../../src/bank/dirs.js';

describe('bank directories', () => {
  it('takes AWS_QUIZ_QUESTIONS as a :-separated list, skipping empty entries', () => {
    expect(bankDirsFrom(undefined, { AWS_QUIZ_QUESTIONS: '/banks/a:/banks/b::/banks/c:' })).toEqual(['/banks/a', '/banks/b', '/banks/c']);
    expect(bankDirsFrom([], { AWS_QUIZ_QUESTIONS: '/banks/a' })).toEqual(['/banks/a']);
  });

  it('prefers --questions to AWS_QUIZ_QUESTIONS, and falls back to the bundled banks', () => {
    expect(bankDirsFrom(['/mine'], { AWS_QUIZ_QUESTIONS: '/banks/a:/banks/b' })).toEqual(['/mine']);
    expect(bankDirsFrom(undefined, { AWS_QUIZ_QUESTIONS: '' })).toEqual(defaultBankDirs());
    expect(bankDirsFrom(undefined, {})).toEqual(defaultBankDirs());
  });
});
