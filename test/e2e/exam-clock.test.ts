import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAM_BANK, answer, fakeClock, readExam } from '../helpers/exam-pty.js';
import { KEYS, runInPty } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';

const HOURS_3 = 3 * 3_600_000;

// The wall clock jumps (an NTP correction, a laptop waking up) while the binary runs; the
// time an exam or an answer takes comes from a clock that does not.
describe('wall-clock jumps (built binary, pseudo-terminal)', () => {
  it('change nothing in a timed exam: no early end, no frozen or lost time', async () => {
    const dir = tempDir();
    const db = join(dir, 'quiz.db');
    const clock = fakeClock(dir);
    const run = runInPty(['exam', '--timed', '--blueprint', 'quick', '--seed', 'jump', '--questions', EXAM_BANK, '--db', db], clock.env);
    await run.waitFor('Press Enter to begin, or q to leave.');
    run.write(KEYS.enter);
    await answer(run, 1, 10, true);
    clock.set({ date: HOURS_3 });
    await answer(run, 2, 10, true);
    clock.set({ date: -HOURS_3 });
    await answer(run, 3, 10, true);
    await run.waitFor(/Question 4 of 10 · 1\d:\d\d left/);
    run.write('q');
    await run.waitFor('End the exam and submit it?');
    run.write('y');
    await run.waitFor('Review the 7 wrong or unanswered questions now?');
    run.write('n');
    run.write(KEYS.enter);
    expect((await run.exited).exitCode).toBe(0);
    const stored = readExam(db);
    expect(stored.result).toMatchObject({ correct: 3, answered: 3, timeUp: false });
    // A few seconds of real time, neither 20 minutes (the +3 h jump) nor nothing (the -3 h one).
    expect(stored.session.usedMs).toBeGreaterThan(0);
    expect(stored.session.usedMs).toBeLessThan(5 * 60_000);
  }, 30_000);

  it('change nothing in practice: answer times and the session length stay real', async () => {
    const dir = tempDir();
    const db = join(dir, 'quiz.db');
    const clock = fakeClock(dir);
    const run = runInPty(['practice', '--count', '2', '--seed', 'jump', '--questions', EXAM_BANK, '--db', db], clock.env);
    await run.waitFor('Enter answer');
    clock.set({ date: HOURS_3 });
    const many = /Choose (\d)/.exec(run.output());
    run.write('abcdef'.slice(0, many ? Number(many[1]) : 1));
    run.write(KEYS.enter);
    run.write('s'); // sure
    await run.waitFor(/Enter next question/);
    clock.set({ date: -HOURS_3 });
    run.write('q');
    await run.exited;
    const conn = new Database(db, { readonly: true });
    try {
      const times = conn.prepare('SELECT time_ms FROM answers').pluck().all() as number[];
      expect(times).toHaveLength(1);
      expect(times[0]).toBeLessThan(5 * 60_000);
      const used = conn.prepare(`SELECT time_used_ms FROM sessions WHERE kind = 'practice'`).pluck().get() as number;
      expect(used).toBeGreaterThanOrEqual(times[0]!);
      expect(used).toBeLessThan(5 * 60_000);
    } finally {
      conn.close();
    }
  }, 30_000);
});
