import { describe, expect, it } from 'vitest';
import {
  back,
  clockSeconds,
  countsOf,
  elapsedMs,
  goTo,
  isExpired,
  newExamState,
  newTimer,
  next,
  noticeAt,
  pauseTimer,
  remainingMs,
  setAnswer,
  startTimer,
  statusOf,
  timeSpent,
  toggleFlag,
} from '../../src/quiz/exam-engine.js';

const MIN = 60_000;

describe('exam state', () => {
  it('moves forward and back within the exam and never past either end', () => {
    let s = newExamState(3, 0);
    s = back(s, 0);
    expect(s.position).toBe(0);
    s = next(next(next(s, 0), 0), 0);
    expect(s.position).toBe(2);
    expect(goTo(s, -5, 0).position).toBe(0);
    expect(goTo(s, 99, 0).position).toBe(2);
  });

  it('keeps answers and flags per question, and counts them', () => {
    let s = newExamState(4, 0);
    s = setAnswer(s, [2]);
    s = toggleFlag(next(s, 0));
    s = toggleFlag(next(s, 0));
    s = setAnswer(s, [3, 1]);
    s = toggleFlag(s);
    expect(s.answers).toEqual([[2], null, [1, 3], null]);
    expect(s.flags).toEqual([false, true, false, false]);
    expect(countsOf(s)).toEqual({ total: 4, answered: 2, incomplete: 0, unanswered: 2, flagged: 1 });
  });

  it('counts a multiple-response answer with fewer ticks than asked for as incomplete, not answered', () => {
    let s = newExamState(4, 0);
    s = setAnswer(s, [2]); // a single-answer question
    s = setAnswer(next(s, 0), [1]); // one tick of the two asked for
    s = setAnswer(next(s, 0), [0, 3]); // both ticks
    s = toggleFlag(s);
    const need = [1, 2, 2, 2];
    expect(countsOf(s, need)).toEqual({ total: 4, answered: 2, incomplete: 1, unanswered: 1, flagged: 1 });
    expect([0, 1, 2, 3].map((i) => statusOf(s, i, need))).toEqual(['answered', 'incomplete', 'answered', 'unanswered']);
  });

  it('treats an empty selection as clearing the answer', () => {
    const s = setAnswer(setAnswer(newExamState(2, 0), [1]), []);
    expect(s.answers[0]).toBeNull();
  });

  it('adds the time spent on each screen to its question', () => {
    let s = newExamState(3, 1000);
    s = next(s, 6000); // 5 s on question 1
    s = back(s, 9000); // 3 s on question 2
    s = goTo(s, 0, 12000); // no move: still counting
    expect(timeSpent(s, 12000)).toEqual([8000, 3000, 0]);
  });

  it('restores saved progress', () => {
    const s = newExamState(3, 0, { position: 2, answers: [[1], null, [0]], flags: [false, true, false], timeMs: [5, 6, 7] });
    expect(s.position).toBe(2);
    expect(countsOf(s)).toEqual({ total: 3, answered: 2, incomplete: 0, unanswered: 1, flagged: 1 });
    expect(s.timeMs).toEqual([5, 6, 7]);
  });
});

describe('exam clock', () => {
  it('counts down from the limit and expires at zero', () => {
    const t = startTimer(newTimer(20 * MIN), 0);
    expect(remainingMs(t, 5 * MIN)).toBe(15 * MIN);
    expect(isExpired(t, 20 * MIN - 1)).toBe(false);
    expect(isExpired(t, 20 * MIN)).toBe(true);
    expect(remainingMs(t, 99 * MIN)).toBe(0);
    expect(elapsedMs(t, 99 * MIN)).toBe(20 * MIN);
  });

  it('does not count time while paused, and resumes where it stopped', () => {
    let t = startTimer(newTimer(20 * MIN), 0);
    t = pauseTimer(t, 4 * MIN);
    expect(remainingMs(t, 500 * MIN)).toBe(16 * MIN);
    t = startTimer(t, 500 * MIN);
    expect(remainingMs(t, 501 * MIN)).toBe(15 * MIN);
  });

  it('resumes from time used in an earlier run', () => {
    const t = startTimer(newTimer(130 * MIN, 100 * MIN), 1_000_000);
    expect(remainingMs(t, 1_000_000)).toBe(30 * MIN);
  });

  it('counts up without a limit and never expires', () => {
    const t = startTimer(newTimer(null), 0);
    expect(remainingMs(t, 1000 * MIN)).toBeNull();
    expect(isExpired(t, 1000 * MIN)).toBe(false);
    expect(clockSeconds(t, 61_500)).toBe(61);
    expect(noticeAt(t, 999 * MIN)).toBeNull();
  });

  it('shows the ten-minute notice for a minute and the one-minute notice to the end', () => {
    const t = startTimer(newTimer(30 * MIN), 0);
    expect(noticeAt(t, 19 * MIN)).toBeNull();
    expect(noticeAt(t, 20 * MIN)).toBe('tenMinutes');
    expect(noticeAt(t, 20.9 * MIN)).toBe('tenMinutes');
    expect(noticeAt(t, 21.5 * MIN)).toBeNull();
    expect(noticeAt(t, 29 * MIN)).toBe('oneMinute');
    expect(noticeAt(t, 30 * MIN - 1)).toBe('oneMinute');
    expect(noticeAt(t, 30 * MIN)).toBeNull();
  });

  it('rounds the remaining time up so 0:00 only shows when time is up', () => {
    const t = startTimer(newTimer(MIN), 0);
    expect(clockSeconds(t, 0)).toBe(60);
    expect(clockSeconds(t, 59_001)).toBe(1);
    expect(clockSeconds(t, 60_000)).toBe(0);
  });
});
