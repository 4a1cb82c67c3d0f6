import { AbortPromptError, ExitPromptError } from '@inquirer/core';
import type { QuizQuestion, SectionRef } from '../bank/cache.js';
import { UsageError, UserError } from '../errors.js';
import { findAskedBefore } from '../quiz/asked-before.js';
import { blueprintFor, BLUEPRINTS, domainOf, isBlueprintName, type Blueprint } from '../quiz/blueprints.js';
import { drawExam, filterQuestions, unmatchedFilters } from '../quiz/exam-draw.js';
import { withoutHeldOut } from '../quiz/held-out.js';
import { heldOutQuestions } from '../store/errata.js';
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
import { examTime, extraMinutesAsked, isCustomExam } from '../quiz/exam-plan.js';
import { newSeed } from '../quiz/random.js';
import { systemClock, type Clock } from '../quiz/clock.js';
import {
  abandonExam,
  createExam,
  examHolder,
  ExamLostError,
  examNumber,
  findUnfinishedExam,
  finishExam,
  LEASE_STALE_MS,
  loadExam,
  releaseExam,
  saveProgress,
  takeExam,
  type Lease,
  type ExamSummary,
  type StoredExam,
} from '../store/exams.js';
import type { Store } from '../store/open.js';
import { openStoreFor } from './open-store.js';
import { chalk } from '../ui/color.js';
import {
  askAbandon,
  askReviewNow,
  askUnfinished,
  enterExamScreen,
  examIntroPrompt,
  examPrompt,
  formatClock,
  leaveExamScreen,
  type ExamItem,
} from '../ui/exam-prompt.js';
import { examLabel, examTitleLabel, renderExamReport, storedIsCustom } from '../ui/exam-report.js';
import { t } from '../i18n/i18n.js';
import { formatLocal } from '../ui/practice-summary.js';
import { againCommand, browseReview, command, list, review, reviewEntries } from './exam-history.js';
import type { ExamOptions } from './exam-options.js';
import { examAnswerRecords } from './exam-answers.js';
import { keptOptions } from './kept-options.js';
import { quizBanksFor } from './quiz-banks.js';
import { requireTty } from './tty.js';
import { FrameWriter } from '../ui/frame-writer.js';


/** Exit codes as shells report the signal that stopped the exam. */
const EXIT_FOR: Record<string, number> = { SIGINT: 130, SIGHUP: 129, SIGTERM: 143 };
/**
 * The clock is saved this often as well as on every change, so a killed process loses a few
 * seconds at most; each save is also the heartbeat that keeps the exam this terminal's.
 */
const CLOCK_SAVE_MS = 3_000;
/** How often the clock is checked for the time limit: the exam ends within this of 0:00. */
const DEADLINE_CHECK_MS = 100;

const out = (lines: string[]) => process.stdout.write(lines.join('\n') + '\n');
const say = (line: string) => process.stderr.write(line + '\n');

export type { ExamOptions };

