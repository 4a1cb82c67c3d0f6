import Database from 'better-sqlite3';
import { execa } from 'execa';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { BIN, KEYS, runInPty, type PtyRun } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';

// The built binary (run `npx tsc` first) in a pseudo-terminal, as a learner uses it.

const GOOD = fileURLToPath(new URL('../fixtures/banks/good/', import.meta.url));
const BAD = fileURLToPath(new URL('../fixtures/banks/bad/', import.meta.url));

/** Correct choices of the fixture bank, by question id (original indexes). */
const CORRECT: Record<string, number[]> = {
  'sample-gateway-endpoint': [0],
  'sample-interface-endpoint': [0, 1],
  'sample-s3-durability': [1],
  'sample-s3-consistency': [2],
};

/**
 * Answers the question now on screen with its first choice (the first two when it asks
 * for two) and waits for the feedback. Every prompt draws itself again when done, so
 * waits look only at output after `from` and for text only a live screen shows (its keys).
 */
async function answerFirstChoices(run: PtyRun, position: number, total: number, from: number): Promise<number> {
  await run.waitFor(`${position}/${total}`, 10_000, from);
  await run.waitFor('Enter answer · q end', 10_000, from);
  const start = run.output().length;
  run.write(/Choose 2\.|2 つ選択/.test(run.output().slice(from)) ? 'ab' : 'a');
  run.write(KEYS.enter);
  await run.waitFor('How sure are you?', 10_000, start);
  run.write('s');
  await run.waitFor(/Enter next question · q end|Enter see the summary/, 10_000, start);
  return run.output().length;
}

function readDb(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return {
      sessions: db.prepare('SELECT id, kind, state, seed, ended_at FROM sessions').all() as { id: number; kind: string; state: string; seed: string; ended_at: number | null }[],
      questions: db.prepare('SELECT session_id, position, question_id, choice_order FROM session_questions ORDER BY position').all() as {
        session_id: number;
        position: number;
        question_id: string;
        choice_order: string;
      }[],
      answers: db.prepare('SELECT session_id, question_id, selected, correct, time_ms FROM answers ORDER BY id').all() as {
        session_id: number;
        question_id: string;
        selected: string;
        correct: number;
        time_ms: number;
      }[],
      cards: db.prepare('SELECT question_id, due, reps FROM review_state').all() as { question_id: string; due: number; reps: number }[],
    };
  } finally {
    db.close();
  }
}

