import { statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { bankFiles, SOURCES_FILE } from './dirs.js';
import { parseBank } from './parse-bank.js';
import { parseSources } from './parse-sources.js';
import { readRegularFile } from './read-file.js';
import { decodeUtf8 } from './text.js';
import type { BankGroup } from './rules.js';
import type { Problem, Question, SourceIndex } from './types.js';
import { MAX_FILE_BYTES } from './yaml.js';

export { bankDirsFrom } from './dirs.js';

export interface LoadedBanks {
  groups: BankGroup[];
  /** Problems found while reading and parsing single files. */
  problems: Problem[];
  files: number;
  /** Questions left out of their banks because the schema refused them. */
  rejected: number;
}

/** Shown in messages: relative to the working directory when that is shorter. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && rel.length < p.length ? rel : p;
}

function readText(file: string, problems: Problem[]): string | undefined {
  const where = { file: displayPath(file), line: 1, col: 1, severity: 'error' as const };
  const read = readRegularFile(file, MAX_FILE_BYTES);
  if (!read.ok) {
    if (read.why === 'not-a-file') problems.push({ ...where, rule: 'not-a-file', params: {} });
    else if (read.why === 'too-large') problems.push({ ...where, rule: 'file-too-large', params: { size: read.size, max: MAX_FILE_BYTES } });
    else problems.push({ ...where, rule: 'unreadable', params: { detail: read.code } });
    return undefined;
  }
  if (read.bytes.includes(0)) {
    problems.push({ ...where, rule: 'binary-file', params: {} });
    return undefined;
  }
  const decoded = decodeUtf8(read.bytes);
  if (!decoded.ok) {
    problems.push({ ...where, line: decoded.line, col: decoded.col, rule: 'invalid-utf8', params: {} });
    return undefined;
  }
  return decoded.text;
}

/** Reads every bank under `paths`; each bank file resolves sources against the sources.yaml in its own directory. */
export function loadBanks(paths: string[]): LoadedBanks {
  const problems: Problem[] = [];
  const { files, unreadable } = bankFiles(paths);
  for (const { dir, code } of unreadable) problems.push({ file: displayPath(dir), line: 1, col: 1, severity: 'error', rule: 'unreadable-dir', params: { detail: code } });

  const groups = new Map<string, BankGroup>();
  const indexes = new Map<string, SourceIndex | undefined>();
  let count = 0;
  let rejected = 0;
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
    rejected += parsed.rejected ?? 0;
    if (parsed.bank) group.banks.push(parsed.bank);
  }
  return { groups: [...groups.values()], problems, files: count, rejected };
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
