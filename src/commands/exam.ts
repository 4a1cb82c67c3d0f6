import { AbortPromptError, ExitPromptError } from '@inquirer/core';
import type { QuizQuestion, SectionRef } from '../bank/cache.js';
import { UsageError, UserError } from '../errors.js';
import { findAskedBefore } from '../quiz/asked-before.js';
import { blueprintFor, BLUEPRINTS, isBlueprintName, type Blueprint } from '../quiz/blueprints.js';
import { drawExam, filterQuestions, unmatchedFilters } from '../quiz/exam-draw.js';
import {
  countsOf,
  elapsedMs,
  isExpired,
  newExamState,
  newTimer,
  pauseTimer,
  remainingMs,
  settle,
  startTimer,
  timeSpent,
  type ExamState,
  type ExamTimer,
} from '../quiz/exam-engine.js';
import { scoreExam, type ExamResult } from '../quiz/exam-score.js';
import { newSeed } from '../quiz/random.js';
import {
  abandonExam,
  createExam,
  findUnfinishedExam,
  finishExam,
  loadExam,
  saveProgress,
  type ExamSummary,
  type StoredExam,
} from '../store/exams.js';
import { openStore, resolveDbPath, type Store } from '../store/open.js';
import { chalk } from '../ui/color.js';
import {
  askReviewNow,
  askUnfinished,
  enterExamScreen,
  examIntroPrompt,
  examPrompt,
  formatClock,
  leaveExamScreen,
  type ExamItem,
} from '../ui/exam-prompt.js';
import { blueprintLabel, renderExamReport, renderExamReview } from '../ui/exam-report.js';
import { t } from '../i18n/i18n.js';
import { formatLocal } from '../ui/practice-summary.js';
import { againCommand, command, list, review, reviewEntries } from './exam-history.js';
import type { ExamOptions } from './exam-options.js';
import { examAnswerRecords } from './exam-answers.js';
import { quizBanksFor } from './quiz-banks.js';
import { requireTty } from './tty.js';
import { terminalWidth } from '../ui/text.js';
import { FrameWriter } from '../ui/frame-writer.js';


/** Exit codes as shells report the signal that stopped the exam. */
const EXIT_FOR: Record<string, number> = { SIGINT: 130, SIGHUP: 129, SIGTERM: 143 };
/** The clock is saved this often as well as on every change, so a killed process loses a few seconds at most. */
const CLOCK_SAVE_MS = 5_000;

const out = (lines: string[]) => process.stdout.write(lines.join('\n') + '\n');
const say = (line: string) => process.stderr.write(line + '\n');

export type { ExamOptions };

export async function examCommand(options: ExamOptions): Promise<number> {
  const reviewing = options.review !== undefined && options.review !== false;
  const modes = [options.resume && '--resume', reviewing && '--review', options.list && '--list'].filter(Boolean);
  if (modes.length > 1) throw new UsageError(t('exam.modes', { flags: modes.join(', ') }));
  if (options.list) return list(options);
  if (reviewing) return review(options);

  requireTty('exam');
  const { questions, sections: sources } = await quizBanksFor(options);
  const store = openStore(resolveDbPath(options.db, process.env));
  try {
    const unfinished = findUnfinishedExam(store);
    if (options.resume) {
      if (!unfinished) throw new UserError(t('exam.nothingToResume'));
      return await resume(store, unfinished.id, questions, sources, options);
    }
    if (unfinished) {
      let choice: Awaited<ReturnType<typeof askUnfinished>>;
      try {
        choice = await askUnfinished(unfinishedLine(unfinished));
      } catch (err) {
        if (err instanceof ExitPromptError) return EXIT_FOR.SIGINT!;
        throw err;
      }
      if (choice === 'resume') return await resume(store, unfinished.id, questions, sources, options);
      if (choice === 'cancel') return 0;
      say(t('exam.abandoned', { id: unfinished.id, count: abandon(store, unfinished.id, questions) }));
    }
    return await start(store, questions, sources, options);
  } finally {
    store.close();
  }
}

/** Gives the exam up, recording the answers it had for the questions still in the banks; returns how many. */
function abandon(store: Store, id: number, questions: readonly QuizQuestion[]): number {
  const now = Date.now();
  const exam = loadExam(store, id)!;
  const find = findAskedBefore(questions);
  const given = exam.questions.flatMap((sq) => {
    const question = find(sq);
    if (!question) return [];
    return [{ question, selected: sq.selected, flagged: sq.flagged, timeMs: sq.timeMs, answeredAt: sq.answeredAt ?? now }];
  });
  const answers = examAnswerRecords(store, id, given);
  abandonExam(store, id, now, answers);
  return answers.length;
}

