import { execa } from 'execa';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

// A learner studies in Tokyo, flies to Los Angeles and looks at their statistics there.
// Each answer counts on the local day where it was given, as it was stored.

const record = fileURLToPath(new URL('../fixtures/answers-at.mjs', import.meta.url));
const statsAt = fileURLToPath(new URL('../fixtures/stats-at.mjs', import.meta.url));
const GOOD = fileURLToPath(new URL('../fixtures/banks/good/', import.meta.url));

describe('days across time zones', () => {
  it('studied in Tokyo, read in Los Angeles: the streak, the activity and "last seen" keep Tokyo days', async () => {
    const path = join(tempDir(), 'answers.db');
    // 09:00 in Tokyo on 14, 15 and 16 March: still the evening before in Los Angeles.
    const tokyo = ['2026-03-14T09:00:00+09:00', '2026-03-15T09:00:00+09:00', '2026-03-16T09:00:00+09:00'];
    const w = await execa('node', [record, path, ...tokyo], { env: { TZ: 'Asia/Tokyo' }, reject: false });
    expect(w.exitCode, w.stderr).toBe(0);
    // 18:00 on 15 March in Los Angeles, which is already 16 March in Tokyo.
    const r = await execa('node', [statsAt, path, '2026-03-15T18:00:00-07:00', GOOD], { env: { TZ: 'America/Los_Angeles' }, reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);

    expect(report.overview.streak).toEqual({ current: 3, best: 3 });
    const active = report.activity.filter((d: { attempts: number }) => d.attempts > 0).map((d: { day: string }) => d.day);
    expect(active).toEqual(['2026-03-14', '2026-03-15', '2026-03-16']);
    const seen = [...report.topics.ranked, ...report.topics.fewAttempts].map((t: { lastSeen: string }) => t.lastSeen);
    expect(seen).toEqual(['2026-03-16']);
    expect(report.leeches.map((l: { lastSeen: string }) => l.lastSeen)).toEqual(['2026-03-16']);
    // No day of the report lies after its today.
    expect(report.today >= '2026-03-16').toBe(true);
  });
});
