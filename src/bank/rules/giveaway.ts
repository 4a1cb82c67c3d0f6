import type { Bank, Problem, Question } from '../types.js';
import { choiceWidths } from './widths.js';

// A test-wise learner picks the longest choice. By chance the correct one is the longest
// about once in as many choices as a question has; a bank above these limits teaches length.

/** Share of a bank's single-answer questions whose correct choice may be strictly the longest. */
export const LONGEST_SHARE_MAX = 0.35;
/** A single-answer question whose correct choice is the longest and this much longer than the mean wrong one. */
export const LONGEST_RATIO_MAX = 1.2;
/** Multiple-response: mean correct width over mean wrong width, per question and per bank. */
export const MULTIPLE_RATIO_MAX = 1.25;
/** Below this many questions of a kind a bank's share says nothing (as for answer-position). */
const MIN_QUESTIONS = 4;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const widths = (q: Question, correct: boolean) => choiceWidths(q).filter((_, i) => q.choices[i]!.correct === correct);

export interface SingleFigure {
  question: Question;
  /** The correct choice is longer than every wrong one (ties do not count). */
  longest: boolean;
  /** Correct choice's display width over the wrong choices' mean. */
  ratio: number;
}

export function singleFigure(q: Question): SingleFigure {
  const [right] = widths(q, true);
  const wrong = widths(q, false);
  return { question: q, longest: right! > Math.max(...wrong), ratio: right! / Math.max(1, mean(wrong)) };
}

/** Mean correct width over mean wrong width of one multiple-response question. */
export function multipleRatio(q: Question): number {
  return mean(widths(q, true)) / Math.max(1, mean(widths(q, false)));
}

export interface BankGiveaway {
  bank: string;
  singles: number;
  longest: number;
  /** Over every single-answer question of the bank: mean correct width / mean wrong width. */
  singleRatio: number;
  /** Over every multiple-response question of the bank: mean correct width / mean wrong width. */
  multiples: number;
  multipleRatio: number;
}

/** Pure: the longest-answer figures of one set of questions (a bank, or every bank at once). */
export function giveawayFigures(name: string, questions: Question[]): BankGiveaway {
  const singleQuestions = questions.filter((q) => q.type === 'single');
  const singles = singleQuestions.map(singleFigure);
  const pooled = (qs: Question[]) => mean(qs.flatMap((q) => widths(q, true))) / Math.max(1, mean(qs.flatMap((q) => widths(q, false))));
  const multiples = questions.filter((q) => q.type === 'multiple');
  return {
    bank: name,
    singles: singles.length,
    longest: singles.filter((s) => s.longest).length,
    singleRatio: singles.length ? pooled(singleQuestions) : 0,
    multiples: multiples.length,
    multipleRatio: multiples.length ? pooled(multiples) : 0,
  };
}

const fixed = (n: number) => n.toFixed(2);
const percent = (part: number, whole: number) => Math.round((part / whole) * 100);

/** Pure: rule `longest-answer`, per question and per bank. */
export function longestAnswerProblems(bank: Bank): Problem[] {
  const problems: Problem[] = [];
  const warn = (loc: Problem, variant: string) => problems.push({ ...loc, variant });
  for (const q of bank.questions) {
    if (q.type === 'single') {
      const f = singleFigure(q);
      if (f.longest && f.ratio > LONGEST_RATIO_MAX) {
        const i = q.choices.findIndex((c) => c.correct);
        warn({ ...q.at.choices[i]!.text, rule: 'longest-answer', severity: 'warning', params: { id: q.id, ratio: fixed(f.ratio), max: LONGEST_RATIO_MAX } }, 'question');
      }
    } else {
      const ratio = multipleRatio(q);
      const first = q.at.choices[q.choices.findIndex((c) => c.correct)]!.text;
      if (ratio > MULTIPLE_RATIO_MAX) warn({ ...first, rule: 'longest-answer', severity: 'warning', params: { id: q.id, ratio: fixed(ratio), max: MULTIPLE_RATIO_MAX } }, 'multiple');
    }
  }
  const g = giveawayFigures(bank.name, bank.questions);
  if (g.singles >= MIN_QUESTIONS && g.longest / g.singles > LONGEST_SHARE_MAX) {
    const params = { bank: bank.name, count: g.longest, total: g.singles, percent: percent(g.longest, g.singles), max: LONGEST_SHARE_MAX * 100 };
    warn({ ...bank.at, rule: 'longest-answer', severity: 'warning', params }, 'bank');
  }
  if (g.multiples >= MIN_QUESTIONS && g.multipleRatio > MULTIPLE_RATIO_MAX) {
    warn({ ...bank.at, rule: 'longest-answer', severity: 'warning', params: { bank: bank.name, ratio: fixed(g.multipleRatio), total: g.multiples, max: MULTIPLE_RATIO_MAX } }, 'bank-multiple');
  }
  return problems;
}
