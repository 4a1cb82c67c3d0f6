import { describe, expect, it } from 'vitest';
import { scoreExam } from '../../src/quiz/exam-score.js';
import type { ExamSummary } from '../../src/store/exams.js';
import { renderExamList, renderExamReport, renderExamReview, renderReviewEntry } from '../../src/ui/exam-report.js';
import { setLang } from '../../src/i18n/i18n.js';
import { width as cells } from '../../src/ui/text.js';
import { makeQuestion, multipleQuestion } from '../helpers/exam-questions.js';

const items = [
  { question: makeQuestion('a', { domain: 'secure', topic: 'iam/policies' }), selected: [0] },
  { question: makeQuestion('b', { domain: 'secure', topic: 'iam/policies' }), selected: [1] },
  { question: makeQuestion('c', { domain: 'cost', topic: 's3/classes' }), selected: null },
  { question: makeQuestion('d', { domain: 'cost', topic: 's3/classes' }), selected: [0] },
];
const result = scoreExam(items, { passMark: 720, timeUsedMs: 754_000, timeLimitMs: 20 * 60_000 });

describe('exam report', () => {
  it('gives the score, the estimated scaled score marked as an estimate, the verdict and time used', () => {
    const text = renderExamReport(result, { examId: 7, blueprint: 'quick', again: { seed: 'abc', command: 'aws-quiz exam --blueprint quick --seed abc' } }).join('\n');
    expect(text).toContain('Exam #7: quick blueprint, 4 questions');
    expect(text).toMatch(/Score\s+2\/4 \(50%\)/);
    expect(text).toMatch(/Scaled score\s+550 \/ 1000 +\(an estimate/);
    expect(text).toMatch(/Result\s+FAIL +\(pass mark 720\)/);
    expect(text).toMatch(/Time used\s+12:34 \/ 20:00/);
    expect(text).toMatch(/Unanswered\s+1 \(counted as wrong\)/);
    expect(text).toContain('Seed abc. The same questions in the same order again:\n  aws-quiz exam --blueprint quick --seed abc');
  });

  it('says what to do next: each weak topic with the command that drills it, with the options that chose the banks', () => {
    const text = renderExamReport(result, { examId: 1, blueprint: 'saa', keep: ['--db', '/tmp/my db'] }).join('\n');
    expect(text).toContain("aws-quiz practice --topic iam/policies --db '/tmp/my db'");
  });

  it('compares the pace with the blueprint pace', () => {
    // 12:34 over 4 questions is 3:08.5 a question; SAA-C03 allows 130 min for 65, 2:00 a question.
    const text = renderExamReport(result, { examId: 1, blueprint: 'saa' }).join('\n');
    expect(text).toMatch(/Pace\s+3:09 per question \(the SAA-C03 pace is 2:00\)/);
    const quick = renderExamReport({ ...result, timeUsedMs: 4 * 90_000 }, { examId: 1, blueprint: 'sap' }).join('\n');
    expect(quick).toMatch(/Pace\s+1:30 per question \(the SAP-C02 pace is 2:24\)/);
  });

  it('names the incomplete questions apart from the unanswered', () => {
    const text = renderExamReport({ ...result, incomplete: 2 }, { examId: 1, blueprint: 'saa' }).join('\n');
    expect(text).toMatch(/Unanswered\s+1 \(counted as wrong\)\nIncomplete\s+2 \(counted as wrong\)/);
  });

  it('says when time ran out', () => {
    expect(renderExamReport(result, { examId: 7, blueprint: 'saa', timeUp: true })[0]).toBe('Time is up: the exam was submitted automatically.');
  });

  it('has a row per domain with meets or needs improvement, and the weakest topics', () => {
    const perfect = scoreExam(
      items.map((it) => ({ ...it, selected: [0] })),
      { passMark: 720, timeUsedMs: 1, timeLimitMs: null },
    );
    const text = renderExamReport(result, { examId: 1, blueprint: 'saa' }).join('\n');
    expect(text).toMatch(/Secure architectures +1\/2 +50% +needs improvement/);
    expect(text).toMatch(/Cost-optimized architectures +1\/2 +50% +needs improvement/);
    expect(text).toMatch(/Weakest topics\n {2}iam\/policies +1\/2 +aws-quiz practice --topic iam\/policies\n {2}s3\/classes +1\/2 +aws-quiz practice --topic s3\/classes/);
    const good = renderExamReport(perfect, { examId: 2, blueprint: 'saa' }).join('\n');
    expect(good).toMatch(/Secure architectures +2\/2 +100% +meets/);
    expect(good).toContain('PASS');
    expect(good).toContain('none: every question was answered correctly');
  });

  it('is written in Japanese when the language is ja', () => {
    setLang('ja');
    try {
      const text = renderExamReport(result, { examId: 7, blueprint: 'saa' }).join('\n');
      expect(text).toContain('推定値');
      expect(text).toContain('不合格');
      expect(text).toContain('要改善');
    } finally {
      setLang('en');
    }
  });
});

describe('exam review', () => {
  const q = multipleQuestion('m', { question: 'Which two?', explanation: 'Because A and C.' });
  // Shown as D, C, B, A: bank choices 0 and 2 (right) appear as D and B.
  const order = [3, 2, 1, 0];

  it('shows the learner’s answer, the correct one, every why, the explanation and the source section', () => {
    const text = renderReviewEntry(
      { position: 4, total: 10, questionId: 'm', question: q, order, selected: [0, 1], flagged: true, source: { file: 'note.txt', heading: 'VPC > Endpoints' } },
      80,
    ).join('\n');
    expect(text).toContain('Question 5 of 10 · wrong  ⚑ flagged');
    expect(text).toContain('Which two?');
    expect(text).toContain('Your answer: C, D');
    expect(text).toContain('Correct answer: B, D');
    expect(text).toMatch(/✓ B\) right C/);
    expect(text).toMatch(/✗ C\) wrong B \(your answer\)\n\s+no/);
    expect(text).toContain('Because A and C.');
    expect(text).toContain('Source: note.txt — VPC > Endpoints');
  });

  it('says when a question was not answered, or is gone from the banks', () => {
    const none = renderReviewEntry({ position: 0, total: 1, questionId: 'm', question: q, order, selected: null, flagged: false }, 80).join('\n');
    expect(none).toContain('not answered');
    expect(none).toContain('Your answer: none (unanswered)');
    const gone = renderReviewEntry({ position: 0, total: 1, questionId: 'old-one', order, selected: [1], flagged: false }, 80).join('\n');
    expect(gone).toContain('Question old-one is no longer in the banks');
  });

  it('has a heading with the count, or says there is nothing to review', () => {
    expect(renderExamReview([], 80)).toEqual(['Every question was answered correctly: nothing to review.']);
  });
});

