import { AbortPromptError, ExitPromptError } from '@inquirer/core';
import { type QuizQuestion, type SectionRef } from '../bank/cache.js';
import { UserError } from '../errors.js';
import { newSeed, seededRandom } from '../quiz/random.js';
import { withoutHeldOut } from '../quiz/held-out.js';
import { applyFilters, drawSession, replayDraw, type Drawn, type Focus, type LearnerState } from '../quiz/select.js';
import { glanceAt, relearnSlot, type AnswerResult } from '../quiz/practice-session.js';
import { applyPracticeFlags, dailyCaps, type PracticeFlags, type PracticeSettings } from './practice-settings.js';
import { renderGlance } from '../ui/practice-glance.js';
import { localDay } from '../quiz/days.js';
import { HALF_LIFE_DAYS, topicStandings } from '../quiz/topics.js';
import type { Store } from '../store/open.js';
import { heldOutQuestions } from '../store/errata.js';
import { openStoreFor } from './open-store.js';
import { dueTimes, openMisconceptions, pastDraw, questionHistory } from '../store/practice.js';
import { examDayRecall } from './exam-day.js';
import { topicTotals } from '../store/stats.js';
import { createSession, endSession } from '../store/sessions.js';
import { t } from '../i18n/i18n.js';
import { questionPrompt } from '../ui/question-prompt.js';
import { requireTty } from './tty.js';
import { quizBanksFor } from './quiz-banks.js';
import { systemClock } from '../quiz/clock.js';

export interface PracticeOptions extends PracticeFlags {
  count: number;
  bank?: string[];
  topic?: string[];
  focus: Focus;
  seed?: string;
  db?: string;
  questions?: string[];
  /** Ask without touching the schedule. */
  cram?: boolean;
  /** false: a miss does not come back later in the session. */
  relearn?: boolean;
}

/** Exit code after Ctrl+C, as shells report a SIGINT. */
const INTERRUPTED = 130;

// Scheduling, feedback and the summary are first needed once the first answer is given, so
// they are loaded then: the learner waits on start-up, not on a few ms after pressing Enter.
const afterFirstAnswer = () => import('./practice-answers.js');
type Later = typeof import('./practice-answers.js');

/**
 * Runs `write` once the first question is on screen: a prompt draws itself on the next
 * turn of the event loop, and this is queued right behind it. The session row (a durable
 * write) then costs the learner no wait, and still exists before any answer can be given.
 * If it fails, the prompt is aborted and the failure is what the caller gets on awaiting.
 */
function afterFirstDraw<T>(write: () => T, prompt: AbortController): Promise<T> {
  const done = new Promise<T>((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(write());
      } catch (err) {
        prompt.abort();
        reject(err);
      }
    }),
  );
  done.catch(() => undefined); // awaited later; not an unhandled rejection meanwhile
  return done;
}

export async function practiceCommand(options: PracticeOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  requireTty('practice');
  const { questions, sections } = await quizBanksFor(options, env);
  const filtered = filteredPool(questions, options);
  const store = openStoreFor(options, env);
  try {
    // A question reported as having a wrong key must not keep costing the learner points.
    const { pool, heldOut } = withoutHeldOut(filtered, heldOutQuestions(store));
    if (heldOut > 0) process.stdout.write(t('errata.heldOut', { count: heldOut }) + '\n');
    const { settings, said } = applyPracticeFlags(store, options);
    if (said) process.stdout.write(said + '\n');
    return await practise(store, questions, pool, sections, options, settings);
  } finally {
    store.close();
  }
}

/** The questions the filters allow; an unknown bank or a topic matching nothing is named. */
function filteredPool(questions: QuizQuestion[], options: PracticeOptions): QuizQuestion[] {
  const banks = [...new Set(questions.map((q) => q.bank))].sort();
  for (const bank of options.bank ?? []) if (!banks.includes(bank)) throw new UserError(t('practice.unknownBank', { bank, banks: banks.join(', ') }));
  for (const topic of options.topic ?? []) if (applyFilters(questions, { topics: [topic] }).length === 0) throw new UserError(t('practice.noTopic', { topic }));
  const pool = applyFilters(questions, { banks: options.bank ?? [], topics: options.topic ?? [] });
  if (pool.length === 0) {
    const filters = [...(options.bank ?? []).map((b) => `--bank ${b}`), ...(options.topic ?? []).map((tp) => `--topic ${tp}`)].join(' ');
    throw new UserError(t('practice.noMatch', { filters }));
  }
  return pool;
}

