import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Location, Problem } from './types.js';

/** Banks are small text files; anything this large is a mistake or an attack. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ParsedYaml {
  value: unknown;
  /** Position of the node at `path`, or of its nearest existing ancestor. */
  locate(path: readonly PropertyKey[], key?: string): Location;
  problems: Problem[];
}

function problem(file: string, line: number, col: number, rule: string, params: Problem['params'] = {}): Problem {
  return { file, line, col, rule, severity: 'error', params };
}

/** Parses YAML text without ever throwing: every failure becomes a located problem. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lc = new LineCounter();
  const failed = (p: Problem): ParsedYaml => ({ value: undefined, locate: () => ({ file, line: p.line, col: p.col }), problems: [p] });
  if (text.includes('\0')) return failed(problem(file, 1, 1, 'binary-file'));

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  } catch (err) {
    // The parser recurses; absurd nesting overflows the stack.
    return failed(problem(file, 1, 1, 'yaml-syntax', { detail: err instanceof RangeError ? 'nesting too deep' : String(err) }));
  }
  const at = (offset: number): Location => {
    const { line, col } = lc.linePos(offset);
    return { file, line, col };
  };
  const problems: Problem[] = [];
  for (const e of doc.errors) {
    const { line, col } = at(e.pos[0]);
    problems.push(problem(file, line, col, e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax', { detail: firstLine(e.message) }));
  }
  if (problems.length) return { value: undefined, locate: () => ({ file, line: 1, col: 1 }), problems };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    const detail = err instanceof RangeError ? 'nesting too deep' : firstLine(String((err as Error).message ?? err));
    return failed(problem(file, 1, 1, /alias/i.test(detail) ? 'alias-bomb' : 'yaml-syntax', { detail }));
  }

  const locate = (path: readonly PropertyKey[], key?: string): Location => {
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
