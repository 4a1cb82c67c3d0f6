import { ExitPromptError } from '@inquirer/core';
import { renderPrompt, settlePrompts } from '../helpers/prompt.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/bank/cache.js';
import { questionPrompt } from '../../src/ui/question-prompt.js';

const single: QuizQuestion = {
  id: 'gw',
  bank: 'vpc',
  topic: 'vpc/endpoints',
  domain: 'cost',
  type: 'single',
  question: 'プライベートサブネットから S3 へ追加料金なしで接続するには？',
  choices: [
    { text: 'ゲートウェイエンドポイント', correct: true },
    { text: 'インターフェイスエンドポイント', correct: false },
    { text: 'NAT ゲートウェイ', correct: false },
  ],
  source: 'note.txt#vpc-endpoints',
};

const multiple: QuizQuestion = {
  ...single,
  id: 'if',
  type: 'multiple',
  question: 'インターフェイスエンドポイントの特徴はどれですか。',
  choices: [
    { text: 'セキュリティグループで制御できる', correct: true },
    { text: 'ENI が入口になる', correct: true },
    { text: 'ルートテーブルにプレフィックスリストが追加される', correct: false },
    { text: '料金がかからない', correct: false },
  ],
};

// Choices are shown in this order: original 2 first, then 0, then 1 (and 3 for multiple).
const ask = (question: QuizQuestion, order: number[]) => renderPrompt(questionPrompt, { question, order, position: 3, total: 10, width: 60 });

describe('question prompt', () => {
  afterEach(settlePrompts);

  it('shows progress, bank, topic, the question and the choices in shuffled order', async () => {
    const { getScreen } = await ask(single, [2, 0, 1]);
    const screen = getScreen();
    expect(screen).toContain('3/10  vpc/endpoints');
    expect(screen).toContain('プライベートサブネットから S3 へ追加料金なしで接続するには？');
    expect(screen).toMatch(/❯ A\) NAT ゲートウェイ\n {2}B\) ゲートウェイエンドポイント\n {2}C\) インターフェイスエンドポイント/);
    expect(screen).toContain('↑↓ move · A–C pick · Enter answer · q end');
  });

  it('answers a single question with the arrows and Enter, as original choice indexes', async () => {
    const { answer, events, getScreen } = await ask(single, [2, 0, 1]);
    events.keypress('down');
    expect(getScreen()).toContain('❯ B) ゲートウェイエンドポイント');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', selected: [0] });
  });

  it('asks how sure once a choice is made: s sure, u unsure, Esc back to the choices', async () => {
    const sure = await renderPrompt(questionPrompt, { question: single, order: [2, 0, 1], position: 1, total: 2, width: 60, certainty: true });
    sure.events.keypress('b');
    sure.events.keypress('enter');
    expect(sure.getScreen()).toContain('How sure are you? s sure · u unsure · Esc change');
    // Letters pick nothing now; Esc goes back and the choice can change.
    sure.events.keypress('c');
    sure.events.keypress('escape');
    expect(sure.getScreen()).toContain('Enter answer');
    sure.events.keypress('c');
    sure.events.keypress('enter');
    sure.events.keypress('s');
    await expect(sure.answer).resolves.toEqual({ kind: 'answer', selected: [1], certainty: 'sure' });

    const unsure = await renderPrompt(questionPrompt, { question: multiple, order: [0, 1, 2, 3], position: 1, total: 2, width: 60, certainty: true });
    unsure.events.keypress('a');
    unsure.events.keypress('b');
    unsure.events.keypress('enter');
    unsure.events.keypress('u');
    await expect(unsure.answer).resolves.toEqual({ kind: 'answer', selected: [0, 1], certainty: 'unsure' });
  });

  it('answers a single question with a letter and Enter', async () => {
    const { answer, events, getScreen } = await ask(single, [2, 0, 1]);
    events.keypress('c');
    expect(getScreen()).toContain('❯ C) インターフェイスエンドポイント');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', selected: [1] });
  });

  it('says how many to choose for multiple answers and toggles with letters and Space', async () => {
    const { answer, events, getScreen } = await ask(multiple, [2, 0, 3, 1]);
    expect(getScreen()).toContain('Choose 2.');
    events.keypress('b');
    expect(getScreen()).toContain('❯ [x] B) セキュリティグループで制御できる');
    events.keypress('down');
    events.keypress('down');
    events.keypress('space');
    expect(getScreen()).toContain('❯ [x] D) ENI が入口になる');
    events.keypress('a');
    events.keypress('a');
    expect(getScreen()).toContain('[ ] A) ルートテーブル');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', selected: [0, 1] });
  });

  it('refuses the wrong number of choices for multiple answers, and says so', async () => {
    const { answer, events, getScreen } = await ask(multiple, [2, 0, 3, 1]);
    let settled = false;
    void answer.then(() => (settled = true));
    events.keypress('b');
    events.keypress('enter');
    expect(getScreen()).toContain('Choose exactly 2 (1 selected).');
    events.keypress('a');
    events.keypress('c');
    events.keypress('enter');
    expect(getScreen()).toContain('Choose exactly 2 (3 selected).');
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    events.keypress('c');
    expect(getScreen()).not.toContain('Choose exactly');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', selected: [2, 0] });
  });

  it('ends the session with q', async () => {
    const { answer, events } = await ask(multiple, [0, 1, 2, 3]);
    events.keypress('a');
    events.keypress('q');
    await expect(answer).resolves.toEqual({ kind: 'quit' });
  });

  it('rejects with ExitPromptError on Ctrl+C', async () => {
    const { answer, events } = await ask(single, [0, 1, 2]);
    events.keypress({ name: 'c', ctrl: true });
    await expect(answer).rejects.toBeInstanceOf(ExitPromptError);
  });

  it('fits a short terminal: header on top, the choice under the cursor in view, the rest counted', async () => {
    const { getScreen, events } = await renderPrompt(questionPrompt, { question: multiple, order: [0, 1, 2, 3], position: 3, total: 10, width: 30, height: 9 });
    const first = getScreen().split('\n');
    expect(first.length).toBeLessThanOrEqual(8);
    expect(first[0]).toMatch(/^3\/10/);
    expect(getScreen()).toMatch(/❯ \[ \] A\)/);
    expect(getScreen()).toMatch(/▼ 下にあと \d+ 行|▼ \d+ more lines below/);
    for (let i = 0; i < 3; i++) events.keypress('down');
    const last = getScreen().split('\n');
    expect(last.length).toBeLessThanOrEqual(8);
    expect(last[0]).toMatch(/^3\/10/);
    expect(getScreen()).toMatch(/❯ \[ \] D\)/);
    expect(getScreen()).toMatch(/▲ 上にあと \d+ 行|▲ \d+ more lines above/);
  });
});