const errataKeys = () => import('./errata-keys.js');

/**
 * Opens the question in the editor, then reads the banks again so that the questions still
 * to come are asked as they now stand (one whose choices changed in number keeps its old
 * form: its shuffled order would no longer fit). A missing editor is said in one line.
 */
async function editAndReread(keys: Awaited<ReturnType<typeof errataKeys>>, questionId: string, turns: Turn[], from: number, options: PracticeOptions): Promise<void> {
  try {
    keys.editQuestion(questionId, options);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    process.stdout.write(err.message + '\n');
    return;
  }
  const fresh = new Map((await quizBanksFor(options)).questions.map((q) => [q.id, q]));
  for (let j = from; j < turns.length; j++) {
    const turn = turns[j]!;
    const q = fresh.get(turn.drawn.question.id);
    if (q && q.choices.length === turn.drawn.question.choices.length) turns[j] = { ...turn, drawn: { ...turn.drawn, question: q } };
  }
}

/** One turn of the session: a drawn question, asked for the first time or as the second try at a miss. */
interface Turn {
  drawn: Drawn;
  relearn: boolean;
}

async function practise(store: Store, all: QuizQuestion[], pool: QuizQuestion[], sections: SectionRef[], options: PracticeOptions, settings: PracticeSettings): Promise<number> {
  // Over every bank, as in `stats`: the learner's overall accuracy is what a topic is measured against.
  const topics = topicStandings(topicTotals(store, { fromDay: null, banks: null }, localDay(Date.now()), HALF_LIFE_DAYS));
  const exam = examDayRecall(store, Date.now());
  const misconceptions = options.focus === 'misconceptions' ? openMisconceptions(store).map((m) => m.id) : undefined;
  const state: LearnerState = { history: questionHistory(store), due: dueTimes(store), topics, ...(exam && { exam }), ...(misconceptions && { misconceptions }) };
  const seed = options.seed ?? newSeed();
  const filters = { banks: options.bank ?? [], topics: options.topic ?? [], focus: options.focus, count: options.count, ...(options.cram && { cram: true }) };
  const startedAt = systemClock.date();
  // Durations from the monotonic clock: a wall-clock jump mid-session changes no answer time.
  const sessionStart = systemClock.elapsed();
  const caps = options.cram ? undefined : dailyCaps(store, settings, startedAt);
  // A seed given again with the same filters brings back that session's questions, as the
  // summary promised; a new seed draws afresh from what the learner needs now.
  const past = options.seed === undefined ? undefined : pastDraw(store, seed, filters);
  const again = past ? replayDraw(pool, past, state, startedAt) : [];
  const fresh = again.length ? undefined : drawSession(pool, state, { count: options.count, focus: options.focus, now: startedAt, random: seededRandom(seed), ...(caps && { limits: caps.room }) });
  const drawn = fresh?.drawn ?? again;
  // What the daily caps kept out of this draw, for the one-line refusal or the summary.
  const held = caps && fresh ? { limits: caps.limits, heldBack: fresh.heldBack } : undefined;
  if (drawn.length === 0) throw new UserError((await afterFirstAnswer()).nothingToAsk(options.focus, pool, state, startedAt, held));
  const glance = renderGlance(glanceAt(pool, state, drawn, startedAt), { cram: !!options.cram });
  process.stdout.write(glance + '\n');
  // The first question leaves the glance above it in view; later ones have the screen to themselves.
  let reserved: number | undefined = glance.split('\n').length;

  const results: AnswerResult[] = [];
  // Whether each second try was right; like `results`, one entry per answer kept.
  const secondTries: boolean[] = [];
  const turns: Turn[] = drawn.map((d) => ({ drawn: d, relearn: false }));
  let session: Promise<number> | undefined;
  const abort = new AbortController();
  let later: Later | undefined;
  let steps: ReturnType<Later['practiceSteps']> | undefined;
  let interrupted = false;
  let failure: unknown;
  try {
    for (let i = 0; i < turns.length; i++) {
      const { drawn: d, relearn } = turns[i]!;
      // A second try shows the position of the last first try, beside its ↻ mark.
      const position = relearn ? Math.max(1, results.length) : results.length + 1;
      const header = { position, total: drawn.length, bank: d.question.bank, topic: d.question.topic, ...(relearn && { again: true }) };
      const shownAt = systemClock.elapsed();
      const prompt = questionPrompt(
        { question: d.question, order: d.order, position, total: drawn.length, certainty: settings.certainty !== false, ...(relearn && { again: true }), ...(reserved && { reserved }) },
        { clearPromptOnDone: true, signal: abort.signal },
      );
      session ??= afterFirstDraw(
        () =>
        createSession(store, {
          kind: 'practice',
          seed,
          filters,
          startedAt,
          questions: drawn.map((q) => ({ questionId: q.question.id, choiceOrder: q.order })),
        }),
        abort,
      );
      reserved = undefined;
      const answer = await prompt;
      const sessionId = await session;
      if (answer.kind === 'quit') break;
      const timeMs = Math.round(systemClock.elapsed() - shownAt);
      const answeredAt = systemClock.date();
      later ??= await afterFirstAnswer();
      steps ??= later.practiceSteps(store, sessionId, sections);
      // Saved before the feedback is shown: a crash while reading it loses nothing.
      const given = { selected: answer.selected, timeMs, answeredAt, ...(answer.certainty && { certainty: answer.certainty }) };
      const recorded = steps.record(d, given, { ...(options.cram && { cram: true }), ...(relearn && { relearn: true }) });
      const { correct } = recorded;
      // The first try is what counts; a miss comes back once, a few questions on.
      let slot: number | undefined;
      if (relearn) secondTries.push(correct);
      else {
        results.push({ questionId: d.question.id, topic: d.question.topic, correct, timeMs, ...(answer.certainty && { certainty: answer.certainty }) });
        if (!correct && options.relearn !== false) turns.splice((slot = relearnSlot(i, turns.length)), 0, { drawn: d, relearn: true });
      }
      const feedback = { question: d.question, order: d.order, selected: answer.selected, correct, header, source: steps.sourceOf(d.question.source), last: i === turns.length - 1, undoable: true };
      let next = await later.showFeedback(feedback);
      // ! and e: report the question, or open it in the editor; then the keys again.
      while (next === 'report' || next === 'edit') {
        const keys = await errataKeys();
        if (next === 'report') {
          const { said, reason } = await keys.reportWithReason(store, d.question.id);
          process.stdout.write(said + '\n');
          // A question whose key is reported wrong is held out: its second try goes too.
          if (reason === 'wrong-key' && slot !== undefined) {
            turns.splice(slot, 1);
            slot = undefined;
          }
        } else await editAndReread(keys, d.question.id, turns, i + 1, options);
        next = await later.feedbackPrompt({ ...feedback, printed: true, last: i === turns.length - 1 }, { clearPromptOnDone: true });
      }
      if (next === 'undo') {
        // A slip of the key: the answer goes as if never given, and the question is asked again.
        if (!steps.undo(recorded.undo)) process.stdout.write(t('practice.undoRefused') + '\n');
        else {
          if (slot !== undefined) turns.splice(slot, 1);
          if (relearn) secondTries.pop();
          else results.pop();
          i--;
          continue;
        }
      }
      if (next === 'quit') break;
    }
  } catch (err) {
    if (err instanceof ExitPromptError) interrupted = true;
    // Aborted only when the session could not be written; that error surfaces below.
    else if (!(err instanceof AbortPromptError)) failure = err;
  }
  // The end is dated by the time the session took, so its length is never negative nor hours long.
  const endedAt = startedAt + Math.round(systemClock.elapsed() - sessionStart);
  try {
    if (session) endSession(store, await session, { endedAt, timeUsedMs: endedAt - startedAt, state: results.length === drawn.length ? 'finished' : 'abandoned' });
  } catch (err) {
    failure ??= err;
  }
  if (failure !== undefined) throw failure;

  later ??= await afterFirstAnswer();
  process.stdout.write(
    (interrupted ? '\n' : '') +
      later
        .summaryLines({
          store,
          options,
          all,
          results,
          planned: drawn.length,
          startedAt,
          endedAt,
          seed,
          relearned: { tries: secondTries.length, right: secondTries.filter(Boolean).length },
          cram: !!options.cram,
          ...(held && { caps: held }),
        })
        .join('\n') +
      '\n',
  );
  return interrupted ? INTERRUPTED : 0;
}
