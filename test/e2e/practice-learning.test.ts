import Database from 'better-sqlite3';
import { execa } from 'execa';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, KEYS, runInPty, type PtyRun } from '../helpers/pty.js';
import { existingDb } from '../helpers/tmp.js';

// Certainty, undo, the second try, cram and daily caps, driven through the built binary in a
// terminal as a learner uses them, then read back from the database and `stats --json`.

const GOOD = fileURLToPath(new URL('../fixtures/banks/good/', import.meta.url));

/** The two single-answer s3 questions of the fixture bank: a text that identifies each, its right choice and a wrong one. */
const S3 = [
  { id: 'sample-s3-durability', stem: '耐久性は', right: '99.999999999%（イレブンナイン）', wrong: '99.99%（フォーナイン）' },
  { id: 'sample-s3-consistency', stem: '整合性はどうなって', right: 'すべての操作で強い読み取り後書き込み整合性', wrong: '新規オブジェクトのみ強い整合性' },
];

/** Waits for a question screen after `from`, and says which fixture question it is and the letters of its choices. */
async function questionOnScreen(run: PtyRun, from: number) {
  await run.waitFor(/Enter answer · q end/, 10_000, from);
  // The latest frame: from its header (both questions share the topic) to its key help.
  const all = run.output();
  const end = all.lastIndexOf('Enter answer · q end');
  const screen = all.slice(all.lastIndexOf('s3/basics', end), end);
  const q = S3.find((s) => screen.includes(s.stem))!;
  const letter = (text: string) => new RegExp(`([A-E])\\) ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(screen)![1]!.toLowerCase();
  return { ...q, rightKey: letter(q.right), wrongKey: letter(q.wrong) };
}

/** Picks `key`, says how sure, and waits for the feedback. */
async function answer(run: PtyRun, key: string, certainty: 's' | 'u'): Promise<number> {
  const from = run.output().length;
  run.write(key);
  run.write(KEYS.enter);
  await run.waitFor('How sure are you? s sure · u unsure', 10_000, from);
  run.write(certainty);
  await run.waitFor(/Enter (next question|see the summary)/, 10_000, from);
  return from;
}

const answersIn = (db: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT question_id AS id, correct, certainty, cram, relearn FROM answers ORDER BY answers.id').all() as { id: string; correct: number; certainty: string | null; cram: number; relearn: number }[];
  } finally {
    d.close();
  }
};

const statsJson = async (db: string) => JSON.parse((await execa('node', [BIN, 'stats', '--json', '--db', db, '--questions', GOOD])).stdout);

describe('practice that learns (built binary in a terminal)', () => {
  it('takes a slip back with u, asks how sure, brings a miss back once, and lists a sure miss as a misconception', async () => {
    const db = await existingDb();
    const run = runInPty(['practice', '--questions', GOOD, '--db', db, '--topic', 's3', '--count', '2', '--seed', 'learn']);
    await run.waitFor(/Due now: 0 · never answered: 2\. This session: 2 questions \(2 new\)\./);
    const first = await questionOnScreen(run, 0);

    // A slip: the wrong key, sure. u takes it back; the same question is asked again and nothing is kept.
    let from = await answer(run, first.wrongKey, 's');
    expect(run.output().slice(from)).toContain('u undo');
    run.write('u');
    await run.waitFor(/1\/2 .*Enter answer · q end/s, 10_000, run.output().length);
    expect(answersIn(db)).toEqual([]);

    // Wrong while sure, for real this time.
    from = await answer(run, first.wrongKey, 's');
    expect(run.output().slice(from)).toMatch(/Wrong: the answer is/);
    run.write(KEYS.enter);
    const second = await questionOnScreen(run, run.output().length);
    expect(second.id).not.toBe(first.id);
    // Right but unsure: a lucky guess is graded Hard, not Good.
    await answer(run, second.rightKey, 'u');
    run.write(KEYS.enter);

    // The miss comes back once, marked as a second try; right this time.
    const againFrom = run.output().length;
    await run.waitFor(/↻ again/, 10_000, againFrom);
    const again = await questionOnScreen(run, againFrom);
    expect(again.id).toBe(first.id);
    await answer(run, again.rightKey, 's');
    run.write(KEYS.enter);
    await run.waitFor('Practice summary');
    expect((await run.exited).exitCode).toBe(0);
    const out = run.output();
    expect(out).toMatch(/Score: 1\/2 \(50%\)/);
    expect(out).toContain('Second tries: 1 of 1 right.');

    expect(answersIn(db)).toEqual([
      { id: first.id, correct: 0, certainty: 'sure', cram: 0, relearn: 0 },
      { id: second.id, correct: 1, certainty: 'unsure', cram: 0, relearn: 0 },
      { id: first.id, correct: 1, certainty: 'sure', cram: 0, relearn: 1 },
    ]);
    // Statistics count first tries, and name the sure miss with the choice that was believed.
    const stats = await statsJson(db);
    expect(stats.overview).toMatchObject({ answered: 2, correct: 1, cram: 0 });
    expect(stats.misconceptions).toEqual([expect.objectContaining({ id: first.id, times: 1, pickedText: [first.wrong] })]);

    // --focus misconceptions drills exactly that question.
    const drill = runInPty(['practice', '--questions', GOOD, '--db', db, '--focus', 'misconceptions', '--seed', 'drill']);
    await drill.waitFor(/This session: 1 question \(1 misconception\)/);
    expect((await questionOnScreen(drill, 0)).id).toBe(first.id);
    drill.write('q');
    expect((await drill.exited).exitCode).toBe(0);
  }, 60_000);

  it('crams without moving a review card, counting the answers as activity only', async () => {
    const db = await existingDb();
    const warm = runInPty(['practice', '--questions', GOOD, '--db', db, '--topic', 's3', '--count', '1', '--seed', 'warm', '--no-relearn']);
    const q = await questionOnScreen(warm, 0);
    await answer(warm, q.wrongKey, 'u');
    warm.write(KEYS.enter);
    expect((await warm.exited).exitCode).toBe(0);
    const cards = () => {
      const d = new Database(db, { readonly: true });
      try {
        return d.prepare('SELECT * FROM review_state ORDER BY question_id').all();
      } finally {
        d.close();
      }
    };
    const before = cards();

    const cram = runInPty(['practice', '--questions', GOOD, '--db', db, '--cram', '--focus', 'wrong', '--no-relearn']);
    await cram.waitFor('Cram: answers are recorded, the review schedule is left as it is.');
    const again = await questionOnScreen(cram, 0);
    expect(again.id).toBe(q.id);
    await answer(cram, again.rightKey, 's');
    cram.write(KEYS.enter);
    await cram.waitFor('Crammed: the review schedule was not changed.');
    expect((await cram.exited).exitCode).toBe(0);

    expect(cards()).toEqual(before);
    expect(answersIn(db).map((a) => a.cram)).toEqual([0, 1]);
    const stats = await statsJson(db);
    expect(stats.overview).toMatchObject({ answered: 2, cram: 1 });
    expect(stats.reviews.retention.reviews).toBe(0);
  }, 60_000);

  it('remembers daily caps: a cap used up says so in one line and exits 1, and off lifts it', async () => {
    const db = await existingDb();
    const capped = runInPty(['practice', '--questions', GOOD, '--db', db, '--max-new', '0']);
    expect((await capped.exited).exitCode).toBe(1);
    expect(capped.output()).toContain('Remembered for later sessions: at most 0 new questions a day.');
    expect(capped.output()).toMatch(/aws-quiz: the daily limits are reached \(4 new questions \(--max-new 0\)\)/);
    // Not given again, the cap still holds.
    const still = runInPty(['practice', '--questions', GOOD, '--db', db]);
    expect((await still.exited).exitCode).toBe(1);
    expect(still.output()).toContain('the daily limits are reached');
    const lifted = runInPty(['practice', '--questions', GOOD, '--db', db, '--max-new', 'off']);
    await lifted.waitFor('Remembered for later sessions: no cap on new questions.');
    await lifted.waitFor(/Enter answer · q end/);
    lifted.write('q');
    expect((await lifted.exited).exitCode).toBe(0);

    // A cap with room left: the session is shorter, and the summary says what the cap held back.
    const one = runInPty(['practice', '--questions', GOOD, '--db', db, '--topic', 's3', '--count', '2', '--max-new', '1', '--no-relearn']);
    await one.waitFor(/This session: 1 question \(1 new\)/);
    const q = await questionOnScreen(one, 0);
    await answer(one, q.rightKey, 's');
    one.write(KEYS.enter);
    await one.waitFor('Daily limits held back 1 new question (--max-new 1); they come on later days.');
    expect((await one.exited).exitCode).toBe(0);

    const bad = await execa('node', [BIN, 'practice', '--max-new', 'lots', '--db', db], { reject: false });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr.trim()).toBe('aws-quiz: --max-new must be a whole number from 0 to 10000, or off (got "lots")');
  }, 60_000);
});
