import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAM_BANK, answer, fakeClock, readExam } from '../helpers/exam-pty.js';
import { KEYS, runInPty } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';

// Two terminals, one exam: the second is refused while the first lives, takes the exam over once
// the first is silent, and the first then stops with one line instead of taking answers it cannot save.
describe('aws-quiz exam in two terminals (built binary, two pseudo-terminals)', () => {
  it('refuses a second terminal while the first holds the exam, and stops the first once it is taken over', async () => {
    const dir = tempDir();
    const db = join(dir, 'quiz.db');
    const common = ['--questions', EXAM_BANK, '--db', db];
    const first = runInPty(['exam', '--timed', '--blueprint', 'quick', '--seed', 'lease', ...common]);
    await first.waitFor('Press Enter to begin, or q to leave.');
    first.write(KEYS.enter);
    await answer(first, 1, 10, true);

    // While the first terminal lives and beats, --resume and the offer to resume or abandon are refused.
    for (const args of [['exam', '--resume', ...common], ['exam', '--timed', '--blueprint', 'quick', ...common]]) {
      const second = runInPty(args);
      expect((await second.exited).exitCode, args.join(' ')).toBe(1);
      expect(second.output()).toContain(`exam #1 is open in another terminal (process ${first.pty.pid})`);
      expect(second.output()).not.toContain('Resume it, or abandon it');
    }
    expect(readExam(db).session.state).toBe('active');

    // Seen from a terminal whose clock is a minute on, the first has been silent too long: taken over.
    const clock = fakeClock(dir);
    clock.set({ date: 60_000 });
    const third = runInPty(['exam', '--resume', ...common], clock.env);
    await third.waitFor('Press Enter to continue, or q to leave.');
    third.write(KEYS.enter);
    await third.waitFor('Question 2 of 10');

    // The first terminal stops by itself, with one line naming the terminal that has the exam now.
    const stopped = await first.exited;
    expect(stopped.exitCode).toBe(1);
    expect(first.output()).toContain(`exam #1 was taken over by another terminal (process ${third.pty.pid}); this one stops here and saves nothing more`);

    await answer(third, 2, 10, true);
    third.write('q');
    await third.waitFor('End the exam and submit it?');
    third.write('y');
    await third.waitFor('Review the 8 wrong or unanswered questions now?');
    third.write('n');
    third.write(KEYS.enter);
    expect((await third.exited).exitCode).toBe(0);
    const stored = readExam(db);
    expect(stored.session.state).toBe('finished');
    expect(stored.result).toMatchObject({ correct: 2, answered: 2 });
    expect(stored.answers).toHaveLength(2);
  }, 60_000);

  it('goes on from what another terminal saved while this one waited at the start screen', async () => {
    const dir = tempDir();
    const db = join(dir, 'quiz.db');
    const common = ['--questions', EXAM_BANK, '--db', db];
    const setup = runInPty(['exam', '--timed', '--blueprint', 'quick', '--seed', 'wait', ...common]);
    await setup.waitFor('Press Enter to begin, or q to leave.');
    setup.write(KEYS.enter);
    await answer(setup, 1, 10, true);
    setup.write(KEYS.ctrlC);
    expect((await setup.exited).exitCode).toBe(130);

    // Both terminals reach the start screen of the paused exam; the second sits it first.
    const waiting = runInPty(['exam', '--resume', ...common]);
    await waiting.waitFor('Press Enter to continue, or q to leave.');
    const other = runInPty(['exam', '--resume', ...common]);
    await other.waitFor('Press Enter to continue, or q to leave.');
    other.write(KEYS.enter);
    await answer(other, 2, 10, true);
    other.write(KEYS.ctrlC);
    expect((await other.exited).exitCode).toBe(130);

    // The first one starts now: with the answer given meanwhile, not the state it read before.
    waiting.write(KEYS.enter);
    await waiting.waitFor(/Question 3 of 10 · \d+:\d\d left · answered 2\/10/);
    waiting.write(KEYS.ctrlC);
    expect((await waiting.exited).exitCode).toBe(130);
    expect(readExam(db).questions.filter((q) => q.selected !== null)).toHaveLength(2);
  }, 60_000);
});
