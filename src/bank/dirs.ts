import { readdirSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { t } from '../i18n/i18n.js';

// Where banks are and which files they are, without parsing any of them: kept apart from
// load.ts so that commands which only count questions never load the YAML parser.

export const SOURCES_FILE = 'sources.yaml';

/** The package's own banks. */
export function defaultBankDirs(): string[] {
  return [fileURLToPath(new URL('../../questions/', import.meta.url))];
}

/**
 * Paths as the user typed them, refused when empty: '' resolves to the working directory,
 * and a recursive scan of wherever the shell happens to be is never what was meant.
 */
export function checkedBankPaths(paths: string[], flag: string): string[] {
  if (paths.some((p) => !p.trim())) throw new UsageError(t('error.emptyPath', { flag }));
  return paths;
}

/** `--questions` (repeatable) or AWS_QUIZ_QUESTIONS replace the bundled banks. */
export function bankDirsFrom(option: string[] | undefined, env: NodeJS.ProcessEnv): string[] {
  if (option && option.length) return checkedBankPaths(option, '--questions');
  const fromEnv = env.AWS_QUIZ_QUESTIONS?.split(delimiter).filter(Boolean);
  if (fromEnv && fromEnv.length) return fromEnv;
  return defaultBankDirs();
}

/** A folder that could not be listed: reported by lint at the folder, never a crash. */
export interface UnreadableDir {
  dir: string;
  code: string;
}

function listYaml(dir: string, unreadable: UnreadableDir[]): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    unreadable.push({ dir, code: (err as NodeJS.ErrnoException).code ?? String(err) });
    return out;
  }
  // Code-point order: the same on every machine, and without loading ICU's collator (~5 ms).
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYaml(full, unreadable));
    else if (/\.ya?ml$/.test(entry.name) && entry.name !== SOURCES_FILE) out.push(full);
  }
  return out;
}

/**
 * Bank files under `paths` (directories searched recursively, files taken as given), without
 * repeats, and the folders that could not be read. A path that does not exist is a usage error.
 */
export function bankFiles(paths: string[]): { files: string[]; unreadable: UnreadableDir[] } {
  const files: string[] = [];
  const unreadable: UnreadableDir[] = [];
  for (const p of paths) {
    const full = resolve(p);
    let isDir: boolean;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      throw new UsageError(t('error.noSuchPath', { path: p }));
    }
    if (isDir) files.push(...listYaml(full, unreadable));
    else files.push(full);
  }
  return { files: [...new Set(files)], unreadable };
}
