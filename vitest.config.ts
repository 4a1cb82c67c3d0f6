import { defineConfig } from 'vitest/config';

/**
 * Files whose results depend on local calendar days (days studied, streaks, "today", dates in
 * reports). Besides the machine's own zone they run in zones chosen to catch mistakes: UTC,
 * Asia/Tokyo (ahead, no daylight saving), Australia/Lord_Howe (+10:30/+11, a half-hour DST shift)
 * and America/Santiago (behind UTC, southern-hemisphere DST).
 */
const dateSensitive = [
  'test/store/open.test.ts',
  'test/store/stats.test.ts',
  'test/store/practice.test.ts',
  'test/store/exams.test.ts',
  'test/quiz/stats.test.ts',
  'test/quiz/practice-session.test.ts',
  'test/quiz/select.test.ts',
  'test/commands/stats.test.ts',
  'test/ui/stats-report.test.ts',
  'test/ui/exam-report.test.ts',
  'test/ui/practice-summary.test.ts',
];
const zones = ['UTC', 'Asia/Tokyo', 'Australia/Lord_Howe', 'America/Santiago'];
// The 'all' project already runs them in the machine's zone (UTC on most CI machines).
const machineZone = process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone;
const otherZones = zones.filter((zone) => zone !== machineZone);

// A developer's own data directory, database and banks never leak into tests.
const env = { AWS_QUIZ_DB: '', AWS_QUIZ_QUESTIONS: '', NO_COLOR: '1', LANG: 'C', LC_ALL: '', LC_MESSAGES: '' };

export const shared = {
  setupFiles: ['test/setup.ts'],
  testTimeout: 20_000,
  hookTimeout: 30_000,
  env,
};

export default defineConfig({
  test: {
    ...shared,
    projects: [
      { extends: true, test: { name: 'all', include: ['test/**/*.test.ts'] } },
      ...otherZones.map((zone) => ({ extends: true, test: { name: zone, include: dateSensitive, env: { ...env, TZ: zone } } })),
    ],
  },
});
