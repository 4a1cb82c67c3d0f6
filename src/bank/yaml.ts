import jsYaml from 'js-yaml';
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Location, Problem } from './types.js';

/** Banks are small text files; anything this large is a mistake or an attack. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type Locate = (path: readonly PropertyKey[], key?: string) => Location;

export interface ParsedYaml {
  value: unknown;
  /** Position of the node at `path`, or of its nearest existing ancestor. */
  locate: Locate;
  problems: Problem[];
}

function problem(file: string, line: number, col: number, rule: string, params: Problem['params'] = {}): Problem {
  return { file, line, col, rule, severity: 'error', params };
}

// Two parsers, for speed: js-yaml reads a well-formed file several times faster than
// `yaml`, but only `yaml` keeps every node's position and reports every error. So a file
// is read with js-yaml, and handed to `yaml` when it fails, or lazily when a position is
// needed (a problem to report, a question's location).
const ANCHOR = /(^|[\s\[{,:-])[&*][^\s\]},]/m;

type Fast = { value: unknown } | { tooDeep: { line: number; col: number } } | undefined;

function fastLoad(text: string): Fast {
  // Aliases are expanded by anything that walks the value; leave them to `yaml`, which counts them.
  if (ANCHOR.test(text)) return undefined;
  try {
    return { value: jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false }) };
  } catch (err) {
    const mark = (err as { mark?: { line: number; column: number } }).mark;
    if (/maxDepth/.test(String((err as Error).message)) && mark) return { tooDeep: { line: mark.line + 1, col: mark.column + 1 } };
    return undefined;
  }
}

/** Parses YAML text without ever throwing: every failure becomes a located problem. */
export function parseYaml(source: string, file: string): ParsedYaml {
  if (source.includes('\0')) return failed(problem(file, 1, 1, 'binary-file'));
  // YAML counts a lone CR as a line break, as old Mac files have them; positions are
  // worked out on the text with every line break made LF, so they match what editors show.
  const text = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  const fast = fastLoad(text);
  if (fast && 'tooDeep' in fast) return failed(problem(file, fast.tooDeep.line, fast.tooDeep.col, 'nesting-too-deep'));
  if (fast) {
    let full: ParsedYaml | undefined;
    const locate: Locate = (path, key) => (full ??= fullParse(text, file)).locate(path, key);
    return withShape({ value: fast.value, locate, problems: [] }, file);
  }
  return withShape(fullParse(text, file), file);
}

/** Banks and section indexes are mappings: an empty file or a lone scalar or list is named as such. */
function withShape(parsed: ParsedYaml, file: string): ParsedYaml {
  if (parsed.problems.length) return parsed;
  if (parsed.value === null || parsed.value === undefined) return failed(problem(file, 1, 1, 'empty-file'));
  if (typeof parsed.value !== 'object' || Array.isArray(parsed.value)) return failed(problem(file, 1, 1, 'not-a-mapping'));
  return parsed;
}

function failed(p: Problem): ParsedYaml {
  return { value: undefined, locate: () => ({ file: p.file, line: p.line, col: p.col }), problems: [p] };
}

function fullParse(text: string, file: string): ParsedYaml {
  const lc = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  } catch (err) {
    // The parser recurses; absurd nesting overflows the stack.
    return failed(err instanceof RangeError ? problem(file, 1, 1, 'nesting-too-deep') : problem(file, 1, 1, 'yaml-syntax', { detail: String(err) }));
  }
  const at = (offset: number): Location => {
    const { line, col } = lc.linePos(offset);
    return { file, line, col };
  };
  const problems: Problem[] = [];
  for (const e of doc.errors) {
    const { line, col } = at(e.pos[0]);
    const rule = e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : e.code === 'MULTIPLE_DOCS' ? 'multiple-documents' : 'yaml-syntax';
    problems.push(problem(file, line, col, rule, { detail: firstLine(e.message) }));
  }
  if (problems.length) return { value: undefined, locate: () => ({ file, line: 1, col: 1 }), problems };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    if (err instanceof RangeError) return failed(problem(file, 1, 1, 'nesting-too-deep'));
    const detail = firstLine(String((err as Error).message ?? err));
    return failed(problem(file, 1, 1, /alias/i.test(detail) ? 'alias-bomb' : 'yaml-syntax', { detail }));
  }

  const locate: Locate = (path, key) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (!isNode(node)) continue;
      if (key !== undefined && n === path.length && isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
        if (pair && isNode(pair.key) && pair.key.range) return at(pair.key.range[0]);
      }
      if (node.range) return at(node.range[0]);
    }
    return { file, line: 1, col: 1 };
  };
  return { value, locate, problems };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}
