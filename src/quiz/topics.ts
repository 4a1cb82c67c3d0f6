// Weak topics: each topic's decayed answers pulled toward the learner's overall accuracy.
// Pure and small, so practice can rank topics without loading the rest of the statistics.

/** How fast old answers stop counting: an answer from 30 days ago weighs half a fresh one. */
export const HALF_LIFE_DAYS = 30;
/** The prior is worth this many answers at the learner's overall accuracy. */
export const PRIOR_STRENGTH = 5;
/** Topics with fewer answers in the period are listed apart instead of ranked. */
export const MIN_ATTEMPTS = 5;

/** One row of the topic roll-up: totals for a (bank, topic, domain) in the period. */
export interface TopicTotals {
  bank: string;
  topic: string;
  domain: string;
  attempts: number;
  correct: number;
  timeMs: number;
  dueAttempts: number;
  dueCorrect: number;
  lastDay: string;
  /** Σ attempts × decayWeight(age in days) as of today. */
  decayedAttempts: number;
  decayedCorrect: number;
}

export function decayWeight(ageDays: number, halfLife = HALF_LIFE_DAYS): number {
  return 0.5 ** (Math.max(0, ageDays) / halfLife);
}

/**
 * The posterior mean of a Beta prior centred on the learner's overall accuracy, updated with
 * the topic's decayed answers: (c + k·p₀) / (n + k). Few or old answers stay near p₀; many
 * recent ones speak for themselves.
 */
export function smoothedAccuracy(decayedCorrect: number, decayedAttempts: number, priorMean: number, strength = PRIOR_STRENGTH): number {
  return (decayedCorrect + strength * priorMean) / (decayedAttempts + strength);
}

export interface TopicStat {
  topic: string;
  bank: string;
  domain: string;
  attempts: number;
  correct: number;
  accuracy: number;
  smoothed: number;
  lastSeen: string;
  command: string;
}

/** Code-point order: names are kebab-case ASCII, and ICU's collator costs ~10 ms to load. */
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const drillCommand = (topic: string): string => `aws-quiz practice --topic ${topic}`;

/** A topic can sit in several banks or domains (questions move); its rows are added up. */
function mergeByTopic(rows: TopicTotals[]): TopicTotals[] {
  const byTopic = new Map<string, { total: TopicTotals; bankAttempts: Map<string, number>; domainAttempts: Map<string, number> }>();
  for (const r of rows) {
    let e = byTopic.get(r.topic);
    if (!e) {
      e = { total: { ...r, attempts: 0, correct: 0, timeMs: 0, dueAttempts: 0, dueCorrect: 0, decayedAttempts: 0, decayedCorrect: 0 }, bankAttempts: new Map(), domainAttempts: new Map() };
      byTopic.set(r.topic, e);
    }
    const t = e.total;
    t.attempts += r.attempts;
    t.correct += r.correct;
    t.timeMs += r.timeMs;
    t.dueAttempts += r.dueAttempts;
    t.dueCorrect += r.dueCorrect;
    t.decayedAttempts += r.decayedAttempts;
    t.decayedCorrect += r.decayedCorrect;
    if (r.lastDay > t.lastDay) t.lastDay = r.lastDay;
    e.bankAttempts.set(r.bank, (e.bankAttempts.get(r.bank) ?? 0) + r.attempts);
    e.domainAttempts.set(r.domain, (e.domainAttempts.get(r.domain) ?? 0) + r.attempts);
  }
  const most = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || byName(a[0], b[0]))[0]![0];
  return [...byTopic.values()].map((e) => ({ ...e.total, bank: most(e.bankAttempts), domain: most(e.domainAttempts) }));
}

export interface TopicRanking {
  /** Weakest first. */
  ranked: TopicStat[];
  /** Fewer than MIN_ATTEMPTS answers: too few to judge, most answered first. */
  fewAttempts: TopicStat[];
  /** p₀: the learner's overall accuracy with the same decay. */
  priorMean: number;
}

export function rankTopics(rows: TopicTotals[]): TopicRanking {
  const merged = mergeByTopic(rows);
  const n = merged.reduce((s, r) => s + r.decayedAttempts, 0);
  const c = merged.reduce((s, r) => s + r.decayedCorrect, 0);
  const rawN = merged.reduce((s, r) => s + r.attempts, 0);
  const rawC = merged.reduce((s, r) => s + r.correct, 0);
  const priorMean = n > 0 ? c / n : rawN > 0 ? rawC / rawN : 0.5;
  const stats = merged
    .filter((r) => r.attempts > 0)
    .map(
      (r): TopicStat => ({
        topic: r.topic,
        bank: r.bank,
        domain: r.domain,
        attempts: r.attempts,
        correct: r.correct,
        accuracy: r.correct / r.attempts,
        smoothed: smoothedAccuracy(r.decayedCorrect, r.decayedAttempts, priorMean),
        lastSeen: r.lastDay,
        command: drillCommand(r.topic),
      }),
    );
  const ranked = stats
    .filter((s) => s.attempts >= MIN_ATTEMPTS)
    .sort((a, b) => a.smoothed - b.smoothed || b.attempts - a.attempts || byName(a.topic, b.topic));
  const fewAttempts = stats
    .filter((s) => s.attempts < MIN_ATTEMPTS)
    .sort((a, b) => b.attempts - a.attempts || a.accuracy - b.accuracy || byName(a.topic, b.topic));
  return { ranked, fewAttempts, priorMean };
}

/** Every answered topic with its estimate, for practice to find the weak ones the way this ranking does. */
export function topicStandings(rows: TopicTotals[]): Map<string, { attempts: number; estimate: number }> {
  const { ranked, fewAttempts } = rankTopics(rows);
  return new Map([...ranked, ...fewAttempts].map((s) => [s.topic, { attempts: s.attempts, estimate: s.smoothed }]));
}
