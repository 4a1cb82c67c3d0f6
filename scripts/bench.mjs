// npm run bench: wall time of each scenario as a ratio to a bare `node -e 0` measured in the
// same run, so the figures mean the same on a slow or a busy machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateBanks } from './generate-banks.mjs';
import { makeStatsDb } from './make-stats-db.mjs';
import pty from '@lydell/node-pty';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'aws-quiz.js');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const hasTime = existsSync('/usr/bin/time');
const work = mkdtempSync(join(tmpdir(), 'aws-quiz-bench-'));

/** One run of `node ...args`: wall time, peak memory (with GNU time) and exit status. */
function runOnce(args, env = {}) {
  const start = performance.now();
  // GNU time reports the child's peak resident memory; without it, memory is left blank.
  const [cmd, argv] = hasTime ? ['/usr/bin/time', ['-f', '%M', process.execPath, ...args]] : [process.execPath, args];
  const r = spawnSync(cmd, argv, { env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  const ms = performance.now() - start;
  const kb = hasTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { ms, kb, status: r.status ?? 1 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs the baseline and the scenario in turns, so a busy moment on the machine weighs on
 * both alike, and returns both medians.
 */
async function interleaved(baseline, scenario) {
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    a.push(await baseline());
    b.push(await scenario());
  }
  return { base: median(a), median: median(b) };
}

function measure(args, env = {}) {
  let peak = 0;
  let status = 0;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const r = runOnce(args, env);
    times.push(r.ms);
    status = r.status;
    if (Number.isFinite(r.kb)) peak = Math.max(peak, r.kb);
  }
  return { median: median(times), peakMb: peak / 1024, status };
}

/** Wall time from spawn in a pseudo-terminal until `until` is on screen (or until exit when null). */
function measurePty(args, until, env = {}) {
  return new Promise((resolve) => {
    const start = performance.now();
    const term = pty.spawn(process.execPath, args, { name: 'xterm-256color', cols: 100, rows: 40, env: { ...process.env, NO_COLOR: '1', LANG: 'C', ...env } });
    let out = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const ms = performance.now() - start;
      try {
        term.kill();
      } catch {}
      resolve(ms);
    };
    term.onData((d) => {
      out += d;
      if (until && until.test(out)) finish();
    });
    term.onExit(() => finish());
    setTimeout(finish, 20_000);
  });
}

/** `env` may be a function, evaluated afresh for every run. */
async function medianPty(args, until, env) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await measurePty(args, until, typeof env === 'function' ? env() : env));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const practiceDb = join(work, 'practice.db');
const statsDir = join(work, 'stats');
const questionsDir = join(root, 'questions');
const firstQuestion = /1\/\d+/;

const scenarios = [
  { name: 'aws-quiz --help', args: [bin, '--help'], budget: 1.3 },
  {
    name: 'practice: first question on screen',
    pty: firstQuestion,
    args: [bin, 'practice', '--db', practiceDb],
    budget: 2.0,
    // A learner's steady state: the database exists and the checked banks are cached.
    setup: async () => {
      await measurePty([bin, 'practice', '--db', practiceDb], firstQuestion);
    },
  },
  {
    name: 'practice: first question, cold bank cache',
    pty: firstQuestion,
    args: [bin, 'practice', '--db', practiceDb],
    env: () => ({ XDG_CACHE_HOME: mkdtempSync(join(work, 'cache-')) }),
  },
  {
    name: 'exam: intro on screen',
    pty: /Mock exam/,
    args: [bin, 'exam', '--timed', '--db', practiceDb],
    // Ctrl+C at the introduction leaves no exam behind, so every run starts the same way.
    quit: '\x03',
    budget: 2.0,
  },
  { name: 'aws-quiz lint (bundled banks)', args: [bin, 'lint', questionsDir] },
  { name: 'aws-quiz lint (10,000 questions)', args: [bin, 'lint', join(work, 'gen')], budgetMs: 3000, setup: () => generateBanks(join(work, 'gen'), 10_000) },
  {
    // What the first practice after a bank change does before its first question: the full
    // load, then the cache written. Compare with the lint line above (should stay within 2x).
    name: 'bank cache rebuilt (10,000 questions)',
    args: [bin, '__complete', 'banks', '--questions', join(work, 'gen')],
    setup: () => existsSync(join(work, 'gen')) || generateBanks(join(work, 'gen'), 10_000),
    env: () => ({ XDG_CACHE_HOME: mkdtempSync(join(work, 'cache-')) }),
  },
  {
    name: 'aws-quiz stats (1,000,000 answers)',
    args: [bin, 'stats', '--db', join(statsDir, 'stats.db')],
    budget: 2.0,
    setup: async () => {
      await makeStatsDb(statsDir, { questions: [questionsDir] });
      measure([bin, 'stats', '--db', join(statsDir, 'stats.db')]); // warm the bank cache and the page cache
    },
  },
  {
    name: 'aws-quiz readiness (1,000,000 answers)',
    args: [bin, 'readiness', '--db', join(statsDir, 'stats.db')],
    budget: 2.0,
    setup: async () => {
      if (!existsSync(join(statsDir, 'stats.db'))) await makeStatsDb(statsDir, { questions: [questionsDir] });
      measure([bin, 'readiness', '--db', join(statsDir, 'stats.db')]);
    },
  },
];

