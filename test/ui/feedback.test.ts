import { renderPrompt, settlePrompts } from '../helpers/prompt.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/bank/cache.js';
import { feedbackPrompt, renderAnsweredChoiceLines } from '../../src/ui/feedback.js';
import { width } from '../../src/ui/text.js';

const question: QuizQuestion = {
  id: 'if',
  bank: 'vpc',
  topic: 'vpc/endpoints',
  domain: 'secure',
  type: 'multiple',
  question: 'インターフェイスエンドポイントの特徴を 2 つ選択してください。',
  choices: [
    { text: 'セキュリティグループで制御できる', correct: true, why: 'ENI に関連付けられる。' },
    { text: 'ENI が入口になる', correct: true, why: 'PrivateLink の仕組み。' },
    { text: 'ルートテーブルにプレフィックスリストが追加される', correct: false, why: 'これはゲートウェイ型。' },
  ],
  explanation: 'インターフェイス型は ENI を介した PrivateLink 接続。',
  source: 'note.txt#vpc-endpoints',
};

const base = {
  question,
  order: [2, 0, 1],
  header: { position: 2, total: 5, bank: 'vpc', topic: 'vpc/endpoints' },
  source: { file: '000_54328491b4c48bc9.txt', title: 'テスト用ノート', heading: 'VPC > エンドポイント' },
  width: 70,
};

describe('feedback after an answer', () => {
  afterEach(settlePrompts);

  it('says wrong, names the answer, marks every choice with its why, and shows the explanation and source', async () => {
    const { getScreen } = await renderPrompt(feedbackPrompt, { ...base, selected: [2, 0], correct: false, last: false });
    const screen = getScreen();
    expect(screen).toContain('2/5  vpc/endpoints');
    expect(screen).toContain('✗ Wrong: the answer is B, C');
    expect(screen).toMatch(/✗ A\) ルートテーブルにプレフィックスリストが追加される \(your answer\)\n {5}これはゲートウェイ型。/);
    expect(screen).toMatch(/✓ B\) セキュリティグループで制御できる \(your answer\)\n {5}ENI に関連付けられる。/);
    expect(screen).toMatch(/✓ C\) ENI が入口になる\n {5}PrivateLink の仕組み。/);
    expect(screen).toMatch(/Explanation\n {2}インターフェイス型は ENI を介した PrivateLink 接続。/);
    expect(screen).toContain('Source: テスト用ノート — VPC > エンドポイント');
    expect(screen).not.toContain('000_54328491b4c48bc9.txt');
    expect(screen).toContain('Enter next question · q end');
  });

  it('says correct when it was', async () => {
    const { getScreen } = await renderPrompt(feedbackPrompt, { ...base, selected: [0, 1], correct: true, last: false });
    expect(getScreen()).toContain('✓ Correct');
    expect(getScreen()).not.toContain('✗');
  });

  it('goes on with Enter, or ends the session with q', async () => {
    const next = await renderPrompt(feedbackPrompt, { ...base, selected: [0, 1], correct: true, last: false });
    next.events.keypress('enter');
    await expect(next.answer).resolves.toBe('next');
    const quit = await renderPrompt(feedbackPrompt, { ...base, selected: [0, 1], correct: true, last: false });
    quit.events.keypress('q');
    await expect(quit.answer).resolves.toBe('quit');
  });

  it('takes the answer back with u when it can be, and only then', async () => {
    const undo = await renderPrompt(feedbackPrompt, { ...base, selected: [0, 1], correct: true, last: false, undoable: true });
    expect(undo.getScreen()).toContain('u undo');
    undo.events.keypress('u');
    await expect(undo.answer).resolves.toBe('undo');
    const fixed = await renderPrompt(feedbackPrompt, { ...base, selected: [0, 1], correct: true, last: false });
    expect(fixed.getScreen()).not.toContain('u undo');
    fixed.events.keypress('u');
    fixed.events.keypress('enter');
    await expect(fixed.answer).resolves.toBe('next');
  });

  it('leads to the summary after the last question', async () => {
    const { answer, events, getScreen } = await renderPrompt(feedbackPrompt, { ...base, selected: [0, 1], correct: true, last: true });
    expect(getScreen()).toContain('Enter see the summary');
    events.keypress('enter');
    await expect(answer).resolves.toBe('next');
    // q ends the session from any screen, the last one included.
    const quit = await renderPrompt(feedbackPrompt, { ...base, selected: [0, 1], correct: true, last: true });
    quit.events.keypress('q');
    await expect(quit.answer).resolves.toBe('quit');
  });

  it('shows only the verdict and the keys when the feedback was printed above it', async () => {
    const { answer, events, getScreen } = await renderPrompt(feedbackPrompt, { ...base, selected: [0, 1], correct: true, last: false, printed: true });
    expect(getScreen()).toBe('✓ Correct\nEnter next question · q end · ! report · e edit');
    events.keypress('enter');
    await expect(answer).resolves.toBe('next');
  });

  it('names only the note file when the section is not in the index', async () => {
    const { getScreen } = await renderPrompt(feedbackPrompt, { ...base, source: { file: 'note.txt' }, selected: [0, 1], correct: true, last: false });
    expect(getScreen()).toContain('Source: note.txt');
    expect(getScreen()).not.toContain('—');
  });

  it('wraps long choices and whys under their text', () => {
    const lines = renderAnsweredChoiceLines(question, [2, 0, 1], [2], 24);
    expect(lines[0]).toBe('✗ A) ルートテーブルにプ');
    expect(lines[1]).toMatch(/^ {5}レフィックス/);
    for (const l of lines) expect(width(l), l).toBeLessThanOrEqual(24);
  });
});
