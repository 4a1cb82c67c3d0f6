import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankDirsFrom, bankFiles, defaultBankDirs } from '../../src/bank/dirs.js';
import { UserError } from '../../src/errors.js';
import { tempDir } from '../helpers/tmp.js';

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

  it('bundles banks of its own', () => {
    const [dir] = defaultBankDirs();
    expect(bankFiles([dir!]).files.length).toBeGreaterThan(10);
  });
});

describe('bank files', () => {
  it('lists .yaml and .yml files under a directory in code-point order, leaving out sources.yaml, hidden files and node_modules', () => {
    const dir = tempDir();
    for (const f of ['b.yaml', 'a.yml', 'Z.yaml', '.hidden.yaml', 'sources.yaml', 'notes.txt', 'yaml', 'sub/c.yaml', '.git/d.yaml', 'node_modules/e.yaml']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), '');
    }
    expect(bankFiles([dir]).files.map((f) => f.slice(dir.length + 1))).toEqual(['Z.yaml', 'a.yml', 'b.yaml', 'sub/c.yaml']);
  });

  it('takes a file given as it is, once, and names a path that does not exist', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), '');
    expect(bankFiles([join(dir, 'a.yaml'), dir]).files).toEqual([join(dir, 'a.yaml')]);
    expect(() => bankFiles([join(dir, 'missing')])).toThrow(UserError);
    expect(() => bankFiles([join(dir, 'missing')])).toThrow(join(dir, 'missing'));
  });
});
