import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bankNameFor, draftNotes, sourcesYaml, starterBankYaml, updateSourcesYaml, workflowYaml, type NoteInput } from '../bank/init-draft.js';
import { SOURCES_FILE } from '../bank/dirs.js';
import { MAX_NOTE_BYTES } from '../bank/notes-read.js';
import { sanitizeText } from '../bank/text.js';
import { UsageError, UserError } from '../errors.js';
import { t } from '../i18n/i18n.js';
import { shellQuote } from '../ui/practice-summary.js';
import { readUserText, writeAtomically } from './user-files.js';

export interface InitOptions {
  notes?: string[];
  force?: boolean;
  update?: boolean;
}

export const WORKFLOW_FILE = join('.github', 'workflows', 'aws-quiz-lint.yml');

const say = (line: string) => process.stdout.write(sanitizeText(line) + '\n');

export async function initCommand(dirArg: string | undefined, options: InitOptions): Promise<number> {
  const notePaths = options.notes ?? [];
  if (!notePaths.length) throw new UsageError(t('init.notesRequired'));
  const dir = resolve(dirArg ?? '.');
  const notes = notePaths.map((path): NoteInput => ({ file: basename(path), text: readUserText(path, MAX_NOTE_BYTES) }));
  const names = new Set<string>();
  for (const n of notes) {
    if (names.has(n.file)) throw new UsageError(t('init.sameName', { name: n.file }));
    names.add(n.file);
  }
  return options.update ? update(dir, notes) : create(dir, notes, notePaths, options.force ?? false);
}

function create(dir: string, notes: NoteInput[], notePaths: string[], force: boolean): number {
  if (existsSync(dir) && readdirSync(dir).length > 0 && !force) throw new UserError(t('init.notEmpty', { dir: shown(dir) }));
  const drafted = draftNotes(notes);
  const bank = bankNameFor(dir);
  const noteDirs = [...new Set(notePaths.map((p) => dirname(resolve(p))))];
  // CI checks out the repository, so only notes inside it can be compared with the banks there.
  const inside = noteDirs.length === 1 ? relativeOrAbsolute(dir, noteDirs[0]!) : undefined;
  const notesArg = inside !== undefined && !inside.startsWith('..') && !inside.startsWith('/') ? inside : undefined;
  const files: [string, string][] = [
    [join(dir, SOURCES_FILE), sourcesYaml(drafted)],
    [join(dir, `${bank}.yaml`), starterBankYaml(bank, relativeOrAbsolute(dir, schemaFile()), drafted[0]!)],
    [join(dir, WORKFLOW_FILE), workflowYaml('.', notesArg)],
  ];
  for (const [path, text] of files) {
    writeAtomically(path, text, shown(path));
    say(t('init.wrote', { path: shown(path) }));
  }
  for (const n of drafted) say(t('init.sections', { count: n.sections.length, note: n.file }));
  const notesFlag = noteDirs.length === 1 ? ['--notes', shown(noteDirs[0]!)] : [];
  say('');
  say(t('init.next'));
  say(t('init.nextLint', { command: ['aws-quiz', 'lint', '--coverage', ...notesFlag, shown(dir)].map(shellQuote).join(' ') }));
  say(t('init.nextPractice', { command: ['aws-quiz', 'practice', '--questions', shown(dir)].map(shellQuote).join(' ') }));
  say(t('init.nextCi', { path: WORKFLOW_FILE }));
  return 0;
}

function update(dir: string, notes: NoteInput[]): number {
  const path = join(dir, SOURCES_FILE);
  if (!existsSync(path)) throw new UserError(t('init.noIndex', { dir: shown(dir) }));
  let report: ReturnType<typeof updateSourcesYaml>;
  try {
    report = updateSourcesYaml(readFileSync(path, 'utf8'), notes);
  } catch (err) {
    throw new UserError(t('init.badIndex', { path: shown(path), detail: (err as Error).message }));
  }
  for (const a of report.added) say(t('init.added', a));
  for (const g of report.gone) say(t('init.gone', g));
  if (report.added.length) writeAtomically(path, report.text, shown(path));
  say(t('init.updated', { added: report.added.length, gone: report.gone.length, path: shown(path) }));
  return 0;
}

/** The package's schema, wherever this module runs from (dist/commands/, dist/chunks/ or src/commands/). */
function schemaFile(): string {
  const candidates = ['../../schema/bank.schema.json', '../schema/bank.schema.json'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

function relativeOrAbsolute(from: string, to: string): string {
  const rel = relative(from, to) || '.';
  return rel.split(sep).join('/');
}

const shown = (p: string) => {
  const rel = relative(process.cwd(), p);
  return rel === '' ? '.' : rel.startsWith('..') && rel.length >= p.length ? p : rel;
};
