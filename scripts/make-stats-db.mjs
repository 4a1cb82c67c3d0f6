// Builds a large answer history for measuring `aws-quiz stats`, and measures it.
//
//   node scripts/make-stats-db.mjs            build in a temp dir, time `stats` against `node -e 0`, clean up
//   node scripts/make-stats-db.mjs --keep DIR the same, leaving the databases in DIR
//
// Needs the build (npm run build).
//
// `makeStatsDb(dir, options)` can be imported by other benchmarks. It goes through the real schema
// (openStore runs the migrations), and the answers are inserted by one INSERT … SELECT in a single
// transaction, so the roll-up trigger fills daily_topic and question_summary exactly as practice does.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = fileURLToPath(new URL('..', import.meta.url));
const DOMAINS = ['secure', 'resilient', 'performant', 'cost'];
const DAY = 86_400_000;

/** 2,000 questions in 200 topics over 20 banks, written to `dir` in the bundled banks' layout. */
function writeBanks(dir, { banks = 20, topicsPerBank = 10, perTopic = 10 } = {}) {
  mkdirSync(dir, { recursive: true });
  const questions = [];
  const sections = [];
  for (let b = 0; b < banks; b++) {
    let yaml = `bank: gen-${b}\ntitle: 生成バンク ${b}\nquestions:\n`;
    for (let t = 0; t < topicsPerBank; t++) {
      sections.push(`sec-${b}-${t}`);
      for (let q = 0; q < perTopic; q++) {
        const id = `gen-${b}-${t}-${q}`;
        const topic = `gen-${b}/topic-${t}`;
        const domain = DOMAINS[(b + t) % 4];
        questions.push({ id, bank: `gen-${b}`, topic, domain });
        yaml += `  - id: ${id}\n    topic: ${topic}\n    domain: ${domain}\n    type: single\n    question: |\n      生成された問題 ${id} です。正しいものはどれですか。\n    choices:\n`;
        for (let c = 0; c < 4; c++) yaml += `      - text: 選択肢 ${c} (${id})\n${c === q % 4 ? '        correct: true\n' : ''}        why: 理由 ${c}\n`;
        yaml += `    explanation: |\n      解説 ${id}\n    source: gen.txt#sec-${b}-${t}\n`;
      }
    }
    writeFileSync(join(dir, `gen-${b}.yaml`), yaml);
  }
  writeFileSync(
    join(dir, 'sources.yaml'),
    `notes:\n  - file: gen.txt\n    title: 生成\n    sections:\n${sections.map((s) => `      - id: ${s}\n        heading: ${s}\n`).join('')}`,
  );
  return questions;
}

/**
 * Writes `<dir>/stats.db` with `answers` answers spread evenly over the last `days` days.
 * The questions are those of the bank directories in `questions` (read with the real loader),
 * or, without it, 2,000 generated ones written to `<dir>/banks/`. Defaults: one million
 * answers over two years, so nearly every topic is studied every day: the worst case for the
 * roll-up tables.
 */
export async function makeStatsDb(dir, { questions: bankDirs, answers = 1_000_000, days = 730, exams = 60, now = Date.now() } = {}) {
  const { openStore } = await import(pathToFileURL(join(root, 'dist', 'store', 'open.js')).href);
  let questions;
  let banks = null;
  if (bankDirs) {
    const { allQuestions, loadBanks } = await import(pathToFileURL(join(root, 'dist', 'bank', 'load.js')).href);
    questions = allQuestions(loadBanks(bankDirs)).map((q) => ({ id: q.id, bank: q.bank, topic: q.topic, domain: q.domain }));
  } else {
    banks = join(dir, 'banks');
    questions = writeBanks(banks);
  }
  // Each topic gets its own difficulty, so the weak-topic ranking has something to find.
  const topicIndex = new Map([...new Set(questions.map((q) => q.topic))].map((t, i) => [t, i]));

  const path = join(dir, 'stats.db');
  rmSync(path, { force: true });
  const store = openStore(path);
  const db = store.db;
  db.pragma('synchronous = OFF');
  db.exec('CREATE TEMP TABLE gen_q (n INTEGER PRIMARY KEY, id TEXT, bank TEXT, topic TEXT, domain TEXT, skill REAL)');
  const addQ = db.prepare('INSERT INTO gen_q VALUES (?, ?, ?, ?, ?, ?)');
  questions.forEach((q, n) => addQ.run(n, q.id, q.bank, q.topic, q.domain, 0.45 + (0.5 * ((topicIndex.get(q.topic) * 7919) % 101)) / 100));

  const start = now - days * DAY;
  const step = (days * DAY) / answers;
  const nq = questions.length;
  db.transaction(() => {
    // A cheap deterministic hash of the row number stands in for randomness.
    db.prepare(
      `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < @answers)
       INSERT INTO answers (session_id, question_id, bank, topic, domain, selected, correct, time_ms, flagged, answered_at, was_due)
       SELECT NULL, q.id, q.bank, q.topic, q.domain, '[0]',
              ((i * 2654435761) % 1000) < q.skill * 1000,
              4000 + (i * 40503) % 50000, 0,
              @start + CAST(i * @step AS INTEGER),
              (i * 97) % 5 < 2
       FROM seq JOIN gen_q q ON q.n = (i * 7 + (i / @nq)) % @nq`,
    ).run({ answers, start, step, nq });

    const review = db.prepare('INSERT INTO review_state (question_id, card, due, state, reps, lapses, last_review) VALUES (?, ?, ?, 2, ?, ?, ?)');
    questions.forEach((q, n) => {
      const due = now + ((n % 40) - 5) * DAY + (n % 24) * 3_600_000;
      const lapses = n % 97 === 0 ? 4 + (n % 5) : n % 4;
      review.run(q.id, JSON.stringify({ due: new Date(due).toISOString() }), due, 10 + (n % 30), lapses, now - DAY);
    });

    const session = db.prepare(
      `INSERT INTO sessions (kind, blueprint, started_at, ended_at, time_limit_ms, time_used_ms, state, result) VALUES ('exam', ?, ?, ?, ?, ?, 'finished', ?)`,
    );
    for (let e = 0; e < exams; e++) {
      const startedAt = start + Math.floor(((e + 1) * days * DAY) / (exams + 1));
      const total = 65;
      const correct = 38 + ((e * 5) % 24);
      const percent = Math.round((correct / total) * 1000) / 10;
      const scaled = Math.round(100 + (900 * correct) / total);
      const timeUsedMs = 5_400_000 + ((e * 7_919_000) % 2_400_000);
      session.run('saa', startedAt, startedAt + timeUsedMs, 7_800_000, timeUsedMs, JSON.stringify({ correct, total, percent, scaled, passed: scaled >= 720, blueprint: 'saa', timeUsedMs }));
    }
  }).immediate();
  db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  return { path, banks, questions: nq };
}

