import type { QuizQuestion } from '../bank/cache.js';
import type { Blueprint, ExamDomain } from './blueprints.js';
import { choiceOrder, seededRandom, shuffle } from './random.js';

// Which questions an exam asks, and in what order. Pure: the same pool, count, weights
// and seed always give the same exam.

export interface DrawFilters {
  banks?: readonly string[];
  topics?: readonly string[];
}

/** `vpc/` (or `vpc`) selects vpc/endpoints and vpc/peering; `vpc/endpoints` selects itself and what lies under it. */
export function topicMatches(topic: string, filter: string): boolean {
  const f = filter.replace(/\/+$/, '');
  return topic === f || topic.startsWith(f + '/');
}

export function filterQuestions(questions: readonly QuizQuestion[], filters: DrawFilters): QuizQuestion[] {
  return questions.filter(
    (q) =>
      (!filters.banks?.length || filters.banks.includes(q.bank)) &&
      (!filters.topics?.length || filters.topics.some((f) => topicMatches(q.topic, f))),
  );
}

/** Filter values that select nothing, so a typo is reported instead of silently shrinking the exam. */
export function unmatchedFilters(questions: readonly QuizQuestion[], filters: DrawFilters): { banks: string[]; topics: string[] } {
  return {
    banks: (filters.banks ?? []).filter((b) => !questions.some((q) => q.bank === b)),
    topics: (filters.topics ?? []).filter((f) => !questions.some((q) => topicMatches(q.topic, f))),
  };
}

/**
 * Splits `count` across domains (the keys of `weights`, in order) in proportion to their weights
 * (largest remainder), never giving a domain more than it has. What a short domain cannot supply
 * is spread over the others by their weights, so the exam stays as close to the blueprint as the
 * banks allow; a domain weighted 0 gives only what the weighted ones cannot.
 */
export function apportion<K extends string>(count: number, weights: Readonly<Partial<Record<K, number>>>, available: Readonly<Partial<Record<K, number>>>): Record<K, number> {
  const domains = Object.keys(weights) as K[];
  const has = (d: K) => available[d] ?? 0;
  const alloc = Object.fromEntries(domains.map((d) => [d, 0])) as Record<K, number>;
  let open = domains.filter((d) => has(d) > 0);
  let left = Math.min(count, open.reduce((n, d) => n + has(d), 0));
  while (left > 0 && open.length > 0) {
    const quotas = largestRemainder(left, open, weights);
    const overflow = open.filter((d) => quotas[d]! > has(d) - alloc[d]);
    if (overflow.length === 0) {
      for (const d of open) alloc[d] += quotas[d]!;
      break;
    }
    for (const d of overflow) {
      left -= has(d) - alloc[d];
      alloc[d] = has(d);
    }
    open = open.filter((d) => !overflow.includes(d));
  }
  return alloc;
}

function largestRemainder<K extends string>(total: number, domains: readonly K[], weights: Readonly<Partial<Record<K, number>>>): Partial<Record<K, number>> {
  const weight = (d: K) => Math.max(0, weights[d] ?? 0);
  // Domains the blueprint gives no weight still take part equally when nothing else is left.
  const w = (d: K) => (domains.some((x) => weight(x) > 0) ? weight(d) : 1);
  const sum = domains.reduce((n, d) => n + w(d), 0);
  const exact = domains.map((d) => ({ d, q: (total * w(d)) / sum }));
  const out: Partial<Record<K, number>> = {};
  for (const { d, q } of exact) out[d] = Math.floor(q);
  let rest = total - exact.reduce((n, { q }) => n + Math.floor(q), 0);
  // Ties go to the domain listed first, so the split is stable.
  const byFraction = [...exact].sort((a, b) => b.q - Math.floor(b.q) - (a.q - Math.floor(a.q)));
  for (const { d } of byFraction) {
    if (rest-- <= 0) break;
    out[d]! += 1;
  }
  return out;
}

export interface DrawnQuestion {
  question: QuizQuestion;
  /** Original choice indexes in the order they are shown, kept for the whole exam. */
  choiceOrder: number[];
}

export interface ExamDraw {
  items: DrawnQuestion[];
  /** What was asked for, and how many questions the filters left to draw from. */
  asked: number;
  available: number;
  perDomain: Partial<Record<ExamDomain, number>>;
}

export interface DrawOptions {
  count: number;
  weights: Blueprint['weights'];
  seed: string;
  /** The domain each question counts toward (the blueprint's); the associate domain when left out. */
  domainOf?: (q: QuizQuestion) => ExamDomain;
}

export function drawExam(pool: readonly QuizQuestion[], options: DrawOptions): ExamDraw {
  const random = seededRandom(options.seed);
  const domainOf = options.domainOf ?? ((q: QuizQuestion) => q.domain);
  const domains = Object.keys(options.weights) as ExamDomain[];
  // Sorted by id so the draw depends on the seed, not on the order files were read in.
  const sorted = [...pool].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byDomain = new Map(domains.map((d) => [d, sorted.filter((q) => domainOf(q) === d)]));
  const available = Object.fromEntries(domains.map((d) => [d, byDomain.get(d)!.length])) as Partial<Record<ExamDomain, number>>;
  const perDomain = apportion(options.count, options.weights, available);
  const chosen = domains.flatMap((d) => shuffle(byDomain.get(d)!, random).slice(0, perDomain[d]));
  const items = shuffle(chosen, random).map((question) => ({ question, choiceOrder: choiceOrder(question.choices.length, random) }));
  return { items, asked: options.count, available: pool.length, perDomain };
}
