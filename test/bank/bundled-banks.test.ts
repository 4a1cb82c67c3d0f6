import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintBanks } from '../../src/bank/lint.js';
import { allQuestions, loadBanks } from '../../src/bank/load.js';
import { bankTableMarkdown, summarizeBanks } from '../../src/bank/summary.js';

// The banks are the product: these floors keep them from silently shrinking.
const dir = fileURLToPath(new URL('../../questions', import.meta.url));
const loaded = loadBanks([dir]);
const questions = allQuestions(loaded);
const rows = summarizeBanks(loaded.groups);

describe('the bundled question banks', () => {
  it('lint clean, strict, with every live note section cited at least twice', () => {
    const result = lintBanks(loaded, { coverage: true });
    expect(result.problems.map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual([]);
    const live = result.coverage!.filter((s) => !s.skipped);
    expect(live.length).toBeGreaterThanOrEqual(100);
    expect(live.filter((s) => s.citations < 2)).toEqual([]);
  });

  it('index every section of all three notes', () => {
    const notes = new Set(loaded.groups.flatMap((g) => g.index?.sections.map((s) => s.noteFile) ?? []));
    expect([...notes].sort()).toEqual(['000_54328491b4c48bc9.txt', '002_f312c12366a85e76.txt', '003_50dca0734026d0ee.txt']);
  });

  it('hold at least 250 questions, a fifth of them multiple-response, in banks that are none of them empty', () => {
    expect(questions.length).toBeGreaterThanOrEqual(250);
    expect(questions.filter((q) => q.type === 'multiple').length / questions.length).toBeGreaterThanOrEqual(0.2);
    for (const r of rows) expect(r.questions, r.bank).toBeGreaterThanOrEqual(4);
  });

  it('explain every question and every choice', () => {
    expect(questions.filter((q) => !q.explanation?.trim()).map((q) => q.id)).toEqual([]);
    expect(questions.filter((q) => q.choices.some((c) => !c.why?.trim())).map((q) => q.id)).toEqual([]);
  });

  it('spread over the four exam domains roughly as SAA-C03 weighs them', () => {
    const share = (d: string) => questions.filter((q) => q.domain === d).length / questions.length;
    for (const [domain, weight] of [['secure', 0.3], ['resilient', 0.26], ['performant', 0.24], ['cost', 0.2]] as const) {
      expect(share(domain), domain).toBeGreaterThan(weight - 0.1);
      expect(share(domain), domain).toBeLessThan(weight + 0.1);
    }
  });

  it('are mostly exam-style scenarios, not only definitions', () => {
    // A scenario sets a situation and asks for the solution that meets it.
    const scenario = /(企業|会社|組織|チーム|開発者|管理者|エンジニア|アーキテクト|ユーザー|顧客|要件|したい|必要があります|求められ)/;
    expect(questions.filter((q) => scenario.test(q.question)).length / questions.length).toBeGreaterThanOrEqual(0.4);
  });

  it('are listed in README with their current counts', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme, 'run `npm run readme`').toContain(bankTableMarkdown(rows));
  });
});
