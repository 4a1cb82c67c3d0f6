import { AbortPromptError, ExitPromptError } from '@inquirer/core';
import { renderPrompt, settlePrompts } from '../helpers/prompt.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newExamState, newTimer, startTimer, type ExamState } from '../../src/quiz/exam-engine.js';
import { examPrompt, pageAround, renderConfirm, renderQuestionScreen, renderReviewRow, type ExamItem } from '../../src/ui/exam-prompt.js';
import { setLang } from '../../src/i18n/i18n.js';
import { width as cols } from '../../src/ui/text.js';
import { makeQuestion, multipleQuestion } from '../helpers/exam-questions.js';

const MIN = 60_000;

/** Three questions; choices are shown in reverse order so display letters differ from bank order. */
function setup(over: { limitMs?: number | null; state?: ExamState } = {}) {
  const items: ExamItem[] = [
    { question: makeQuestion('q1', { question: 'First question?' }), order: [2, 1, 0] },
    { question: multipleQuestion('q2', { question: 'Second question, pick two?' }), order: [3, 2, 1, 0] },
    { question: makeQuestion('q3', { question: 'Third question?' }), order: [0, 1, 2] },
  ];
  let clock = 1_000_000;
  const changes: { state: ExamState; changed: number }[] = [];
  const timer = startTimer(newTimer(over.limitMs === undefined ? 20 * MIN : over.limitMs), clock);
  const config = {
    items,
    state: over.state ?? newExamState(items.length, clock),
    timer,
    now: () => clock,
    onChange: (state: ExamState, changed: number) => changes.push({ state, changed }),
    width: () => 80,
    height: () => 30,
  };
  return { config, changes, advance: (ms: number) => (clock += ms) };
}

const down = 'down';

