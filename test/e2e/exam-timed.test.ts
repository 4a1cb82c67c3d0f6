import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAM_BANK, answer, fakeClock, readExam } from '../helpers/exam-pty.js';
import { KEYS, runInPty } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';
import { openErrata } from '../../src/store/errata.js';
import { openStore } from '../../src/store/open.js';

// The binary's monotonic clock is moved on by the test, so the minute passes at once.
describe('aws-quiz exam --timed (built binary, pseudo-terminal)', () => {
  it('submits a one-minute exam by itself when time runs out, reports it and stores it', async () => {
    const dir = tempDir();
    const db = join(dir, 'quiz.db');
    const clock = fakeClock(dir);
    const run = runInPty(['exam', '--timed', '--blueprint', 'quick', '--minutes', '1', '--seed', 'e2e', '--questions', EXAM_BANK, '--db', db], clock.env);
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
    clock.set({ elapsed: 60_000 });
    await run.waitFor('Time is up: the exam was submitted automatically.');
    await run.waitFor('Review the 9 wrong or unanswered questions now?');
    const report = run.output().slice(run.output().indexOf('Time is up'));
    expect(report).toMatch(/Score\s+1\/10 \(10%\)/);
    expect(report).toMatch(/Scaled score\s+190 \/ 1000 +\(an estimate/);
    expect(report).toMatch(/Result\s+FAIL/);
    expect(report).toMatch(/Time used\s+1:00 \/ 1:00/);
    expect(report).toMatch(/Unanswered\s+9 \(counted as wrong\)/);
    expect(report).toContain('By domain');
    expect(report).toContain('Weakest topics');
    expect(report).toContain(`Seed e2e. The same questions in the same order again:`);
    expect(report.replace(/\s+/g, ' ')).toContain(`aws-quiz exam --timed --blueprint quick --minutes 1 --seed e2e --db ${db} --questions ${EXAM_BANK}`);

    // The review is a browser: one question at a time, the first wrong or unanswered one first.
    run.write('y');
    run.write(KEYS.enter);
    // The whole first screen, not just its header: a screen arrives in more than one write.
    await run.waitFor(/1 of 9 · showing: wrong or unanswered[^]*Source: /);
    const first = run.output().slice(run.output().lastIndexOf('1 of 9 · showing'));
    expect(first).toContain('Question 2 of 10 · not answered  ⚑ flagged');
    expect(first).toContain('Your answer: none (unanswered)');
    expect(first).toMatch(/Correct answer: [A-D]/);
    expect(first).toMatch(/Source: 試験用ノート — \w+ の節/);
    run.write(KEYS.right);
    await run.waitFor(/2 of 9 · showing: wrong or unanswered[^]*Question 3 of 10/);
    run.write('q');
    // Below the browser, ! reports one of the reviewed questions; Enter goes on.
    await run.waitFor('! report a question · Enter done');
    run.write('!');
    await run.waitFor('Which question?');
    run.write(KEYS.enter);
    await run.waitFor('What is wrong with this question?');
    run.write(KEYS.down);
    run.write(KEYS.enter);
    await run.waitFor('A line for the record (optional):');
    const noted = run.output().length;
    run.write(KEYS.enter);
    await run.waitFor(/Reported as #1 \(ambiguous\)[^]*! report a question · Enter done/, 10_000, noted);
    run.write(KEYS.enter);
    await run.waitFor('Review this exam again at any time: aws-quiz exam --review');
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
    // The report made below the review names the first reviewed question (the second asked).
    const store = openStore(db);
    const errata = openErrata(store);
    store.close();
    expect(errata).toMatchObject([{ id: 1, questionId: stored.questions[1]!.id, reason: 'ambiguous' }]);

    // Later, at a terminal, --review N opens the same browser below the report; piped, it prints text.
    const later = runInPty(['exam', '--review', '1', '--questions', EXAM_BANK, '--db', db]);
    await later.waitFor('1 of 9 · showing: wrong or unanswered');
    expect(later.output()).toMatch(/Score\s+1\/10 \(10%\)/);
    later.write('\t');
    await later.waitFor('showing: unanswered');
    later.write('q');
    await later.waitFor('! report a question · Enter done');
    later.write(KEYS.enter);
    expect((await later.exited).exitCode).toBe(0);
  }, 30_000);

  it('adds the 30 minutes of --esl to the limit and says so before the start', async () => {
    const dir = tempDir();
    const run = runInPty(['exam', '--esl', '--blueprint', 'quick', '--questions', EXAM_BANK, '--db', join(dir, 'quiz.db')]);
    await run.waitFor('Press Enter to begin, or q to leave.');
    expect(run.output()).toContain('Time limit: 50 min (20 + 30 min extra time).');
    run.write('q');
    expect((await run.exited).exitCode).toBe(0);
  });
});
