import { XMLParser } from 'fast-xml-parser';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintBanks } from '../../src/bank/lint.js';
import { loadBanks } from '../../src/bank/load.js';
import { renderLintJunit, renderLintSarif, sarifUri } from '../../src/ui/lint-ci-report.js';

const fixtures = fileURLToPath(new URL('../fixtures/banks/', import.meta.url));
const lint = (...dirs: string[]) => lintBanks(loadBanks(dirs.map((d) => fixtures + d)));

describe('SARIF 2.1.0', () => {
  it('has the shape code scanning reads: version, rules, results at regions', () => {
    const result = lint('bad');
    const doc = JSON.parse(renderLintSarif(result, '1.2.3'));
    expect(doc.version).toBe('2.1.0');
    expect(doc.$schema).toMatch(/sarif-2\.1\.0/);
    expect(doc.runs).toHaveLength(1);
    const run = doc.runs[0];
    expect(run.tool.driver.name).toBe('aws-quiz lint');
    expect(run.tool.driver.version).toBe('1.2.3');
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toEqual([...new Set(result.problems.map((p) => p.rule))].sort());
    expect(run.results).toHaveLength(result.problems.length);
    for (const [i, r] of run.results.entries()) {
      const p = result.problems[i]!;
      expect(r.ruleId).toBe(p.rule);
      expect(ruleIds[r.ruleIndex]).toBe(p.rule);
      expect(r.level).toBe(p.severity === 'error' ? 'error' : 'warning');
      expect(r.message.text.length).toBeGreaterThan(0);
      expect(r.locations[0].physicalLocation.region).toEqual({ startLine: p.line, startColumn: p.col });
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toMatch(/broken\.yaml$/);
    }
    const badValue = run.results.find((r: { ruleId: string }) => r.ruleId === 'bad-value');
    expect(badValue.locations[0].physicalLocation.region).toEqual({ startLine: 6, startColumn: 13 });
  });

  it('writes an empty result list for a clean bank', () => {
    const doc = JSON.parse(renderLintSarif(lint('good'), '1.0.0'));
    expect(doc.runs[0].results).toEqual([]);
    expect(doc.runs[0].tool.driver.rules).toEqual([]);
  });

  it('turns paths into URIs: relative with / and percent-encoding, absolute as file://', () => {
    expect(sarifUri('questions/my bank.yaml')).toBe('questions/my%20bank.yaml');
    expect(sarifUri('/tmp/a b/x.yaml')).toBe('file:///tmp/a%20b/x.yaml');
  });
});

describe('JUnit XML', () => {
  const parse = (text: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testcase', 'failure'].includes(name) }).parse(text);

  it('parses, with one test case per file and one failure per problem', () => {
    const result = lint('bad', 'good');
    const doc = parse(renderLintJunit(result, true));
    const suite = doc.testsuites.testsuite;
    const cases = suite.testcase as { name: string; failure?: { type: string; message: string }[] }[];
    expect(cases.map((c) => c.name).sort()).toEqual(result.checked);
    expect(cases.length).toBe(4); // two banks, two section indexes
    const broken = cases.find((c) => c.name.endsWith('broken.yaml'))!;
    expect(broken.failure).toHaveLength(result.problems.filter((p) => p.file === broken.name).length);
    expect(broken.failure!.map((f) => f.type)).toContain('bad-value');
    expect(broken.failure![0]!.message).toMatch(/broken\.yaml:\d+:\d+ /);
    const clean = cases.find((c) => c.name.endsWith('sample.yaml'))!;
    expect(clean.failure).toBeUndefined();
    expect(Number(suite.failures)).toBe(1);
    expect(Number(suite.tests)).toBe(4);
  });

  it('counts warnings as failures only when strict', () => {
    const result = lint('bad');
    const warnings = result.problems.filter((p) => p.severity === 'warning').length;
    expect(warnings).toBeGreaterThan(0);
    const count = (text: string) => (text.match(/<failure /g) ?? []).length;
    expect(count(renderLintJunit(result, true))).toBe(result.problems.length);
    expect(count(renderLintJunit(result, false))).toBe(result.errors);
    expect(renderLintJunit(result, false)).toContain('<system-out>');
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const result = { files: 1, questions: 0, errors: 1, warnings: 0, checked: ['a<&>".yaml'],
      problems: [{ file: 'a<&>".yaml', line: 1, col: 1, severity: 'error' as const, rule: 'yaml-syntax', params: { detail: 'bad </failure> \u0001 & "x"' } }] };
    const text = renderLintJunit(result, false);
    const doc = parse(text);
    expect(doc.testsuites.testsuite.testcase[0].name).toBe('a<&>".yaml');
    expect(doc.testsuites.testsuite.testcase[0].failure[0].message).toContain('</failure>');
    expect(text).not.toContain('\u0001');
  });
});
