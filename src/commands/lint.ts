import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lintBanks } from '../bank/lint.js';
import { bankDirsFrom, loadBanks, type LoadedBanks } from '../bank/load.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/i18n.js';
import { renderLintGithub, renderLintJson, renderLintText, type LintFormat } from '../ui/lint-report.js';

export interface LintOptions {
  format: string;
  strict?: boolean;
  coverage?: boolean;
  notes?: string;
  questions?: string[];
}

/** The note files the loaded indexes name, read from `dir`; a file that cannot be read is left out (lint names it). */
function readNotes(dir: string, loaded: LoadedBanks): Map<string, string> {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new UsageError(t('lint.notesMissing', { dir }));
  const notes = new Map<string, string>();
  for (const file of new Set(loaded.groups.flatMap((g) => g.index?.sections.map((s) => s.noteFile) ?? []))) {
    try {
      notes.set(file, readFileSync(join(dir, file), 'utf8'));
    } catch {
      // copied-from-notes reports the missing note at its place in sources.yaml
    }
  }
  return notes;
}

export async function lintCommand(paths: string[], options: LintOptions): Promise<number> {
  const format = options.format as LintFormat;
  if (!['text', 'json', 'github'].includes(format)) throw new UsageError(t('lint.badFormat', { value: options.format }));
  const dirs = paths.length ? paths : bankDirsFrom(options.questions, process.env);
  const loaded = loadBanks(dirs);
  const notes = options.notes === undefined ? undefined : readNotes(options.notes, loaded);
  const result = lintBanks(loaded, { coverage: options.coverage ?? false, ...(notes && { notes }) });
  const out = format === 'json' ? renderLintJson(result) : (format === 'github' ? renderLintGithub(result) : renderLintText(result)).join('\n');
  process.stdout.write(out + '\n');
  return result.errors > 0 || (options.strict && result.warnings > 0) ? 1 : 0;
}
