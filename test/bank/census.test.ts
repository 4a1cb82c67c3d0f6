import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { censusBanks, scanBank } from '../../src/bank/census.js';
import { allQuestions, loadBanks } from '../../src/bank/load.js';
import { bankYaml, questionYaml, SOURCES_YAML } from '../helpers/bank.js';
import { tempDir } from '../helpers/tmp.js';

const fixtures = fileURLToPath(new URL('../fixtures/banks/', import.meta.url));
const summary = (qs: { id: string; bank: string; topic: string; source: string }[]) => qs.map((q) => [q.id, q.bank, q.topic, q.source]);

describe('scanBank', () => {
  it('reads what the full loader reads from a bank in the usual layout', () => {
    const text = bankYaml([questionYaml('a-one'), questionYaml('a-two', { topic: '    topic: s3/basics', source: '    source: note.txt#s3-basics  # a comment' })]);
    expect(scanBank(text)).toEqual({
      bank: 'sample',
      questions: [
        { id: 'a-one', bank: 'sample', topic: 'vpc/endpoints', source: 'note.txt#vpc-endpoints' },
        { id: 'a-two', bank: 'sample', topic: 's3/basics', source: 'note.txt#s3-basics' },
      ],
    });
  });

  it('agrees with the loader on the fixture bank', () => {
    const loaded = allQuestions(loadBanks([join(fixtures, 'good')]));
    expect(loaded.length).toBeGreaterThan(0);
    expect(summary(censusBanks([join(fixtures, 'good')])!)).toEqual(summary(loaded));
  });

  it('accepts quoted values, CRLF line ends, comments and a sequence at column 0', () => {
    const text = [
      '# a bank',
      "bank: 'quoted'",
      'title: タイトル',
      'questions:',
      '- id: "q-1"',
      "  topic: 'vpc/x'",
      '  question: |',
      '    - looks like an item but is text',
      '    id: not-a-key',
      '  source: n.txt#a',
      '',
      '- id: q-2',
      '  topic: vpc/y',
      '  source: n.txt#b',
    ].join('\r\n');
    expect(summary(scanBank(text)!.questions)).toEqual([
      ['q-1', 'quoted', 'vpc/x', 'n.txt#a'],
      ['q-2', 'quoted', 'vpc/y', 'n.txt#b'],
    ]);
    expect(scanBank('bank: empty\ntitle: t\nquestions: []\n')).toEqual({ bank: 'empty', questions: [] });
  });

  it('gives up on any layout it does not know, rather than miscount', () => {
    const q = questionYaml('q-1');
    const bad: Record<string, string> = {
      'flow sequence': 'bank: b\ntitle: t\nquestions: [{id: q, topic: a, source: n#a}]\n',
      'anchor on an id': bankYaml([q.replace('id: q-1', 'id: &x q-1')]),
      'alias for a topic': bankYaml([q.replace('topic: vpc/endpoints', 'topic: *t')]),
      'merge key': bankYaml([q.replace('    topic: vpc/endpoints', '    <<: *base')]),
      'tab indentation': bankYaml([q]).replace('    topic:', '\ttopic:'),
      'an id twice': bankYaml([q.replace('    topic:', '    id: q-2\n    topic:')]),
      'a missing source': bankYaml([q.replace(/\n {4}source:.*/, '')]),
      'a key one column off': bankYaml([q.replace('    topic:', '     topic:')]),
      'two documents': `---\n${bankYaml([q])}---\n`,
      'no bank name': bankYaml([q]).replace('bank: sample\n', ''),
      'no questions key': 'bank: b\ntitle: t\n',
      'a block value for the id': bankYaml([q.replace('id: q-1', 'id: |\n      q-1')]),
    };
    for (const [what, text] of Object.entries(bad)) expect(scanBank(text), what).toBeUndefined();
  });
});

describe('censusBanks', () => {
  it('reads every bank under the paths once, and a non-ASCII source correctly', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sources.yaml'), SOURCES_YAML);
    writeFileSync(join(dir, 'a.yaml'), bankYaml([questionYaml('a-1'), questionYaml('a-2', { source: '    source: ノート.txt#vpc-endpoints' })], 'a'));
    writeFileSync(join(dir, 'sub', 'b.yml'), bankYaml([questionYaml('b-1')], 'b'));
    const got = censusBanks([dir, join(dir, 'a.yaml')])!;
    expect(summary(got)).toEqual([
      ['a-1', 'a', 'vpc/endpoints', 'note.txt#vpc-endpoints'],
      ['a-2', 'a', 'vpc/endpoints', 'ノート.txt#vpc-endpoints'],
      ['b-1', 'b', 'vpc/endpoints', 'note.txt#vpc-endpoints'],
    ]);
  });

  it('gives up when one file is unusual, so the caller loads the banks properly', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), bankYaml([questionYaml('a-1')], 'a'));
    writeFileSync(join(dir, 'b.yaml'), 'bank: b\ntitle: t\nquestions: [{id: b-1, topic: x, source: n#a}]\n');
    expect(censusBanks([dir])).toBeUndefined();
  });
});
