import { stripVTControlCharacters } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReport, dayStartMs, type StatsInput, type TopicTotals } from '../../src/quiz/stats.js';
import { chalk } from '../../src/ui/color.js';
import { setLang } from '../../src/i18n/i18n.js';
import { renderStats, renderStatsJson, scoreChart, sparkline } from '../../src/ui/stats-report.js';
import { width } from '../../src/ui/text.js';

const TODAY = '2026-03-15';
const at = (day: string, hour = 12) => dayStartMs(day) + hour * 3_600_000;

function topic(topicName: string, attempts: number, correct: number, lastDay: string, domain = 'secure'): TopicTotals {
  return { bank: topicName.split('/')[0]!, topic: topicName, domain, attempts, correct, timeMs: attempts * 40_000, dueAttempts: Math.floor(attempts / 2), dueCorrect: Math.floor(correct / 2), lastDay, decayedAttempts: attempts * 0.8, decayedCorrect: correct * 0.8 };
}

const exam = (id: number, day: string, correct: number, passed: boolean) => ({
  id,
  blueprint: 'saa',
  startedAt: at(day, 9),
  timeUsedMs: 0,
  timeLimitMs: 7_800_000,
  result: JSON.stringify({ total: 65, correct, percent: Math.round((correct / 65) * 100), scaled: Math.round(100 + (900 * correct) / 65), passMark: 720, passed, timeUsedMs: 6_000_000 + id * 61_000 }),
});

