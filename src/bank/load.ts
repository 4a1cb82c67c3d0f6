import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { bankFiles, SOURCES_FILE } from './dirs.js';
import { parseBank } from './parse-bank.js';
import { parseSources } from './parse-sources.js';
import type { BankGroup } from './rules.js';
import type { Problem, Question, SourceIndex } from './types.js';
import { MAX_FILE_BYTES } from './yaml.js';

export { bankDirsFrom } from './dirs.js';

export interface LoadedBanks {
  groups: BankGroup[];
  /** Problems found while reading and parsing single files. */
  problems: Problem[];
  files: number;
}

/** Shown in messages: relative to the working directory when that is shorter. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && rel.length < p.length ? rel : p;
}

function readText(file: string, problems: Problem[]): string | undefined {
  const where = { file: displayPath(file), line: 1, col: 1, severity: 'error' as const };
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      problems.push({ ...where, rule: 'file-too-large', params: { size, max: MAX_FILE_BYTES } });
      return undefined;
    }
    const buf = readFileSync(file);
    if (buf.includes(0)) {
      problems.push({ ...where, rule: 'binary-file', params: {} });
      return undefined;
    }
    return buf.toString('utf8');
  } catch (err) {
    problems.push({ ...where, rule: 'unreadable', params: { detail: (err as NodeJS.ErrnoException).code ?? String(err) } });
    return undefined;
  }
}

/** Reads every bank under `paths`; each bank file resolves sources against the sources.yaml in its own directory. */
export function loadBanks(paths: string[]): LoadedBanks {
  const problems: Problem[] = [];
  const files = bankFiles(paths);

  const groups = new Map<string, BankGroup>();
  const indexes = new Map<string, SourceIndex | undefined>();
  let count = 0;
  for (const file of files) {
    const dir = dirname(file);
    let group = groups.get(dir);
    if (!group) {
      const indexFile = join(dir, SOURCES_FILE);
      if (!indexes.has(dir)) indexes.set(dir, readIndex(indexFile, problems));
      group = { dir, indexFile: displayPath(indexFile), banks: [] };
      const index = indexes.get(dir);
      if (index) group.index = index;
      groups.set(dir, group);
    }
    count++;
    const text = readText(file, problems);
    if (text === undefined) continue;
    const parsed = parseBank(text, displayPath(file));
    problems.push(...parsed.problems);
    if (parsed.bank) group.banks.push(parsed.bank);
  }
  return { groups: [...groups.values()], problems, files: count };
}

function readIndex(indexFile: string, problems: Problem[]): SourceIndex | undefined {
  try {
    statSync(indexFile);
  } catch {
    return undefined;
  }
  const text = readText(indexFile, problems);
  if (text === undefined) return undefined;
  const parsed = parseSources(text, displayPath(indexFile));
  problems.push(...parsed.problems);
  return parsed.index;
}

export function allQuestions(loaded: LoadedBanks): Question[] {
  return loaded.groups.flatMap((g) => g.banks.flatMap((b) => b.questions));
}
