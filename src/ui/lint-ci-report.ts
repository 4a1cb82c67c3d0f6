import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintResult } from '../bank/lint.js';
import { sanitizeText } from '../bank/text.js';
import type { Problem } from '../bank/types.js';
import { problemMessage } from './lint-report.js';

// Lint findings in the two formats CI systems read natively: SARIF 2.1.0 (GitHub code
// scanning shows it on the pull request's lines) and JUnit XML (GitLab, Jenkins and most
// others show it as test results).

/** SARIF wants URIs: relative paths stay relative (to the checkout), with `/` and percent-encoding. */
export function sarifUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

export function renderLintSarif(result: LintResult, version: string): string {
  const ruleIds = [...new Set(result.problems.map((p) => p.rule))].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aws-quiz lint',
            version,
            rules: ruleIds.map((id) => ({ id, name: id, shortDescription: { text: id }})),
          },
        },
        results: result.problems.map((p) => ({
          ruleId: p.rule,
          ruleIndex: index.get(p.rule)!,
          level: p.severity === 'error' ? 'error' : 'warning',
          message: { text: problemMessage(p) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: sarifUri(sanitizeText(p.file)) },
                region: { startLine: Math.max(1, p.line), startColumn: Math.max(1, p.col) },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

// XML 1.0 allows neither most control characters nor lone surrogates, even escaped.
const xml = (s: string) =>
  sanitizeText(s)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/**
 * One test case per file checked, with one failure per problem in it, so a clean file shows
 * as a passed test. Warnings count as failures only with `--strict`, as lint's exit code does.
 */
export function renderLintJunit(result: LintResult, strict: boolean): string {
  const byFile = new Map<string, Problem[]>(result.checked.map((f) => [f, []]));
  for (const p of result.problems) byFile.get(p.file)?.push(p) ?? byFile.set(p.file, [p]);
  const fails = (p: Problem) => p.severity === 'error' || strict;
  const failing = [...byFile.values()].filter((ps) => ps.some(fails)).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="aws-quiz lint" tests="${byFile.size}" failures="${failing}" errors="0">`,
    `  <testsuite name="aws-quiz lint" tests="${byFile.size}" failures="${failing}" errors="0" skipped="0">`,
  ];
  for (const [file, problems] of byFile) {
    const open = `    <testcase classname="aws-quiz.lint" name="${xml(file)}" file="${xml(file)}"`;
    if (!problems.length) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`);
    const out: string[] = [];
    for (const p of problems) {
      const place = `${p.file}:${p.line}:${p.col}`;
      if (fails(p)) lines.push(`      <failure type="${xml(p.rule)}" message="${xml(`${place} ${problemMessage(p)}`)}">${xml(`${p.severity} ${p.rule} at ${place}`)}</failure>`);
      else out.push(`${place} ${p.severity} ${problemMessage(p)} ${p.rule}`);
    }
    if (out.length) lines.push(`      <system-out>${xml(out.join('\n'))}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return lines.join('\n');
}
