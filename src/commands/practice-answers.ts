import type { QuizQuestion, SectionRef } from '../bank/cache.js';
import { assertStorable } from '../bank/fields.js';
import { isCorrect, reviewAfter, summarize, upcomingReviews, type AnswerResult, type Relearned } from '../quiz/practice-session.js';
import { serializeCard, type Certainty } from '../quiz/schedule.js';
import { cardReader } from './card-reader.js';
import type { Drawn, Focus, HeldBack, LearnerState } from '../quiz/select.js';
import { recordAnswer, reviewRow, undoAnswer, usualAnswerTimeMs, type ReviewRecord, type TakenBack } from '../store/answers.js';
import { tunedParameters } from './tuned.js';
import type { Store } from '../store/open.js';
import { dueTimes } from '../store/practice.js';
import { sourceLookup } from '../bank/source-lookup.js';
import { t } from '../i18n/i18n.js';
import { formatIn, renderPracticeSummary, shellQuote } from '../ui/practice-summary.js';
import { terminalWidth } from '../ui/text.js';
import { keptOptions } from './kept-options.js';

// The part of `aws-quiz practice` that runs from the first answer on: recording answers
// with their FSRS cards, feedback, the summary. practice.ts loads it lazily so none of it
// delays the first question.

export { feedbackPrompt, showFeedback } from '../ui/feedback.js';

export interface CapsHeld {
  limits: { maxNew?: number; maxReviews?: number };
  heldBack: HeldBack;
}

/** "12 new questions (--max-new 10), 3 due reviews (--max-reviews 50)": what the caps kept out; empty when nothing. */
function heldParts(c: CapsHeld): string {
  const parts: string[] = [];
  if (c.heldBack.new > 0) parts.push(t('practice.summary.heldNew', { n: c.heldBack.new, cap: c.limits.maxNew ?? 0 }));
  if (c.heldBack.reviews > 0) parts.push(t('practice.summary.heldReviews', { n: c.heldBack.reviews, cap: c.limits.maxReviews ?? 0 }));
  return parts.join(', ');
}

/** Why a focus drew nothing from a non-empty pool, in one line. */
export function nothingToAsk(focus: Focus, pool: QuizQuestion[], state: LearnerState, now: number, caps?: CapsHeld): string {
  const held = caps && heldParts(caps);
  if (held) return t('practice.none.capped', { parts: held });
  if (focus === 'due') {
    const next = Math.min(...pool.map((q) => state.due.get(q.id) ?? Infinity));
    return Number.isFinite(next) ? t('practice.none.due', { when: formatIn(next - now) }) : t('practice.none.dueNever');
  }
  if (focus === 'weak') return t('practice.none.weak');
  if (focus === 'new') return t('practice.none.new');
  if (focus === 'misconceptions') return t('practice.none.misconceptions');
  return t('practice.none.wrong');
}

export function practiceSteps(store: Store, sessionId: number, sections: SectionRef[]) {
  return { record: answerRecorder(store, sessionId), sourceOf: sourceLookup(sections), undo: (u: TakenBack) => undoAnswer(store, u) };
}

/** One answer as given on screen. */
export interface GivenAnswer {
  /** Original choice indexes. */
  selected: number[];
  timeMs: number;
  answeredAt: number;
  certainty?: Certainty;
}

/** How the answer is asked: crammed (the schedule untouched), or as the second try at a question missed in this session. */
export interface AnswerMode {
  cram?: boolean;
  relearn?: boolean;
}

export interface Recorded {
  correct: boolean;
  /** What taking the answer back needs. */
  undo: TakenBack;
}

/**
 * Writes one answer with its new FSRS card, in one transaction, and says whether it was
 * right. A crammed answer writes no card. The learner's usual answer time is read once,
 * at the first answer.
 */
export function answerRecorder(store: Store, sessionId: number, say = (line: string) => process.stderr.write(line + '\n')) {
  let usual: { ms: number | undefined; parameters: number[] | undefined } | undefined;
  const readCard = cardReader(say);
  return (d: Drawn, given: GivenAnswer, mode: AnswerMode = {}): Recorded => {
    const { question } = d;
    assertStorable(question);
    const correct = isCorrect(question, given.selected);
    const before = mode.cram ? undefined : reviewRow(store, question.id);
    let review: ReviewRecord | undefined;
    if (!mode.cram) {
      usual ??= { ms: usualAnswerTimeMs(store), parameters: tunedParameters(store) };
      const previous = before === undefined ? undefined : readCard(before.card);
      const { card } = reviewAfter(previous, { correct, timeMs: given.timeMs, ...(given.certainty && { certainty: given.certainty }) }, usual.ms, new Date(given.answeredAt), usual.parameters);
      review = { questionId: question.id, card, cardJson: serializeCard(card) };
    }
    const answerId = recordAnswer(
      store,
      {
        sessionId,
        questionId: question.id,
        bank: question.bank,
        topic: question.topic,
        domain: question.domain,
        selected: given.selected,
        correct,
        timeMs: given.timeMs,
        answeredAt: given.answeredAt,
        // Only a scheduled review answered for the first time counts toward retention.
        wasDue: d.wasDue && !mode.cram && !mode.relearn,
        ...(given.certainty && { certainty: given.certainty }),
        ...(mode.cram && { cram: true }),
        ...(mode.relearn && { relearn: true }),
      },
      review,
    );
    return { correct, undo: { answerId, questionId: question.id, before, after: review?.cardJson } };
  };
}

export interface SummaryInput {
  store: Store;
  /** The options that chose the banks and the database, kept in the drill command. */
  options: { questions?: string[]; db?: string; bank?: string[]; topic?: string[]; focus: Focus; count: number; cram?: boolean; relearn?: boolean };
  all: QuizQuestion[];
  results: AnswerResult[];
  planned: number;
  startedAt: number;
  endedAt: number;
  seed: string;
  relearned: Relearned;
  cram: boolean;
  caps?: CapsHeld;
}

/** `aws-quiz practice` with this session's filters and seed, which draws the same questions again. */
export function againCommand(seed: string, o: SummaryInput['options'], keep: readonly string[]): string {
  const args = [
    ...(o.bank ?? []).flatMap((b) => ['--bank', b]),
    ...(o.topic ?? []).flatMap((x) => ['--topic', x]),
    ...(o.focus === 'mixed' ? [] : ['--focus', o.focus]),
    ...(o.count === 10 ? [] : ['--count', String(o.count)]),
    ...(o.cram ? ['--cram'] : []),
    ...(o.relearn === false ? ['--no-relearn'] : []),
    '--seed',
    seed,
  ];
  return ['aws-quiz', 'practice', ...args, ...keep].map(shellQuote).join(' ');
}

/** The summary, with a drill command that keeps the options choosing the banks and the database. */
export function summaryLines(s: SummaryInput): string[] {
  const keep = keptOptions(s.options);
  const held = s.caps && heldParts(s.caps);
  return renderPracticeSummary(
    {
      summary: summarize(s.results, s.planned, s.endedAt - s.startedAt),
      upcoming: upcomingReviews(dueTimes(s.store), new Set(s.all.map((q) => q.id)), s.endedAt),
      now: s.endedAt,
      keep,
      again: { seed: s.seed, command: againCommand(s.seed, s.options, keep) },
      relearned: s.relearned,
      cram: s.cram,
      ...(held && { heldBack: held }),
    },
    terminalWidth(),
  );
}
