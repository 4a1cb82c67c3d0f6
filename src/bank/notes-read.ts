import { statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { t } from '../i18n/i18n.js';
import { readRegularFile } from './read-file.js';
import type { BankGroup } from './rules.js';

/** Notes are prose and may be larger than a bank, but are still read whole. */
export const MAX_NOTE_BYTES = 8 * 1024 * 1024;

/**
 * The texts of the notes the indexes name, read from `dir`. A note that is missing, not a
 * regular file (a FIFO would block) or too large maps to undefined, and lint reports it.
 */
export function readNotes(dir: string, groups: readonly BankGroup[]): Map<string, string | undefined> {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new UsageError(t('lint.notesMissing', { dir }));
  const texts = new Map<string, string | undefined>();
  for (const g of groups) for (const s of g.index?.sections ?? []) if (!texts.has(s.noteFile)) texts.set(s.noteFile, readNote(join(dir, s.noteFile)));
  return texts;
}

/** A note's text, or undefined when it is missing, not a regular file (a FIFO would block) or too large. */
export function readNote(path: string): string | undefined {
  const read = readRegularFile(path, MAX_NOTE_BYTES);
  return read.ok ? read.bytes.toString('utf8') : undefined;
}