function unfinishedLine(e: ExamSummary): string {
  const left = e.timeLimitMs === null ? t('exam.clock.elapsed', { time: formatClock(Math.floor(e.timeUsedMs / 1000)) }) : t('exam.clock.left', { time: formatClock(Math.ceil(Math.max(0, e.timeLimitMs - e.timeUsedMs) / 1000)) });
  return t('exam.unfinished', { id: e.id, blueprint: blueprintLabel(e.blueprint), started: formatLocal(e.startedAt), answered: e.answered, total: e.total, flagged: e.flagged, left });
}

// ---------------------------------------------------------------- starting

async function start(store: Store, questions: QuizQuestion[], sources: SectionRef[], options: ExamOptions): Promise<number> {
  const name = options.blueprint ?? 'saa';
  if (!isBlueprintName(name)) throw new UsageError(t('error.badChoice', { flag: '--blueprint', values: Object.keys(BLUEPRINTS).join(', '), value: name }));
  const blueprint = BLUEPRINTS[name];
  const filters = { banks: options.bank ?? [], topics: options.topic ?? [] };
  const unmatched = unmatchedFilters(questions, filters);
  const banks = [...new Set(questions.map((q) => q.bank))].sort();
  if (unmatched.banks.length) throw new UserError(t('exam.unknownBank', { bank: unmatched.banks.join(', '), banks: banks.join(', ') }));
  if (unmatched.topics.length) throw new UserError(t('exam.noTopic', { topic: unmatched.topics.join(', ') }));
  const pool = filterQuestions(questions, filters);
  if (pool.length === 0) throw new UserError(t('exam.noMatch'));

  const seed = options.seed ?? newSeed();
  const asked = options.count ?? blueprint.count;
  const draw = drawExam(pool, { count: asked, weights: blueprint.weights, seed });
  const short = draw.items.length < asked;
  // --minutes implies a timed exam. A short exam keeps the blueprint's pace unless the learner set the time.
  const timed = Boolean(options.timed) || options.minutes !== undefined;
  const minutes = options.minutes ?? (short ? Math.max(1, Math.ceil((blueprint.minutes * draw.items.length) / asked)) : blueprint.minutes);
  const limitMs = timed ? minutes * 60_000 : null;

  const intro = [
    chalk.bold(t('exam.intro.title', { blueprint: blueprintLabel(blueprint.name), count: draw.items.length })),
    timed ? t('exam.intro.timed', { minutes }) : t('exam.intro.untimed'),
    t('exam.intro.passMark', { mark: blueprint.passMark }),
  ];
  if (short) intro.push(chalk.yellow(t('exam.intro.short', { available: draw.items.length, asked })));
  intro.push('', t('exam.intro.rules'), t('exam.intro.keys'), t('exam.intro.pause', { command: command(['--resume'], options) }));
  let begin: boolean;
  try {
    begin = await examIntroPrompt({ lines: intro }, { clearPromptOnDone: true });
  } catch (err) {
    if (!(err instanceof ExitPromptError)) throw err;
    say(t('exam.notStarted'));
    return EXIT_FOR.SIGINT!;
  }
  if (!begin) {
    say(t('exam.notStarted'));
    return 0;
  }

  const startedAt = Date.now();
  const id = createExam(store, {
    blueprint: blueprint.name,
    seed,
    filters: { ...filters, count: asked, minutes, timed, available: pool.length },
    startedAt,
    timeLimitMs: limitMs,
    questions: draw.items.map((it) => ({ questionId: it.question.id, choiceOrder: it.choiceOrder })),
  });
  const items = draw.items.map((it) => ({ question: it.question, order: it.choiceOrder }));
  return sit(store, { id, blueprint, seed, startedAt, items, sources, timer: newTimer(limitMs), state: newExamState(items.length, startedAt) }, options);
}

// ---------------------------------------------------------------- resuming

