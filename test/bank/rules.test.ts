import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintBanks } from '../../src/bank/lint.js';
import { loadBanks } from '../../src/bank/load.js';
import { renderLintText } from '../../src/ui/lint-report.js';
import { bankYaml, questionYaml, SOURCES_YAML, wordsFor } from '../helpers/bank.js';
import { tempDir } from '../helpers/tmp.js';

function lintFiles(files: Record<string, string>, coverage = false) {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return lintBanks(loadBanks([dir]), { coverage });
}
const rules = (r: ReturnType<typeof lintFiles>) => r.problems.map((p) => p.rule);
const two = (a: string, b: string, extra: Record<string, string> = {}) => [questionYaml(a, extra), questionYaml(b, extra)];

describe('cross-bank rules', () => {
  it('passes a clean set', () => {
    const r = lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml(two('a-one', 'a-two'), 'a') });
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ files: 1, questions: 2, errors: 0, warnings: 0 });
  });

  it('reports the share of questions tagged with an SAP-C02 domain', () => {
    const tagged = questionYaml('a-one', { domain: '    domain: cost\n    sap_domain: new-solutions' });
    const r = lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml([tagged, questionYaml('a-two'), questionYaml('a-three')], 'a') });
    expect(r).toMatchObject({ questions: 3, sapTagged: 1 });
    expect(renderLintText(r).join('\n')).toContain('SAP-C02 domains: 1 of 3 questions tagged (33%)');
  });

  it('finds duplicate ids across files, pointing at the second', () => {
    const r = lintFiles({
      'sources.yaml': SOURCES_YAML,
      'a.yaml': bankYaml(two('same-id', 'a-two'), 'a'),
      'b.yaml': bankYaml([questionYaml('same-id', { question: '    question: 別の問題文' }), questionYaml('b-two')], 'b'),
    });
    const p = r.problems.find((x) => x.rule === 'unique-id');
    expect(p).toMatchObject({ file: expect.stringMatching(/b\.yaml$/), line: 4 });
    // The message names the first one, file:line.
    expect(p!.params).toEqual({ id: 'same-id', first: expect.stringMatching(/a\.yaml:4$/) });
  });

  it('finds duplicate bank names', () => {
    const r = lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml(two('a-one', 'a-two'), 'x'), 'b.yaml': bankYaml(two('b-one', 'b-two'), 'x') });
    expect(r.problems.find((p) => p.rule === 'unique-bank')!.params).toEqual({ bank: 'x', first: expect.stringMatching(/a\.yaml:1$/) });
  });

  it('finds near-duplicate questions whatever the spacing and punctuation', () => {
    const r = lintFiles({
      'sources.yaml': SOURCES_YAML,
      'a.yaml': bankYaml(
        [
          questionYaml('a-one', { question: '    question: VPC エンドポイントとは何か？' }),
          questionYaml('a-two', { question: '    question: "VPC  エンドポイントとは、何か"' }),
        ],
        'a',
      ),
    });
    expect(rules(r)).toEqual(['near-duplicate']);
    expect(r.problems[0]!.params).toMatchObject({ id: 'a-two', other: 'a-one', first: expect.stringMatching(/a\.yaml:\d+$/) });
  });

  it('resolves sources against sources.yaml beside the bank', () => {
    const bad = lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml(two('a-one', 'a-two', { source: '    source: note.txt#nowhere' }), 'a') });
    expect(rules(bad)).toEqual(['source-unresolved', 'source-unresolved']);
    const skipped = lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml(two('a-one', 'a-two', { source: '    source: note.txt#skipped' }), 'a') });
    expect(rules(skipped)).toEqual(['source-skipped', 'source-skipped']);
    const none = lintFiles({ 'a.yaml': bankYaml(two('a-one', 'a-two'), 'a') });
    expect(rules(none)).toEqual(['missing-sources']);
  });

  it('warns about a topic with one question', () => {
    const r = lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml([questionYaml('a-one'), questionYaml('a-three'), questionYaml('a-two', { topic: '    topic: vpc/lonely' })], 'a') });
    expect(r.problems).toMatchObject([{ rule: 'single-question-topic', severity: 'warning', params: { topic: 'vpc/lonely' } }]);
    expect(r.errors).toBe(0);
  });

  it('warns when correct answers pile on one position, not when they are spread', () => {
    const ids = ['a-1', 'a-2', 'a-3', 'a-4'];
    const piled = lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml(ids.map((id) => questionYaml(id)), 'a') });
    expect(rules(piled)).toEqual(['answer-position']);
    const at = (id: string, n: number) =>
      ['    choices:', ...[0, 1, 2].flatMap((i) => [`      - text: ${wordsFor(`${id}/${i}`)}`, ...(i === n ? ['        correct: true'] : [])])].join('\n');
    const spread = lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml(ids.map((id, i) => questionYaml(id, { choices: at(id, i % 3) })), 'a') });
    expect(rules(spread)).toEqual([]);
  });

  it('warns when over 35 % of multiple-response keys are the first choices as written, naming them; not when spread', () => {
    const ids = ['m-1', 'm-2', 'm-3', 'm-4'];
    const keyed = (id: string, at: number[]) =>
      questionYaml(id, {
        type: '    type: multiple',
        choices: ['    choices:', ...[0, 1, 2, 3].flatMap((i) => [`      - text: ${wordsFor(`${id}/${i}`)}`, ...(at.includes(i) ? ['        correct: true'] : [])])].join('\n'),
      });
    const first = lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml([keyed('m-1', [0, 1]), keyed('m-2', [0, 1]), keyed('m-3', [1, 3]), keyed('m-4', [0, 2])], 'a') });
    expect(first.problems).toMatchObject([{ rule: 'answer-position', variant: 'multiple', line: 1, params: { count: 2, total: 4, ids: 'm-1, m-2' } }]);
    const spread = lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml(ids.map((id, i) => keyed(id, i === 0 ? [0, 1] : [i - 1, 3])), 'a') });
    expect(rules(spread)).toEqual([]);
  });

  it('reports sections cited fewer than twice only with coverage', () => {
    const files = { 'sources.yaml': SOURCES_YAML, 'a.yaml': bankYaml(two('a-one', 'a-two'), 'a') };
    expect(rules(lintFiles(files))).toEqual([]);
    const r = lintFiles(files, true);
    expect(r.problems).toMatchObject([{ rule: 'thin-section', params: { section: 's3-basics', citations: 0 } }]);
    expect(r.coverage?.find((s) => s.id === 'vpc-endpoints')?.citations).toBe(2);
    expect(r.coverage?.find((s) => s.id === 'skipped')?.skipped).toBe(true);
  });

  it('reports duplicate section ids in sources.yaml', () => {
    const r = lintFiles({ 'sources.yaml': SOURCES_YAML.replace('id: s3-basics', 'id: vpc-endpoints'), 'a.yaml': bankYaml(two('a-one', 'a-two'), 'a') });
    expect(rules(r)).toEqual(['unique-section']);
  });

  it('names files inside the working directory by their relative path, others in full', () => {
    const fixture = fileURLToPath(new URL('../fixtures/banks/bad/', import.meta.url));
    const inside = lintBanks(loadBanks([fixture])).problems.map((p) => p.file);
    expect(new Set(inside)).toEqual(new Set([relative(process.cwd(), join(fixture, 'broken.yaml'))]));
    expect(inside[0]).not.toMatch(/^[/.]/);
    const dir = tempDir();
    writeFileSync(join(dir, 'sources.yaml'), SOURCES_YAML);
    writeFileSync(join(dir, 'a.yaml'), 'bank: [');
    expect(lintBanks(loadBanks([dir])).problems[0]!.file).toBe(join(dir, 'a.yaml'));
  });

  it('refuses a file with NUL bytes as binary, without parsing it', () => {
    const r = lintFiles({ 'sources.yaml': SOURCES_YAML, 'a.yaml': 'bank: a\0\0\0' });
    expect(r.problems).toMatchObject([{ rule: 'binary-file', line: 1, col: 1 }]);
  });

  it('reports an oversized file by its size, without reading it into memory', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sources.yaml'), SOURCES_YAML);
    // A sparse file of 1 GiB: no disk space used, but reading it would take a gigabyte of memory.
    const big = join(dir, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, 1024 ** 3);
    const peakBefore = process.resourceUsage().maxRSS * 1024;
    const r = lintBanks(loadBanks([dir]));
    const peakAfter = process.resourceUsage().maxRSS * 1024;
    expect(peakAfter - peakBefore, 'peak memory grew by').toBeLessThan(256 * 1024 ** 2);
    expect(r.problems).toMatchObject([{ rule: 'file-too-large', file: big, params: { size: 1024 ** 3 } }]);
  });
});
