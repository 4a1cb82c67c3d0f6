import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PtyRun } from './pty.js';

export const EXAM_BANK = fileURLToPath(new URL('../fixtures/banks/exam/', import.meta.url));

/** The latest complete question screen printed: from a "Question N of M" header to the key help at its foot. */
export function lastQuestionScreen(run: PtyRun, position?: number): string {
  const header = position === undefined ? 'Question \\d+' : `Question ${position}`;
  const screens = [...run.output().matchAll(new RegExp(`${header} of \\d+[\\s\\S]*?q end the exam`, 'g'))];
  return screens.at(-1)?.[0] ?? '';
}

/** The letters of the right choices on screen: the fixture bank marks them "(正)". */
export function rightLetters(screen: string): string[] {
  const end = screen.indexOf('Your answer') >= 0 ? screen.indexOf('Your answer') : screen.indexOf('Not answered yet');
  return [...screen.slice(0, end < 0 ? undefined : end).matchAll(/([A-F])\) [^\n]*\(正\)/g)].map((m) => m[1]!);
}

/** Answers the question on screen rightly (or with the first wrong choices) and waits for the next one. */
export async function answer(run: PtyRun, position: number, total: number, rightly: boolean): Promise<string[]> {
  await run.waitFor(new RegExp(`Question ${position} of ${total}[\\s\\S]*?q end the exam`));
  const screen = lastQuestionScreen(run, position);
  const right = rightLetters(screen);
  if (right.length === 0) throw new Error(`no right choice found on the screen:\n${screen}`);
  const letters = rightly ? right : ['A', 'B', 'C', 'D'].filter((l) => !right.includes(l)).slice(0, right.length);
  for (const l of letters) run.write(l.toLowerCase());
  run.write('\r');
  await run.waitFor(`answered ${position}/${total}`, 5_000, run.output().length - 200);
  return letters;
}

export function readExam(db: string) {
  const conn = new Database(db, { readonly: true });
  try {
    const session = conn.prepare(`SELECT id, state, blueprint, seed, time_limit_ms AS limitMs, time_used_ms AS usedMs, current_pos AS pos, result FROM sessions WHERE kind = 'exam' ORDER BY id DESC LIMIT 1`).get() as {
      id: number;
      state: string;
      blueprint: string;
      seed: string;
      limitMs: number | null;
      usedMs: number;
      pos: number;
      result: string | null;
    };
    const questions = conn.prepare('SELECT position, question_id AS id, choice_order AS choiceOrder, selected, flagged FROM session_questions WHERE session_id = ? ORDER BY position').all(session.id) as {
      position: number;
      id: string;
      choiceOrder: string;
      selected: string | null;
      flagged: number;
    }[];
    const answers = conn.prepare('SELECT question_id AS id, correct, flagged, session_id AS sessionId FROM answers ORDER BY id').all() as { id: string; correct: number; flagged: number; sessionId: number }[];
    const cards = conn.prepare('SELECT count(*) FROM review_state').pluck().get() as number;
    return { session, questions, answers, cards, result: session.result ? (JSON.parse(session.result) as Record<string, unknown>) : null };
  } finally {
    conn.close();
  }
}

const FAKE_CLOCK = fileURLToPath(new URL('./fake-clock.mjs', import.meta.url));

/**
 * The environment that lets a test move the binary's clocks: `set({ elapsed, date })` shifts the
 * monotonic clock and the wall clock by that many milliseconds from real time, at once.
 */
export function fakeClock(dir: string) {
  const file = join(dir, 'clock.json');
  const set = (offsets: { elapsed?: number; date?: number }) => writeFileSync(file, JSON.stringify(offsets));
  set({});
  return { env: { FAKE_CLOCK_FILE: file, NODE_OPTIONS: `--import ${pathToFileURL(FAKE_CLOCK).href}` }, set };
}
