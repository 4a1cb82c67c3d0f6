import { describe, expect, it } from 'vitest';
import { againCommand } from '../../src/commands/practice-answers.js';

describe('the command that asks a session again', () => {
  it('repeats the filters that chose the questions, leaving out defaults, then the seed and the kept options', () => {
    expect(againCommand('7', { focus: 'mixed', count: 10 }, [])).toBe('aws-quiz practice --seed 7');
    expect(againCommand('a b', { bank: ['vpc'], topic: ['s3/', 'iam'], focus: 'weak', count: 5 }, ['--db', '/tmp/my q.db'])).toBe(
      "aws-quiz practice --bank vpc --topic s3/ --topic iam --focus weak --count 5 --seed 'a b' --db '/tmp/my q.db'",
    );
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
        expect(() => record({ question, order: [0, 1, 2], wasDue: false } as never, [0], 1000, Date.now())).toThrow(/bank rules/);
      }
      expect(store.db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 0 });
      record({ question: base as never, order: [0, 1, 2], wasDue: false } as never, [0], 1000, Date.now());
      expect(store.db.prepare('SELECT domain, topic FROM answers').all()).toEqual([{ domain: 'secure', topic: 'vpc/endpoints' }]);
    } finally {
      store.close();
    }
  });
});
