import { copiedProblems, sectionSpans, type SectionText } from './rules/copied.js';
import { weakDistractorProblems } from './rules/distractor.js';
import { longestAnswerProblems } from './rules/giveaway.js';
import { mixedRegisterProblems } from './rules/register.js';
import { statedCountProblems } from './rules/stated-count.js';
import { similarPairs } from './similarity.js';
import { normalizeForComparison } from './text.js';
import type { Bank, Location, Problem, Question, SourceIndex } from './types.js';

/** The banks of one directory and the section index beside them. */
export interface BankGroup {
  dir: string;
  indexFile: string;
  index?: SourceIndex;
  banks: Bank[];
}

export interface SectionCoverage {
  id: string;
  heading: string;
  noteFile: string;
  skipped: boolean;
  citations: number;
}

/** How many questions a section needs before lint --coverage counts it as covered. */
export const MIN_CITATIONS = 2;

const at = (loc: Location, rule: string, params: Problem['params'], severity: Problem['severity'] = 'error'): Problem => ({
  ...loc,
  rule,
  severity,
  params,
});

/** Pure: the checks of one question on its own. */
export function questionProblems(q: Question): Problem[] {
  return [...statedCountProblems(q), ...mixedRegisterProblems(q), ...weakDistractorProblems(q)];
}

export interface CrossBankOptions {
  /** The note files' texts by file name: compare each question with its cited section. */
  notes?: Map<string, string>;
}

/** Pure: the checks that need every bank at once. */
export function crossBankProblems(groups: BankGroup[], options: CrossBankOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const banks = groups.flatMap((g) => g.banks);
  const questions = banks.flatMap((b) => b.questions);

  const bankNames = new Map<string, Bank>();
  for (const b of banks) {
    const first = bankNames.get(b.name);
    if (first) problems.push(at(b.at, 'unique-bank', { bank: b.name, first: `${first.file}:${first.at.line}` }));
    else bankNames.set(b.name, b);
  }

  const ids = new Map<string, Question>();
  const texts = new Map<string, Question>();
  const topics = new Map<string, Question[]>();
  for (const q of questions) {
    const first = ids.get(q.id);
    if (first) problems.push(at(q.at.id, 'unique-id', { id: q.id, first: `${first.at.id.file}:${first.at.id.line}` }));
    else ids.set(q.id, q);
    const norm = normalizeForComparison(q.question);
    const twin = texts.get(norm);
    if (twin) problems.push(at(q.at.text, 'near-duplicate', { id: q.id, other: twin.id, first: `${twin.at.text.file}:${twin.at.text.line}` }));
    else texts.set(norm, q);
    problems.push(...questionProblems(q));
    const list = topics.get(q.topic);
    if (list) list.push(q);
    else topics.set(q.topic, [q]);
  }
  for (const pair of similarPairs(questions)) {
    const [first, second] = [questions[pair.first]!, questions[pair.second]!];
    if (normalizeForComparison(first.question) === normalizeForComparison(second.question)) continue;
    const params = { id: second.id, other: first.id, first: `${first.at.text.file}:${first.at.text.line}`, similarity: Math.round(pair.similarity * 100) };
    problems.push({ ...at(second.at.text, 'near-duplicate', params, 'warning'), variant: 'similar' });
  }
  for (const [topic, list] of topics) {
    if (list.length === 1) problems.push(at(list[0]!.at.topic, 'single-question-topic', { topic }, 'warning'));
  }

  for (const g of groups) {
    if (!g.index) {
      for (const b of g.banks) problems.push(at({ file: b.file, line: 1, col: 1 }, 'missing-sources', { expected: g.indexFile }));
      continue;
    }
    const sections = new Map(g.index.sections.map((s) => [`${s.noteFile}#${s.id}`, s]));
    for (const q of g.banks.flatMap((b) => b.questions)) {
      const s = sections.get(q.source);
      if (!s) problems.push(at(q.at.source, 'source-unresolved', { id: q.id, source: q.source, index: g.indexFile }));
      else if (s.skip !== undefined) problems.push(at(q.at.source, 'source-skipped', { id: q.id, source: q.source }));
    }
  }

  if (options.notes) problems.push(...notesProblems(groups, options.notes));

  for (const b of banks) {
    const p = answerPositionProblem(b);
    if (p) problems.push(p);
    const m = multipleKeyPositionProblem(b);
    if (m) problems.push(m);
    problems.push(...longestAnswerProblems(b));
  }
  return problems;
}