describe('exam list', () => {
  const base: ExamSummary = {
    id: 4,
    number: 1,
    blueprint: 'saa',
    state: 'finished',
    startedAt: new Date(2026, 0, 5, 9, 30).getTime(),
    endedAt: null,
    timeLimitMs: 130 * 60_000,
    timeUsedMs: 3_600_000,
    total: 65,
    answered: 60,
    flagged: 2,
    result: { correct: 50, total: 65, percent: 77, scaled: 792, passed: true, timeUsedMs: 3_600_000 },
    extraMinutes: null,
    filters: { count: 65, timed: true, minutes: 130 },
  };

  it('lists each exam with its date, blueprint, score, scaled score, result and time', () => {
    const lines = renderExamList([
      { ...base, id: 12, number: 3, state: 'active', result: null, answered: 12, timeUsedMs: 600_000 },
      { ...base, id: 9, number: 2, state: 'abandoned', result: null },
      base,
    ]);
    // Each exam by its own number, not the session id it shares with practice sessions.
    expect(lines[0]).toMatch(/^# +Started +Blueprint +Questions +Score +Scaled +Result +Time$/);
    expect(lines[1]).toMatch(/^3 +2026-01-05 09:30 +SAA-C03 +12\/65 answered +— +— +unfinished +10:00 \/ 2:10:00$/);
    expect(lines[2]).toMatch(/^2 .* abandoned /);
    expect(lines[3]).toMatch(/^1 +2026-01-05 09:30 +SAA-C03 +65 +50\/65 \(77%\) +792 +PASS +1:00:00 \/ 2:10:00$/);
  });

  it('fits an 80-column terminal by leaving out the scaled score, then the question count', () => {
    const exams = [{ ...base, id: 3, number: 2, state: 'active' as const, result: null, answered: 12, timeUsedMs: 600_000 }, base];
    const full = renderExamList(exams);
    expect(Math.max(...full.map((l) => l.length))).toBeGreaterThan(80);
    const fitted = renderExamList(exams, 80);
    for (const l of fitted) expect(l.length, l).toBeLessThanOrEqual(80);
    expect(fitted[0]).toMatch(/^# +Started +Blueprint +(Questions +)?Score +Result +Time$/);
    expect(fitted[2]).toContain('50/65 (77%)');
  });

  it('labels an exam whose length or time was changed as custom, in the list and the report', () => {
    const lines = renderExamList([{ ...base, total: 30, filters: { count: 30, timed: true, minutes: 130 } }, { ...base, filters: { count: 65, timed: true, minutes: 60 } }, base]);
    expect(lines[1]).toMatch(/^1 +\S+ \S+ +custom, SAA-C03 weights +\d+ /);
    expect(lines[2]).toMatch(/^1 +\S+ \S+ +custom, SAA-C03 weights +65 /);
    expect(lines[3]).toMatch(/^1 +\S+ \S+ +SAA-C03 +65 /);
    expect(renderExamReport(result, { examId: 3, blueprint: 'sap', custom: true })[0]).toBe('Exam #3: custom, SAP-C02 weights, 4 questions');
    expect(renderExamReport(result, { examId: 3, blueprint: 'sap' })[0]).toBe('Exam #3: SAP-C02 blueprint, 4 questions');
  });

  it('shows extra time in the list and the report', () => {
    const lines = renderExamList([{ ...base, timeLimitMs: 160 * 60_000, extraMinutes: 30 }]);
    expect(lines[1]).toMatch(/1:00:00 \/ 2:40:00 \(\+30 min\)$/);
    const report = renderExamReport({ ...result, timeLimitMs: 160 * 60_000 }, { examId: 1, blueprint: 'saa', extraMinutes: 30 }).join('\n');
    expect(report).toMatch(/Time used\s+12:34 \/ 2:40:00 +\(includes 30 min extra time\)/);
  });

  it('fits 40 to 60 columns, in either language, by giving each exam two rows', () => {
    const exams = [{ ...base, id: 3, state: 'active' as const, result: null, answered: 12, timeUsedMs: 600_000 }, base];
    for (const lang of ['en', 'ja'] as const) {
      setLang(lang);
      for (const width of [40, 50, 60]) {
        const lines = renderExamList(exams, width);
        for (const l of lines) expect(cells(l), `${lang} ${width}: ${l}`).toBeLessThanOrEqual(width);
        const text = lines.join('\n');
        expect(text).toContain('50/65 (77%)');
        expect(text).toContain('1:00:00 / 2:10:00');
        expect(text).toContain('2026-01-05 09:30');
      }
    }
    setLang('en');
  });

  it('says so when there are no exams', () => {
    expect(renderExamList([])[0]).toContain('No exams yet');
  });
});
