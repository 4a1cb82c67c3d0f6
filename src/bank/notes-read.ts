import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { t } from '../i18n/i18n.js';
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

export function readNote(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const buf = Buffer.alloc(MAX_NOTE_BYTES + 1);
    let size = 0;
    for (let n; size < buf.length && (n = readSync(fd, buf, size, buf.length - size, null)) > 0; ) size += n;
    return size > MAX_NOTE_BYTES ? undefined : buf.subarray(0, size).toString('utf8');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
