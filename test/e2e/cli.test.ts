import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/aws-quiz.js', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/banks/', import.meta.url));
const cli = (args: string[], env: Record<string, string> = {}) => execa('node', [bin, ...args], { reject: false, env: { NO_COLOR: '1', ...env } });

describe('aws-quiz (built binary)', () => {
  it('prints help with every command, and an example per command', async () => {
    const r = await cli(['--help']);
    expect(r.exitCode).toBe(0);
    for (const c of ['practice', 'exam', 'stats', 'lint']) expect(r.stdout).toContain(c);
    for (const c of ['practice', 'exam', 'stats', 'lint']) {
      const sub = await cli([c, '--help']);
      expect(sub.exitCode).toBe(0);
      expect(sub.stdout).toMatch(new RegExp(`Example:\\n\\s+\\$ aws-quiz ${c}`));
    }
  });

  it('prints its version', async () => {
    const r = await cli(['--version']);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 with one line for unknown commands and bad flags', async () => {
    for (const args of [['nope'], ['practice', '--count', '0'], ['practice', '--bogus'], ['practice', '--seed', ''], ['lint', '--format', 'xml', fixtures + 'good']]) {
      const r = await cli(args);
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });

  it('lints a clean bank with exit 0', async () => {
    const r = await cli(['lint', '--strict', fixtures + 'good']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('1 file, 4 questions, 0 errors, 0 warnings');
  });

  it('reports every problem as file:line:col and exits 1', async () => {
    const r = await cli(['lint', fixtures + 'bad']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/broken\.yaml:6:13 error questions\[0\]\.domain: expected one of secure .*bad-value/);
    expect(r.stdout).toMatch(/broken\.yaml:22:7 error broken-two-correct: .*correct-count/);
    expect(r.stdout).toMatch(/broken\.yaml:39:13 error .*missing-section.*source-unresolved/);
    expect(r.stdout).toMatch(/broken\.yaml:29:5 warning broken-source: no explanation/);
    expect(r.stdout).toContain('1 file, 3 questions, 3 errors, 1 warning');
  });

  it('writes JSON and GitHub annotations', async () => {
    const json = await cli(['lint', '--format', 'json', fixtures + 'bad']);
    expect(json.exitCode).toBe(1);
    const doc = JSON.parse(json.stdout);
    expect(doc.errors).toBeGreaterThan(0);
    expect(doc.problems[0]).toEqual(expect.objectContaining({ file: expect.any(String), line: expect.any(Number), col: expect.any(Number), rule: expect.any(String) }));
    const gh = await cli(['lint', '--format', 'github', fixtures + 'bad']);
    expect(gh.stdout).toMatch(/^::error file=.*broken\.yaml,line=\d+,col=\d+,title=[a-z-]+::/m);
  });

  it('fails --strict on warnings only', async () => {
    // The exam fixture has warnings (topics with one question, keys that are the longest choice) and no error.
    const loose = await cli(['lint', fixtures + 'exam']);
    const summary = /0 errors, (\d+) warnings/.exec(loose.stdout);
    expect(Number(summary?.[1])).toBeGreaterThan(0);
    expect(loose.exitCode).toBe(0);
    const strict = await cli(['lint', '--strict', fixtures + 'exam']);
    expect(strict.stdout).toContain(summary![0]);
    expect(strict.exitCode).toBe(1);
    const clean = await cli(['lint', '--strict', fixtures + 'good']);
    expect(clean.stdout).toContain('0 errors, 0 warnings');
    expect(clean.exitCode).toBe(0);
  });

  it('counts the note sections questions cite with --coverage', async () => {
    const r = await cli(['lint', fixtures + 'good/sample.yaml', '--coverage']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('2/2 sections covered, 1 skipped');
  });

  it('names a missing path in one line', async () => {
    const r = await cli(['lint', '/nonexistent/banks']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('aws-quiz: no such file or directory: /nonexistent/banks');
  });

  it('speaks Japanese when LANG asks for it, or --lang', async () => {
    const r = await cli(['lint', fixtures + 'good'], { LANG: 'ja_JP.UTF-8' });
    expect(r.stdout).toContain('ファイル 1 件、問題 4 問');
    const en = await cli(['--lang', 'en', 'lint', fixtures + 'good'], { LANG: 'ja_JP.UTF-8' });
    expect(en.stdout).toContain('1 file, 4 questions');
  });

  it('says everything in Japanese with --lang ja: help, usage errors and lint findings', async () => {
    const help = await cli(['--lang', 'ja', 'practice', '--help']);
    expect(help.stdout).toMatch(/^使い方: aws-quiz practice/);
    expect(help.stdout).toContain('オプション:');
    expect(help.stdout).toContain('(既定: 10)');
    expect(help.stdout).not.toMatch(/Usage:|Options:|default:|display help/);
    const top = await cli(['--lang', 'ja', '--help']);
    expect(top.stdout).toContain('コマンド:');
    expect(top.stdout).toMatch(/help \[コマンド\] +コマンドのヘルプを表示/);
    for (const [args, text] of [
      [['pratice'], '不明なコマンド "pratice" です。コマンドの一覧は aws-quiz --help で確認できます（practice のことですか？）'],
      [['practice', '--cout', '3'], '不明なオプション --cout です（--count のことですか？）'],
      [['practice', '--count'], 'オプション -n, --count <n> には値が必要です'],
      [['completion'], '引数 <shell> がありません'],
      [['completion', 'tcsh'], '<shell> には bash, zsh, fish のいずれかを指定してください（指定値: "tcsh"）'],
    ] as const) {
      const r = await cli(['--lang', 'ja', ...args]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr.trim()).toBe(`aws-quiz: ${text}`);
    }
    const lint = await cli(['--lang', 'ja', 'lint', fixtures + 'bad']);
    expect(lint.stdout).toContain('6:13 エラー questions[0].domain: secure | resilient | performant | cost のいずれかを指定してください');
    expect(lint.stdout).toContain('警告 broken-source: 解説がありません');
    expect(lint.stdout).not.toMatch(/ error | warning |expected one of/);
  });

  it('stops quietly, exit 0, when the reader of its output goes away (| head)', async () => {
    const questions = fileURLToPath(new URL('../../questions/', import.meta.url));
    for (const args of [['practice', '--help'], ['lint', '--format', 'json', questions], ['--help']]) {
      for (let i = 0; i < 4; i++) {
        const r = await execa('bash', ['-c', `node "$0" "$@" | head -c 1 > /dev/null; exit \${PIPESTATUS[0]}`, bin, ...args], { reject: false, env: { NO_COLOR: '1' } });
        expect(r.stderr, args.join(' ')).toBe('');
        expect(r.exitCode, args.join(' ')).toBe(0);
      }
    }
  });
});
