import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import {
  abandonExam,
  createExam,
  examHolder,
  examIdByNumber,
  ExamLostError,
  examNumber,
  findUnfinishedExam,
  finishExam,
  latestFinishedExamId,
  listExams,
  loadExam,
  releaseExam,
  saveProgress,
  takeExam,
  type Lease,
  type NewExam,
} from '../../src/store/exams.js';
import { nextCard, Rating, serializeCard } from '../../src/quiz/schedule.js';
import { createSession } from '../../src/store/sessions.js';
import { tempDir } from '../helpers/tmp.js';

const exam = (over: Partial<NewExam> = {}): NewExam => ({
  blueprint: 'quick',
  seed: 'abc',
  filters: { banks: [], topics: [], count: 3 },
  startedAt: 1_000,
  timeLimitMs: 60_000,
  questions: [
    { questionId: 'q-a', choiceOrder: [2, 0, 1] },
    { questionId: 'q-b', choiceOrder: [0, 1, 2, 3] },
    { questionId: 'q-c', choiceOrder: [1, 0, 2] },
  ],
  ...over,
});

const mine: Lease = { pid: process.pid, token: 'mine' };

/** A new exam, held by this process. */
function heldExam(store: Parameters<typeof createExam>[0], over: Partial<NewExam> = {}): number {
  const id = createExam(store, exam(over));
  expect(takeExam(store, id, mine, over.startedAt ?? 1_000)).toBeUndefined();
  return id;
}

const answer = (questionId: string, correct: boolean, sessionId: number) => ({
  sessionId,
  questionId,
  bank: 'vpc',
  topic: 'vpc/endpoints',
  domain: 'cost',
  selected: [0],
  correct,
  timeMs: 1000,
  answeredAt: 5_000,
});