/**
 * Median wall time of each command, run in turns (a, b, c, a, b, c, …) so that a busy moment
 * on the machine falls on all of them alike.
 */
function timeInTurns(commands, runs, env) {
  const times = commands.map(() => []);
  const last = [];
  for (let i = 0; i < runs; i++) {
    commands.forEach((args, j) => {
      const t0 = performance.now();
      last[j] = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
      times[j].push(performance.now() - t0);
    });
  }
  return times.map((t, j) => {
    t.sort((a, b) => a - b);
    return { ms: t[Math.floor(t.length / 2)], status: last[j].status, stderr: last[j].stderr };
  });
}

async function main() {
  const keep = process.argv.indexOf('--keep');
  const dir = keep >= 0 ? process.argv[keep + 1] : mkdtempSync(join(tmpdir(), 'aws-quiz-stats-'));
  try {
    mkdirSync(dir, { recursive: true });
    const bundled = join(root, 'questions');
    let t0 = performance.now();
    const real = await makeStatsDb(join(dir, 'bundled'), { questions: [bundled] });
    console.log(`built ${real.path}: 1,000,000 answers on the ${real.questions} bundled questions, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    t0 = performance.now();
    const gen = await makeStatsDb(join(dir, 'generated'));
    console.log(`built ${gen.path}: 1,000,000 answers on ${gen.questions} generated questions, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const runs = Number(process.env.BENCH_RUNS ?? 11);
    const bin = join(root, 'bin', 'aws-quiz.js');
    // The user's own banks, database or language must not change what is measured.
    const env = { AWS_QUIZ_QUESTIONS: '', AWS_QUIZ_DB: '', LANG: 'C', LC_ALL: '' };
    const scenarios = [
      ['stats (bundled banks)', [bin, 'stats', '--db', real.path]],
      ['stats --json', [bin, 'stats', '--json', '--db', real.path]],
      ['stats --since 30d', [bin, 'stats', '--since', '30d', '--db', real.path]],
      ['stats (2,000 generated questions)', [bin, 'stats', '--db', gen.path, '--questions', gen.banks]],
    ];
    const [base, ...measured] = timeInTurns([['-e', '0'], ...scenarios.map(([, args]) => args)], runs, env);
    const rows = [['scenario', 'median ms', 'ratio', 'result'], ['node -e 0', base.ms.toFixed(0), '1.00', '']];
    let failed = false;
    scenarios.forEach(([name], j) => {
      const m = measured[j];
      const ratio = m.ms / base.ms;
      const ok = m.status === 0 && ratio <= 2;
      if (!ok) failed = true;
      rows.push([name, m.ms.toFixed(0), ratio.toFixed(2), (ok ? 'PASS' : 'FAIL') + (m.status ? ` (exit ${m.status}: ${m.stderr.trim()})` : '')]);
    });
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) console.log(r.map((c, i) => (i === 0 || i === 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd());
    console.log(`budget 2× node -e 0; ${runs} runs each, median; node ${process.version}`);
    process.exitCode = failed ? 1 : 0;
  } finally {
    if (keep < 0) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
