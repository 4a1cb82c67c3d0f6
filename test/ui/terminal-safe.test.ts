import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/bank/cache.js';
import { renderExamReport, renderReviewEntry } from '../../src/ui/exam-report.js';
import { renderFeedbackLines } from '../../src/ui/feedback.js';
import { renderQuestionLines } from '../../src/ui/question-view.js';
import { scoreExam } from '../../src/quiz/exam-score.js';

// Bank texts are cleaned when read; these screens still strip whatever slipped through
// (a tampered cache, an old database row), keeping only their own colours.

const OSC52 = '\u001b]52;c;aGVsbG8=\u0007';
/** An escape that is not a colour (SGR), or any other control character but a line break. */
const UNSAFE = /\u001b(?!\[[0-9;]*m)|[\u0000-\u0009\u000b-\u001a\u001c-\u001f\u007f-\u009f\u200b\u202e]/;

const hostile: QuizQuestion = {
  id: 'q',
  bank: `vpc${OSC52}`,
  topic: `vpc/\u001b[2Jx`,
  domain: 'secure',
  type: 'single',
  question: `問題${OSC52}です\r\u0008`,
  choices: [
    { text: `正しい${OSC52}`, correct: true, why: `理由\u202E${OSC52}` },
    { text: 'B', correct: false },
    { text: 'C', correct: false },
  ],
  explanation: `解説${OSC52}\u200B`,
  source: 'note.txt#s',
};

describe('screens strip escape sequences that reach them', () => {
  it('question, feedback and exam review', () => {
    const screens = [
      renderQuestionLines(hostile, [0, 1, 2], 60, { cursor: 0, header: { position: 1, total: 1, bank: hostile.bank, topic: hostile.topic } }),
      renderFeedbackLines({ question: hostile, order: [0, 1, 2], selected: [1], correct: false, header: { position: 1, total: 1, bank: hostile.bank, topic: hostile.topic }, source: { file: `n${OSC52}.txt`, heading: `h${OSC52}` }, last: true } as never, 60),
      renderReviewEntry({ position: 0, total: 1, questionId: 'q', question: hostile, order: [0, 1, 2], selected: [1], flagged: false, source: { file: 'n.txt', heading: `h${OSC52}` } } as never, 60),
    ];
    for (const lines of screens) {
      const text = lines.join('\n');
      expect(text).not.toMatch(UNSAFE);
      expect(text).toContain('正しい');
    }
  });

  it('the exam report, whose weak topics come from the database', () => {
    const result = scoreExam([{ question: hostile, selected: [1] }, { question: { ...hostile, id: 'r' }, selected: [1] }], { passMark: 720, timeUsedMs: 1000, timeLimitMs: null });
    const lines = renderExamReport(result, { examId: 1, blueprint: 'quick', again: { seed: `s${OSC52}`, command: 'aws-quiz exam' } });
    expect(lines.join('\n')).toContain('vpc/');
    expect(lines.join('\n')).not.toMatch(UNSAFE);
  });
});
