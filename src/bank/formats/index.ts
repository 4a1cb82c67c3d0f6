import { parseAiken, writeAiken } from './aiken.js';
import { parseCsv, writeCsv } from './csv.js';
import { parseGift, writeGift } from './gift.js';
import { parseMoodle, writeMoodle } from './moodle.js';
import type { ParseResult, PortableQuestion } from './portable.js';

export const IMPORT_FORMATS = ['gift', 'aiken', 'moodle-xml', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const EXPORT_FORMATS = ['anki', 'gift', 'aiken', 'moodle-xml', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const parsers: Record<ImportFormat, (text: string) => ParseResult> = {
  gift: parseGift,
  aiken: parseAiken,
  'moodle-xml': parseMoodle,
  csv: parseCsv,
};

export const writers: Record<Exclude<ExportFormat, 'anki'>, (qs: readonly (PortableQuestion & { name: string })[]) => string> = {
  gift: writeGift,
  aiken: writeAiken,
  'moodle-xml': writeMoodle,
  csv: writeCsv,
};