/** The stored exam's questions as they are in the banks now; a question gone or changed stops the resume with its ids. */
function itemsOf(exam: StoredExam, questions: QuizQuestion[]): ExamItem[] {
  const find = findAskedBefore(questions);
  const missing: string[] = [];
  const items = exam.questions.map((sq) => {
    const question = find(sq);
    if (!question) missing.push(sq.questionId);
    return { question: question!, order: sq.choiceOrder };
  });
  if (missing.length) throw new UserError(t('exam.questionsGone', { id: exam.id, ids: missing.join(', ') }));
  return items;
}

async function resume(store: Store, id: number, questions: QuizQuestion[], sources: SectionRef[], options: ExamOptions): Promise<number> {
  const exam = loadExam(store, id)!;
  const items = itemsOf(exam, questions);
  const blueprint = blueprintFor(exam.blueprint);
  const timer = newTimer(exam.timeLimitMs, exam.timeUsedMs);
  const saved = {
    position: exam.position,
    answers: exam.questions.map((q) => q.selected),
    flags: exam.questions.map((q) => q.flagged),
    timeMs: exam.questions.map((q) => q.timeMs),
  };
  const context: Sitting = { id, blueprint, seed: exam.seed, startedAt: exam.startedAt, items, sources, timer, state: newExamState(items.length, Date.now(), saved) };
  if (isExpired(timer, Date.now())) {
    say(t('exam.resumeExpired', { id }));
    return submit(store, context, context.state, timer, { timeUp: true, options });
  }
  let begin: boolean;
  try {
    begin = await examIntroPrompt({ lines: [unfinishedLine(exam), '', t('exam.intro.keys')] }, { clearPromptOnDone: true });
  } catch (err) {
    if (!(err instanceof ExitPromptError)) throw err;
    say(t('exam.stillPaused', { command: command(['--resume'], options) }));
    return EXIT_FOR.SIGINT!;
  }
  if (!begin) {
    say(t('exam.stillPaused', { command: command(['--resume'], options) }));
    return 0;
  }
  return sit(store, context, options);
}

// ---------------------------------------------------------------- sitting

interface Sitting {
  id: number;
  blueprint: Blueprint;
  seed: string | null;
  startedAt: number;
  items: ExamItem[];
  sources: SectionRef[];
  /** Stopped; started when the questions appear. */
  timer: ExamTimer;
  state: ExamState;
}

type Outcome = { kind: 'ended'; state: ExamState } | { kind: 'timeUp' } | { kind: 'paused'; signal: string };

async function sit(store: Store, s: Sitting, options: ExamOptions): Promise<number> {
  const timer = startTimer(s.timer, Date.now());
  let latest = { ...s.state, enteredAt: Date.now() };
  const row = (state: ExamState, position: number) => ({
    position,
    selected: state.answers[position] ?? null,
    flagged: state.flags[position]!,
    timeMs: state.timeMs[position]!,
  });
  const save = (state: ExamState, changed?: number) => {
    const at = Date.now();
    saveProgress(store, s.id, { position: state.position, timeUsedMs: elapsedMs(timer, at), at, ...(changed !== undefined && { question: row(state, changed) }) });
  };

  const deadline = new AbortController();
  const interrupt = new AbortController();
  // A change that cannot be saved (disk full, database locked) stops the exam rather than going on unsaved.
  const failure = new AbortController();
  let saveError: unknown;
  const left = remainingMs(timer, Date.now());
  const deadlineTimer = left === null ? undefined : setTimeout(() => deadline.abort('time'), left);
  const clockSaver = setInterval(() => {
    try {
      save(latest);
    } catch {
      // Only the clock was being saved; the next change reports the problem.
    }
  }, CLOCK_SAVE_MS);
  // A closed terminal (SIGHUP) or a polite kill (SIGTERM) pauses like Ctrl+C, clock saved first.
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      save(settle(latest, Date.now()), latest.position);
    } catch {
      // Saved again on the way out, or reported there.
    }
    interrupt.abort(signal);
  };
  process.on('SIGHUP', onSignal);
  process.on('SIGTERM', onSignal);

  let outcome: Outcome;
  enterExamScreen();
  try {
    const ended = await examPrompt(
      {
        items: s.items,
        state: latest,
        timer,
        onChange: (state, changed) => {
          try {
            save(state, changed);
            latest = state;
          } catch (err) {
            saveError = err;
            failure.abort();
          }
        },
        fullScreen: true,
      },
      // Only the rows that change reach the terminal: the clock's, once a second.
      { signal: AbortSignal.any([deadline.signal, interrupt.signal, failure.signal]), output: new FrameWriter() },
    );
    outcome = { kind: 'ended', state: ended };
  } catch (err) {
    if (failure.signal.aborted) throw saveError;
    if (err instanceof AbortPromptError && deadline.signal.aborted) outcome = { kind: 'timeUp' };
    else if (err instanceof AbortPromptError && interrupt.signal.aborted) outcome = { kind: 'paused', signal: String(interrupt.signal.reason) };
    else if (err instanceof ExitPromptError) outcome = { kind: 'paused', signal: 'SIGINT' };
    else throw err;
  } finally {
    clearTimeout(deadlineTimer);
    clearInterval(clockSaver);
    process.off('SIGHUP', onSignal);
    process.off('SIGTERM', onSignal);
    leaveExamScreen();
  }

  if (outcome.kind === 'paused') {
    const now = Date.now();
    const paused = pauseTimer(timer, now);
    latest = settle(latest, now);
    save(latest, latest.position);
    const counts = countsOf(latest);
    const clock = paused.limitMs === null ? t('exam.clock.elapsed', { time: formatClock(Math.floor(paused.usedMs / 1000)) }) : t('exam.clock.left', { time: formatClock(Math.ceil(remainingMs(paused, now)! / 1000)) });
    say(t('exam.paused', { answered: counts.answered, total: counts.total, clock, command: command(['--resume'], options) }));
    return EXIT_FOR[outcome.signal] ?? EXIT_FOR.SIGINT!;
  }
  const final = outcome.kind === 'ended' ? outcome.state : latest;
  return submit(store, s, final, timer, { timeUp: outcome.kind === 'timeUp', options });
}

