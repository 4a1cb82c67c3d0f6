import { crc32 } from 'node:zlib';
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkedTexts, isMeta, isSection, type Meta, type Texts } from './cache-checks.js';
import { privateCacheDir, readPrivateFile, writePrivateFile } from './private-dir.js';
import type { Question, SourceIndex } from './types.js';
import { UserError } from '../errors.js';
import { fnv1a } from '../hash.js';
import { t } from '../i18n/i18n.js';

export { cacheDir } from './private-dir.js';

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

const FORMAT = 7;


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
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      // The loader reports the folder; until it can be read, no cache of it is current.
      out.push(join(dir, '\0unreadable'));
      return;
    }
    for (const entry of entries) {
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
      // A single bank file resolves its sources in the sources.yaml beside it.
      else out.push(full, join(dirname(full), 'sources.yaml'));
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

// The file: a line with two digests, one line of JSON with the key, the sections and every
// question's short fields, then one line of JSON per question with its texts, in the same
// order. The texts (nine tenths of the bytes) are decoded only for the questions a session
// actually shows, and statistics, which only count questions, read the first two lines alone.
//
// The cache is never trusted for content. It lives in a directory only its user can enter,
// a file that another user owns or could write is ignored, the digests catch a file edited or
// cut short (which then falls back to the YAML), and every value is checked against the same
// rules as the YAML before it is used: the short fields on reading, the texts when decoded.
interface Head {
  key?: unknown;
  sections?: unknown;
  meta?: unknown;
}

/** A question without its texts: what counting and grouping questions needs. */
export type QuestionMeta = Pick<QuizQuestion, 'id' | 'bank' | 'topic' | 'domain' | 'type' | 'source'>;

const NEWLINE = 10;

/** Far more than the banks' own limit per file allows for any real set of banks. */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

/** A cache whose decoded texts break the bank rules: removed, so that the next run reads the YAML. */
export class DamagedCacheError extends UserError {}

/**
 * A checksum that catches a file edited or cut short. It guards against accidents, not
 * attackers: a file only its user can write is the guard against those, and every value is
 * checked against the bank rules anyway. CRC-32 from zlib, because loading node:crypto for
 * sha256 cost more start-up time than the whole check.
 */
function digest(bytes: Uint8Array): string {
  return crc32(bytes).toString(16).padStart(8, '0');
}

function lazyQuestion(meta: Meta, texts: Buffer, damaged: () => never): QuizQuestion {
  const [id, bank, topic, domain, type, difficulty, source, sapDomain] = meta;
  let parsed: Texts | undefined;
  const read = (): Texts => {
    if (parsed) return parsed;
    let value: unknown;
    try {
      value = JSON.parse(texts.toString('utf8'));
    } catch {
      return damaged();
    }
    return (parsed = checkedTexts(value, type) ?? damaged());
  };
  const q = { id, bank, topic, domain, ...(sapDomain && { sapDomain }), type, source, ...(difficulty !== null && { difficulty }) } as QuizQuestion;
  Object.defineProperties(q, {
    question: { enumerable: true, get: () => read().question },
    choices: { enumerable: true, get: () => read().choices },
    explanation: { enumerable: true, get: () => read().explanation },
  });
  return q;
}

function parseHead(text: string, key: string): { sections: SectionRef[]; meta: Meta[] } | undefined {
  const head = JSON.parse(text) as Head;
  if (head === null || typeof head !== 'object' || head.key !== key || !Array.isArray(head.sections) || !Array.isArray(head.meta)) return undefined;
  if (!head.sections.every(isSection) || !head.meta.every(isMeta)) return undefined;
  return { sections: head.sections, meta: head.meta };
}


/** The digests line and the head line, split off the rest; undefined when the head is not intact. */
function splitHead(buf: Buffer): { texts: string; head: string; rest: number } | undefined {
  const first = buf.indexOf(NEWLINE);
  const second = first < 0 ? -1 : buf.indexOf(NEWLINE, first + 1);
  if (second < 0) return undefined;
  const [headSum, texts] = buf.toString('latin1', 0, first).split(' ');
  if (!headSum || texts === undefined || digest(buf.subarray(first + 1, second)) !== headSum) return undefined;
  return { texts, head: buf.toString('utf8', first + 1, second), rest: second + 1 };
}

export function readCache(path: string, key: string): BankData | undefined {
  try {
    const buf = readPrivateFile(path, MAX_CACHE_BYTES);
    if (!buf) return undefined;
    const parts = splitHead(buf);
    if (!parts || digest(buf.subarray(parts.rest)) !== parts.texts) return undefined;
    const head = parseHead(parts.head, key);
    if (!head) return undefined;
    const damaged = (): never => {
      removeQuietly(path);
      throw new DamagedCacheError(t('error.cacheDamaged'));
    };
    const questions: QuizQuestion[] = [];
    for (let start = parts.rest, end = start; start < buf.length; start = end + 1) {
      end = buf.indexOf(NEWLINE, start);
      if (end < 0) end = buf.length;
      const meta = head.meta[questions.length];
      if (!meta) return undefined;
      questions.push(lazyQuestion(meta, buf.subarray(start, end), damaged));
    }
    return questions.length === head.meta.length ? { questions, sections: head.sections } : undefined;
  } catch {
    return undefined;
  }
}

const asMeta = ([id, bank, topic, domain, type, , source]: Meta): QuestionMeta => ({ id, bank, topic, domain, type, source });

/** The short fields of every question from the cache's head, without decoding the texts. */
export function readCacheMeta(path: string, key: string): QuestionMeta[] | undefined {
  try {
    // The digests and the head are the first two lines: the texts are not read at all.
    const buf = readPrivateFile(path, MAX_CACHE_BYTES, 2);
    const parts = buf && splitHead(buf);
    return parts ? parseHead(parts.head, key)?.meta.map(asMeta) : undefined;
  } catch {
    return undefined;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone, or not ours to remove
  }
}

/** Best effort, whole or not at all (see writePrivateFile). */
export function writeCache(path: string, key: string, data: BankData): void {
  const meta = data.questions.map((q): Meta => [q.id, q.bank, q.topic, q.domain, q.type, q.difficulty ?? null, q.source, q.sapDomain ?? null]);
  // JSON escapes newlines inside strings, so each line holds exactly one value.
  const head = Buffer.from(JSON.stringify({ key, sections: data.sections, meta }));
  const texts = Buffer.from(data.questions.map((q) => JSON.stringify({ question: q.question, choices: q.choices, explanation: q.explanation } satisfies Texts) + '\n').join(''));
  writePrivateFile(path, [`${digest(head)} ${digest(texts)}\n`, head, '\n', texts]);
}

/** What a quiz keeps of the loader's output. */
export function quizData(questions: readonly Question[], sources: readonly SourceIndex[]): BankData {
  return {
    // Named fields only: a rest spread would read `at`, whose lazy positions cost a second,
    // full parse of every bank file (most of the time of a first run on large banks).
    questions: questions.map(({ id, bank, topic, domain, sapDomain, type, difficulty, question, choices, explanation, source }) => ({
      id,
      bank,
      topic,
      domain,
      ...(sapDomain !== undefined && { sapDomain }),
      type,
      ...(difficulty !== undefined && { difficulty }),
      question,
      choices,
      ...(explanation !== undefined && { explanation }),
      source,
    })),
    sections: sources.flatMap((index) => index.sections.filter((s) => !s.skip).map((s) => ({ id: s.id, noteFile: s.noteFile, heading: s.heading, noteTitle: s.noteTitle }))),
  };
}

/**
 * The questions in `dirs`, from the cache when it is current, else from `load` (the full
 * loader, which refuses banks with errors), whose result is then cached.
 */
type Loader = () => Promise<{ questions: Question[]; sources: SourceIndex[] }>;

/** Where the cache of `dirs` is, and the key it must carry; no path when there is no private cache directory. */
function cacheFile(dirs: readonly string[], env: NodeJS.ProcessEnv): { path?: string; key: string } {
  const files = watchedFiles(dirs);
  const dir = files.length ? privateCacheDir(env) : undefined;
  const key = fingerprint(files);
  if (!dir) return { key };
  return { path: join(dir, `banks-${fnv1a(dirs.map((d) => resolve(d)).join('\n')).toString(16).padStart(8, '0')}.json`), key };
}

async function loadAndCache(path: string | undefined, key: string, load: Loader): Promise<BankData> {
  const loaded = await load();
  const data = quizData(loaded.questions, loaded.sources);
  if (path) writeCache(path, key, data);
  return data;
}

export async function cachedBanks(dirs: readonly string[], env: NodeJS.ProcessEnv, load: Loader): Promise<BankData> {
  const { path, key } = cacheFile(dirs, env);
  return (path ? readCache(path, key) : undefined) ?? loadAndCache(path, key, load);
}

/** The questions without their texts, for commands that only count and group them (stats, completion). */
export async function cachedQuestionMeta(dirs: readonly string[], env: NodeJS.ProcessEnv, load: Loader): Promise<QuestionMeta[]> {
  const { path, key } = cacheFile(dirs, env);
  return (path ? readCacheMeta(path, key) : undefined) ?? (await loadAndCache(path, key, load)).questions.map(({ id, bank, topic, domain, type, source }) => ({ id, bank, topic, domain, type, source }));
}
