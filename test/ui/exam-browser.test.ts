import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { browserEntries, reviewBrowser } from '../../src/ui/exam-browser.js';
import type { ReviewEntry } from '../../src/ui/exam-report.js';
import { makeQuestion } from '../helpers/exam-questions.js';

// Four questions: 1 right, 2 wrong and flagged, 3 unanswered, 4 wrong.
const entry = (position: number, selected: number[] | null, correct: boolean, flagged = false): ReviewEntry => ({
  position,
  total: 4,
  questionId: `q${position + 1}`,
  question: makeQuestion(`q${position + 1}`, { question: `Question text ${position + 1}?`, explanation: `Explained ${position + 1}.` }),
  order: [0, 1, 2],
  selected,
  flagged,
  correct,
  source: { file: 'note.txt', heading: `Section ${position + 1}` },
});
const ENTRIES = [entry(0, [0], true), entry(1, [1], false, true), entry(2, null, false), entry(3, [2], false)];
const config = { entries: ENTRIES, width: () => 80, height: () => 40 };

describe('the review browser', () => {
  it('shows one question at a time, wrong and unanswered first, with the answer, the key, every why, the explanation and the note', async () => {
    const { events, getScreen, answer } = await render(reviewBrowser, config);
    let screen = getScreen();
    expect(screen).toContain('1 of 3');
    expect(screen).toContain('Question text 2?');
    expect(screen).not.toContain('Question text 1?');
    expect(screen).toContain('Your answer: B');
    expect(screen).toContain('Correct answer: A');
    expect(screen).toContain('because');
    expect(screen).toContain('Explained 2.');
    expect(screen).toContain('Section 2');
    expect(screen).toContain('⚑ flagged');
    events.keypress('right');
    screen = getScreen();
    expect(screen).toContain('2 of 3');
    expect(screen).toContain('Your answer: none (unanswered)');
    events.keypress('right');
    events.keypress('right'); // stays on the last
    expect(getScreen()).toContain('Question text 4?');
    events.keypress('left');
    expect(getScreen()).toContain('Question text 3?');
    events.keypress('q');
    await expect(answer).resolves.toBeUndefined();
  });

  it('filters with Tab: wrong, unanswered, flagged, all', async () => {
    const { events, getScreen, answer } = await render(reviewBrowser, config);
    expect(getScreen()).toContain('showing: wrong or unanswered');
    events.keypress('tab');
    expect(getScreen()).toContain('showing: unanswered');
    expect(getScreen()).toContain('1 of 1');
    expect(getScreen()).toContain('Question text 3?');
    events.keypress('tab');
    expect(getScreen()).toContain('showing: flagged');
    expect(getScreen()).toContain('Question text 2?');
    events.keypress('tab');
    // The question on screen stays when the new filter shows it too.
    expect(getScreen()).toContain('showing: all');
    expect(getScreen()).toContain('2 of 4');
    events.keypress('left');
    expect(getScreen()).toContain('Question text 1?');
    expect(getScreen()).toMatch(/Question 1 of 4 · right/);
    events.keypress('escape');
    await answer;
  });

  it('scrolls a question taller than the terminal with the arrows', async () => {
    const { events, getScreen, answer } = await render(reviewBrowser, { ...config, height: () => 8 });
    expect(getScreen()).not.toContain('Section 2');
    for (let i = 0; i < 30; i++) events.keypress('down');
    expect(getScreen()).toContain('Section 2');
    events.keypress('q');
    await answer;
  });

  it('keeps every question for the filters, in exam order', () => {
    expect(browserEntries(ENTRIES, 'wrong').map((e) => e.position)).toEqual([1, 2, 3]);
    expect(browserEntries(ENTRIES, 'unanswered').map((e) => e.position)).toEqual([2]);
    expect(browserEntries(ENTRIES, 'flagged').map((e) => e.position)).toEqual([1]);
    expect(browserEntries(ENTRIES, 'all').map((e) => e.position)).toEqual([0, 1, 2, 3]);
  });
});
