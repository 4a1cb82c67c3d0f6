import { describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/i18n.js';
import { cols } from '../../src/ui/table.js';
import { renderReadiness, type ReadinessView } from '../../src/ui/readiness-report.js';

const view = (over: Partial<ReadinessView> = {}): ReadinessView => ({
  blueprint: 'saa', date: '2027-03-20', today: '2027-03-01', answered: true, lastDay: '2027-03-19', seen: 120, total: 456,
  forecast: {
    expectedPercent: 67.4, low: 60, high: 75.4, expectedScaled: 707, lowScaled: 640, highScaled: 778, passProbability: 0.42, simulations: 4000,
    groups: ['secure', 'resilient', 'performant', 'cost'].map((group, i) => ({ group, expected: 0.6 + i * 0.05, questions: 100, drawn: 16 })),
  },
  plan: { daysLeft: 19, reviewsPerDay: Array.from({ length: 19 }, (_, i) => ({ day: `2027-03-${String(i + 1).padStart(2, '0')}`, reviews: i % 5, minutes: i % 3 })), totalReviews: 38, newPerDay: 21, todayMinutes: 12 },
  weakestGroups: [],
  weakestTopics: [{ name: 'ec2-operations/placement-groups-and-tenancy', expected: 0.41, questions: 9 }, { name: 'vpc/endpoints', expected: 0.5, questions: 4 }],
  calibration: { mockExams: 2, meanAbsoluteError: 6.5, brier: 0.12, exams: [
    { startedAt: Date.UTC(2027, 1, 1), predictedPercent: 62, passProbability: 0.3, actualPercent: 58, passed: false },
    { startedAt: Date.UTC(2027, 1, 20), predictedPercent: 70, passProbability: 0.6, actualPercent: 79, passed: true },
  ] },
  ...over,
});

describe('readiness report', () => {
  for (const lang of ['en', 'ja'] as const) {
    for (const width of [40, 80, 200]) {
      it(`fits ${width} columns in ${lang}`, () => {
        setLang(lang);
        const lines = renderReadiness(view(), width);
        for (const l of lines) expect(cols(l), l).toBeLessThanOrEqual(width);
        expect(lines.join('\n')).toContain('2027-03-20');
        setLang('en');
      });
    }
  }

  it('names the chance, the band, the plan for today and the calibration', () => {
    const text = renderReadiness(view(), 100).join('\n');
    expect(text).toContain('Chance to pass  42% (pass mark 720)');
    expect(text).toContain('67% right, scaled about 707 (likely 640–778)');
    expect(text).toContain('Today: 0 reviews and 21 new (about 12 min) → aws-quiz practice --count 21');
    expect(text).toContain('2 mock exams: off by 6.5 points on average; Brier score 0.12');
    expect(text).toMatch(/ec2-operations\/placement-groups-and-tenancy\s+41%\s+aws-quiz practice --topic ec2-operations\/placement-groups-and-tenancy/);
  });

  it('without a date, asks for one instead of planning', () => {
    const text = renderReadiness(view({ date: null }), 80).join('\n');
    expect(text).toContain('if taken today');
    expect(text).toContain('--exam-date YYYY-MM-DD) for a day-by-day plan');
    expect(text).not.toContain('Today:');
  });
});