const cacheHome = mkdtempSync(join(work, 'xdg-cache-'));
const common = { XDG_CACHE_HOME: cacheHome };

try {
  const base = measure(['-e', '0']);
  const ptyBase = await medianPty(['-e', '0'], null);
  const rows = [['scenario', 'median ms', 'ratio', 'budget', 'peak MB', 'result']];
  rows.push(['node -e 0', base.median.toFixed(0), '1.00', '', base.peakMb.toFixed(0), '']);
  rows.push(['node -e 0 (in a pty)', ptyBase.toFixed(0), '1.00', '', '', '']);
  let failed = false;
  // BENCH_ONLY=exam runs only the scenarios whose name contains it.
  for (const s of scenarios.filter((x) => !process.env.BENCH_ONLY || x.name.includes(process.env.BENCH_ONLY))) {
    await s.setup?.();
    const env = typeof s.env === 'function' ? () => ({ ...common, ...s.env() }) : { ...common, ...s.env };
    let scenarioMedian;
    let baseMedian;
    let peakMb = NaN;
    let status = 0;
    if (s.pty) {
      const envNow = () => (typeof env === 'function' ? env() : env);
      const m = await interleaved(() => measurePty(['-e', '0'], null), () => measurePty(s.args, s.pty, envNow()));
      scenarioMedian = m.median;
      baseMedian = m.base;
      const memEnv = envNow();
      if (hasTime) {
        const memFile = join(work, 'mem.txt');
        await new Promise((resolve) => {
          const term = pty.spawn('/usr/bin/time', ['-f', '%M', '-o', memFile, process.execPath, ...s.args], { cols: 100, rows: 40, env: { ...process.env, NO_COLOR: '1', ...memEnv } });
          let out = '';
          term.onData((d) => {
            out += d;
            if (s.pty.test(out)) setTimeout(() => term.write(s.quit ?? 'q'), 300);
          });
          const stuck = setTimeout(() => term.kill(), 20_000);
          term.onExit(() => {
            clearTimeout(stuck);
            resolve();
          });
        });
        try {
          peakMb = Number(readFileSync(memFile, 'utf8').trim().split('\n').pop()) / 1024;
        } catch {}
      }
    } else {
      let peak = 0;
      const m = await interleaved(
        () => runOnce(['-e', '0']).ms,
        () => {
          const r = runOnce(s.args, typeof env === 'function' ? env() : env);
          status = Math.max(status, r.status);
          if (Number.isFinite(r.kb)) peak = Math.max(peak, r.kb);
          return r.ms;
        },
      );
      scenarioMedian = m.median;
      baseMedian = m.base;
      peakMb = hasTime ? peak / 1024 : NaN;
    }
    const ratio = scenarioMedian / baseMedian;
    const ok = status <= 1 && (s.budget === undefined || ratio <= s.budget) && (s.budgetMs === undefined || scenarioMedian <= s.budgetMs);
    const budget = s.budget !== undefined ? `≤ ${s.budget}×` : s.budgetMs !== undefined ? `≤ ${s.budgetMs} ms` : '';
    if (budget && !ok) failed = true;
    rows.push([s.name, scenarioMedian.toFixed(0), ratio.toFixed(2), budget, Number.isFinite(peakMb) ? peakMb.toFixed(0) : '', budget ? (ok ? 'PASS' : 'FAIL') : '']);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  console.log(`\n${runs} runs each (median), each scenario in turns with its own node -e 0 (in a pty for pty scenarios); node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs`);
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
