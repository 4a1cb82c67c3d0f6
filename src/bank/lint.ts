import type { LoadedBanks } from './load.js';
import { coverage, crossBankProblems, type SectionCoverage } from './rules.js';
import type { Problem } from './types.js';

export interface LintResult {
  files: number;
  questions: number;
  /** Questions tagged with an SAP-C02 domain (sap_domain), which `--blueprint sap` draws by. */
  sapTagged: number;
  problems: Problem[];
  errors: number;
  warnings: number;
  coverage?: SectionCoverage[];
}

/** Pure: everything lint reports about a loaded set of banks, sorted by place. */
export function lintBanks(loaded: LoadedBanks, options: { coverage?: boolean } = {}): LintResult {
  const problems = [...loaded.problems, ...crossBankProblems(loaded.groups)];
  let sections: SectionCoverage[] | undefined;
  if (options.coverage) {
    const c = coverage(loaded.groups);
    problems.push(...c.problems);
    sections = c.sections;
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.rule.localeCompare(b.rule));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const result: LintResult = {
    files: loaded.files,
    questions: loaded.groups.reduce((n, g) => n + g.banks.reduce((m, b) => m + b.questions.length, 0), 0),
    sapTagged: loaded.groups.reduce((n, g) => n + g.banks.reduce((m, b) => m + b.questions.filter((q) => q.sapDomain !== undefined).length, 0), 0),
    problems,
    errors,
    warnings: problems.length - errors,
  };
  if (sections) result.coverage = sections;
  return result;
}
