import { createRequire } from 'node:module';
import { askable, FormatError, LETTERS, type ParseResult, type PortableQuestion } from './portable.js';

// CSV, one question a row, with a header row naming these columns (any order; only
// question, A, B, C and answer are required):
//   id, topic, domain, question, A, B, C, D, E, F, answer, why_A … why_F, explanation
// `answer` holds the letters of the right choices ("B", or "AC" for a multiple-response question).

export const CSV_COLUMNS = ['id', 'topic', 'domain', 'question', ...LETTERS, 'answer', ...[...LETTERS].map((l) => `why_${l}`), 'explanation'];

const require = createRequire(import.meta.url);

export function parseCsv(text: string): ParseResult {
  const { parse } = require('csv-parse/sync') as typeof import('csv-parse/sync');
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, relax_column_count: false, info: true, trim: false }) as never;
  } catch (err) {
    throw new FormatError((err as Error).message.replace(/^Invalid Record Length: /, ''), (err as { lines?: number }).lines ?? 1);
  }
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  for (const required of ['question', 'A', 'B', 'C', 'answer']) if (rows.length && !header.includes(required)) throw new FormatError(`the header has no "${required}" column`, 1);
  const questions: PortableQuestion[] = [];
  const skipped: ParseResult['skipped'] = [];
  for (const { record: r, info } of rows) {
    const line = info.lines;
    const letters = (r.answer ?? '').toUpperCase().replace(/[^A-F]/g, '');
    const choices = [...LETTERS].flatMap((l) => (r[l]?.trim() ? [{ text: r[l]!.trim(), correct: letters.includes(l), ...(r[`why_${l}`]?.trim() && { why: r[`why_${l}`]!.trim() }) }] : []));
    const used = [...LETTERS].slice(0, choices.length);
    if ([...letters].some((l) => !used.includes(l))) throw new FormatError(`answer "${r.answer}" names a choice that is empty`, line);
    const base = {
      question: (r.question ?? '').trim(),
      choices,
      line,
      ...(r.id?.trim() && { name: r.id.trim() }),
      ...(r.topic?.trim() && { topic: r.topic.trim() }),
      ...(r.domain?.trim() && { domain: r.domain.trim() }),
      ...(r.explanation?.trim() && { explanation: r.explanation.trim() }),
    };
    if (!base.question) throw new FormatError('empty question', line);
    const ok = askable(base);
    if ('skip' in ok) skipped.push({ line, name: base.name ?? base.question.slice(0, 40), reason: ok.skip });
    else questions.push({ ...base, type: ok.type });
  }
  return { questions, skipped };
}

export function writeCsv(questions: readonly (PortableQuestion & { name: string })[]): string {
  const { stringify } = require('csv-stringify/sync') as typeof import('csv-stringify/sync');
  const rows = questions.map((q) => {
    const row: Record<string, string> = { id: q.name, topic: q.topic ?? '', domain: q.domain ?? '', question: q.question, answer: '', explanation: q.explanation ?? '' };
    q.choices.forEach((c, i) => {
      row[LETTERS[i]!] = c.text;
      row[`why_${LETTERS[i]}`] = c.why ?? '';
      if (c.correct) row.answer = (row.answer ?? '') + LETTERS[i]!;
    });
    return row;
  });
  return stringify(rows, { header: true, columns: CSV_COLUMNS });
}
