import type { LintResult } from '../bank/lint.js';
import { MIN_CITATIONS } from '../bank/rules.js';
import { escapeControls, sanitizeText } from '../bank/text.js';
import type { Problem } from '../bank/types.js';
import { chalk } from './color.js';
import { t, tDynamic } from '../i18n/i18n.js';

export const LINT_FORMATS = ['text', 'json', 'github', 'sarif', 'junit'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** Problem details quote the bank (keys, values, parser snippets), which is untrusted text. */
export function problemMessage(p: Problem): string {
  const params = Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, typeof v === 'string' ? sanitizeText(v) : v]));
  return sanitizeText(tDynamic(`rule.${p.rule}${p.variant ? `.${p.variant}` : ''}`, worded(p.rule, params)));
}

/** The schema's language-neutral params (empty `where`, `values`, `min`, message keys) in words. */
function worded(rule: string, params: Problem['params']): Problem['params'] {
  const out = { ...params };
  if ((rule === 'unknown-field' || rule === 'missing-field') && !out.where) out.where = t('lint.topLevel');
  if (rule === 'bad-value') {
    if (typeof out.values === 'string') out.expected = t('lint.oneOf', { values: out.values });
    else if (out.min !== undefined) out.expected = t('lint.atLeast', { min: out.min });
    else if (out.max !== undefined) out.expected = t('lint.atMost', { max: out.max });
    else if (typeof out.expected === 'string') out.expected = tDynamic(out.expected);
  }
  return out;
}

// A file name may hold a line break or an escape sequence: written escaped, it names the file and runs nothing.
const place = (p: Problem) => `${escapeControls(p.file)}:${p.line}:${p.col}`;

/** Render functions return lines; the command prints them. */
export function renderLintText(result: LintResult): string[] {
  const lines = result.problems.map((p) => {
    const sev = p.severity === 'error' ? chalk.red(t('lint.severity.error')) : chalk.yellow(t('lint.severity.warning'));
    return `${chalk.bold(place(p))} ${sev} ${problemMessage(p)} ${chalk.dim(p.rule)}`;
  });
  if (result.coverage) {
    const live = result.coverage.filter((s) => !s.skipped);
    if (lines.length) lines.push('');
    lines.push(t('lint.coverageHeader', { min: MIN_CITATIONS }));
    for (const s of result.coverage) {
      const mark = s.skipped ? chalk.dim(t('lint.skip')) : s.citations >= MIN_CITATIONS ? chalk.green(String(s.citations).padStart(4)) : chalk.red(String(s.citations).padStart(4));
      lines.push(`  ${mark}  ${s.noteFile}#${s.id}  ${chalk.dim(s.heading)}`);
    }
    lines.push(
      t('lint.coverageSummary', {
        covered: live.filter((s) => s.citations >= MIN_CITATIONS).length,
        total: live.length,
        skipped: result.coverage.length - live.length,
      }),
    );
  }
  if (result.unindexed?.length) {
    lines.push('', t('lint.unindexedHeader'));
    for (const h of result.unindexed) lines.push(`  ${sanitizeText(`${h.noteFile}:${h.line}`)}  ${chalk.dim(sanitizeText(h.heading))}`);
    lines.push(t('lint.unindexedSummary', { count: result.unindexed.length }));
  }
  if (result.questions > 0)
    lines.push(t('lint.sapTagged', { tagged: result.sapTagged, questions: result.questions, percent: Math.round((100 * result.sapTagged) / result.questions) }));
  lines.push(t('lint.summary', { files: result.files, questions: result.questions, errors: result.errors, warnings: result.warnings }));
  return lines;
}

export function renderLintJson(result: LintResult): string {
  return JSON.stringify(
    {
      files: result.files,
      questions: result.questions,
      sapTagged: result.sapTagged,
      errors: result.errors,
      warnings: result.warnings,
      problems: result.problems.map((p) => ({ file: escapeControls(p.file), line: p.line, col: p.col, severity: p.severity, rule: p.rule, message: problemMessage(p) })),
      ...(result.coverage && { coverage: result.coverage }),
      ...(result.unindexed && { unindexed: result.unindexed }),
    },
    null,
    2,
  );
}

// GitHub workflow commands need %, CR, LF escaped in the message, and also , and : in properties.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function renderLintGithub(result: LintResult): string[] {
  return [
    ...result.problems.map(
      (p) => `::${p.severity === 'error' ? 'error' : 'warning'} file=${escapeProp(escapeControls(p.file))},line=${p.line},col=${p.col},title=${escapeProp(p.rule)}::${escapeData(problemMessage(p))}`,
    ),
    t('lint.summary', { files: result.files, questions: result.questions, errors: result.errors, warnings: result.warnings }),
  ];
}
