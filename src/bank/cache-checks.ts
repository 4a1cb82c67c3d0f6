import type { QuizQuestion, SectionRef } from './cache.js';
import { isStorableQuestion, KEBAB, SAP_DOMAINS, SOURCE } from './fields.js';
import { hasControlChars } from './text.js';
import type { Choice } from './types.js';

// What is read from the bank cache is checked against the same rules as the YAML before it
// is used: a cache can be edited like any file, and what it says is shown and stored.

/** One question's short fields, as the cache's head line holds them. */
export type Meta = [
  id: string,
  bank: string,
  topic: string,
  domain: QuizQuestion['domain'],
  type: QuizQuestion['type'],
  difficulty: number | null,
  source: string,
  sapDomain: QuizQuestion['sapDomain'] | null,
];
/** One question's texts, as a text line of the cache holds them. */
export type Texts = Pick<QuizQuestion, 'question' | 'choices' | 'explanation'>;

export function isMeta(m: unknown): m is Meta {
  if (!Array.isArray(m) || m.length !== 8) return false;
  const [id, bank, topic, domain, type, difficulty, source, sapDomain] = m as unknown[];
  return (
    isStorableQuestion({ id, bank, topic, domain, type }) &&
    (sapDomain === null || (SAP_DOMAINS as readonly unknown[]).includes(sapDomain)) &&
    (difficulty === null || (Number.isInteger(difficulty) && (difficulty as number) >= 1 && (difficulty as number) <= 3)) &&
    typeof source === 'string' &&
    SOURCE.test(source) &&
    !hasControlChars(source)
  );
}

const isText = (v: unknown): v is string => typeof v === 'string' && !hasControlChars(v);

export function isSection(s: unknown): s is SectionRef {
  if (s === null || typeof s !== 'object') return false;
  const { id, noteFile, heading, ...rest } = s as Record<string, unknown>;
  // Any further field (such as the note's title) is text shown to the learner: checked alike.
  return (
    typeof id === 'string' &&
    KEBAB.test(id) &&
    typeof noteFile === 'string' &&
    typeof heading === 'string' &&
    !hasControlChars(noteFile + heading) &&
    Object.values(rest).every((v) => v === undefined || isText(v))
  );
}

/** The texts of one question, as the bank rules allow them, or undefined. */
export function checkedTexts(value: unknown, type: QuizQuestion['type']): Texts | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { question, choices, explanation } = value as Record<string, unknown>;
  if (!isText(question) || (explanation !== undefined && !isText(explanation))) return undefined;
  if (!Array.isArray(choices) || choices.length < 3 || choices.length > 6) return undefined;
  for (const c of choices as unknown[]) {
    if (c === null || typeof c !== 'object') return undefined;
    const { text, correct, why } = c as Record<string, unknown>;
    if (!isText(text) || typeof correct !== 'boolean' || (why !== undefined && !isText(why))) return undefined;
  }
  const right = (choices as Choice[]).filter((c) => c.correct).length;
  if (type === 'single' ? right !== 1 : right < 2 || right === choices.length) return undefined;
  return { question, choices: choices as Choice[], ...(explanation !== undefined && { explanation }) };
}