/** `clock` times the exam (monotonic) and dates its events (wall clock); tests pass their own. */
export async function examCommand(options: ExamOptions, clock: Clock = systemClock): Promise<number> {
  const reviewing = options.review !== undefined && options.review !== false;
  const modes = [options.resume && '--resume', reviewing && '--review', options.list && '--list'].filter(Boolean);
  if (modes.length > 1) throw new UsageError(t('exam.modes', { flags: modes.join(', ') }));
  if (options.list) return list(options);
  if (reviewing) return review(options);

  requireTty('exam');
  const { questions, sections: sources } = await quizBanksFor(options);
  const store = openStoreFor(options, process.env);
  // One exam, one terminal: this sitting holds its exam by this lease while it runs.
  // The token only has to tell this sitting from any other: the database that keeps it is the
  // learner's own. Made without node:crypto, whose loading would delay the introduction.
  const lease: Lease = { pid: process.pid, token: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}` };
  try {
    const unfinished = findUnfinishedExam(store);
    if (unfinished) refuseIfHeld(store, unfinished, clock);
    if (options.resume) {
      if (!unfinished) throw new UserError(t('exam.nothingToResume'));
      return await resume(store, unfinished.id, questions, sources, options, clock, lease);
    }
    if (unfinished) {
      let choice: Awaited<ReturnType<typeof askUnfinished>>;
      try {
        choice = await askUnfinished(unfinishedLine(unfinished));
      } catch (err) {
        if (err instanceof ExitPromptError) return EXIT_FOR.SIGINT!;
        throw err;
      }
      // Chosen from the offer, which already showed the exam and its time left: no second question.
      if (choice === 'resume') return await resume(store, unfinished.id, questions, sources, options, clock, lease, { asked: true });
      if (choice === 'cancel') return 0;
      let sure: boolean;
      try {
        sure = await askAbandon(unfinished.number, unfinished.answered);
      } catch (err) {
        if (err instanceof ExitPromptError) return EXIT_FOR.SIGINT!;
        throw err;
      }
      if (!sure) {
        say(t('exam.stillPaused', { command: command(['--resume'], options) }));
        return 0;
      }
      say(t('exam.abandoned', { id: unfinished.number, count: abandon(store, unfinished.id, questions, clock.date()) }));
    }
    return await start(store, questions, sources, options, clock, lease);
  } finally {
    store.close();
  }
}

/** While another terminal sits this exam, it is neither resumed nor abandoned here. */
function refuseIfHeld(store: Store, exam: ExamSummary, clock: Clock): void {
  const holder = examHolder(store, exam.id, clock.date());
  if (holder) throw new UserError(t('exam.heldElsewhere', { id: exam.number, pid: holder.pid, seconds: LEASE_STALE_MS / 1000 }));
}

/** Takes the exam for this terminal, or refuses with the same line when another one got there first. */
function hold(store: Store, id: number, lease: Lease, clock: Clock): void {
  const holder = takeExam(store, id, lease, clock.date());
  if (holder) throw new UserError(t('exam.heldElsewhere', { id: examNumber(store, id), pid: holder.pid, seconds: LEASE_STALE_MS / 1000 }));
}

/** Gives the exam up, recording the answers it had for the questions still in the banks; returns how many. */
function abandon(store: Store, id: number, questions: readonly QuizQuestion[], now: number): number {
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
  return t('exam.unfinished', { id: e.number, blueprint: examLabel(e.blueprint, storedIsCustom(e)), started: formatLocal(e.startedAt), answered: e.answered, total: e.total, flagged: e.flagged, left });
}

// ---------------------------------------------------------------- starting

async function start(store: Store, questions: QuizQuestion[], sources: SectionRef[], options: ExamOptions, clock: Clock, lease: Lease): Promise<number> {
  const name = options.blueprint ?? 'saa';
  if (!isBlueprintName(name)) throw new UsageError(t('error.badChoice', { flag: '--blueprint', values: Object.keys(BLUEPRINTS).join(', '), value: name }));
  const blueprint = BLUEPRINTS[name];
  const filters = { banks: options.bank ?? [], topics: options.topic ?? [] };
  const unmatched = unmatchedFilters(questions, filters);
  const banks = [...new Set(questions.map((q) => q.bank))].sort();
  if (unmatched.banks.length) throw new UserError(t('exam.unknownBank', { bank: unmatched.banks.join(', '), banks: banks.join(', ') }));
  if (unmatched.topics.length) throw new UserError(t('exam.noTopic', { topic: unmatched.topics.join(', ') }));
  const { pool, heldOut } = withoutHeldOut(filterQuestions(questions, filters), heldOutQuestions(store));
  if (heldOut > 0) process.stdout.write(t('errata.heldOut', { count: heldOut }) + '\n');
  if (pool.length === 0) throw new UserError(t('exam.noMatch'));

  const seed = options.seed ?? newSeed();
  const asked = options.count ?? blueprint.count;
  const draw = drawExam(pool, { count: asked, weights: blueprint.weights, seed, domainOf: domainOf(blueprint) });
  const short = draw.items.length < asked;
  const time = examTime(blueprint, { asked, drawn: draw.items.length, ...(options.timed && { timed: true }), ...(options.minutes !== undefined && { minutes: options.minutes }), extraMinutes: extraMinutesAsked(options) });
  const { timed, minutes } = time;
  const limitMs = timed ? minutes * 60_000 : null;

  const intro = [
    chalk.bold(t('exam.intro.title', { label: examTitleLabel(blueprint.name, isCustomExam(blueprint, { total: draw.items.length, timed, minutes: time.baseMinutes })), count: draw.items.length })),
    !timed ? t('exam.intro.untimed') : time.extraMinutes ? t('exam.intro.timedExtra', { minutes, base: time.baseMinutes, extra: time.extraMinutes }) : t('exam.intro.timed', { minutes }),
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

  const startedAt = clock.date();
  const id = createExam(store, {
    blueprint: blueprint.name,
    seed,
    filters: { ...filters, count: asked, minutes: time.baseMinutes, ...(time.extraMinutes && { extraMinutes: time.extraMinutes }), timed, available: pool.length },
    startedAt,
    timeLimitMs: limitMs,
    questions: draw.items.map((it) => ({ questionId: it.question.id, choiceOrder: it.choiceOrder })),
  });
  // Kept to check readiness forecasts against how the learner really does; never a reason to stop the exam.
  try {
    (await import('./readiness.js')).recordExamForecast(store, id, pool, blueprint.name, draw.items.length, new Date(startedAt));
  } catch {
    // a forecast that cannot be made or saved only leaves this exam out of the calibration
  }
  const items = draw.items.map((it) => ({ question: it.question, order: it.choiceOrder }));
  return sit(store, { id, blueprint, seed, startedAt, items, sources, timer: newTimer(limitMs), state: newExamState(items.length, clock.elapsed()) }, options, clock, lease);
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
  if (missing.length) throw new UserError(t('exam.questionsGone', { id: exam.number, ids: missing.join(', ') }));
  return items;
}

async function resume(
  store: Store,
  id: number,
  questions: QuizQuestion[],
  sources: SectionRef[],
  options: ExamOptions,
  clock: Clock,
  lease: Lease,
  how: { asked?: boolean } = {},
): Promise<number> {
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
  const context: Sitting = { id, blueprint, seed: exam.seed, startedAt: exam.startedAt, items, sources, timer, state: newExamState(items.length, clock.elapsed(), saved) };
  if (isExpired(timer, clock.elapsed())) {
    hold(store, id, lease, clock);
    say(t('exam.resumeExpired', { id: exam.number }));
    return submit(store, context, context.state, timer, { timeUp: true, options, clock, lease });
  }
  if (how.asked) return sit(store, context, options, clock, lease);
  let begin: boolean;
  try {
    begin = await examIntroPrompt({ lines: [unfinishedLine(exam), '', t('exam.intro.keys')], start: t('exam.intro.continue') }, { clearPromptOnDone: true });
  } catch (err) {
    if (!(err instanceof ExitPromptError)) throw err;
    say(t('exam.stillPaused', { command: command(['--resume'], options) }));
    return EXIT_FOR.SIGINT!;
  }
  if (!begin) {
    say(t('exam.stillPaused', { command: command(['--resume'], options) }));
    return 0;
  }
  // Another terminal may have sat the exam while this one waited at its start screen: take the
  // exam first, then read it again, so the sitting goes on from what was saved last.
  hold(store, id, lease, clock);
  return resume(store, id, questions, sources, options, clock, lease, { asked: true });
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

async function sit(store: Store, s: Sitting, options: ExamOptions, clock: Clock, lease: Lease): Promise<number> {
  hold(store, s.id, lease, clock);
  const timer = startTimer(s.timer, clock.elapsed());
  let latest = { ...s.state, enteredAt: clock.elapsed() };
  const row = (state: ExamState, position: number) => ({
    position,
    selected: state.answers[position] ?? null,
    flagged: state.flags[position]!,
    timeMs: state.timeMs[position]!,
  });
  const save = (state: ExamState, changed?: number) => {
    saveProgress(store, s.id, lease, { position: state.position, timeUsedMs: elapsedMs(timer, clock.elapsed()), at: clock.date(), ...(changed !== undefined && { question: row(state, changed) }) });
  };

  const deadline = new AbortController();
  const interrupt = new AbortController();
  // A change that cannot be saved (disk full, database locked, the exam taken over or submitted
  // in another terminal) stops the exam rather than going on unsaved.
  const failure = new AbortController();
  let saveError: unknown;
  const fail = (err: unknown) => {
    saveError ??= err;
    failure.abort();
  };
  // Checked against the monotonic clock rather than set once with setTimeout: time is up when
  // that clock says so, however the process was suspended or the wall clock moved.
  const deadlineTimer =
    timer.limitMs === null
      ? undefined
      : setInterval(() => {
          if (isExpired(timer, clock.elapsed())) deadline.abort('time');
        }, DEADLINE_CHECK_MS);
  const clockSaver = setInterval(() => {
    try {
      save(latest);
    } catch (err) {
      // Losing the exam stops this terminal at once; any other failure is reported by the next change.
      if (err instanceof ExamLostError) fail(err);
    }
  }, CLOCK_SAVE_MS);
  // A closed terminal (SIGHUP) or a polite kill (SIGTERM) pauses like Ctrl+C, clock saved first.
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      save(settle(latest, clock.elapsed()), latest.position);
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
        now: () => clock.elapsed(),
        onChange: (state, changed) => {
          try {
            save(state, changed);
            latest = state;
          } catch (err) {
            fail(err);
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
    clearInterval(deadlineTimer);
    clearInterval(clockSaver);
    process.off('SIGHUP', onSignal);
    process.off('SIGTERM', onSignal);
    leaveExamScreen();
  }

  if (outcome.kind === 'paused') {
    const now = clock.elapsed();
    const paused = pauseTimer(timer, now);
    latest = settle(latest, now);
    save(latest, latest.position);
    releaseExam(store, s.id, lease);
    const counts = countsOf(latest);
    const shown = paused.limitMs === null ? t('exam.clock.elapsed', { time: formatClock(Math.floor(paused.usedMs / 1000)) }) : t('exam.clock.left', { time: formatClock(Math.ceil(remainingMs(paused, now)! / 1000)) });
    say(t('exam.paused', { answered: counts.answered, total: counts.total, clock: shown, command: command(['--resume'], options) }));
    return EXIT_FOR[outcome.signal] ?? EXIT_FOR.SIGINT!;
  }
  const final = outcome.kind === 'ended' ? outcome.state : latest;
  return submit(store, s, final, timer, { timeUp: outcome.kind === 'timeUp', options, clock, lease });
}

// ---------------------------------------------------------------- submitting

async function submit(store: Store, s: Sitting, state: ExamState, timer: ExamTimer, how: { timeUp: boolean; options: ExamOptions; clock: Clock; lease: Lease }): Promise<number> {
  const endedAt = how.clock.date();
  const stoppedAt = how.clock.elapsed();
  const timeUsedMs = elapsedMs(timer, stoppedAt);
  const settled = settle(state, stoppedAt);
  saveProgress(store, s.id, how.lease, { position: settled.position, timeUsedMs, at: endedAt, question: { position: settled.position, selected: settled.answers[settled.position] ?? null, flagged: settled.flags[settled.position]!, timeMs: settled.timeMs[settled.position]! } });
  const result = scoreExam(
    s.items.map((it, i) => ({ question: it.question, selected: state.answers[i] ?? null })),
    { passMark: s.blueprint.passMark, timeUsedMs, timeLimitMs: timer.limitMs, blueprint: s.blueprint },
  );
  const times = timeSpent(state, stoppedAt);
  const saved = loadExam(store, s.id)!;
  const answeredAt = saved.questions.map((q) => q.answeredAt);
  const answers = examAnswerRecords(
    store,
    s.id,
    s.items.map((it, i) => ({ question: it.question, selected: state.answers[i] ?? null, flagged: state.flags[i]!, timeMs: times[i]!, answeredAt: answeredAt[i] ?? endedAt, correct: result.marks[i]! })),
  );
  const stored: ExamResult & { blueprint: string; timeUp: boolean } = { ...result, blueprint: s.blueprint.name, timeUp: how.timeUp };
  finishExam(store, s.id, how.lease, { endedAt, timeUsedMs, result: stored, answers });

  const again = againCommand({ blueprint: s.blueprint.name, seed: s.seed, filters: saved.filters }, how.options);
  const number = examNumber(store, s.id);
  out(renderExamReport(result, { examId: number, blueprint: s.blueprint.name, timeUp: how.timeUp, ...(saved.extraMinutes && { extraMinutes: saved.extraMinutes }), keep: keptOptions(how.options), custom: storedIsCustom({ blueprint: s.blueprint.name, total: s.items.length, filters: saved.filters }), ...(again && { again }) }));
  const asked = s.items.map((it) => ({ questionId: it.question.id, question: it.question, order: it.order }));
  const entries = reviewEntries(asked, state.answers, state.flags, result.marks, s.sources, { all: true });
  const wrong = entries.filter((e) => !e.correct).length;
  out(['']);
  if (wrong > 0) {
    let wanted = false;
    let interrupted = false;
    try {
      wanted = await askReviewNow(wrong);
      if (wanted) {
        interrupted = (await browseReview(entries)) !== 0;
        if (!interrupted) await (await import('./errata-keys.js')).reportFromReview(store, entries.filter((e) => e.question && !e.correct), say);
      }
    } catch (err) {
      if (!(err instanceof ExitPromptError)) throw err;
      interrupted = true;
    }
    // The exam is already scored and saved; Ctrl+C here only skips the review, but says so in its exit code.
    if (interrupted) {
      say(t('exam.reviewLater', { command: command(['--review', String(number)], how.options) }));
      return EXIT_FOR.SIGINT!;
    }
  }
  say(t('exam.reviewLater', { command: command(['--review', String(number)], how.options) }));
  return 0;
}
