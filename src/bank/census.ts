import { readFileSync } from 'node:fs';
import { bankFiles } from './dirs.js';

// Counting questions does not need the YAML parser and the schema (about 100 ms to load
// between them): a bank written the usual way, as docs/bank-format.md shows, is read line by
// line for its name and each question's id, topic and source. Anything laid out otherwise
// (flow style, anchors, tabs, a key twice) makes the scan give up, and the caller falls back
// to the full loader, so an unusual file is never miscounted.

export interface CensusQuestion {
  id: string;
  bank: string;
  topic: string;
  source: string;
}

const KEY = /^([A-Za-z_][\w-]*):(?: +(.*))?$/;
// A plain scalar may hold '#' (sources do: note.txt#section), just not start with one.
const PLAIN = /^[^\s#'"&*!|>{}[\],%@`]\S*$/;
const SIMPLE = /^[\w./#-]+$/;

/** A scalar as a bank writes an id, topic or source; undefined for anything fancier. */
function scalar(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (SIMPLE.test(raw)) return raw;
  const value = raw.replace(/\s+#.*$/, '');
  const quoted = /^'([^']*)'$/.exec(value) ?? /^"([^"\\]*)"$/.exec(value);
  if (quoted) return quoted[1];
  return PLAIN.test(value) ? value : undefined;
}

/** What a question's id, topic and source lines said, as written. */
interface Item {
  id?: string | undefined;
  topic?: string | undefined;
  source?: string | undefined;
}

const WANTED = new Set(['id', 'topic', 'source']);

/** Pure: the bank's name and questions, or undefined when the file is not in the usual layout. */
export function scanBank(text: string): { bank: string; questions: CensusQuestion[] } | undefined {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let bank: string | undefined;
  let inQuestions = false;
  let sawQuestions = false;
  let dash = -1;
  let item: Item = {};
  const items: Item[] = [];

  /** Records an item's key line; false when it is not one, or repeats a key that counts. */
  const itemKey = (rest: string): boolean => {
    const m = KEY.exec(rest);
    if (!m) return false;
    const key = m[1]!;
    if (!WANTED.has(key)) return true;
    if ((item as Record<string, unknown>)[key] !== undefined) return false;
    (item as Record<string, string>)[key] = m[2] ?? '';
    return true;
  };

  /** One line no deeper than an item's keys; false when the layout is not the usual one. */
  const step = (indent: number, trimmed: string): boolean => {
    const c = trimmed.charCodeAt(0);
    if (trimmed === '' || c === 35 /* # */) return true;
    if (c === 9 || c === 37 /* % */ || trimmed === '---' || trimmed === '...') return false;

    if (inQuestions) {
      const isDash = c === 45 /* - */ && (trimmed.length === 1 || trimmed.charCodeAt(1) === 32);
      if (dash < 0) {
        if (!isDash) return false;
        dash = indent;
      }
      if (indent === dash && isDash) {
        item = {};
        items.push(item);
        const rest = trimmed.slice(1).trimStart();
        return !rest || itemKey(rest);
      }
      // Keys of the item sit two columns right of the dash.
      if (indent === dash + 2) return itemKey(trimmed);
      if (indent !== 0) return false;
      inQuestions = false;
    }

    if (indent !== 0) return false;
    const m = KEY.exec(trimmed);
    if (!m) return false;
    if (m[1] === 'bank') {
      if (bank !== undefined) return false;
      bank = scalar(m[2]);
      return bank !== undefined;
    }
    if (m[1] === 'questions') {
      if (sawQuestions) return false;
      sawQuestions = true;
      if (m[2] === '[]') return true;
      if (m[2] !== undefined) return false;
      inQuestions = true;
    }
    return true;
  };

  // Only lines no deeper than an item's keys matter; the regular expression skips the rest
  // (question text, choices) without a line of JavaScript running for them. It is anchored
  // on the newline, which the engine finds far faster than ^ under /m.
  const first = /^questions:[ \t]*\r?\n(?:[ \t]*(?:#.*)?\r?\n)*( *)-[ \r\n]/m.exec(src);
  const deepest = (first ? first[1]!.length : 0) + 2;
  const shallow = new RegExp(`\\n( {0,${deepest}})(?! )([^\\n]*)`, 'g');
  const head = /^( *)([^\n]*)/.exec(src)!;
  if (head[1]!.length <= deepest && !step(head[1]!.length, head[2]!.trimEnd())) return undefined;
  for (let line = shallow.exec(src); line; line = shallow.exec(src)) {
    if (!step(line[1]!.length, line[2]!.trimEnd())) return undefined;
  }

  if (bank === undefined || !sawQuestions) return undefined;
  const questions: CensusQuestion[] = [];
  for (const it of items) {
    const id = scalar(it.id);
    const topic = scalar(it.topic);
    const source = scalar(it.source);
    if (id === undefined || topic === undefined || source === undefined) return undefined;
    questions.push({ id, bank, topic, source });
  }
  return { bank, questions };
}

/** Outside ASCII: the file was read as Latin-1 and these bytes are really UTF-8. */
const NOT_ASCII = /[^\x00-\x7f]/;

function scanBytes(bytes: Buffer): { bank: string; questions: CensusQuestion[] } | undefined {
  // Latin-1 turns bytes into a string without decoding UTF-8, several times faster on
  // Japanese text; the lines this reads are ASCII in every bank seen so far. When one is not,
  // the file is read again properly.
  const fast = scanBank(bytes.toString('latin1'));
  if (fast && !fast.questions.some((q) => NOT_ASCII.test(q.id + q.topic + q.source)) && !NOT_ASCII.test(fast.bank)) return fast;
  return scanBank(bytes.toString('utf8'));
}

const readOrUndefined = (file: string): Buffer | undefined => {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
};

/**
 * The questions under `paths`, each id once; undefined as soon as one file is not in the
 * usual layout or cannot be read, so the caller can load the banks properly instead.
 * (Reading the files one by one, synchronously, is faster here than reading them in parallel.)
 */
export function censusBanks(paths: string[]): CensusQuestion[] | undefined {
  const seen = new Set<string>();
  const out: CensusQuestion[] = [];
  for (const file of bankFiles(paths)) {
    const bytes = readOrUndefined(file);
    const scanned = bytes && scanBytes(bytes);
    if (!scanned) return undefined;
    for (const q of scanned.questions) {
      if (seen.has(q.id)) continue;
      seen.add(q.id);
      out.push(q);
    }
  }
  return out;
}
