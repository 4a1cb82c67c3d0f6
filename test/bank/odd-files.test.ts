import { describe, expect, it } from 'vitest';
import { parseBank } from '../../src/bank/parse-bank.js';
import { parseSources } from '../../src/bank/parse-sources.js';
import { crossBankProblems } from '../../src/bank/rules.js';
import { loadBanks } from '../../src/bank/load.js';
import { decodeUtf8 } from '../../src/bank/text.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/tmp.js';
import { bankYaml, questionYaml } from '../helpers/bank.js';

const problemsOf = (text: string) => parseBank(text, 'b.yaml').problems.map((p) => ({ rule: p.rule, line: p.line, col: p.col }));

describe('odd bank files get a clear message', () => {
  it.each([
    ['an empty file', ''],
    ['only a comment', '# nothing yet\n'],
    ['only whitespace', '\n\n   \n'],
  ])('%s: "the file is empty"', (_, text) => {
    expect(problemsOf(text)).toEqual([{ rule: 'empty-file', line: 1, col: 1 }]);
    expect(parseSources(text, 's.yaml').problems.map((p) => p.rule)).toEqual(['empty-file']);
  });

  it.each([
    ['a string', 'just some words\n'],
    ['a number', '42\n'],
    ['a list', '- a\n- b\n'],
  ])('%s: "a bank must be a mapping"', (_, text) => {
    expect(problemsOf(text)).toEqual([{ rule: 'not-a-mapping', line: 1, col: 1 }]);
  });

  it('several YAML documents in one file: named at the second', () => {
    const text = bankYaml([questionYaml('q-one')]) + '---\nbank: other\n';
    const line = text.split('\n').indexOf('---') + 1;
    expect(problemsOf(text)).toEqual([{ rule: 'multiple-documents', line, col: 1 }]);
  });

  it('nesting too deep is its own rule', () => {
    expect(problemsOf('bank: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n').map((p) => p.rule)).toEqual(['nesting-too-deep']);
  });

  it('CR-only and CRLF line endings: positions are right', () => {
    const text = bankYaml([questionYaml('q-one', { domain: '    domain: speed' })]);
    const lf = problemsOf(text);
    expect(lf).toEqual([{ rule: 'bad-value', line: text.split('\n').findIndex((l) => l.includes('domain: speed')) + 1, col: 13 }]);
    expect(problemsOf(text.replace(/\n/g, '\r'))).toEqual(lf);
    expect(problemsOf(text.replace(/\n/g, '\r\n'))).toEqual(lf);
  });
});

describe('invisible characters', () => {
  it.each([
    ['zero-width space', '\u200B'],
    ['zero-width joiner', '\u200D'],
    ['byte order mark inside text', '\uFEFF'],
    ['left-to-right mark', '\u200E'],
    ['right-to-left mark', '\u200F'],
    ['Arabic letter mark', '\u061C'],
    ['line separator', '\u2028'],
    ['paragraph separator', '\u2029'],
    ['tag character', '\u{E0041}'],
    ['soft hyphen', '\u00AD'],
  ])('%s is reported like a control character, and removed', (_, ch) => {
    const text = bankYaml([questionYaml('q-one', { question: `    question: "VPC${ch === '\u2028' ? '\\L' : ch === '\u2029' ? '\\P' : ch}エンドポイント"` })]);
    const parsed = parseBank(text, 'b.yaml');
    expect(parsed.problems.map((p) => p.rule)).toEqual(['control-chars']);
    expect(parsed.bank!.questions[0]!.question).toBe('VPCエンドポイント');
  });

  it('texts that differ only by invisible characters are near-duplicates', () => {
    const one = parseBank(bankYaml([questionYaml('q-one', { question: '    question: "同じ問題文"' }), questionYaml('q-two', { question: '    question: "同じ\u200B問題\u00AD文"' })]), 'b.yaml');
    const problems = crossBankProblems([{ dir: '.', indexFile: 'sources.yaml', banks: [one.bank!] }]).map((p) => p.rule);
    expect(problems).toContain('near-duplicate');
  });
});

describe('invisible characters in choices', () => {
  it('two choices that differ only by invisible characters are the same choice', () => {
    const text = bankYaml([questionYaml('q-one', { choices: ['    choices:', '      - text: 正しい', '        correct: true', '      - text: "同じ"', '      - text: "同\u200Bじ"'].join('\n') })]);
    expect(parseBank(text, 'b.yaml').problems.map((p) => p.rule)).toEqual(['control-chars', 'duplicate-choice']);
  });
});

describe('invalid UTF-8', () => {
  it('is an error at its line and column, not a U+FFFD in the text', () => {
    const bytes = Buffer.concat([Buffer.from('bank: a\ntitle: ab'), Buffer.from([0xff, 0xfe]), Buffer.from('c\n')]);
    expect(decodeUtf8(bytes)).toEqual({ ok: false, line: 2, col: 10 });
    expect(decodeUtf8(Buffer.from('bank: ü\n'))).toEqual({ ok: true, text: 'bank: ü\n' });
    const dir = tempDir();
    writeFileSync(join(dir, 'b.yaml'), bytes);
    expect(loadBanks([dir]).problems.map((p) => [p.rule, p.line, p.col])).toEqual([['invalid-utf8', 2, 10]]);
  });
});

describe('terminalSafe', () => {
  it('keeps colours and line breaks, removes every other escape sequence and control character', async () => {
    const { terminalSafe } = await import('../../src/bank/text.js');
    expect(terminalSafe('\u001b[1mbold\u001b[22m\nline')).toBe('\u001b[1mbold\u001b[22m\nline');
    expect(terminalSafe('a\u001b]52;c;aGk=\u0007b\u001b]0;title\u001b\\c\u001b[2Jd\u001bMe\rf\u0008g\u200Bh\u202Ei\u009b31mj')).toBe('abcdefghi31mj');
  });
});
