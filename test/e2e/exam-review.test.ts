import { execa } from 'execa';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExam, finishExam, saveProgress, takeExam } from '../../src/store/exams.js';
import { openStore } from '../../src/store/open.js';
import { EXAM_BANK } from '../helpers/exam-pty.js';
import { BIN } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';

const cli = (args: string[]) => execa('node', [BIN, ...args], { reject: false, env: { NO_COLOR: '1', LANG: 'C' } });

/** Two finished exams: #1 of two questions, one answered rightly; #2 of three, none answered. */
function twoExams(db: string): void {
  const store = openStore(db);
  const sit = (ids: string[], rightly: number) => {
    const id = createExam(store, {
      blueprint: 'quick',
      seed: `s${ids.length}`,
      filters: { banks: [], topics: [], count: ids.length },
      startedAt: Date.now(),
      timeLimitMs: null,
      questions: ids.map((questionId) => ({ questionId, choiceOrder: [0, 1, 2, 3] })),
    });
    const lease = { pid: process.pid, token: 'test' };
    takeExam(store, id, lease, Date.now());
    // exam-secure-1's right choice is its second (index 1).
    for (let position = 0; position < rightly; position++) saveProgress(store, id, lease, { position, timeUsedMs: 1000, at: Date.now(), question: { position, selected: [1], flagged: false, timeMs: 1000 } });
    finishExam(store, id, lease, { endedAt: Date.now(), timeUsedMs: 60_000, result: {}, answers: [] });
  };
  sit(['exam-secure-1', 'exam-secure-2'], 1);
  sit(['exam-secure-1', 'exam-secure-2', 'exam-secure-3'], 0);
  store.close();
}

describe('aws-quiz exam --review N (built binary)', () => {
  it('shows the exam asked for, not the latest, and exits 0', async () => {
    const db = join(tempDir(), 'q.db');
    twoExams(db);
    const first = await cli(['exam', '--review', '1', '--db', db, '--questions', EXAM_BANK]);
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain('Exam #1: custom, SAA-C03 weights, 2 questions');
    expect(first.stdout).toContain('1/2 (50%)');
    const second = await cli(['exam', '--review', '2', '--db', db, '--questions', EXAM_BANK]);
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain('Exam #2: custom, SAA-C03 weights, 3 questions');
    expect(second.stdout).toContain('0/3 (0%)');
  });
});