const INPUT: StatsInput = {
  today: TODAY,
  period: { since: 'all', fromDay: null, toDay: TODAY },
  banks: null,
  topics: [
    topic('vpc/endpoints', 24, 10, '2026-03-13', 'cost'),
    topic('vpc/peering', 12, 11, '2026-03-15', 'resilient'),
    topic('s3/storage-classes', 30, 18, '2026-02-01', 'cost'),
    topic('cloudfront/origin-failover', 8, 2, '2026-03-14', 'resilient'),
    topic('iam/policies', 3, 1, '2026-03-10'),
    topic('kms/keys', 1, 1, '2026-03-01'),
  ],
  studyDays: ['2026-03-10', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15'],
  activity: [
    { day: '2026-03-10', attempts: 12, correct: 8 },
    { day: '2026-03-12', attempts: 30, correct: 20 },
    { day: '2026-03-13', attempts: 6, correct: 5 },
    { day: '2026-03-14', attempts: 18, correct: 10 },
    { day: '2026-03-15', attempts: 12, correct: 9 },
  ],
  activityFrom: '2026-03-02',
  exams: [exam(1, '2026-02-20', 40, false), exam(2, '2026-03-01', 47, true), exam(3, '2026-03-12', 52, true)],
  dueNow: 7,
  dueByDay: [
    { day: TODAY, due: 9 },
    { day: '2026-03-16', due: 4 },
    { day: '2026-03-18', due: 12 },
  ],
  leeches: [{ id: 'vpc-endpoint-policy', lapses: 5, topic: 'vpc/endpoints', bank: 'vpc', attempts: 9, wrong: 6, lastSeen: at('2026-03-13') }],
  seenIds: ['q1', 'q2', 'q3'],
  bankFacts: {
    questions: [
      { id: 'q1', topic: 'vpc/endpoints', source: 'note.txt#vpc-endpoints' },
      { id: 'q2', topic: 'vpc/peering', source: 'note.txt#vpc-peering' },
      { id: 'q3', topic: 's3/storage-classes', source: 'note.txt#s3' },
      { id: 'vpc-endpoint-policy', topic: 'vpc/endpoints', source: 'note.txt#vpc-endpoint-policies' },
      { id: 'q5', topic: 'ec2/placement', source: 'note.txt#ec2' },
    ],
  },
};

const plain = (lines: string[]) => lines.map((l) => stripVTControlCharacters(l));

let level: typeof chalk.level;
beforeEach(() => {
  level = chalk.level;
  chalk.level = 0;
  setLang('en');
});
afterEach(() => {
  chalk.level = level;
  setLang('en');
});

describe('the text report', () => {
  it('shows every section (snapshot)', () => {
    expect(renderStats(buildReport(INPUT), 100, 4).join('\n')).toMatchSnapshot();
  });

  it('ranks the weakest topic first, each row with the command that drills it', () => {
    const lines = renderStats(buildReport(INPUT), 120, 4);
    const rows = lines.filter((l) => l.includes('aws-quiz practice --topic'));
    expect(rows[0]).toMatch(/^ {2}cloudfront\/origin-failover +8 +25% .*aws-quiz practice --topic cloudfront\/origin-failover$/);
    expect(rows.map((l) => l.trim().split(/\s+/)[0])).toEqual(['cloudfront/origin-failover', 'vpc/endpoints', 's3/storage-classes', 'vpc/peering']);
    expect(lines.join('\n')).toMatch(/Too few answers to judge \(under 5\):\n {4}iam\/policies \(1\/3\), kms\/keys \(1\/1\)/);
    expect(lines.join('\n')).toMatch(/Not tried yet \(1 topics\).*\n {4}ec2\/placement/);
  });

  it('fits a narrow terminal: commands and note sections move under their rows', () => {
    const lines = renderStats(buildReport(INPUT), 60, 4);
    for (const l of lines) expect(width(l), l).toBeLessThanOrEqual(60);
    const i = lines.findIndex((l) => l.startsWith('  cloudfront/'));
    expect(lines[i]).toMatch(/^ {2}cloudfront\/origin-\S* +8 +25% +38% +yesterday$/);
    expect(lines[i + 1]).toBe('    aws-quiz practice --topic cloudfront/origin-failover');
    const leech = lines.findIndex((l) => l.startsWith('  vpc-endpoint-policy'));
    expect(lines[leech + 1]).toBe('    note.txt#vpc-endpoint-policies');
  });

  it('fits 40 columns in either language, every section, keeping result and time and the week on one row', () => {
    const long = { ...INPUT, topics: [...INPUT.topics, topic('elastic-load-balancing/cross-zone-load-balancing', 3, 1, '2026-03-10'), topic('organizations/service-control-policies-inheritance', 9, 2, '2026-03-11')] };
    for (const lang of ['en', 'ja'] as const) {
      setLang(lang);
      const lines = plain(renderStats(buildReport(long), 40, 4));
      // Commands are never cut, so they paste whole; everything else fits.
      for (const l of lines.filter((x) => !/^\s*aws-quiz /.test(x))) expect(width(l), `${lang}: ${l}`).toBeLessThanOrEqual(40);
      const exams = lines.slice(lines.findIndex((l) => /Mock exams|模擬試験/.test(l)));
      // Each exam's result and time on one row, whole.
      expect(exams.filter((l) => /(pass|fail|合格|不合格) +1:4\d:\d\d$/i.test(l)), exams.join('\n')).toHaveLength(3);
      // The next seven days: every weekday on one row, every count on the row below.
      const week = lines.findIndex((l) => /^ +(Mon|月) .*(Sun|日)$/.test(l));
      expect(week, lines.join('\n')).toBeGreaterThan(0);
      expect(lines[week + 1]!.trim().split(/\s+/).slice(0, 7)).toHaveLength(7);
    }
  });

  it('lines up Japanese labels by display width, in colour or not', () => {
    setLang('ja');
    for (const colour of [0, 1] as const) {
      chalk.level = colour;
      const lines = plain(renderStats(buildReport(INPUT), 100, 4));
      // The by-domain rows: the count column ends at the same display column on every row.
      const start = lines.indexOf('試験分野別');
      const domainRows = lines.slice(start + 1, start + 5).filter((l) => l.includes('%'));
      expect(domainRows).toHaveLength(3);
      const ends = domainRows.map((l) => width(l.slice(0, l.indexOf('%') + 1)));
      expect(new Set(ends).size, domainRows.join('\n')).toBe(1);
      // The topic table: the answers column ends at the same display column in the header and rows.
      const header = lines.find((l) => l.includes('トピック') && l.includes('回答数'))!;
      const headerEnd = width(header.slice(0, header.indexOf('回答数') + 3));
      for (const l of lines.filter((x) => x.startsWith('  vpc/') || x.startsWith('  s3/'))) {
        expect(width(l.replace(/^( +\S+ +\d+).*$/, '$1')), l).toBe(headerEnd);
      }
    }
  });

  it('is plain text without colour, and colours only when asked', () => {
    const off = renderStats(buildReport(INPUT), 100, 4).join('\n');
    expect(off).not.toMatch(/\x1b\[/);
    chalk.level = 1;
    const on = renderStats(buildReport(INPUT), 100, 4).join('\n');
    expect(on).toMatch(/\x1b\[/);
    expect(stripVTControlCharacters(on)).toBe(off);
  });

  it('lists each exam by its own number and writes its time as the exam report does', () => {
    const lines = plain(renderStats(buildReport({ ...INPUT, exams: INPUT.exams.map((e) => ({ ...e, id: e.id * 10, number: e.id })) }), 100, 4));
    const row = lines.find((l) => l.includes('2026-03-12'))!;
    // Session id 30 is exam 3; 1:43:03 of 2:10:00 as in `exam --list` and the report (not 1:43:03 / 2:10:00 with a leading 0:).
    expect(row).toMatch(/^\s+3 +2026-03-12 +SAA-C03 +52\/65 80% +820 +.* +1:43:03 \/ 2:10:00$/);
    expect(lines.find((l) => /#\s+date/.test(l))).toBeDefined();
  });

  it('draws the score trend and the activity compactly', () => {
    const r = buildReport(INPUT);
    expect(scoreChart(r.exams)).toEqual([
      '100% ┤',
      ' 80% ┤▁ ▅ █',
      ' 60% ┤█ █ █',
      ' 40% ┤█ █ █',
      ' 20% ┤█ █ █',
      '     └─────',
      '      ✗ ✓ ✓',
    ]);
    expect(sparkline([0, 1, 4, 8, 2])).toBe('·▁▄█▂');
  });

  it('says so when a section has nothing to show', () => {
    const text = renderStats(buildReport({ ...INPUT, topics: INPUT.topics.slice(4), exams: [], leeches: [], activity: [] }), 100, 4).join('\n');
    expect(text).toContain('No topic has 5 answers in this period yet.');
    expect(text).toContain('No finished exams in this period. Sit one with `aws-quiz exam --timed`.');
    expect(text).toContain('No leeches: nothing has been forgotten 4 times.');
    expect(text).toContain('No answers in these weeks.');
  });
});

describe('the JSON report', () => {
  it('has the documented shape', () => {
    const doc = JSON.parse(renderStatsJson(buildReport(INPUT)));
    expect(Object.keys(doc)).toEqual(['version', 'today', 'period', 'banks', 'overview', 'topics', 'domains', 'exams', 'reviews', 'leeches', 'misconceptions', 'activity']);
    expect(doc.version).toBe(1);
    expect(doc.period).toEqual({ since: 'all', fromDay: null, toDay: TODAY });
    expect(doc.overview).toEqual({
      answered: 78,
      correct: 43,
      accuracy: 43 / 78,
      studyTimeMs: 78 * 40_000,
      daysStudied: 5,
      streak: { current: 4, best: 4 },
      coverage: { seen: 3, total: 5, ratio: 0.6 },
      cram: 0,
    });
    expect(doc.topics.method).toEqual({ halfLifeDays: 30, priorStrength: 5, priorMean: 43 / 78, minAttempts: 5 });
    expect(Object.keys(doc.topics.ranked[0])).toEqual(['topic', 'bank', 'domain', 'attempts', 'correct', 'accuracy', 'smoothed', 'lastSeen', 'command']);
    expect(doc.topics.fewAttempts.map((t: { topic: string }) => t.topic)).toEqual(['iam/policies', 'kms/keys']);
    expect(doc.topics.untried).toEqual(['ec2/placement']);
    expect(doc.domains.map((d: { domain: string }) => d.domain)).toEqual(['secure', 'resilient', 'performant', 'cost']);
    expect(doc.exams[2]).toEqual({
      id: 3,
      number: 3,
      date: '2026-03-12',
      startedAt: at('2026-03-12', 9),
      blueprint: 'saa',
      correct: 52,
      total: 65,
      percent: 80,
      scaled: 820,
      passMark: 720,
      passed: true,
      timeUsedMs: 6_183_000,
      timeLimitMs: 7_800_000,
    });
    expect(doc.reviews).toEqual({
      dueNow: 7,
      dueToday: 9,
      next: [
        { day: '2026-03-16', due: 4 },
        { day: '2026-03-17', due: 0 },
        { day: '2026-03-18', due: 12 },
        { day: '2026-03-19', due: 0 },
        { day: '2026-03-20', due: 0 },
        { day: '2026-03-21', due: 0 },
        { day: '2026-03-22', due: 0 },
      ],
      retention: { reviews: 38, correct: 20, rate: 20 / 38 },
    });
    expect(doc.leeches).toEqual([{ id: 'vpc-endpoint-policy', lapses: 5, topic: 'vpc/endpoints', bank: 'vpc', attempts: 9, wrong: 6, lastSeen: '2026-03-13', source: 'note.txt#vpc-endpoint-policies' }]);
    expect(doc.activity).toHaveLength(14);
    expect(doc.activity[0]).toEqual({ day: '2026-03-02', attempts: 0, correct: 0 });
  });
});
