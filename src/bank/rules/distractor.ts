import { normalizeForComparison } from '../text.js';
import type { Problem, Question } from '../types.js';
import { choiceWidths } from './widths.js';

// Choices nobody would pick. A choice that only negates another halves the question
// (one of the two must be right); a choice far shorter than the answer stands out.

/** A choice narrower than this share of the (shortest) correct choice is a giveaway. */
export const SHORT_SHARE = 1 / 3;
const NEGATION = /ない|ません|ず|ぬ|not|no|non|never|cannot|can't|don't|doesn't|isn't/;
/** The words two choices may differ by and still be one statement and its negation. */
const MAX_DIFFERENCE = 5;

/** True when two choices say the same thing except that one says it with a negation. */
export function negationOnly(a: string, b: string): boolean {
  return negationOnlyNormalized(normalizeForComparison(a), normalizeForComparison(b));
}

function negationOnlyNormalized(x: string, y: string): boolean {
  if (x === y) return false;
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  const dx = x.slice(start, x.length - end);
  const dy = y.slice(start, y.length - end);
  if (dx.length > MAX_DIFFERENCE || dy.length > MAX_DIFFERENCE) return false;
  if (start + end < Math.max(x.length, y.length) / 2) return false;
  // The negation may straddle the common part (できる / できない): look at the edges too.
  const around = (s: string, d: string) => s.slice(Math.max(0, start - 2), start + d.length + 2);
  return NEGATION.test(around(x, dx)) !== NEGATION.test(around(y, dy));
}

/** Pure: rule `weak-distractor`, at each weak choice. */
export function weakDistractorProblems(q: Question): Problem[] {
  const problems: Problem[] = [];
  const widths = choiceWidths(q);
  const shortestCorrect = Math.min(...widths.filter((_, i) => q.choices[i]!.correct));
  const normalized = q.choices.map((c) => normalizeForComparison(c.text));
  q.choices.forEach((c, i) => {
    // Positions only when reporting: they need the whole file parsed again.
    const where = () => q.at.choices[i]!.text;
    const twin = normalized.findIndex((o, j) => j < i && negationOnlyNormalized(o, normalized[i]!));
    if (twin >= 0) problems.push({ ...where(), rule: 'weak-distractor', severity: 'warning', variant: 'negation', params: { id: q.id, choice: i + 1, other: twin + 1 } });
    else if (!c.correct && widths[i]! < shortestCorrect * SHORT_SHARE) {
      problems.push({ ...where(), rule: 'weak-distractor', severity: 'warning', variant: 'short', params: { id: q.id, choice: i + 1, width: widths[i]!, correct: shortestCorrect } });
    }
  });
  return problems;
}
