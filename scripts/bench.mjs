// npm run bench: wall time of each scenario as a ratio to a bare `node -e 0` measured in the
// same run, so the figures mean the same on a slow or a busy machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

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

/** 10,000 valid questions over 20 banks, with a sources.yaml that resolves them all. */
function generateBanks(dir, total) {
  mkdirSync(dir, { recursive: true });
  const sections = [];
  const perBank = total / 20;
  for (let b = 0; b < 20; b++) {
    let y = `bank: gen-${b}\ntitle: 生成バンク ${b}\nquestions:\n`;
    for (let q = 0; q < perBank; q++) {
      const id = `gen-${b}-${q}`;
      const section = `sec-${b}-${Math.floor(q / 4)}`;
      if (q % 4 === 0) sections.push(section);
      const right = q % 4;
      y += `  - id: ${id}\n    topic: gen-${b}/t-${Math.floor(q / 4)}\n    domain: ${['secure', 'resilient', 'performant', 'cost'][q % 4]}\n    type: single\n    question: |\n      生成された問題 ${id} の本文です。VPC エンドポイントについて正しい説明はどれですか。\n    choices:\n`;
      for (let c = 0; c < 4; c++) y += `      - text: 選択肢 ${c} (${id})\n${c === right ? '        correct: true\n' : ''}        why: 理由 ${c}\n`;
      y += `    explanation: |\n      解説 ${id}\n    source: gen.txt#${section}\n`;
    }
    writeFileSync(join(dir, `gen-${b}.yaml`), y);
  }
  writeFileSync(join(dir, 'sources.yaml'), `notes:\n  - file: gen.txt\n    title: 生成\n    sections:\n${sections.map((s) => `      - id: ${s}\n        heading: ${s}\n`).join('')}`);
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
