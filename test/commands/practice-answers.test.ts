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
