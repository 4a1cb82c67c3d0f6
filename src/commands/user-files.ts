import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readRegularFile } from '../bank/read-file.js';
import { UserError } from '../errors.js';
import { t } from '../i18n/i18n.js';

// Files the learner names on the command line (a note to draft from, a quiz to import) and
// files written for them: read only when regular and never past a limit, written whole.

/** The text of a regular file of at most `max` bytes; a FIFO, a device or a larger file is one clear error. */
export function readUserText(path: string, max: number): string {
  const read = readRegularFile(path, max);
  if (read.ok) return read.bytes.toString('utf8');
  if (read.why === 'not-a-file') throw new UserError(t('files.notRegular', { path }));
  if (read.why === 'too-large') throw new UserError(t('files.tooLarge', { path, size: read.size, max }));
  throw new UserError(t('files.cannotRead', { path, detail: read.code }));
}

/** A reader never sees half a file: it is written beside its place under a fresh name, then renamed over. */
export function writeAtomically(path: string, text: string, shown = path): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, text, { flag: 'wx', mode: 0o644 });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new UserError(t('files.cannotWrite', { path: shown, detail: (err as NodeJS.ErrnoException).code ?? String(err) }));
  }
}
