// npm run bench: wall time of each scenario as a ratio to a bare `node -e 0` measured in the
// same run, so the figures mean the same on a slow or a busy machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateBanks } from './generate-banks.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'aws-quiz.js');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const hasTime = existsSync('/usr/bin/time');
const work = mkdtempSync(join(tmpdir(), 'aws-quiz-bench-'));

function measure(args, env = {}) {
  const times = [];
  let peak = 0;
  let status = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    // GNU time reports the child's peak resident memory; without it, memory is left blank.
    const [cmd, argv] = hasTime ? ['/usr/bin/time', ['-f', '%M', process.execPath, ...args]] : [process.execPath, args];
    const r = spawnSync(cmd, argv, {
      env: { ...process.env, NO_COLOR: '1', ...env },
      encoding: 'utf8',
    });
    times.push(performance.now() - start);
    status = r.status ?? 1;
    const kb = hasTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
    if (Number.isFinite(kb)) peak = Math.max(peak, kb);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], peakMb: peak / 1024, status };
}

const scenarios = [
  { name: 'aws-quiz --help', args: [bin, '--help'], budget: 1.3 },
  { name: 'aws-quiz lint (bundled banks)', args: [bin, 'lint', join(root, 'questions')] },
  { name: 'aws-quiz lint (10,000 questions)', args: [bin, 'lint', join(work, 'gen')], budgetMs: 3000, setup: () => generateBanks(join(work, 'gen'), 10_000) },
];

try {
  const base = measure(['-e', '0']);
  const rows = [['scenario', 'median ms', 'ratio', 'budget', 'peak MB', 'result']];
  rows.push(['node -e 0', base.median.toFixed(0), '1.00', '', base.peakMb.toFixed(0), '']);
  let failed = false;
  for (const s of scenarios) {
    s.setup?.();
    const m = measure(s.args, s.env);
    const ratio = m.median / base.median;
    const ok = m.status <= 1 && (s.budget === undefined || ratio <= s.budget) && (s.budgetMs === undefined || m.median <= s.budgetMs);
    if (!ok) failed = true;
    const budget = s.budget !== undefined ? `≤ ${s.budget}×` : s.budgetMs !== undefined ? `≤ ${s.budgetMs} ms` : '';
    rows.push([s.name, m.median.toFixed(0), ratio.toFixed(2), budget, m.peakMb.toFixed(0), budget ? (ok ? 'PASS' : 'FAIL') : '']);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  console.log(`\n${runs} runs each; node ${process.version}, ${process.platform}/${process.arch}`);
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
