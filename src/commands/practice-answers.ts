import type { QuizQuestion, SectionRef } from '../bank/cache.js';
import { assertStorable } from '../bank/fields.js';
import { isCorrect, reviewAfter, summarize, upcomingReviews, type AnswerResult } from '../quiz/practice-session.js';
import { serializeCard } from '../quiz/schedule.js';
import { cardReader } from './card-reader.js';
import type { Drawn, Focus, LearnerState } from '../quiz/select.js';
import { recordAnswer, usualAnswerTimeMs } from '../store/answers.js';
import { tunedParameters } from './tuned.js';
import type { Store } from '../store/open.js';
import { cardJson, dueTimes } from '../store/practice.js';
import { sourceLookup } from '../bank/source-lookup.js';
import { t } from '../i18n/i18n.js';
import { formatIn, renderPracticeSummary, shellQuote } from '../ui/practice-summary.js';
import { terminalWidth } from '../ui/text.js';
import { keptOptions } from './kept-options.js';

// The part of `aws-quiz practice` that runs from the first answer on: recording answers
// with their FSRS cards, feedback, the summary. practice.ts loads it lazily so none of it
// delays the first question.

export { feedbackPrompt, showFeedback } from '../ui/feedback.js';

/** Why a focus drew nothing from a non-empty pool, in one line. */
export function nothingToAsk(focus: Focus, pool: QuizQuestion[], state: LearnerState, now: number): string {
  if (focus === 'due') {
    const next = Math.min(...pool.map((q) => state.due.get(q.id) ?? Infinity));
    return Number.isFinite(next) ? t('practice.none.due', { when: formatIn(next - now) }) : t('practice.none.dueNever');
  }
  if (focus === 'weak') return t('practice.none.weak');
  if (focus === 'new') return t('practice.none.new');
  return t('practice.none.wrong');
}

export function practiceSteps(store: Store, sessionId: number, sections: SectionRef[]) {
  return { record: answerRecorder(store, sessionId), sourceOf: sourceLookup(sections) };
}

/**
 * Writes one answer with its new FSRS card, in one transaction, and says whether it was
 * right. The learner's usual answer time is read once, at the first answer.
 */
export function answerRecorder(store: Store, sessionId: number, say = (line: string) => process.stderr.write(line + '\n')) {
  let usual: { ms: number | undefined; parameters: number[] | undefined } | undefined;
  const readCard = cardReader(say);
  return (d: Drawn, selected: number[], timeMs: number, answeredAt: number): boolean => {
    usual ??= { ms: usualAnswerTimeMs(store), parameters: tunedParameters(store) };
    const { question } = d;
    assertStorable(question);
    const correct = isCorrect(question, selected);
    const previous = cardJson(store, question.id);
    const { card } = reviewAfter(previous === undefined ? undefined : readCard(previous), correct, timeMs, usual.ms, new Date(answeredAt), usual.parameters);
    recordAnswer(
      store,
      {
        sessionId,
        questionId: question.id,
        bank: question.bank,
        topic: question.topic,
        domain: question.domain,
        selected,
        correct,
        timeMs,
        answeredAt,
        wasDue: d.wasDue,
      },
      { questionId: question.id, card, cardJson: serializeCard(card) },
    );
    return correct;
  };
}

export interface SummaryInput {
  store: Store;
  /** The options that chose the banks and the database, kept in the drill command. */
  options: { questions?: string[]; db?: string; bank?: string[]; topic?: string[]; focus: Focus; count: number };
  all: QuizQuestion[];
  results: AnswerResult[];
  planned: number;
  startedAt: number;
  endedAt: number;
  seed: string;
}

/** `aws-quiz practice` with this session's filters and seed, which draws the same questions again. */
export function againCommand(seed: string, o: SummaryInput['options'], keep: readonly string[]): string {
  const args = [
    ...(o.bank ?? []).flatMap((b) => ['--bank', b]),
    ...(o.topic ?? []).flatMap((x) => ['--topic', x]),
    ...(o.focus === 'mixed' ? [] : ['--focus', o.focus]),
    ...(o.count === 10 ? [] : ['--count', String(o.count)]),
    '--seed',
    seed,
  ];
  return ['aws-quiz', 'practice', ...args, ...keep].map(shellQuote).join(' ');
}

/** The summary, with a drill command that keeps the options choosing the banks and the database. */
export function summaryLines(s: SummaryInput): string[] {
  const keep = keptOptions(s.options);
  return renderPracticeSummary(
    {
      summary: summarize(s.results, s.planned, s.endedAt - s.startedAt),
      upcoming: upcomingReviews(dueTimes(s.store), new Set(s.all.map((q) => q.id)), s.endedAt),
      now: s.endedAt,
      keep,
      again: { seed: s.seed, command: againCommand(s.seed, s.options, keep) },
    },
    terminalWidth(),
  );
}
