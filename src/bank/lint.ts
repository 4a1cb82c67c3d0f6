import type { LoadedBanks } from './load.js';
import { notesProblems, type NoteTexts, type UnindexedHeading } from './notes-check.js';
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
  /** Every file read (banks, section indexes, and files that could not be read), for reports that list the clean ones too. */
  checked: string[];
  coverage?: SectionCoverage[];
  /** With notes and coverage: the notes' headings that no section indexes yet. */
  unindexed?: UnindexedHeading[];
}

/** Pure: everything lint reports about a loaded set of banks, sorted by place. */
export function lintBanks(loaded: LoadedBanks, options: { coverage?: boolean; notes?: NoteTexts } = {}): LintResult {
  const readable = options.notes && new Map([...options.notes].filter((e): e is [string, string] => e[1] !== undefined));
  const problems = [...loaded.problems, ...crossBankProblems(loaded.groups, readable ? { notes: readable } : {})];
  const fromNotes = options.notes && notesProblems(loaded.groups, options.notes);
  if (fromNotes) problems.push(...fromNotes.problems);
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
    questions: loaded.groups.reduce((n, g) => n + g.banks.reduce((m, b) => m + b.questions.length, 0), loaded.rejected),
    sapTagged: loaded.groups.reduce((n, g) => n + g.banks.reduce((m, b) => m + b.questions.filter((q) => q.sapDomain !== undefined).length, 0), 0),
    problems,
    errors,
    warnings: problems.length - errors,
    checked: checkedFiles(loaded, problems),
  };
  if (sections) result.coverage = sections;
  if (sections && fromNotes) result.unindexed = fromNotes.unindexed;
  return result;
}

function checkedFiles(loaded: LoadedBanks, problems: Problem[]): string[] {
  const files = new Set<string>();
  for (const g of loaded.groups) {
    if (g.index) files.add(g.indexFile);
    for (const b of g.banks) files.add(b.file);
  }
  for (const p of problems) files.add(p.file);
  return [...files].sort();
}
