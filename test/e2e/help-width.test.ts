import { describe, expect, it } from 'vitest';
import { runInPty } from '../helpers/pty.js';
import { screenOf } from '../helpers/screen.js';

// Help wrapped to the terminal by display width: a Japanese character takes two columns.
// Example commands stay whole on purpose, so they paste as they are.

async function helpScreen(args: string[], cols: number) {
  const run = runInPty([...args, '--help'], {}, { cols, rows: 60 });
  await run.exited;
  const screen = await screenOf(run.raw(), cols, 60);
  return { output: run.output(), overflowed: screen.overflowed.filter((l) => !/^\s*\$ /.test(l)) };
}

describe('--help at any width, in either language', () => {
  for (const cols of [40, 60, 80]) {
    for (const lang of ['en', 'ja']) {
      it(`fits ${cols} columns in ${lang}, every command`, async () => {
        for (const command of [[], ['practice'], ['exam'], ['stats'], ['lint']]) {
          const { overflowed } = await helpScreen(['--lang', lang, ...command], cols);
          expect(overflowed, `${command.join(' ') || 'aws-quiz'} --help`).toEqual([]);
        }
      });
    }
  }

  it('names the placeholders of the usage line in the interface’s language', async () => {
    expect((await helpScreen(['--lang', 'ja'], 80)).output).toMatch(/^使い方: aws-quiz \[オプション\] \[コマンド\]/);
    expect((await helpScreen(['--lang', 'ja', 'stats'], 80)).output).toMatch(/^使い方: aws-quiz stats \[オプション\]/);
    expect((await helpScreen(['--lang', 'en'], 80)).output).toMatch(/^Usage: aws-quiz \[options\] \[command\]/);
  });
});