describe('exam prompt', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }));
  afterEach(async () => {
    await settlePrompts();
    vi.useRealTimers();
  });

  it('shows the question number, time left and counts, and ticks every second', async () => {
    const { config, advance } = setup();
    const { getScreen } = await renderPrompt(examPrompt, config);
    expect(getScreen()).toContain('Question 1 of 3 · 20:00 left · answered 0/3 · flagged 0');
    expect(getScreen()).toContain('First question?');
    expect(getScreen()).toMatch(/❯ A\) wrong two\n\s+B\) wrong one\n\s+C\) right/);
    advance(61_000);
    await vi.advanceTimersByTimeAsync(250);
    expect(getScreen()).toContain('18:59 left');
  });

  it('counts time up when untimed', async () => {
    const { config, advance } = setup({ limitMs: null });
    const { getScreen } = await renderPrompt(examPrompt, config);
    expect(getScreen()).toContain('0:00 elapsed');
    advance(75_000);
    await vi.advanceTimersByTimeAsync(250);
    expect(getScreen()).toContain('1:15 elapsed');
  });

  it('chooses a single answer only by its letter, saving it at once; arrows only move and Enter alone records nothing', async () => {
    const { config, changes } = setup();
    const { events, getScreen } = await renderPrompt(examPrompt, config);
    events.keypress(down);
    events.keypress(down);
    expect(changes).toEqual([]);
    expect(getScreen()).toContain('Not answered yet');
    events.keypress('enter');
    expect(getScreen()).toContain('Question 2 of 3');
    expect(changes.every((c) => c.state.answers[0] === null)).toBe(true);
    expect(getScreen()).toContain('answered 0/3');
    events.keypress('left');
    events.keypress('c');
    // Saved before anything else is pressed: C on screen is choice 0 in the bank.
    expect(changes.at(-1)).toMatchObject({ changed: 0 });
    expect(changes.at(-1)!.state.answers[0]).toEqual([0]);
    expect(getScreen()).toContain('Your answer: C');
    expect(getScreen()).toContain('Question 1 of 3');
    events.keypress('b');
    expect(changes.at(-1)!.state.answers[0]).toEqual([1]);
    events.keypress('enter');
    expect(getScreen()).toContain('Question 2 of 3');
    expect(getScreen()).toContain('answered 1/3');
    expect(getScreen()).not.toMatch(/correct|wrong:/i);
  });

  it('chooses the highlighted single answer with Space', async () => {
    const { config, changes } = setup();
    const { events, getScreen } = await renderPrompt(examPrompt, config);
    events.keypress(down);
    events.keypress('space');
    expect(changes.at(-1)!.state.answers[0]).toEqual([1]);
    expect(getScreen()).toContain('Your answer: B');
  });

  it('picks a choice by its letter and answers a multiple-response question only with the right number chosen', async () => {
    const { config, changes } = setup();
    const { events, getScreen } = await renderPrompt(examPrompt, config);
    events.keypress('right');
    expect(getScreen()).toContain('Choose 2.');
    events.keypress('a');
    events.keypress('enter');
    expect(getScreen()).toContain('Choose exactly 2 (1 selected)');
    events.keypress('c');
    expect(getScreen()).toMatch(/\[x\] A\).*\n\s*\[ \] B\).*\n.*\[x\] C\)/);
    events.keypress('enter');
    expect(changes.at(-1)!.state.answers[1]).toEqual([1, 3]);
    expect(getScreen()).toContain('Question 3 of 3');
  });

  it('keeps ticks on a multiple-response question as its answer when the learner leaves it', async () => {
    const { config, changes } = setup();
    const { events, getScreen } = await renderPrompt(examPrompt, config);
    events.keypress('right');
    events.keypress('a');
    events.keypress('c');
    expect(changes.at(-1)!.state.answers[1]).toEqual([1, 3]);
    events.keypress('left');
    events.keypress('right');
    expect(getScreen()).toMatch(/\[x\] A\).*\n\s*\[ \] B\).*\n.*\[x\] C\)/);
    // Through the review screen and back: still ticked, and unticking saves at once too.
    events.keypress('r');
    events.keypress('r');
    expect(getScreen()).toMatch(/\[x\] A\)/);
    events.keypress('c');
    expect(changes.at(-1)!.state.answers[1]).toEqual([3]);
  });

  it('goes back, skips ahead, and shows the answer already given when returning', async () => {
    const { config } = setup();
    const { events, getScreen } = await renderPrompt(examPrompt, config);
    events.keypress('b'); // answers B (bank choice 1) on question 1
    events.keypress('enter');
    events.keypress('left');
    expect(getScreen()).toContain('Question 1 of 3');
    expect(getScreen()).toContain('Your answer: B');
    expect(getScreen()).toMatch(/❯ B\)/);
    events.keypress('right');
    events.keypress('right');
    expect(getScreen()).toContain('Question 3 of 3');
    events.keypress('left');
    events.keypress('left');
    events.keypress('left');
    expect(getScreen()).toContain('Question 1 of 3');
  });

  it('flags and unflags with f, saving each change', async () => {
    const { config, changes } = setup();
    const { events, getScreen } = await renderPrompt(examPrompt, config);
    events.keypress('f');
    expect(getScreen()).toContain('Flagged for review');
    expect(getScreen()).toContain('flagged 1');
    expect(changes.at(-1)!.state.flags).toEqual([true, false, false]);
    events.keypress('f');
    expect(getScreen()).not.toContain('Flagged for review');
    expect(changes.at(-1)!.state.flags).toEqual([false, false, false]);
  });

  it('clears an answer with x', async () => {
    const { config, changes } = setup();
    const { events, getScreen } = await renderPrompt(examPrompt, config);
    events.keypress('a');
    events.keypress('x');
    expect(getScreen()).toContain('Not answered yet');
    expect(changes.at(-1)!.state.answers[0]).toBeNull();
  });

  it('lists every question on the review screen and jumps to the one chosen', async () => {
    const { config } = setup();
    const { events, getScreen } = await renderPrompt(examPrompt, config);
    events.keypress('a'); // answer 1
    events.keypress('enter');
    events.keypress('f'); // flag 2
    events.keypress('r');
    const screen = getScreen();
    expect(screen).toContain('Review: 3 questions');
    expect(screen).toMatch(/1 {2}answered .*First question\?/);
    expect(screen).toMatch(/❯ +2 {2}unanswered +⚑ flagged +Second question/);
    expect(screen).toMatch(/3 {2}unanswered .*Third question\?/);
    events.keypress(down);
    events.keypress('enter');
    expect(getScreen()).toContain('Question 3 of 3');
  });

  it('marks a multiple-response question with too few ticks incomplete in the header, the review screen and the end question', async () => {
    const { config } = setup();
    const { events, getScreen } = await renderPrompt(examPrompt, config);
    events.keypress('right');
    events.keypress('a'); // one of the two asked for
    expect(getScreen()).toContain('answered 0/3 · incomplete 1 · flagged 0');
    events.keypress('f');
    events.keypress('r');
    expect(getScreen()).toMatch(/❯ +2 {2}incomplete +⚑ flagged +Second question/);
    events.keypress('q');
    expect(getScreen()).toContain('2 unanswered, 1 incomplete, 1 flagged.');
  });

  it('filters the review screen with Tab: all, unanswered, incomplete, flagged; its key help names Esc', async () => {
    const { config } = setup({ state: newExamState(3, 0, { position: 0, answers: [[0], [1], null], flags: [false, false, true], timeMs: [] }) });
    const { events, getScreen } = await renderPrompt(examPrompt, config);
    events.keypress('r');
    expect(getScreen()).toContain('r or Esc back');
    expect(getScreen()).toContain('showing: all');
    const rows = () => getScreen().split('\n').filter((l) => /^[❯ ] +\d+ /.test(l));
    expect(rows()).toHaveLength(3);
    events.keypress('tab');
    expect(getScreen()).toContain('showing: unanswered');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toMatch(/❯ +3 {2}unanswered/);
    events.keypress('tab');
    expect(getScreen()).toContain('showing: incomplete');
    expect(rows().map((r) => r.trim().split(/\s+/).slice(0, 3).join(' '))).toEqual(['❯ 2 incomplete']);
    events.keypress('tab');
    expect(getScreen()).toContain('showing: flagged');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toMatch(/❯ +3 /);
    events.keypress('enter');
    expect(getScreen()).toContain('Question 3 of 3');
  });

  it('flags and unflags from the review list, saving each change, and jumps to the next flagged with n', async () => {
    const { config, changes } = setup();
    const { events, getScreen } = await renderPrompt(examPrompt, config);
    events.keypress('r');
    events.keypress(down);
    events.keypress('f');
    expect(changes.at(-1)).toMatchObject({ changed: 1 });
    expect(changes.at(-1)!.state.flags).toEqual([false, true, false]);
    expect(getScreen()).toMatch(/❯ +2 {2}unanswered +⚑ flagged/);
    expect(getScreen()).toContain('Review: 3 questions');
    events.keypress('up');
    events.keypress('n');
    expect(getScreen()).toMatch(/❯ +2 {2}unanswered +⚑ flagged/);
    events.keypress('f');
    expect(changes.at(-1)!.state.flags).toEqual([false, false, false]);
    // Under the flagged filter, unflagging moves the highlight to the next flagged question.
    events.keypress('f');
    events.keypress(down);
    events.keypress('f');
    for (let i = 0; i < 3; i++) events.keypress('tab');
    expect(getScreen()).toContain('showing: flagged');
    events.keypress('up');
    events.keypress('f');
    expect(changes.at(-1)!.state.flags).toEqual([false, false, true]);
    expect(getScreen()).toMatch(/❯ +3 /);
  });

  it('moves to the next unanswered question on the review screen with u', async () => {
    const { config } = setup({ state: newExamState(3, 0, { position: 0, answers: [[0], [0, 2], null], flags: [], timeMs: [] }) });
    const { events, getScreen } = await renderPrompt(examPrompt, config);
    events.keypress('r');
    events.keypress('u');
    expect(getScreen()).toMatch(/❯ +3 {2}unanswered/);
    events.keypress('enter');
    expect(getScreen()).toContain('Question 3 of 3');
  });

  it('opens the review screen after answering the last question', async () => {
    const { config } = setup({ state: newExamState(3, 0, { position: 2, answers: [], flags: [], timeMs: [] }) });
    const { events, getScreen } = await renderPrompt(examPrompt, config);
    events.keypress('enter');
    expect(getScreen()).toContain('Every question: answered, incomplete, unanswered, flagged');
  });

  it('asks before ending, naming the unanswered and flagged, and submits on y', async () => {
    const { config } = setup();
    const { events, getScreen, answer } = await renderPrompt(examPrompt, config);
    events.keypress('a');
    events.keypress('enter');
    events.keypress('f');
    events.keypress('q');
    expect(getScreen()).toContain('End the exam and submit it?');
    expect(getScreen()).toContain('2 unanswered, 0 incomplete, 1 flagged.');
    events.keypress('n');
    expect(getScreen()).toContain('Question 2 of 3');
    events.keypress('q');
    events.keypress('y');
    const final = await answer;
    expect(final.answers).toEqual([[2], null, null]); // A on screen is choice 2 in the bank
    expect(final.flags).toEqual([false, true, false]);
  });

  it('shows the ten-minute and one-minute notices', async () => {
    const { config, advance } = setup({ limitMs: 15 * MIN });
    const { getScreen } = await renderPrompt(examPrompt, config);
    expect(getScreen()).not.toContain('minutes left');
    advance(5 * MIN);
    await vi.advanceTimersByTimeAsync(250);
    expect(getScreen()).toContain('10 minutes left');
    advance(2 * MIN);
    await vi.advanceTimersByTimeAsync(250);
    expect(getScreen()).not.toContain('10 minutes left');
    advance(7 * MIN);
    await vi.advanceTimersByTimeAsync(250);
    expect(getScreen()).toContain('1 minute left: the exam is submitted automatically at 0:00');
    expect(getScreen()).toContain('1:00 left');
  });

  it('is cancelled through its AbortSignal when time runs out', async () => {
    const { config } = setup();
    const controller = new AbortController();
    const { answer } = await renderPrompt(examPrompt, config, { signal: controller.signal });
    controller.abort('time');
    await expect(answer).rejects.toBeInstanceOf(AbortPromptError);
  });

  it('rejects with ExitPromptError on Ctrl+C, with every change already reported', async () => {
    const { config, changes } = setup();
    const { events, answer } = await renderPrompt(examPrompt, config);
    events.keypress('a');
    events.keypress({ name: 'c', ctrl: true });
    await expect(answer).rejects.toBeInstanceOf(ExitPromptError);
    expect(changes.at(-1)!.state.answers[0]).toEqual([2]);
  });

  it('stops the clock interval when the prompt ends', async () => {
    const { config } = setup();
    const { events, answer } = await renderPrompt(examPrompt, config);
    events.keypress('q');
    events.keypress('y');
    await answer;
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('pageAround', () => {
  it('keeps the active row in view, near the middle', () => {
    expect(pageAround(5, 4, 10)).toEqual({ start: 0, end: 5 });
    expect(pageAround(65, 0, 10)).toEqual({ start: 0, end: 10 });
    expect(pageAround(65, 30, 10)).toEqual({ start: 25, end: 35 });
    expect(pageAround(65, 64, 10)).toEqual({ start: 55, end: 65 });
  });

  it('keeps review rows and the end-of-exam question inside narrow terminals, in either language', () => {
    for (const lang of ['en', 'ja'] as const) {
      setLang(lang);
      for (const width of [30, 40, 60, 200])
        for (const position of [0, 9, 64])
          for (const flagged of [false, true]) {
            const row = renderReviewRow({ position, status: position % 2 === 0 ? 'answered' : 'incomplete', flagged, text: 'インターフェイスエンドポイントの特徴はどれですか。'.repeat(3) }, position === 9, width);
            expect(cols(row), `${lang} ${width} ${position}`).toBeLessThanOrEqual(width);
          }
      for (const line of renderConfirm({ unanswered: 12, incomplete: 2, flagged: 3 }, 40)) expect(cols(line), line).toBeLessThanOrEqual(40);
    }
    setLang('en');
  });
});

describe('exam key help on a narrow terminal', () => {
  afterEach(() => setLang('en'));

  it('fits the short key help on one 40-column row, q end included, in either language', () => {
    const five = makeQuestion('q5', { choices: ['a', 'b', 'c', 'd', 'e'].map((text, i) => ({ text, correct: i === 0, why: '' })) });
    for (const lang of ['en', 'ja'] as const) {
      setLang(lang);
      for (const question of [five, multipleQuestion('m')]) {
        const order = question.choices.map((_, i) => i);
        const parts = renderQuestionScreen({ item: { question, order }, cursor: 0, pending: new Set(), answer: null, flagged: false }, 40);
        const help = parts.compactBottom!.at(-1)!;
        expect(parts.compactBottom!.length, lang).toBe(2);
        expect(cols(help), `${lang}: ${help}`).toBeLessThanOrEqual(40);
        expect(help).toMatch(/q (end|終了)$/);
        for (const row of parts.bottom) expect(cols(row), `${lang}: ${row}`).toBeLessThanOrEqual(40);
      }
    }
  });
});
