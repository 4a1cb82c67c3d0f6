import type { core, ZodType } from 'zod';
import type { Problem } from './types.js';
import type { ParsedYaml } from './yaml.js';

/** Turns schema issues into located problems with a rule name per kind of mistake. */
export function schemaProblems(
  schema: ZodType,
  parsed: ParsedYaml,
  file: string,
  prefix: PropertyKey[] = [],
): { ok: boolean; problems: Problem[] } {
  const result = schema.safeParse(getAt(parsed.value, prefix));
  if (result.success) return { ok: true, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) problems.push(...issueToProblems(issue, [...prefix, ...issue.path], parsed, file));
  return { ok: false, problems };
}

function issueToProblems(issue: core.$ZodIssue, path: PropertyKey[], parsed: ParsedYaml, file: string): Problem[] {
  const where = pathLabel(path);
  const base = (rule: string, params: Problem['params'], key?: string, at = path): Problem => ({
    ...parsed.locate(at, key),
    file,
    rule,
    severity: 'error',
    params,
  });
  // Params stay language-neutral (an empty `where` is the top level); the UI words them.
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => base('unknown-field', { field: k, where }, k));
  const parent = getAt(parsed.value, path.slice(0, -1));
  const last = path[path.length - 1];
  if (parent !== null && typeof parent === 'object' && last !== undefined && !(String(last) in (parent as object))) {
    return [base('missing-field', { field: String(last), where: pathLabel(path.slice(0, -1)) }, undefined, path.slice(0, -1))];
  }
  switch (issue.code) {
    case 'invalid_type':
      return [base('wrong-type', { field: where, expected: String(issue.expected) })];
    case 'invalid_value':
      return [base('bad-value', { field: where, values: issue.values.map(String).join(' | ') })];
    case 'invalid_format':
      return [base('bad-value', { field: where, expected: issue.message })];
    case 'too_small':
      return [base('bad-value', { field: where, min: Number(issue.minimum) })];
    case 'too_big':
      return [base('bad-value', { field: where, max: Number(issue.maximum) })];
    default:
      return [base('bad-value', { field: where, expected: issue.message })];
  }
}

function getAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

export function pathLabel(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}
