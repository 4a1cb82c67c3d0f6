import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAM_BANK, answer, readExam } from '../helpers/exam-pty.js';
import { KEYS, runInPty } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';

// Runs in real time: a one-minute exam takes a minute.
describe('aws-quiz exam --timed (built binary, pseudo-terminal)', () => {
  it('submits a one-minute exam by itself when time runs out, reports it and stores it', async () => {
    const db = join(tempDir(), 'quiz.db');
    const run = runInPty(['exam', '--timed', '--blueprint', 'quick', '--minutes', '1', '--seed', 'e2e', '--questions', EXAM_BANK, '--db', db]);
    await run.waitFor('Press Enter to begin, or q to leave.');
    expect(run.output()).toContain('Time limit: 1 min.');
    run.write(KEYS.enter);

    await run.waitFor(/Question 1 of 10 · [01]:\d\d left · answered 0\/10 · flagged 0/);
    await run.waitFor('1 minute left: the exam is submitted automatically at 0:00');
    await answer(run, 1, 10, true);
    await run.waitFor('Question 2 of 10');
    run.write('f');
    await run.waitFor('answered 1/10 · flagged 1');

    // Nothing more is pressed: the clock runs out and the exam is submitted.
    await run.waitFor('Time is up: the exam was submitted automatically.', 75_000);
    await run.waitFor('Review the 9 wrong or unanswered questions now?');
    const report = run.output().slice(run.output().indexOf('Time is up'));
    expect(report).toMatch(/Score\s+1\/10 \(10%\)/);
    expect(report).toMatch(/Scaled score\s+190 \/ 1000 +\(an estimate/);
    expect(report).toMatch(/Result\s+FAIL/);
    expect(report).toMatch(/Time used\s+1:00 of 1:00/);
    expect(report).toMatch(/Unanswered\s+9 \(counted as wrong\)/);
    expect(report).toContain('By domain');
    expect(report).toContain('Weakest topics');
    expect(report).toContain(`Seed e2e. The same questions in the same order again:`);
    expect(report.replace(/\s+/g, ' ')).toContain(`aws-quiz exam --timed --blueprint quick --minutes 1 --seed e2e --db ${db} --questions ${EXAM_BANK}`);

    run.write('y');
    run.write(KEYS.enter);
    await run.waitFor('Review this exam again at any time: aws-quiz exam --review');
    const review = run.output().slice(run.output().indexOf('Review: 9 wrong or unanswered questions'));
    expect(review).toContain('Your answer: none (unanswered)');
    expect(review).toMatch(/Correct answer: [A-D]/);
    expect(review).toMatch(/Source: 試験用ノート — \w+ の節/);
    expect(review).toContain('⚑ flagged');
    expect((await run.exited).exitCode).toBe(0);

    const stored = readExam(db);
    expect(stored.session).toMatchObject({ state: 'finished', blueprint: 'quick', seed: 'e2e', limitMs: 60_000, usedMs: 60_000 });
    expect(stored.result).toMatchObject({ correct: 1, total: 10, answered: 1, passed: false, timeUp: true });
    expect(stored.questions).toHaveLength(10);
    expect(stored.questions[0]!.selected).not.toBeNull();
    expect(stored.questions[1]).toMatchObject({ selected: null, flagged: 1 });
    expect(stored.questions.filter((q) => q.selected !== null)).toHaveLength(1);
    // The answered question counts toward statistics and scheduling like a practice answer.
    expect(stored.answers).toEqual([{ id: stored.questions[0]!.id, correct: 1, flagged: 0, sessionId: stored.session.id }]);
    expect(stored.cards).toBe(1);
  }, 100_000);
});
