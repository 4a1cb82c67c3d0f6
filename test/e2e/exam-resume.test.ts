import { execa } from 'execa';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatClock } from '../../src/ui/exam-prompt.js';
import { EXAM_BANK, answer, fakeClock, readExam } from '../helpers/exam-pty.js';
import { BIN, KEYS, runInPty } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';

const LIMIT_MS = 20 * 60_000;
const GOOD_BANK = fileURLToPath(new URL('../fixtures/banks/good/', import.meta.url));
const cli = (args: string[]) => execa('node', [BIN, ...args], { reject: false, env: { NO_COLOR: '1', LANG: 'C' } });

describe('aws-quiz exam: killed, resumed, paused, finished (built binary, pseudo-terminal)', () => {
  it('brings back the same questions, answers, flags and remaining time after SIGKILL', async () => {
    const dir = tempDir();
    const db = join(dir, 'quiz.db');
    const common = ['--questions', EXAM_BANK, '--db', db];

    // 1. Start, answer two questions (one right, one wrong), flag the third, then the process is killed.
    const first = runInPty(['exam', '--timed', '--blueprint', 'quick', '--seed', 'kill', ...common]);
    await first.waitFor('Press Enter to begin, or q to leave.');
    first.write(KEYS.enter);
    await answer(first, 1, 10, true);
    const secondLetters = await answer(first, 2, 10, false);
    await first.waitFor('Question 3 of 10');
    first.write('f');
    await first.waitFor('answered 2/10 · flagged 1');
    first.pty.kill('SIGKILL');
    await first.exited;

    const killed = readExam(db);
    expect(killed.session).toMatchObject({ state: 'active', pos: 2 });
    expect(killed.questions.filter((q) => q.selected !== null).map((q) => q.position)).toEqual([0, 1]);
    expect(killed.questions.filter((q) => q.flagged).map((q) => q.position)).toEqual([2]);
    expect(killed.answers).toEqual([]);

    // 2. Resume two hours later by the wall clock: time while the program is not running does not
    // count, so the time left is exactly what was saved. Same place, same counts, the earlier answer.
    const clock = fakeClock(dir);
    clock.set({ date: 2 * 3_600_000 });
    const second = runInPty(['exam', '--resume', ...common], clock.env);
    await second.waitFor('Press Enter to continue, or q to leave.');
    const left = formatClock(Math.ceil((LIMIT_MS - killed.session.usedMs) / 1000));
    expect(second.output()).toMatch(/Exam #1 \(quick, started .*\) is unfinished: 2 of 10 answered, 1 flagged/);
    expect(second.output()).toContain(`${left} left`);
    second.write(KEYS.enter);
    // The whole header row, which may arrive in more than one write.
    await second.waitFor(/Question 3 of 10[^\n]*flagged \d+/);
    const header = second.output().slice(second.output().lastIndexOf('Question 3 of 10')).split('\n')[0]!;
    expect(header).toContain('answered 2/10 · flagged 1');
    await second.waitFor('Flagged for review');
    second.write(KEYS.left);
    await second.waitFor(`Question 2 of 10`, 5_000, second.output().lastIndexOf('Question 3 of 10'));
    await second.waitFor(`Your answer: ${secondLetters.join(', ')}`, 5_000, second.output().lastIndexOf('Question 2 of 10'));
    // The choices are in the same order as before the kill.
    expect(readExam(db).questions.map((q) => q.choiceOrder)).toEqual(killed.questions.map((q) => q.choiceOrder));

    // 3. Ctrl+C pauses and saves, with the command to resume.
    second.write(KEYS.ctrlC);
    expect((await second.exited).exitCode).toBe(130);
    expect(second.output()).toMatch(/Exam paused and saved: 2 of 10 answered, \d+:\d\d left\. Resume with: aws-quiz exam --resume --db /);

    // 4. A new exam while this one is unfinished offers to resume it; resume (asked once) and end it.
    const third = runInPty(['exam', '--timed', '--blueprint', 'quick', ...common]);
    await third.waitFor('Resume it, or abandon it and start a new exam?');
    third.write(KEYS.enter);
    await third.waitFor('Question 2 of 10');
    expect(third.output()).not.toContain('Press Enter to');
    third.write('q');
    await third.waitFor('8 unanswered, 0 incomplete, 1 flagged.');
    third.write('y');
    await third.waitFor('Review the 9 wrong or unanswered questions now?');
    expect(third.output()).toMatch(/Score\s+1\/10 \(10%\)/);
    third.write('n');
    third.write(KEYS.enter);
    expect((await third.exited).exitCode).toBe(0);

    const done = readExam(db);
    expect(done.session.state).toBe('finished');
    expect(done.answers.map((a) => a.correct)).toEqual([1, 0]);
    expect(done.cards).toBe(2);

    // 5. The finished exam can be listed and reviewed later without a terminal.
    const list = await cli(['exam', '--list', ...common]);
    expect(list.exitCode).toBe(0);
    expect(list.stdout).toMatch(/^1 +\S+ \S+ +quick +10 +1\/10 \(10%\) +190 +FAIL /m);
    const review = await cli(['exam', '--review', ...common]);
    expect(review.exitCode).toBe(0);
    expect(review.stdout).toContain('Exam #1: quick blueprint, 10 questions');
    expect(review.stdout).toContain('Review: 9 wrong or unanswered questions');
    expect(review.stdout).toContain(`Your answer: ${secondLetters.join(', ')}`);
    // Exams are asked for by the number --list shows.
    const byNumber = await cli(['exam', '--review', '1', ...common]);
    expect(byNumber.exitCode).toBe(0);
    expect(byNumber.stdout).toContain('Exam #1: quick blueprint, 10 questions');
  }, 60_000);

  it('uses what the banks have when asked for more, and abandons an unfinished exam on request', async () => {
    const db = join(tempDir(), 'quiz.db');
    const common = ['--questions', EXAM_BANK, '--db', db];
    const first = runInPty(['exam', '--count', '50', ...common]);
    await first.waitFor('Press Enter to begin, or q to leave.');
    expect(first.output()).toContain('Only 12 questions are available (50 asked for): the exam uses all 12.');
    expect(first.output()).toContain('Untimed: the clock counts up.');
    first.write(KEYS.enter);
    await first.waitFor(/Question 1 of 12 · 0:0\d elapsed/);
    await answer(first, 1, 12, true);
    first.write(KEYS.ctrlC);
    expect((await first.exited).exitCode).toBe(130);

    // Resuming against other banks names the questions it cannot find and changes nothing.
    const otherBanks = runInPty(['exam', '--resume', '--questions', GOOD_BANK, '--db', db]);
    expect((await otherBanks.exited).exitCode).toBe(1);
    expect(otherBanks.output()).toMatch(/exam #1 uses questions that are no longer in the banks, or whose choices changed: exam-/);

    const second = runInPty(['exam', '--timed', '--blueprint', 'quick', ...common]);
    await second.waitFor('Resume it, or abandon it and start a new exam?');
    await second.waitFor('↑↓ move · Enter choose');
    expect(second.output()).not.toContain('navigate');
    second.write(KEYS.down);
    second.write(KEYS.enter);
    // Abandoning cannot be undone: asked once more.
    await second.waitFor('Abandon exam #1 for good, unscored? Its 1 answer is kept as practice answers.');
    second.write('y');
    second.write(KEYS.enter);
    await second.waitFor('Press Enter to begin, or q to leave.');
    expect(second.output()).toContain('Exam #1 abandoned, unscored; its 1 answer counts toward your statistics and reviews, as practice answers do.');
    // Leaving at the start screen, with Ctrl+C or q, creates no exam and says so.
    second.write(KEYS.ctrlC);
    expect((await second.exited).exitCode).toBe(130);
    expect(second.output()).toContain('No exam was started.');
    const third = runInPty(['exam', ...common]);
    await third.waitFor('Press Enter to begin, or q to leave.');
    third.write('q');
    expect((await third.exited).exitCode).toBe(0);
    expect(third.output()).toContain('No exam was started.');

    const stored = readExam(db);
    expect(stored.session).toMatchObject({ id: 1, state: 'abandoned' });
    // The one answer given counts, as a practice answer would, with its review card.
    expect(stored.answers).toEqual([{ id: stored.questions[0]!.id, correct: 1, flagged: 0, sessionId: 1 }]);
    expect(stored.cards).toBe(1);
    const list = await cli(['exam', '--list', ...common]);
    expect(list.stdout.trim().split('\n')).toHaveLength(2);
    expect(list.stdout).toMatch(/^1 .* 1\/12 .* abandoned /m);
  });

  it('refuses without a terminal, and rejects conflicting or bad options with one line', async () => {
    const db = join(tempDir(), 'quiz.db');
    const noTty = await cli(['exam', '--questions', EXAM_BANK, '--db', db]);
    expect(noTty.exitCode).toBe(2);
    expect(noTty.stderr).toContain('aws-quiz: exam is interactive');
    // As the README promises: 2 for a usage error, 1 for nothing to act on.
    for (const [args, message, code] of [
      [['--resume', '--list'], 'use only one of --resume, --list', 2],
      [['--review', 'abc'], '--review takes an exam number', 2],
      [['--review', '9'], 'there is no exam #9', 1],
      [['--review'], 'no finished exams to review yet', 1],
    ] as const) {
      const r = await cli(['exam', ...args, '--questions', EXAM_BANK, '--db', db]);
      expect(r.exitCode, args.join(' ')).toBe(code);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toContain(message);
    }
    const empty = await cli(['exam', '--list', '--db', db]);
    expect(empty.stdout).toContain('No exams yet');
  });
});
