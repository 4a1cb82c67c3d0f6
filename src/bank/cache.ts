import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Question, SourceIndex } from './types.js';
import { fnv1a } from '../hash.js';

// Parsing, validating and linting the banks takes far longer than anything else before
// the first question (the YAML parser and the schema library alone take ~100 ms to load).
// Banks change rarely, so the questions of a clean, fully checked set of banks are kept as
// JSON under the user's cache directory, and used again while no bank file, no
// sources.yaml and no file of the bank reader itself has changed size or modification
// time. Anything unexpected (no cache, unreadable, stale, another format) falls back to
// the full loader; the cache is never the only copy of anything.

/** A question as quizzes use it: without the positions in its bank file, which only lint needs. */
export type QuizQuestion = Omit<Question, 'at'>;

/** A section of the notes as quizzes use it: which file, which heading. */
export interface SectionRef {
  id: string;
  noteFile: string;
  heading: string;
}

export interface BankData {
  questions: QuizQuestion[];
  sections: SectionRef[];
}

const FORMAT = 3;

/** $XDG_CACHE_HOME/aws-quiz, else ~/.cache/aws-quiz. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'aws-quiz');
}

function stamp(file: string): string {
  try {
    const s = statSync(file);
    return `${file}\t${s.size}\t${s.mtimeMs}\t${s.ino}`;
  } catch {
    return `${file}\tmissing`;
  }
}

/**
 * Every YAML file under the bank paths, in code-unit order. Deliberately wider than the
 * loader's own listing (sources.yaml included), and without its locale-aware sort, whose
 * first use costs several milliseconds: any file the loader could read is watched.
 */
export function watchedFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) out.push(full);
    }
  };
  for (const p of paths) {
    const full = resolve(p);
    try {
      if (statSync(full).isDirectory()) walk(full);
      else out.push(full);
    } catch {
      out.push(full);
    }
  }
  return [...new Set(out)].sort();
}

/** The modules that turn YAML into questions: when they change, every cache is stale. */
function readerFiles(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  return readdirSync(here)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => join(here, f));
}

/** Every input of the loader, by path, size, modification time and inode. */
export function fingerprint(files: readonly string[]): string {
  return [`format ${FORMAT}`, ...[...files, ...readerFiles()].map(stamp)].join('\n');
}

// The file: one line of JSON with the key and the sections, then one line per question,
// `<JSON of the short fields>\t<JSON of the texts>`. The texts (nine tenths of the bytes)
// are decoded only for the questions a session actually shows.
type Meta = [id: string, bank: string, topic: string, domain: QuizQuestion['domain'], type: QuizQuestion['type'], difficulty: number | null, source: string];
type Texts = Pick<QuizQuestion, 'question' | 'choices' | 'explanation'>;

const TAB = 9;
const NEWLINE = 10;

function lazyQuestion(meta: Meta, texts: Buffer): QuizQuestion {
  const [id, bank, topic, domain, type, difficulty, source] = meta;
  let parsed: Texts | undefined;
  const read = () => (parsed ??= JSON.parse(texts.toString('utf8')) as Texts);
  const q = { id, bank, topic, domain, type, source, ...(difficulty !== null && { difficulty }) } as QuizQuestion;
  Object.defineProperties(q, {
    question: { enumerable: true, get: () => read().question },
    choices: { enumerable: true, get: () => read().choices },
    explanation: { enumerable: true, get: () => read().explanation },
  });
  return q;
}

export function readCache(path: string, key: string): BankData | undefined {
  try {
    const buf = readFileSync(path);
    let end = buf.indexOf(NEWLINE);
    const head = JSON.parse(buf.toString('utf8', 0, end)) as { key?: unknown; sections?: unknown };
    if (head.key !== key || !Array.isArray(head.sections)) return undefined;
    const questions: QuizQuestion[] = [];
    for (let start = end + 1; start < buf.length; start = end + 1) {
      end = buf.indexOf(NEWLINE, start);
      if (end < 0) end = buf.length;
      const tab = buf.indexOf(TAB, start);
      if (tab < 0 || tab > end) return undefined;
      questions.push(lazyQuestion(JSON.parse(buf.toString('utf8', start, tab)) as Meta, buf.subarray(tab + 1, end)));
    }
    return { questions, sections: head.sections as SectionRef[] };
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written only costs speed. Written whole, then renamed into place. */
export function writeCache(path: string, key: string, data: BankData): void {
  const lines = [JSON.stringify({ key, sections: data.sections })];
  for (const q of data.questions) {
    const meta: Meta = [q.id, q.bank, q.topic, q.domain, q.type, q.difficulty ?? null, q.source];
    const texts: Texts = { question: q.question, choices: q.choices, explanation: q.explanation };
    // JSON escapes tabs and newlines inside strings, so neither can appear in a line's JSON.
    lines.push(`${JSON.stringify(meta)}\t${JSON.stringify(texts)}`);
  }
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, lines.join('\n') + '\n');
    renameSync(tmp, path);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}

/** What a quiz keeps of the loader's output. */
export function quizData(questions: readonly Question[], sources: readonly SourceIndex[]): BankData {
  return {
    questions: questions.map(({ at: _at, ...q }) => q),
    sections: sources.flatMap((index) => index.sections.filter((s) => !s.skip).map((s) => ({ id: s.id, noteFile: s.noteFile, heading: s.heading }))),
  };
}

/**
 * The questions in `dirs`, from the cache when it is current, else from `load` (the full
 * loader, which refuses banks with errors), whose result is then cached.
 */
export async function cachedBanks(
  dirs: readonly string[],
  env: NodeJS.ProcessEnv,
  load: () => Promise<{ questions: Question[]; sources: SourceIndex[] }>,
): Promise<BankData> {
  const files = watchedFiles(dirs);
  const key = fingerprint(files);
  const path = join(cacheDir(env), `banks-${fnv1a(dirs.map((d) => resolve(d)).join('\n')).toString(16).padStart(8, '0')}.json`);
  const cached = files.length ? readCache(path, key) : undefined;
  if (cached) return cached;
  const loaded = await load();
  const data = quizData(loaded.questions, loaded.sources);
  writeCache(path, key, data);
  return data;
}
