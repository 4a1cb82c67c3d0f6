import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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
  /** The note's title, shown to the learner instead of its file name; missing in caches written before it was kept. */
  noteTitle?: string;
}

export interface BankData {
  questions: QuizQuestion[];
  sections: SectionRef[];
}

const FORMAT = 4;

/** $XDG_CACHE_HOME/aws-quiz, else ~/.cache/aws-quiz. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'aws-quiz');
}

function stamp(file: string): string {
  try {
    const s = statSync(file);
    // The change time moves on every write and cannot be set back, so a rewrite of the same
    // size whose modification time was restored (touch -r, tar, rsync -t) still counts as a change.
    return `${file}\t${s.size}\t${s.mtimeMs}\t${s.ctimeMs}\t${s.ino}`;
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

// The file: one line of JSON with the key, the sections and every question's short fields,
// then one line of JSON per question with its texts, in the same order. The texts (nine
// tenths of the bytes) are decoded only for the questions a session actually shows, and
// statistics, which only count questions, read the first line alone.
type Meta = [id: string, bank: string, topic: string, domain: QuizQuestion['domain'], type: QuizQuestion['type'], difficulty: number | null, source: string];
type Texts = Pick<QuizQuestion, 'question' | 'choices' | 'explanation'>;
interface Head {
  key?: unknown;
  sections?: unknown;
  meta?: unknown;
}

/** A question without its texts: what counting and grouping questions needs. */
export type QuestionMeta = Pick<QuizQuestion, 'id' | 'bank' | 'topic' | 'domain' | 'type' | 'source'>;

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

function parseHead(text: string, key: string): { sections: SectionRef[]; meta: Meta[] } | undefined {
  const head = JSON.parse(text) as Head;
  if (head.key !== key || !Array.isArray(head.sections) || !Array.isArray(head.meta)) return undefined;
  return { sections: head.sections as SectionRef[], meta: head.meta as Meta[] };
}

export function readCache(path: string, key: string): BankData | undefined {
  try {
    const buf = readFileSync(path);
    let end = buf.indexOf(NEWLINE);
    const head = parseHead(buf.toString('utf8', 0, end), key);
    if (!head) return undefined;
    const questions: QuizQuestion[] = [];
    for (let start = end + 1; start < buf.length; start = end + 1) {
      end = buf.indexOf(NEWLINE, start);
      if (end < 0) end = buf.length;
      const meta = head.meta[questions.length];
      if (!meta) return undefined;
      questions.push(lazyQuestion(meta, buf.subarray(start, end)));
    }
    return questions.length === head.meta.length ? { questions, sections: head.sections } : undefined;
  } catch {
    return undefined;
  }
}

const asMeta = ([id, bank, topic, domain, type, , source]: Meta): QuestionMeta => ({ id, bank, topic, domain, type, source });

/** The short fields of every question from the cache's first line, without reading the texts. */
export function readCacheMeta(path: string, key: string): QuestionMeta[] | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.allocUnsafe(256 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return undefined;
      const nl = chunk.subarray(0, n).indexOf(NEWLINE);
      chunks.push(chunk.subarray(0, nl < 0 ? n : nl));
      if (nl >= 0) break;
    }
    return parseHead(Buffer.concat(chunks).toString('utf8'), key)?.meta.map(asMeta);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Best effort: a cache that cannot be written only costs speed. Written whole, then renamed into place. */
export function writeCache(path: string, key: string, data: BankData): void {
  const meta = data.questions.map((q): Meta => [q.id, q.bank, q.topic, q.domain, q.type, q.difficulty ?? null, q.source]);
  // JSON escapes newlines inside strings, so each line holds exactly one value.
  const lines = [JSON.stringify({ key, sections: data.sections, meta })];
  for (const q of data.questions) lines.push(JSON.stringify({ question: q.question, choices: q.choices, explanation: q.explanation } satisfies Texts));
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
    sections: sources.flatMap((index) => index.sections.filter((s) => !s.skip).map((s) => ({ id: s.id, noteFile: s.noteFile, heading: s.heading, noteTitle: s.noteTitle }))),
  };
}

/**
 * The questions in `dirs`, from the cache when it is current, else from `load` (the full
 * loader, which refuses banks with errors), whose result is then cached.
 */
type Loader = () => Promise<{ questions: Question[]; sources: SourceIndex[] }>;

function cacheFile(dirs: readonly string[], env: NodeJS.ProcessEnv): { path: string; key: string; watched: number } {
  const files = watchedFiles(dirs);
  const path = join(cacheDir(env), `banks-${fnv1a(dirs.map((d) => resolve(d)).join('\n')).toString(16).padStart(8, '0')}.json`);
  return { path, key: fingerprint(files), watched: files.length };
}

async function loadAndCache(path: string, key: string, load: Loader): Promise<BankData> {
  const loaded = await load();
  const data = quizData(loaded.questions, loaded.sources);
  writeCache(path, key, data);
  return data;
}

export async function cachedBanks(dirs: readonly string[], env: NodeJS.ProcessEnv, load: Loader): Promise<BankData> {
  const { path, key, watched } = cacheFile(dirs, env);
  return (watched ? readCache(path, key) : undefined) ?? loadAndCache(path, key, load);
}

/** The questions without their texts, for commands that only count and group them (stats, completion). */
export async function cachedQuestionMeta(dirs: readonly string[], env: NodeJS.ProcessEnv, load: Loader): Promise<QuestionMeta[]> {
  const { path, key, watched } = cacheFile(dirs, env);
  return (watched ? readCacheMeta(path, key) : undefined) ?? (await loadAndCache(path, key, load)).questions.map(({ id, bank, topic, domain, type, source }) => ({ id, bank, topic, domain, type, source }));
}
