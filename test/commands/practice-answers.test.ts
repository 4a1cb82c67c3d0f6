import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { QuizQuestion } from '../../src/bank/cache.js';
import { againCommand, answerRecorder } from '../../src/commands/practice-answers.js';
import { openStore } from '../../src/store/open.js';
import { createSession } from '../../src/store/sessions.js';
import { makeQuestion } from '../helpers/exam-questions.js';
import { tempDir } from '../helpers/tmp.js';

describe('the command that asks a session again', () => {
  it('repeats the filters that chose the questions, leaving out defaults, then the seed and the kept options', () => {
    expect(againCommand('7', { focus: 'mixed', count: 10 }, [])).toBe('aws-quiz practice --seed 7');
    expect(againCommand('a b', { bank: ['vpc'], topic: ['s3/', 'iam'], focus: 'weak', count: 5 }, ['--db', '/tmp/my q.db'])).toBe(
      "aws-quiz practice --bank vpc --topic s3/ --topic iam --focus weak --count 5 --seed 'a b' --db '/tmp/my q.db'",
    );
  });
});

describe('an unreadable review card', () => {
  it('counts the question as new, says so once, and still records the answer', () => {
    const store = openStore(join(tempDir(), 'q.db'));
    const questions: QuizQuestion[] = ['q-1', 'q-2'].map((id) => makeQuestion(id));
    for (const q of questions)
      store.db.prepare(`INSERT INTO review_state (question_id, card, due, state, reps, lapses) VALUES (?, '{"due": broken', 0, 2, 3, 0)`).run(q.id);
    const said: string[] = [];
    const record = answerRecorder(store, createSession(store, { kind: 'practice', startedAt: 1, questions: [] }), (line) => said.push(line));
    const now = Date.UTC(2026, 2, 1, 9);
    for (const question of questions) expect(record({ question, reason: 'due', order: [0, 1, 2], wasDue: true }, { selected: [0], timeMs: 4000, answeredAt: now }).correct).toBe(true);

    expect(store.db.prepare('SELECT question_id FROM answers ORDER BY id').pluck().all()).toEqual(['q-1', 'q-2']);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/review schedule .* could not be read.*new/);
    const card = JSON.parse(store.db.prepare(`SELECT card FROM review_state WHERE question_id = 'q-1'`).pluck().get() as string);
    expect(card.reps).toBe(1);
    store.close();
  });
});

describe('recording an answer', () => {
  it('refuses, and stores nothing, when a question breaks the bank rules (a domain, a topic with escapes)', async () => {
    const { answerRecorder } = await import('../../src/commands/practice-answers.js');
    const { openStore } = await import('../../src/store/open.js');
    const { tempDir } = await import('../helpers/tmp.js');
    const { join } = await import('node:path');
    const store = openStore(join(tempDir(), 'q.db'));
    try {
      const { createSession } = await import('../../src/store/sessions.js');
      const session = createSession(store, { kind: 'practice', seed: 's', filters: {}, startedAt: Date.now(), questions: [] } as never);
      const record = answerRecorder(store, session);
      const base = { id: 'q-one', bank: 'vpc', topic: 'vpc/endpoints', domain: 'secure', type: 'single', question: 'Q', choices: [{ text: 'a', correct: true }, { text: 'b', correct: false }, { text: 'c', correct: false }], source: 'n.txt#s' };
      for (const bad of [{ domain: 'sneaky' }, { topic: 'vpc/\u001b]52;c;aGk=\u0007' }, { bank: 'Bank!' }]) {
        const question = { ...base, ...bad } as never;
        expect(() => record({ question, order: [0, 1, 2], wasDue: false } as never, { selected: [0], timeMs: 1000, answeredAt: Date.now() })).toThrow(/bank rules/);
      }
      expect(store.db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 0 });
      record({ question: base as never, order: [0, 1, 2], wasDue: false } as never, { selected: [0], timeMs: 1000, answeredAt: Date.now() });
      expect(store.db.prepare('SELECT domain, topic FROM answers').all()).toEqual([{ domain: 'secure', topic: 'vpc/endpoints' }]);
    } finally {
      store.close();
    }
  });
});
