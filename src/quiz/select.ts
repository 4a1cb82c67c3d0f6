import type { QuizQuestion } from '../bank/cache.js';
import { findAskedBefore, type AskedBefore } from './asked-before.js';
import { choiceOrder, shuffle, type Random } from './random.js';
import { MIN_ATTEMPTS } from './topics.js';

// Which questions a practice session asks, and in which order. Pure: the learner's
// history comes in as plain data, the clock as `now`, chance as a seeded `random`.

export const FOCUSES = ['mixed', 'due', 'weak', 'new', 'wrong', 'misconceptions'] as const;
export type Focus = (typeof FOCUSES)[number];

/** Why a question was drawn: the glance before the first question counts them. */
export type Reason = 'due' | 'weak' | 'new' | 'wrong' | 'misconception' | 'ahead' | 'again';

/** One question's record, as the store's per-question roll-up keeps it. */
export interface QuestionHistory {
  attempts: number;
  correct: number;
  /** Whether the latest answer was right. */
  lastCorrect: boolean;
  lastSeen: number;
}

/** A topic as practice sees it: how often it was answered, and the estimate `stats` ranks it by. */
export interface TopicStanding {
  attempts: number;
  /** Decayed accuracy pulled toward the learner's overall accuracy (see topicStandings in topics.ts). */
  estimate: number;
}

export interface LearnerState {
  history: ReadonlyMap<string, QuestionHistory>;
  /** When each question's review falls due (ms since the epoch); questions never answered have none. */
  due: ReadonlyMap<string, number>;
  topics: ReadonlyMap<string, TopicStanding>;
  /** With an exam date set: when the exam is, and each reviewed question's chance of recall then if not reviewed before. */
  exam?: { at: number; recall: ReadonlyMap<string, number> };
  /** Questions answered wrong while sure and not yet answered right and sure since, most often first. */
  misconceptions?: readonly string[];
}

/** With an exam date, a question whose next review falls after the exam is reviewed before it when recall on the day would be below this. */
export const EXAM_DAY_RECALL = 0.9;

export interface Filters {
  banks?: readonly string[];
  /** A topic selects itself and every topic under it: `vpc` and `vpc/` both take `vpc/endpoints`. */
  topics?: readonly string[];
}

export interface SelectOptions extends Filters {
  count: number;
  focus: Focus;
  now: number;
  random: Random;
  /** Daily caps still open today: new questions, and due reviews. Absent: no cap. */
  limits?: DailyRoom;
}

export interface DailyRoom {
  newLeft?: number;
  reviewsLeft?: number;
}

/** What a daily cap kept out of the session, though the session had room for it. */
export interface HeldBack {
  new: number;
  reviews: number;
}

export interface Drawn {
  question: QuizQuestion;
  reason: Reason;
  /** Original choice indexes in the order they are shown. */
  order: number[];
  /** The question was due for review when drawn: its answer counts toward retention. */
  wasDue: boolean;
}

/** Never answered and without a review card: what practice calls new, and the daily new cap counts. */
export function isUnseen(state: Pick<LearnerState, 'history' | 'due'>, id: string): boolean {
  return !state.history.has(id) && !state.due.has(id);
}

/** Due for review at `now`: its answer counts toward retention. */
export function isDueAt(state: Pick<LearnerState, 'due'>, id: string, now: number): boolean {
  return (state.due.get(id) ?? Infinity) <= now;
}

/** A topic is weak while its estimated accuracy is below this. */
export const WEAK_ACCURACY = 0.75;

const topicPrefix = (t: string) => t.replace(/\/+$/, '');

export function matchesTopic(topic: string, wanted: string): boolean {
  const prefix = topicPrefix(wanted);
  return topic === prefix || topic.startsWith(prefix + '/');
}

export function applyFilters(questions: readonly QuizQuestion[], filters: Filters): QuizQuestion[] {
  const banks = filters.banks?.length ? new Set(filters.banks) : undefined;
  const topics = filters.topics?.length ? filters.topics : undefined;
  return questions.filter((q) => (!banks || banks.has(q.bank)) && (!topics || topics.some((t) => matchesTopic(q.topic, t))));
}

