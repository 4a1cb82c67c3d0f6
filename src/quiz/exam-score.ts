import type { QuizQuestion } from '../bank/cache.js';
import { BLUEPRINTS, domainOf, domainsOf, SCALE_MAX, SCALE_MIN, type Blueprint, type ExamDomain } from './blueprints.js';

// Scoring as the real exam does it: a multiple-response question counts only when
// exactly the right set is chosen, and an unanswered question is a wrong one.

export interface ScoredItem {
  question: QuizQuestion;
  /** Original choice indexes, or null when unanswered. */
  selected: readonly number[] | null;
}

export function correctChoices(q: QuizQuestion): number[] {
  return q.choices.flatMap((c, i) => (c.correct ? [i] : []));
}

export function isCorrect(q: QuizQuestion, selected: readonly number[] | null): boolean {
  if (!selected || selected.length === 0) return false;
  const want = correctChoices(q);
  const got = [...new Set(selected)].sort((a, b) => a - b);
  return got.length === want.length && got.every((v, i) => v === want[i]);
}

/**
 * AWS scales raw scores through equating that it does not publish; a straight line from
 * 0 % → 100 to 100 % → 1000 is the usual approximation. Only ever shown as an estimate.
 */
export function estimateScaled(fraction: number): number {
  const f = Math.max(0, Math.min(1, fraction));
  return Math.round(SCALE_MIN + (SCALE_MAX - SCALE_MIN) * f);
}

export interface DomainScore {
  /** An associate domain, or an SAP-C02 one (or "untagged") for the professional blueprint. */
  domain: ExamDomain;
  correct: number;
  total: number;
  /** Meets the competency if the domain alone would reach the pass mark. */
  meets: boolean;
}

export interface TopicScore {
  topic: string;
  correct: number;
  total: number;
}

export interface ExamResult {
  total: number;
  /** Questions with any choice made, incomplete ones included. */
  answered: number;
  /** Multiple-response questions with fewer ticks than they ask for (scored wrong). */
  incomplete?: number;
  correct: number;
  /** Whole percent. */
  percent: number;
  /** Estimated, 100–1000. */
  scaled: number;
  passMark: number;
  passed: boolean;
  domains: DomainScore[];
  /** Up to five topics with wrong answers, weakest first. */
  weakTopics: TopicScore[];
  timeUsedMs: number;
  timeLimitMs: number | null;
  /** Per question in exam order: right or not. */
  marks: boolean[];
}

export const WEAK_TOPICS_SHOWN = 5;

export interface ScoreMeta {
  passMark: number;
  timeUsedMs: number;
  timeLimitMs: number | null;
  /** Which domains to report by; the associate ones when left out. */
  blueprint?: Blueprint;
}

export function scoreExam(items: readonly ScoredItem[], meta: ScoreMeta): ExamResult {
  const marks = items.map((it) => isCorrect(it.question, it.selected));
  const correct = marks.filter(Boolean).length;
  const total = items.length;
  const fraction = total === 0 ? 0 : correct / total;
  const scaled = estimateScaled(fraction);

  const blueprint = meta.blueprint ?? BLUEPRINTS.saa;
  const domainFor = domainOf(blueprint);
  const domains = domainsOf(blueprint).flatMap((domain) => {
    const idx = items.flatMap((it, i) => (domainFor(it.question) === domain ? [i] : []));
    if (idx.length === 0) return [];
    const right = idx.filter((i) => marks[i]).length;
    return [{ domain, correct: right, total: idx.length, meets: estimateScaled(right / idx.length) >= meta.passMark }];
  });

  const topics = new Map<string, TopicScore>();
  items.forEach((it, i) => {
    const s = topics.get(it.question.topic) ?? { topic: it.question.topic, correct: 0, total: 0 };
    s.total++;
    if (marks[i]) s.correct++;
    topics.set(it.question.topic, s);
  });
  const weakTopics = [...topics.values()]
    .filter((s) => s.correct < s.total)
    .sort((a, b) => a.correct / a.total - b.correct / b.total || b.total - b.correct - (a.total - a.correct) || a.topic.localeCompare(b.topic))
    .slice(0, WEAK_TOPICS_SHOWN);

  return {
    total,
    answered: items.filter((it) => it.selected && it.selected.length > 0).length,
    incomplete: items.filter((it) => it.selected && it.selected.length > 0 && it.selected.length < correctChoices(it.question).length).length,
    correct,
    percent: Math.round(fraction * 100),
    scaled,
    passMark: meta.passMark,
    passed: scaled >= meta.passMark,
    domains,
    weakTopics,
    timeUsedMs: Math.round(meta.timeUsedMs),
    timeLimitMs: meta.timeLimitMs,
    marks,
  };
}