// ---------------------------------------------------------------- submitting

async function submit(store: Store, s: Sitting, state: ExamState, timer: ExamTimer, how: { timeUp: boolean; options: ExamOptions }): Promise<number> {
  const endedAt = Date.now();
  const timeUsedMs = elapsedMs(timer, endedAt);
  const settled = settle(state, endedAt);
  saveProgress(store, s.id, { position: settled.position, timeUsedMs, at: endedAt, question: { position: settled.position, selected: settled.answers[settled.position] ?? null, flagged: settled.flags[settled.position]!, timeMs: settled.timeMs[settled.position]! } });
  const result = scoreExam(
    s.items.map((it, i) => ({ question: it.question, selected: state.answers[i] ?? null })),
    { passMark: s.blueprint.passMark, timeUsedMs, timeLimitMs: timer.limitMs },
  );
  const times = timeSpent(state, endedAt);
  const saved = loadExam(store, s.id)!;
  const answeredAt = saved.questions.map((q) => q.answeredAt);
  const answers = examAnswerRecords(
    store,
    s.id,
    s.items.map((it, i) => ({ question: it.question, selected: state.answers[i] ?? null, flagged: state.flags[i]!, timeMs: times[i]!, answeredAt: answeredAt[i] ?? endedAt, correct: result.marks[i]! })),
  );
  const stored: ExamResult & { blueprint: string; timeUp: boolean } = { ...result, blueprint: s.blueprint.name, timeUp: how.timeUp };
  if (!finishExam(store, s.id, { endedAt, timeUsedMs, result: stored, answers })) throw new UserError(t('exam.alreadyFinished', { id: s.id }));

  const width = terminalWidth();
  const again = againCommand({ blueprint: s.blueprint.name, seed: s.seed, filters: saved.filters }, how.options);
  out(renderExamReport(result, { examId: s.id, blueprint: s.blueprint.name, timeUp: how.timeUp, ...(again && { again }) }));
  const asked = s.items.map((it) => ({ questionId: it.question.id, question: it.question, order: it.order }));
  const entries = reviewEntries(asked, state.answers, state.flags, result.marks, s.sources);
  out(['']);
  if (entries.length > 0) {
    let wanted = false;
    let interrupted = false;
    try {
      wanted = await askReviewNow(entries.length);
    } catch (err) {
      if (!(err instanceof ExitPromptError)) throw err;
      interrupted = true;
    }
    if (wanted) out(['', ...renderExamReview(entries, width)]);
    // The exam is already scored and saved; Ctrl+C here only skips the review, but says so in its exit code.
    if (interrupted) {
      say(t('exam.reviewLater', { command: command(['--review', String(s.id)], how.options) }));
      return EXIT_FOR.SIGINT!;
    }
  }
  say(t('exam.reviewLater', { command: command(['--review', String(s.id)], how.options) }));
  return 0;
}