/**
 * Topics with at least MIN_ATTEMPTS answers whose estimate is below WEAK_ACCURACY, weakest
 * first: the topics and the order `stats` lists as weak, so the drill it suggests and this
 * one agree, and one unlucky answer does not make a topic weak.
 */
export function weakTopics(topics: ReadonlyMap<string, TopicStanding>): string[] {
  return [...topics]
    .filter(([, s]) => s.attempts >= MIN_ATTEMPTS && s.estimate < WEAK_ACCURACY)
    .sort(([ta, a], [tb, b]) => a.estimate - b.estimate || b.attempts - a.attempts || (ta < tb ? -1 : ta > tb ? 1 : 0))
    .map(([t]) => t);
}

/**
 * Overdue first; ties (and the order of equal due times) settled by the seeded shuffle.
 * With an exam date, the question most likely to be forgotten by the exam comes first, and
 * one that FSRS would leave until after the exam is brought before it when it would fade.
 */
function dueQuestions(pool: QuizQuestion[], state: LearnerState, now: number, random: Random): QuizQuestion[] {
  const exam = state.exam;
  if (exam) {
    const recall = (q: QuizQuestion) => exam.recall.get(q.id) ?? 1;
    return shuffle(pool, random)
      .filter((q) => {
        const due = state.due.get(q.id) ?? Infinity;
        return due <= now || (due > exam.at && due !== Infinity && recall(q) < EXAM_DAY_RECALL);
      })
      .sort((a, b) => recall(a) - recall(b));
  }
  return shuffle(pool, random)
    .filter((q) => isDueAt(state, q.id, now))
    .sort((a, b) => state.due.get(a.id)! - state.due.get(b.id)!);
}

/** One question from each weak topic in turn, weakest topic first, so a session is not all one topic. */
function weakQuestions(pool: QuizQuestion[], state: LearnerState, random: Random): QuizQuestion[] {
  const byTopic = new Map<string, QuizQuestion[]>();
  for (const q of shuffle(pool, random)) {
    const list = byTopic.get(q.topic);
    if (list) list.push(q);
    else byTopic.set(q.topic, [q]);
  }
  // Within a topic, the questions missed last time come first, then unseen ones.
  const rank = (q: QuizQuestion) => {
    const h = state.history.get(q.id);
    return !h ? 1 : h.lastCorrect ? 2 : 0;
  };
  const queues = weakTopics(state.topics)
    .map((t) => byTopic.get(t))
    .filter((l): l is QuizQuestion[] => !!l)
    .map((l) => l.sort((a, b) => rank(a) - rank(b)));
  const out: QuizQuestion[] = [];
  for (let i = 0; queues.some((q) => i < q.length); i++) for (const q of queues) if (i < q.length) out.push(q[i]!);
  return out;
}

function newQuestions(pool: QuizQuestion[], state: LearnerState, random: Random): QuizQuestion[] {
  return shuffle(
    pool.filter((q) => isUnseen(state, q.id)),
    random,
  );
}

/** Answered wrongly last time; the most recent misses first. */
function wrongQuestions(pool: QuizQuestion[], state: LearnerState, random: Random): QuizQuestion[] {
  return shuffle(pool, random)
    .filter((q) => state.history.get(q.id)?.lastCorrect === false)
    .sort((a, b) => state.history.get(b.id)!.lastSeen - state.history.get(a.id)!.lastSeen);
}

/** Everything else, soonest due first: practising ahead when the other kinds run out. */
function aheadQuestions(pool: QuizQuestion[], state: LearnerState, random: Random): QuizQuestion[] {
  return shuffle(pool, random).sort((a, b) => (state.due.get(a.id) ?? Infinity) - (state.due.get(b.id) ?? Infinity));
}

/** Answered wrong while sure, not yet put right: the order the store gives, most often first. */
function misconceptionQuestions(pool: QuizQuestion[], state: LearnerState): QuizQuestion[] {
  const byId = new Map(pool.map((q) => [q.id, q]));
  return (state.misconceptions ?? []).flatMap((id) => byId.get(id) ?? []);
}

