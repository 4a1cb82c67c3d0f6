import { describe, expect, it } from 'vitest';
import { quizData } from '../../src/bank/cache.js';
import { allQuestions, loadBanks } from '../../src/bank/load.js';
import { sourceLookup } from '../../src/bank/source-lookup.js';
import { fileURLToPath } from 'node:url';

const LONG = fileURLToPath(new URL('../fixtures/banks/long/', import.meta.url));

describe('where a question comes from', () => {
  it('names the note by its title and the section by its heading, keeping the file name for scripts', () => {
    const loaded = loadBanks([LONG]);
    const data = quizData(allQuestions(loaded), loaded.groups.flatMap((g) => (g.index ? [g.index] : [])));
    const source = sourceLookup(data.sections)('000_54328491b4c48bc9.txt#transfer-family-static-ip');
    expect(source).toEqual({ file: '000_54328491b4c48bc9.txt', title: 'AWS Transfer Family のノート', heading: 'Transfer Family > 固定 IP アドレス' });
  });

  it('falls back to the file name when the section is not in the index', () => {
    expect(sourceLookup([])('note.txt#missing')).toEqual({ file: 'note.txt' });
  });
});
