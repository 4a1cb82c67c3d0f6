import { describe, expect, it } from 'vitest';
import { drillCommand, formatDuration, formatIn, renderPracticeSummary, shellQuote, formatLocal } from '../../src/ui/practice-summary.js';
import { localDay } from '../../src/quiz/days.js';

const NOW = Date.UTC(2025, 5, 1, 10);

describe('practice summary', () => {
  it('shows score and time, the topics missed with the command to drill them, and the next reviews', () => {
    const lines = renderPracticeSummary(
      {
        summary: { answered: 4, correct: 2, planned: 4, elapsedMs: 125_000, endedEarly: false, missed: [{ topic: 'vpc/peering', wrong: 1 }, { topic: 's3/basics', wrong: 1 }] },
        upcoming: { dueNow: 1, dueSoon: 3, nextAt: NOW + 10 * 60_000 },
        now: NOW,
        keep: ['--db', '/tmp/my data/q.db'],
        again: { seed: 'abc', command: "aws-quiz practice --count 4 --seed abc --db '/tmp/my data/q.db'" },
      },
      80,
    );
    expect(lines).toContain('Score: 2/4 (50%) in 2:05');
    expect(lines).toContain('Topics missed');
    expect(lines).toContain('  vpc/peering  1 wrong');
    expect(lines).toContain("  aws-quiz practice --topic vpc/peering --topic s3/basics --db '/tmp/my data/q.db'");
    expect(lines).toContain('Reviews: 1 due now, 3 more within 24 hours.');
    expect(lines.some((l) => l.startsWith('The next review falls due in 10 min ('))).toBe(true);
    expect(lines).toContain('Seed abc. The same questions in the same order again:');
    expect(lines).toContain("  aws-quiz practice --count 4 --seed abc --db '/tmp/my data/q.db'");
  });

  it('says when the session ended early and nothing was missed', () => {
    const lines = renderPracticeSummary(
      { summary: { answered: 1, correct: 1, planned: 10, elapsedMs: 5000, endedEarly: true, missed: [] }, upcoming: { dueNow: 0, dueSoon: 0 }, now: NOW },
      80,
    );
    expect(lines).toContain('Ended after 1 of 10 questions; every answer given is saved.');
    expect(lines).toContain('No topics missed.');
    expect(lines).toContain('No reviews scheduled yet.');
  });

  it('says when no question was answered', () => {
    const lines = renderPracticeSummary({ summary: { answered: 0, correct: 0, planned: 5, elapsedMs: 800, endedEarly: true, missed: [] }, upcoming: { dueNow: 2, dueSoon: 0 }, now: NOW }, 80);
    expect(lines).toContain('No questions answered.');
    expect(lines.join('\n')).not.toContain('Score');
  });

  it('says how the second tries went, that a cram moved no review, and what the daily caps held back', () => {
    const summary = { answered: 4, correct: 3, planned: 4, elapsedMs: 60_000, endedEarly: false, missed: [{ topic: 'vpc/peering', wrong: 1 }] };
    const text = renderPracticeSummary({ summary, upcoming: { dueNow: 0, dueSoon: 0 }, now: NOW, relearned: { tries: 1, right: 1 }, cram: true, heldBack: '5 new questions (--max-new 10)' }, 80).join('\n');
    expect(text).toContain('Score: 3/4 (75%)');
    expect(text).toContain('Second tries: 1 of 1 right.');
    expect(text).toContain('First-try accuracy, as stats records it.');
    expect(text).toContain('Crammed: the review schedule was not changed.');
    expect(text).toContain('Daily limits held back 5 new questions (--max-new 10); they come on later days.');
    const plain = renderPracticeSummary({ summary, upcoming: { dueNow: 0, dueSoon: 0 }, now: NOW, relearned: { tries: 0, right: 0 }, cram: false }, 80).join('\n');
    expect(plain).not.toMatch(/Second tries|Crammed|held back/);
  });

  it('formats durations and waits', () => {
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatIn(10)).toBe('in 1 min');
    expect(formatIn(3 * 3_600_000)).toBe('in 3 h');
    expect(formatIn(4 * 86_400_000)).toBe('in 4 days');
  });

  it('quotes what a shell would split', () => {
    expect(shellQuote('vpc/peering')).toBe('vpc/peering');
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(drillCommand(['a/b'])).toBe('aws-quiz practice --topic a/b');
  });
});

describe('one date format', () => {
  it('writes a moment as YYYY-MM-DD HH:MM, its day exactly as stats writes days', () => {
    const at = new Date(2026, 0, 5, 9, 30).getTime();
    expect(formatLocal(at)).toBe('2026-01-05 09:30');
    expect(formatLocal(at).slice(0, 10)).toBe(localDay(at));
  });
});