describe('aws-quiz practice (built binary in a terminal)', () => {
  it('asks three questions, saves each answer with its review card, and sums up', async () => {
    const db = join(tempDir(), 'quiz.db');
    const run = runInPty(['practice', '--questions', GOOD, '--db', db, '--count', '3', '--seed', 'e2e', '--no-relearn']);
    let at = 0;
    for (let i = 1; i <= 3; i++) {
      at = await answerFirstChoices(run, i, 3, at);
      run.write(KEYS.enter);
    }
    await run.waitFor('Practice summary');
    const { exitCode } = await run.exited;
    expect(exitCode).toBe(0);
    const out = run.output();
    expect(out).toMatch(/Score: \d\/3 \(\d+%\) in 0:\d\d/);
    expect(out).toContain('Seed e2e. The same questions in the same order again:');
    expect(out).toContain(`aws-quiz practice --count 3 --no-relearn --seed e2e --db ${db} --questions ${GOOD}`);

    const { sessions, questions, answers, cards } = readDb(db);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ kind: 'practice', state: 'finished', seed: 'e2e' });
    expect(questions.map((q) => q.position)).toEqual([0, 1, 2]);
    expect(answers).toHaveLength(3);
    answers.forEach((a, i) => {
      const order = JSON.parse(questions[i]!.choice_order) as number[];
      expect(a.session_id).toBe(sessions[0]!.id);
      expect(a.question_id).toBe(questions[i]!.question_id);
      // 'a' (and 'b') picked the first choices as displayed; stored as original indexes.
      const picked = order.slice(0, CORRECT[a.question_id]!.length);
      expect(JSON.parse(a.selected)).toEqual(picked);
      expect(a.correct).toBe(JSON.stringify([...picked].sort()) === JSON.stringify(CORRECT[a.question_id]) ? 1 : 0);
      expect(a.time_ms).toBeGreaterThan(0);
    });
    expect(cards.map((c) => c.question_id).sort()).toEqual(answers.map((a) => a.question_id).sort());
    expect(cards.every((c) => c.reps === 1)).toBe(true);
    const missed = answers.filter((a) => !a.correct).length;
    expect(out).toContain(`Score: ${3 - missed}/3`);
    if (missed) expect(out).toMatch(/aws-quiz practice --topic [a-z0-9/-]+/);

    // The same seed and filters again: the same questions in the same choice order, although
    // what the learner needs has changed since (every question now has a review card).
    const again = runInPty(['practice', '--questions', GOOD, '--db', db, '--count', '3', '--seed', 'e2e', '--no-relearn']);
    let from = 0;
    for (let i = 1; i <= 3; i++) {
      from = await answerFirstChoices(again, i, 3, from);
      again.write(KEYS.enter);
    }
    await again.waitFor('Practice summary');
    expect((await again.exited).exitCode).toBe(0);
    const after = readDb(db);
    expect(after.sessions).toHaveLength(2);
    const drawOf = (id: number) => after.questions.filter((q) => q.session_id === id).map((q) => [q.question_id, q.choice_order]);
    expect(drawOf(after.sessions[1]!.id)).toEqual(drawOf(after.sessions[0]!.id));
  });

  it('replays a seed only with the same filters: another --count draws afresh', async () => {
    const db = join(tempDir(), 'quiz.db');
    const first = runInPty(['practice', '--questions', GOOD, '--db', db, '--count', '3', '--seed', 'filters', '--no-relearn']);
    await answerFirstChoices(first, 1, 3, 0);
    first.write('q');
    expect((await first.exited).exitCode).toBe(0);
    expect(readDb(db).questions.map((q) => q.session_id)).toEqual([1, 1, 1]);
    const fewer = runInPty(['practice', '--questions', GOOD, '--db', db, '--count', '2', '--seed', 'filters', '--no-relearn']);
    await answerFirstChoices(fewer, 1, 2, 0);
    fewer.write('q');
    expect((await fewer.exited).exitCode).toBe(0);
    expect(readDb(db).questions.filter((q) => q.session_id === 2)).toHaveLength(2);
  });

  it('keeps the answers given when Ctrl+C ends the session, and still sums up', async () => {
    const db = join(tempDir(), 'quiz.db');
    const run = runInPty(['practice', '--questions', GOOD, '--db', db, '--count', '3', '--seed', 'ctrl-c']);
    const at = await answerFirstChoices(run, 1, 3, 0);
    run.write(KEYS.enter);
    await run.waitFor('2/3', 10_000, at);
    await run.waitFor('Enter answer · q end', 10_000, at);
    run.write(KEYS.ctrlC);
    const { exitCode } = await run.exited;
    expect(exitCode).toBe(130);
    expect(run.output()).toContain('Ended after 1 of 3 questions; every answer given is saved.');
    const { sessions, answers } = readDb(db);
    expect(answers).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ state: 'abandoned' });
    expect(sessions[0]!.ended_at).not.toBeNull();
  });

  it('ends with q before any answer, saving nothing but the session', async () => {
    const db = join(tempDir(), 'quiz.db');
    const run = runInPty(['practice', '--questions', GOOD, '--db', db]);
    await run.waitFor(/Enter answer · q end/);
    run.write('q');
    expect((await run.exited).exitCode).toBe(0);
    expect(run.output()).toContain('No questions answered.');
    expect(readDb(db).answers).toHaveLength(0);
  });

  it('names the problem in one line and exits 1 when nothing matches', async () => {
    const db = join(tempDir(), 'quiz.db');
    // An existing database: a new one would be announced on a line of its own first.
    openStore(db).close();
    const empty = tempDir();
    mkdirSync(join(empty, 'none'));
    const cases: [string[], string][] = [
      [['--topic', 'lambda'], 'aws-quiz: no topic matches --topic lambda'],
      [['--bank', 'nope'], 'aws-quiz: no bank named "nope" (banks: sample)'],
      [['--bank', 'sample', '--topic', 'nothing/here'], 'aws-quiz: no topic matches --topic nothing/here'],
      [['--focus', 'due'], 'aws-quiz: nothing is due for review: no question has been answered yet. Try --focus new.'],
      [['--focus', 'wrong'], 'aws-quiz: no matching question was answered wrongly last time. Try --focus mixed.'],
    ];
    for (const [args, message] of cases) {
      const run = runInPty(['practice', '--questions', GOOD, '--db', db, ...args]);
      const { exitCode } = await run.exited;
      expect(exitCode, args.join(' ')).toBe(1);
      expect(run.output().trim(), args.join(' ')).toBe(message);
    }
    const none = runInPty(['practice', '--questions', join(empty, 'none'), '--db', db]);
    expect((await none.exited).exitCode).toBe(1);
    expect(none.output().trim()).toMatch(/^aws-quiz: no questions found in /);
    const bad = runInPty(['practice', '--questions', BAD, '--db', db]);
    expect((await bad.exited).exitCode).toBe(1);
    expect(bad.output().trim()).toMatch(/^aws-quiz: the question banks have 3 error\(s\); run `aws-quiz lint /);
  });

  it('refuses to run without a terminal, with exit 2 and without hanging', async () => {
    const r = await execa('node', [BIN, 'practice', '--questions', GOOD, '--db', join(tempDir(), 'quiz.db')], { reject: false, input: 'a\n', timeout: 10_000 });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('aws-quiz: practice is interactive: run it in a terminal (stdin and stdout must be a TTY).');
  });
});
