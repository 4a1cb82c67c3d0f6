import { execa } from 'execa';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, runInPty } from '../helpers/pty.js';
import { tempDir } from '../helpers/tmp.js';

// `aws-quiz init` as a bank author uses it: from notes to a bank lint passes, then --update
// after the notes change. The README's walk-through is run line by line.

const NOTES = fileURLToPath(new URL('../fixtures/notes/', import.meta.url));
const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const cli = (args: string[], cwd: string) => execa('node', [BIN, ...args], { cwd, reject: false, env: { NO_COLOR: '1', LANG: 'C' } });

function notesDir(root: string): string {
  const dir = join(root, 'notes');
  mkdirSync(dir);
  copyFileSync(join(NOTES, 'vpc-notes.md'), join(dir, 'vpc.md'));
  copyFileSync(join(NOTES, 'ec2-notes.txt'), join(dir, 'ec2.txt'));
  return dir;
}

/** The shell lines of the README's "Your own notes" walk-through. */
function walkThrough(): string[] {
  const text = readFileSync(README, 'utf8');
  const part = text.slice(text.indexOf('## Your own notes'));
  const block = /```sh\n([\s\S]*?)```/.exec(part)![1]!;
  return block.split('\n').filter((l) => l.trim());
}

describe('aws-quiz init', () => {
  it('runs every command of the README walk-through, from notes to a drilled bank', async () => {
    const root = tempDir();
    notesDir(root);
    let cwd = root;
    const lines = walkThrough();
    expect(lines.some((l) => l.startsWith('aws-quiz init'))).toBe(true);
    for (const line of lines) {
      const mk = /^mkdir (\S+) && cd (\S+)$/.exec(line);
      if (mk) {
        mkdirSync(join(cwd, mk[1]!));
        cwd = join(cwd, mk[2]!);
        continue;
      }
      const args = line.replace(/\s+#.*$/, '').split(/\s+/).slice(1);
      if (args[0] === 'practice') {
        const run = runInPty([...args, '--db', join(root, 'answers.db')], { XDG_CACHE_HOME: join(root, 'cache') }, { cols: 100, rows: 40 }, cwd);
        await run.waitFor('1/2');
        await run.waitFor('（例題');
        run.write('q');
        expect((await run.exited).exitCode).toBe(0);
        continue;
      }
      const r = await cli(args, cwd);
      expect(r.exitCode, `${line}\n${r.stdout}\n${r.stderr}`).toBe(0);
    }
    expect(existsSync(join(cwd, 'my-bank.yaml'))).toBe(true);
  });

  it('drafts sections from a Markdown note and a plain-text note, and lint --strict passes on the result', async () => {
    const root = tempDir();
    const notes = notesDir(root);
    const dir = join(root, 'bank');
    const r = await cli(['init', dir, '--notes', join(notes, 'vpc.md'), join(notes, 'ec2.txt')], root);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/wrote bank\/sources\.yaml/);
    expect(r.stdout).toMatch(/wrote bank\/bank\.yaml/);
    expect(r.stdout).toMatch(/wrote bank\/\.github\/workflows\/aws-quiz-lint\.yml/);
    expect(r.stdout).toContain('aws-quiz lint --coverage --notes notes bank');
    expect(r.stdout).toContain('aws-quiz practice --questions bank');

    const index = parse(readFileSync(join(dir, 'sources.yaml'), 'utf8'));
    const [vpc, ec2] = index.notes;
    expect(vpc.file).toBe('vpc.md');
    expect(vpc.title).toBe('VPC notes');
    expect(vpc.sections.map((s: { heading: string }) => s.heading)).toEqual([
      'VPC notes', 'VPC notes > Endpoints', 'VPC notes > Endpoints > Gateway endpoint', 'VPC notes > Flow logs', 'VPC notes > Flow logs > Flow logs',
    ]);
    expect(vpc.sections.map((s: { id: string }) => s.id)).toEqual(['vpc-notes', 'endpoints', 'gateway-endpoint', 'flow-logs', 'flow-logs-2']);
    expect(ec2.sections.map((s: { anchor: string }) => s.anchor)).toEqual(['EC2 の学習メモ', '購入オプション', 'スポットインスタンス', 'Q21 配置グループ', 'ストレージ']);
    expect(ec2.sections.map((s: { id: string }) => s.id)).toEqual(['ec2', 'ec2-2', 'ec2-3', 'q21', 'ec2-5']);

    const bank = readFileSync(join(dir, 'bank.yaml'), 'utf8');
    expect(bank.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schema\/bank\.schema\.json$/);
    const schemaPath = bank.split('\n')[0]!.split('$schema=')[1]!;
    expect(existsSync(join(dir, schemaPath))).toBe(true);

    const lint = await cli(['lint', '--strict', '--notes', notes, dir], root);
    expect(lint.exitCode, lint.stdout).toBe(0);
    expect(lint.stdout).toContain('1 file, 2 questions, 0 errors, 0 warnings');
    const workflow = readFileSync(join(dir, '.github', 'workflows', 'aws-quiz-lint.yml'), 'utf8');
    expect(workflow).toContain('npx --yes aws-quiz lint --strict --coverage --format github .');
    expect(parse(workflow).jobs.lint.steps.map((s: { uses?: string }) => s.uses).filter(Boolean)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4']);
  });

  it('refuses a non-empty directory unless --force, and a FIFO or missing note with one line', async () => {
    const root = tempDir();
    const notes = notesDir(root);
    writeFileSync(join(root, 'keep.txt'), 'mine');
    const refused = await cli(['init', '.', '--notes', join(notes, 'vpc.md')], root);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('is not empty');
    expect(existsSync(join(root, 'sources.yaml'))).toBe(false);
    const forced = await cli(['init', '.', '--notes', join(notes, 'vpc.md'), '--force'], root);
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(join(root, 'keep.txt'), 'utf8')).toBe('mine');

    await execa('mkfifo', [join(root, 'fifo.md')]);
    const fifo = await cli(['init', join(root, 'x'), '--notes', join(root, 'fifo.md')], root);
    expect(fifo.exitCode).toBe(1);
    expect(fifo.stderr).toContain('not a regular file');
    const missing = await cli(['init', join(root, 'y'), '--notes', join(root, 'nope.md')], root);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.md: ENOENT/);
    const none = await cli(['init', join(root, 'z')], root);
    expect(none.exitCode).toBe(2);
  });

  it('--update adds new headings, keeps ids and hand edits, and lists vanished headings without deleting them', async () => {
    const root = tempDir();
    const notes = notesDir(root);
    const dir = join(root, 'bank');
    expect((await cli(['init', dir, '--notes', join(notes, 'vpc.md')], root)).exitCode).toBe(0);
    const indexFile = join(dir, 'sources.yaml');
    // A hand edit: a better heading and a summary for the Endpoints section.
    writeFileSync(indexFile, readFileSync(indexFile, 'utf8').replace('heading: VPC notes > Endpoints\n', 'heading: VPC エンドポイントの種類\n        summary: hand-written\n'));
    const note = join(notes, 'vpc.md');
    writeFileSync(note, readFileSync(note, 'utf8').replace('### Gateway endpoint', '### Interface endpoint') + '\n## Peering\n\nNon-transitive.\n');

    const r = await cli(['init', dir, '--notes', note, '--update'], root);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/added interface-endpoint: VPC notes > Endpoints > Interface endpoint \(vpc\.md\)/);
    expect(r.stdout).toMatch(/added peering: VPC notes > Peering/);
    expect(r.stdout).toMatch(/heading gone from vpc\.md: gateway-endpoint/);
    expect(r.stdout).toContain('2 new sections, 1 gone');

    const index = parse(readFileSync(indexFile, 'utf8'));
    const sections = index.notes[0].sections as { id: string; heading: string; summary?: string }[];
    expect(sections.map((s) => s.id)).toEqual(['vpc-notes', 'endpoints', 'gateway-endpoint', 'flow-logs', 'flow-logs-2', 'interface-endpoint', 'peering']);
    expect(sections[1]).toMatchObject({ heading: 'VPC エンドポイントの種類', summary: 'hand-written' });

    const lint = await cli(['lint', '--notes', notes, dir], root);
    expect(lint.stdout).toMatch(/sources\.yaml:\d+:\d+ warning section "gateway-endpoint": its heading is no longer in vpc\.md/);
    const again = await cli(['init', dir, '--notes', note, '--update'], root);
    expect(again.stdout).toContain('0 new sections, 1 gone');
  });
});
