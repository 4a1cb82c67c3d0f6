import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/bank/cache.js';
import { editorArgs } from '../../src/commands/errata-keys.js';
import { feedbackPrompt } from '../../src/ui/feedback.js';
import { reviewKeysPrompt } from '../../src/ui/review-keys.js';

const question: QuizQuestion = {
  id: 'gw',
  bank: 'vpc',
  topic: 'vpc/endpoints',
  domain: 'cost',
  type: 'single',
  question: 'S3 へ追加料金なしで接続するには？',
  choices: [
    { text: 'ゲートウェイエンドポイント', correct: true, why: '無料。' },
    { text: 'インターフェイスエンドポイント', correct: false, why: '課金される。' },
    { text: 'NAT ゲートウェイを経由する', correct: false, why: '課金される。' },
  ],
  source: 'note.txt#vpc-endpoints',
};
const config = { question, order: [0, 1, 2], selected: [1], correct: false, header: { position: 1, total: 3, bank: 'vpc', topic: 'vpc/endpoints' }, source: { file: 'note.txt' }, width: 70, last: false };

describe('the feedback screen keys for errata', () => {
  it('names ! and e among its keys', async () => {
    const { getScreen } = await render(feedbackPrompt, config);
    expect(getScreen()).toContain('Enter next question · q end · ! report · e edit');
  });

  it('! asks to report the question on screen', async () => {
    const { answer, events } = await render(feedbackPrompt, config);
    events.type('!');
    await expect(answer).resolves.toBe('report');
  });

  it('e asks to open it in the editor', async () => {
    const { answer, events } = await render(feedbackPrompt, config);
    events.keypress('e');
    await expect(answer).resolves.toBe('edit');
  });
});

describe('editorArgs', () => {
  it('puts +LINE before the file for vi, vim, nano and emacs', () => {
    for (const editor of ['vi', 'vim', '/usr/bin/nano', 'emacs -nw']) expect(editorArgs(editor, 'q/vpc.yaml', 12).slice(-2)).toEqual(['+12', 'q/vpc.yaml']);
    expect(editorArgs('emacs -nw', 'q/vpc.yaml', 12)).toEqual(['emacs', '-nw', '+12', 'q/vpc.yaml']);
  });

  it('gives VS Code -g FILE:LINE and makes it wait', () => {
    expect(editorArgs('code', 'q/vpc.yaml', 12)).toEqual(['code', '--wait', '-g', 'q/vpc.yaml:12']);
    expect(editorArgs('code -w', 'q/vpc.yaml', 12)).toEqual(['code', '-w', '-g', 'q/vpc.yaml:12']);
  });
});

describe('the keys below an exam review', () => {
  it('! asks to report one of the reviewed questions; Enter or q is done', async () => {
    const report = await render(reviewKeysPrompt, {});
    expect(report.getScreen()).toBe('! report a question · Enter done');
    report.events.type('!');
    await expect(report.answer).resolves.toBe('report');
    for (const key of ['enter', 'q']) {
      const done = await render(reviewKeysPrompt, {});
      done.events.keypress(key);
      await expect(done.answer).resolves.toBe('done');
    }
  });
});