/** Rule `copied-from-notes`: each question against its cited section; a note not given is named once. */
function notesProblems(groups: BankGroup[], notes: Map<string, string>): Problem[] {
  const problems: Problem[] = [];
  for (const g of groups) {
    if (!g.index) continue;
    const spans: Map<string, SectionText> = sectionSpans(g.index, notes);
    const missing = new Set<string>();
    for (const s of g.index.sections) {
      if (notes.has(s.noteFile) || missing.has(s.noteFile)) continue;
      missing.add(s.noteFile);
      problems.push({ ...at(s.at, 'copied-from-notes', { note: s.noteFile }, 'warning'), variant: 'missing' });
    }
    for (const q of g.banks.flatMap((b) => b.questions)) {
      const span = spans.get(q.source);
      if (span) problems.push(...copiedProblems(q, span));
    }
  }
  return problems;
}

/** Above this share of a bank's multiple-response questions keyed on the first choices as written, the files teach the position. */
export const FIRST_CHOICES_SHARE_MAX = 0.35;

/**
 * Practice shuffles the choices, but exports and anyone reading the YAML keep the file order:
 * multiple-response keys that are always the first k choices (A and B) give the answer away.
 */
function multipleKeyPositionProblem(bank: Bank): Problem | undefined {
  const multiples = bank.questions.filter((q) => q.type === 'multiple');
  if (multiples.length < 4) return undefined;
  const first = multiples.filter((q) => {
    const k = q.choices.filter((c) => c.correct).length;
    return q.choices.every((c, i) => c.correct === i < k);
  });
  if (first.length <= multiples.length * FIRST_CHOICES_SHARE_MAX) return undefined;
  const params = { bank: bank.name, count: first.length, total: multiples.length, max: FIRST_CHOICES_SHARE_MAX * 100, ids: first.map((q) => q.id).join(', ') };
  return { ...at(bank.at, 'answer-position', params, 'warning'), variant: 'multiple' };
}

/** Correct answers piled on one position teach the position, not the subject. */
function answerPositionProblem(bank: Bank): Problem | undefined {
  const singles = bank.questions.filter((q) => q.type === 'single');
  if (singles.length < 4) return undefined;
  const counts = new Map<number, number>();
  for (const q of singles) {
    const i = q.choices.findIndex((c) => c.correct);
    counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const [position, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  if (count * 2 <= singles.length) return undefined;
  return at(bank.at, 'answer-position', { bank: bank.name, position: position + 1, count, total: singles.length }, 'warning');
}

/** Pure: how often each section of each index is cited, and warnings for thin ones. */
export function coverage(groups: BankGroup[]): { sections: SectionCoverage[]; problems: Problem[] } {
  const sections: SectionCoverage[] = [];
  const problems: Problem[] = [];
  for (const g of groups) {
    if (!g.index) continue;
    const counts = new Map<string, number>();
    for (const q of g.banks.flatMap((b) => b.questions)) counts.set(q.source, (counts.get(q.source) ?? 0) + 1);
    for (const s of g.index.sections) {
      const citations = counts.get(`${s.noteFile}#${s.id}`) ?? 0;
      const skipped = s.skip !== undefined;
      sections.push({ id: s.id, heading: s.heading, noteFile: s.noteFile, skipped, citations });
      if (!skipped && citations < MIN_CITATIONS) problems.push(at(s.at, 'thin-section', { section: s.id, citations, min: MIN_CITATIONS }, 'warning'));
    }
  }
  return { sections, problems };
}