describe('exam store', () => {
  it('stores the questions, choice orders, seed, blueprint and limit when the exam starts', () => {
    const store = openStore(join(tempDir(), 'db'));
    const id = createExam(store, exam());
    const loaded = loadExam(store, id)!;
    expect(loaded).toMatchObject({ id, blueprint: 'quick', seed: 'abc', timeLimitMs: 60_000, state: 'active', total: 3, answered: 0, position: 0 });
    expect(loaded.questions.map((q) => [q.questionId, q.choiceOrder])).toEqual([
      ['q-a', [2, 0, 1]],
      ['q-b', [0, 1, 2, 3]],
      ['q-c', [1, 0, 2]],
    ]);
    expect(loaded.filters).toEqual({ banks: [], topics: [], count: 3 });
    store.close();
  });

  it('keeps each answer, flag, position and time used the moment they are saved, for another process to read', () => {
    const path = join(tempDir(), 'db');
    const store = openStore(path);
    const id = heldExam(store);
    saveProgress(store, id, mine, { position: 1, timeUsedMs: 4_000, at: 40_000, question: { position: 0, selected: [1, 2], flagged: false, timeMs: 4_000 } });
    saveProgress(store, id, mine, { position: 1, timeUsedMs: 6_000, at: 60_000, question: { position: 1, selected: null, flagged: true, timeMs: 0 } });
    // Read through a separate connection, as a resumed process would after a kill.
    const other = new Database(path, { readonly: true });
    const rows = other.prepare('SELECT position, selected, flagged FROM session_questions WHERE session_id = ? ORDER BY position').all(id);
    expect(rows).toEqual([
      { position: 0, selected: '[1,2]', flagged: 0 },
      { position: 1, selected: null, flagged: 1 },
      { position: 2, selected: null, flagged: 0 },
    ]);
    expect(other.prepare('SELECT current_pos, time_used_ms FROM sessions WHERE id = ?').get(id)).toEqual({ current_pos: 1, time_used_ms: 6000 });
    other.close();
    const loaded = loadExam(store, id)!;
    expect(loaded).toMatchObject({ answered: 1, flagged: 1, position: 1, timeUsedMs: 6_000 });
    expect(loaded.questions[0]).toMatchObject({ selected: [1, 2], timeMs: 4_000, answeredAt: 40_000 });
    expect(loaded.questions[1]!.answeredAt).toBeNull();
    store.close();
  });

  it('dates each answer by its last change: a flag or a revisit keeps the time, a new choice moves it, clearing drops it', () => {
    const store = openStore(join(tempDir(), 'db'));
    const id = heldExam(store);
    const save = (at: number, selected: number[] | null, flagged = false) => saveProgress(store, id, mine, { position: 0, timeUsedMs: at, at, question: { position: 0, selected, flagged, timeMs: at } });
    const answeredAt = () => loadExam(store, id)!.questions[0]!.answeredAt;
    save(1_000, [2]);
    expect(answeredAt()).toBe(1_000);
    save(2_000, [2], true);
    expect(answeredAt()).toBe(1_000);
    save(3_000, [0]);
    expect(answeredAt()).toBe(3_000);
    save(4_000, null);
    expect(answeredAt()).toBeNull();
    store.close();
  });

  it('finds the unfinished exam, and none once it is finished or abandoned', () => {
    const store = openStore(join(tempDir(), 'db'));
    expect(findUnfinishedExam(store)).toBeUndefined();
    const a = createExam(store, exam());
    expect(findUnfinishedExam(store)?.id).toBe(a);
    abandonExam(store, a, 2_000);
    expect(findUnfinishedExam(store)).toBeUndefined();
    expect(loadExam(store, a)?.state).toBe('abandoned');
    const b = heldExam(store, { startedAt: 3_000 });
    finishExam(store, b, mine, { endedAt: 9_000, timeUsedMs: 6_000, result: { correct: 0 }, answers: [] });
    expect(findUnfinishedExam(store)).toBeUndefined();
    store.close();
  });

  it('records the answers and review cards with the result in one go, and only once', () => {
    const store = openStore(join(tempDir(), 'db'));
    const id = heldExam(store);
    const card = nextCard(undefined, Rating.Again, new Date(5_000));
    finishExam(store, id, mine, {
      endedAt: 9_000,
      timeUsedMs: 8_000,
      result: { correct: 1, total: 3, passed: false },
      answers: [{ answer: answer('q-a', true, id) }, { answer: answer('q-b', false, id), review: { questionId: 'q-b', card, cardJson: serializeCard(card) } }],
    });
    expect(store.db.prepare('SELECT question_id, correct, session_id FROM answers ORDER BY id').all()).toEqual([
      { question_id: 'q-a', correct: 1, session_id: id },
      { question_id: 'q-b', correct: 0, session_id: id },
    ]);
    expect(store.db.prepare('SELECT question_id FROM review_state').pluck().all()).toEqual(['q-b']);
    expect(() => finishExam(store, id, mine, { endedAt: 10_000, timeUsedMs: 1, result: {}, answers: [{ answer: answer('q-c', true, id) }] })).toThrow(ExamLostError);
    expect(store.db.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(2);
    expect(loadExam(store, id)).toMatchObject({ state: 'finished', endedAt: 9_000, timeUsedMs: 8_000, result: { correct: 1, total: 3, passed: false } });
    expect(latestFinishedExamId(store)).toBe(id);
    store.close();
  });

  it('writes nothing when recording an answer fails halfway', () => {
    const store = openStore(join(tempDir(), 'db'));
    const id = heldExam(store);
    const broken = { ...answer('q-b', false, id), questionId: null as unknown as string };
    expect(() => finishExam(store, id, mine, { endedAt: 9_000, timeUsedMs: 1, result: {}, answers: [{ answer: answer('q-a', true, id) }, { answer: broken }] })).toThrow();
    expect(store.db.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(0);
    expect(findUnfinishedExam(store)?.id).toBe(id);
    store.close();
  });

  it('lists exams newest first with their counts and results', () => {
    const store = openStore(join(tempDir(), 'db'));
    const a = heldExam(store, { startedAt: 1_000 });
    saveProgress(store, a, mine, { position: 0, timeUsedMs: 1, at: 1_500, question: { position: 2, selected: [0], flagged: true, timeMs: 1 } });
    finishExam(store, a, mine, { endedAt: 2_000, timeUsedMs: 1_000, result: { scaled: 550 }, answers: [] });
    const b = createExam(store, exam({ startedAt: 5_000, blueprint: 'saa' }));
    const list = listExams(store);
    expect(list.map((e) => [e.id, e.blueprint, e.state, e.answered, e.flagged, e.total])).toEqual([
      [b, 'saa', 'active', 0, 0, 3],
      [a, 'quick', 'finished', 1, 1, 3],
    ]);
    expect(list[1]!.result).toEqual({ scaled: 550 });
    store.close();
  });

  it('holds an exam for one process: another is refused while the holder lives and beats, and takes over once it is gone or silent', () => {
    const store = openStore(join(tempDir(), 'db'));
    const id = heldExam(store, { startedAt: 1_000 });
    const other: Lease = { pid: 4242, token: 'other' };
    const alive = (pid: number) => pid === process.pid;
    // The holder beats at 10 s; another terminal at 20 s is refused and changes nothing.
    saveProgress(store, id, mine, { position: 0, timeUsedMs: 9_000, at: 10_000 });
    expect(takeExam(store, id, other, 20_000, alive)).toEqual({ pid: process.pid, beatAt: 10_000 });
    expect(examHolder(store, id, 20_000, alive)).toEqual({ pid: process.pid, beatAt: 10_000 });
    saveProgress(store, id, mine, { position: 1, timeUsedMs: 10_000, at: 21_000 });
    // Silent for more than 15 s: taken over, and the old holder can save nothing more.
    expect(takeExam(store, id, other, 37_000, alive)).toBeUndefined();
    const lost = (() => {
      try {
        saveProgress(store, id, mine, { position: 2, timeUsedMs: 11_000, at: 37_500, question: { position: 2, selected: [1], flagged: false, timeMs: 1 } });
      } catch (err) {
        return err;
      }
    })();
    expect(lost).toBeInstanceOf(ExamLostError);
    expect((lost as ExamLostError).message).toContain('taken over by another terminal (process 4242)');
    expect(loadExam(store, id)).toMatchObject({ position: 1, timeUsedMs: 10_000 });
    expect(loadExam(store, id)!.questions[2]!.selected).toBeNull();
    // A holder whose process is gone is taken over at once, heartbeat or not.
    expect(takeExam(store, id, mine, 37_600, () => false)).toBeUndefined();
    // A paused exam (released) is free for the next terminal straight away.
    releaseExam(store, id, mine);
    expect(examHolder(store, id, 37_700, () => true)).toBeUndefined();
    expect(takeExam(store, id, other, 37_700, () => true)).toBeUndefined();
    store.close();
  });

  it('never rewrites an exam once it has ended, whoever asks', () => {
    const store = openStore(join(tempDir(), 'db'));
    const id = heldExam(store);
    saveProgress(store, id, mine, { position: 0, timeUsedMs: 1_000, at: 2_000, question: { position: 0, selected: [0], flagged: false, timeMs: 1_000 } });
    finishExam(store, id, mine, { endedAt: 3_000, timeUsedMs: 1_000, result: { correct: 1 }, answers: [] });
    expect(() => saveProgress(store, id, mine, { position: 0, timeUsedMs: 2_000, at: 4_000, question: { position: 0, selected: [2], flagged: true, timeMs: 2_000 } })).toThrow(
      /submitted or abandoned in another terminal/,
    );
    expect(() => takeExam(store, id, { pid: 1, token: 'late' }, 5_000)).toThrow(ExamLostError);
    expect(loadExam(store, id)!.questions[0]).toMatchObject({ selected: [0], flagged: false, timeMs: 1_000 });
    store.close();
  });

  it('numbers exams 1, 2, 3 … of their own, whatever practice sessions came between', () => {
    const store = openStore(join(tempDir(), 'db'));
    for (let i = 0; i < 9; i++) createSession(store, { kind: 'practice', startedAt: 100 + i, questions: [] });
    const first = createExam(store, exam({ startedAt: 1_000 }));
    createSession(store, { kind: 'practice', startedAt: 1_500, questions: [] });
    const second = createExam(store, exam({ startedAt: 2_000 }));
    expect(first).toBe(10);
    expect([examNumber(store, first), examNumber(store, second)]).toEqual([1, 2]);
    expect(listExams(store).map((e) => [e.number, e.id])).toEqual([
      [2, second],
      [1, first],
    ]);
    expect(loadExam(store, second)!.number).toBe(2);
    expect(findUnfinishedExam(store)!.number).toBe(2);
    expect([examIdByNumber(store, 1), examIdByNumber(store, 2), examIdByNumber(store, 3), examIdByNumber(store, 0)]).toEqual([first, second, undefined, undefined]);
    store.close();
  });
});
