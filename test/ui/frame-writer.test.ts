import { describe, expect, it } from 'vitest';
import { repaint } from '../../src/ui/frame-writer.js';
import { screenOf } from '../helpers/screen.js';

const frame = (rows: string[]) => `\x1b[2K\x1b[1A\x1b[2K\x1b[G\x1b[H${rows.join('\n')}\x1b[J\x1b[?25l`;
const question = (clock: string) => [`Question 1 of 65 · ${clock} left · answered 0/65`, '', 'ある企業は AWS Transfer Family の SFTP サーバーを公開しています。', '', '❯ A) first', '  B) second', '', 'Not answered yet', '', '↑↓ move · A–D pick · Enter answer'];

describe('sending only the rows of a full-screen frame that changed', () => {
  it('sends the first frame whole, then only the clock row when only the clock changed', () => {
    const first = repaint(null, frame(question('2:10:00')));
    expect(first.text).toBe(frame(question('2:10:00')));
    const tick = repaint(first.frame, frame(question('2:09:59')));
    expect(tick.text).toContain('2:09:59');
    expect(tick.text).not.toContain('Transfer Family');
    expect([...tick.text.matchAll(/\x1b\[(\d+);\d+H/g)].map((m) => m[1])).toEqual(['1', '10']); // the clock's row, then the cursor back to the last row
  });

  it('leaves the terminal showing exactly what a whole redraw would', async () => {
    const frames = [question('2:10:00'), question('2:09:59'), [...question('2:09:58').slice(0, 4), '❯ B) second'], question('2:09:57')];
    let diffed = '';
    let previous: string[] | null = null;
    for (const rows of frames) {
      const r = repaint(previous, frame(rows));
      diffed += r.text;
      previous = r.frame;
    }
    const whole = frames.map((rows) => frame(rows)).join('');
    // A terminal's line discipline turns each \n into \r\n on the way.
    const tty = (raw: string) => raw.replace(/\n/g, '\r\n');
    expect((await screenOf(tty(diffed), 80, 24)).rows).toEqual((await screenOf(tty(whole), 80, 24)).rows);
  });

  it('passes anything that is not a full-screen frame through untouched', () => {
    expect(repaint(['x'], '\x1b[2K\n\x1b[?25h')).toEqual({ text: '\x1b[2K\n\x1b[?25h', frame: ['x'] });
  });
});
