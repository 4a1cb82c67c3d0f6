import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExam, releaseExam, saveProgress, takeExam } from '../../src/store/exams.js';
import { openStore } from '../../src/store/open.js';
import { EXAM_BANK, answer, readExam } from '../helpers/exam-pty.js';
import { KEYS, runInPty } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';

// The built binary in a pseudo-terminal. Kept few and short: the exam screens change often,
// so these look only at the introduction, the first answer and what is saved.

describe('aws-quiz exam: time limits and pausing (built binary, pseudo-terminal)', () => {
  it('takes --minutes as a timed exam with that limit', async () => {
    const db = join(tempDir(), 'q.db');
    const run = runInPty(['exam', '--blueprint', 'quick', '--minutes', '7', '--questions', EXAM_BANK, '--db', db]);
    await run.waitFor('Press Enter to begin, or q to leave.');
    expect(run.output()).toContain('Time limit: 7 min.');
    expect(run.output()).not.toContain('Untimed');
    run.write('q');
    expect((await run.exited).exitCode).toBe(0);
  });

  for (const [signal, code] of [['SIGHUP', 129], ['SIGTERM', 143]] as const) {
    it(`pauses on ${signal}, keeping the answer given and the exam to resume`, async () => {
      const db = join(tempDir(), 'q.db');
      const run = runInPty(['exam', '--timed', '--blueprint', 'quick', '--seed', signal, '--questions', EXAM_BANK, '--db', db]);
      await run.waitFor('Press Enter to begin, or q to leave.');
      run.write(KEYS.enter);
      await answer(run, 1, 10, true);
      run.pty.kill(signal);
      expect((await run.exited).exitCode).toBe(code);
      const saved = readExam(db);
      expect(saved.session.state).toBe('active');
      expect(saved.session.usedMs).toBeGreaterThan(0);
      expect(saved.questions[0]!.selected).not.toBeNull();
      expect(saved.answers).toEqual([]); // an exam's answers count once it is submitted
    });
  }

  it('submits at once an exam resumed with no time left, as time up', async () => {
    const db = join(tempDir(), 'q.db');
    const store = openStore(db);
    const limitMs = 20 * 60_000;
    const id = createExam(store, {
      blueprint: 'quick',
      seed: 'expired',
      filters: { banks: [], topics: [], count: 2, timed: true },
      startedAt: Date.now() - 3_600_000,
      timeLimitMs: limitMs,
      questions: ['exam-secure-1', 'exam-secure-2'].map((questionId) => ({ questionId, choiceOrder: [0, 1, 2, 3] })),
    });
    // Saved as the sitting that was killed saved it: under its lease, which the resume takes over.
    const lease = { pid: 999_999_999, token: 'killed' };
    takeExam(store, id, lease, Date.now());
    // The last save before the pause: the first question answered rightly, the whole time used.
    saveProgress(store, id, lease, { position: 1, timeUsedMs: limitMs, at: Date.now() - 60_000, question: { position: 0, selected: [1], flagged: false, timeMs: 5000 } });
    releaseExam(store, id, lease);
    store.close();

    const run = runInPty(['exam', '--resume', '--questions', EXAM_BANK, '--db', db]);
    await run.waitFor(/Review the \d+ wrong or unanswered/);
    run.write('n' + KEYS.enter);
    expect((await run.exited).exitCode).toBe(0);
    expect(run.output()).toContain(`The time for exam #${id} ran out while it was paused; it is submitted now.`);
    expect(run.output()).toContain('Time is up');
    const done = readExam(db);
    expect(done.session.state).toBe('finished');
    expect(done.result).toMatchObject({ correct: 1, total: 2, timeUp: true });
  });
});