/**
 * Draws up to `count` questions, never the same one twice. `mixed` takes due reviews,
 * then questions from the weakest topics, then unseen ones, then practises ahead;
 * the other focuses take only their own kind. Choice orders are drawn after the
 * questions from the same generator, so one seed reproduces the whole session.
 */
export function selectQuestions(questions: readonly QuizQuestion[], state: LearnerState, options: SelectOptions): Drawn[] {
  return drawSession(questions, state, options).drawn;
}

/**
 * As selectQuestions, within the daily caps: a question never seen counts against the new
 * cap, a due review against the review cap, whichever kind drew it. What a cap kept out
 * while the session still had room is counted, so the summary can say so.
 */
export function drawSession(questions: readonly QuizQuestion[], state: LearnerState, options: SelectOptions): { drawn: Drawn[]; heldBack: HeldBack } {
  const { count, focus, now, random } = options;
  const pool = applyFilters(questions, options);
  const kinds: [Reason, () => QuizQuestion[]][] = [];
  if (focus === 'mixed' || focus === 'due') kinds.push(['due', () => dueQuestions(pool, state, now, random)]);
  if (focus === 'mixed' || focus === 'weak') kinds.push(['weak', () => weakQuestions(pool, state, random)]);
  if (focus === 'mixed' || focus === 'new') kinds.push(['new', () => newQuestions(pool, state, random)]);
  if (focus === 'wrong') kinds.push(['wrong', () => wrongQuestions(pool, state, random)]);
  if (focus === 'misconceptions') kinds.push(['misconception', () => misconceptionQuestions(pool, state)]);
  if (focus === 'mixed') kinds.push(['ahead', () => aheadQuestions(pool, state, random)]);

  const isNew = (q: QuizQuestion) => isUnseen(state, q.id);
  const isDue = (q: QuizQuestion) => isDueAt(state, q.id, now);
  // Each kind's list is drawn once, in order, so the seed gives the same session with or without caps.
  const lists = new Map<Reason, QuizQuestion[]>();
  const listOf = (reason: Reason, make: () => QuizQuestion[]) => lists.get(reason) ?? lists.set(reason, make()).get(reason)!;
  const pick = (limits: DailyRoom | undefined) => {
    let newLeft = limits?.newLeft ?? Infinity;
    let reviewsLeft = limits?.reviewsLeft ?? Infinity;
    const taken = new Set<string>();
    const out: { question: QuizQuestion; reason: Reason }[] = [];
    for (const [reason, make] of kinds) {
      if (out.length >= count) break;
      for (const question of listOf(reason, make)) {
        if (out.length >= count) break;
        if (taken.has(question.id)) continue;
        taken.add(question.id);
        if (isNew(question) ? newLeft-- <= 0 : isDue(question) && reviewsLeft-- <= 0) continue;
        out.push({ question, reason });
      }
    }
    return out;
  };
  const picked = pick(options.limits);
  const heldBack: HeldBack = { new: 0, reviews: 0 };
  if (options.limits) {
    const inSession = new Set(picked.map((p) => p.question.id));
    for (const { question } of pick(undefined)) {
      if (inSession.has(question.id)) continue;
      if (isNew(question)) heldBack.new++;
      else if (isDue(question)) heldBack.reviews++;
    }
  }
  const drawn = picked.map(({ question, reason }) => ({
    question,
    reason,
    order: choiceOrder(question.choices.length, random),
    wasDue: isDue(question),
  }));
  return { drawn, heldBack };
}

/**
 * An earlier session's draw again (`--seed` repeated with the same filters): its questions
 * that are still in `pool`, in the same order with the same choice order. A question whose
 * choices were added or removed since is left out rather than shown with shifted letters.
 */
export function replayDraw(pool: readonly QuizQuestion[], past: readonly AskedBefore[], state: LearnerState, now: number): Drawn[] {
  const find = findAskedBefore(pool);
  return past.flatMap((asked) => {
    const question = find(asked);
    if (!question) return [];
    return [{ question, reason: 'again' as const, order: [...asked.choiceOrder], wasDue: isDueAt(state, question.id, now) }];
  });
}
