// The shape every import and export format is read into and written from. Pure.

export interface PortableChoice {
  text: string;
  correct: boolean;
  why?: string;
}

export interface PortableQuestion {
  /** The source's own name for the question, when it has one (GIFT title, Moodle name, CSV id). */
  name?: string;
  question: string;
  type: 'single' | 'multiple';
  choices: PortableChoice[];
  explanation?: string;
  topic?: string;
  domain?: string;
  /** 1-based line in the source file where the question starts, for messages. */
  line: number;
}

/** A question the target format cannot hold, or the source held in a form aws-quiz cannot ask. */
export interface Skipped {
  line: number;
  name: string;
  reason: SkipReason;
}

export type SkipReason = 'kind' | 'image' | 'choices' | 'no-correct' | 'multiple';

export interface ParseResult {
  questions: PortableQuestion[];
  skipped: Skipped[];
}

/** A problem in the source that stops it being read, with its place. */
export class FormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col = 1,
  ) {
    super(message);
    this.name = 'FormatError';
  }
}

export const MIN_CHOICES = 3;
export const MAX_CHOICES = 6;

/** Checks what aws-quiz can ask: 3 to 6 choices, one right (single) or two or more with a wrong one (multiple). */
export function askable(q: Omit<PortableQuestion, 'type'>): { type: 'single' | 'multiple' } | { skip: SkipReason } {
  if (q.choices.length < MIN_CHOICES || q.choices.length > MAX_CHOICES) return { skip: 'choices' };
  const right = q.choices.filter((c) => c.correct).length;
  if (right === 0 || right === q.choices.length) return { skip: 'no-correct' };
  return { type: right === 1 ? 'single' : 'multiple' };
}

/** HTML as question texts come from Moodle and GIFT: paragraphs and breaks become new lines, tags go, entities are read. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
      const lower = e.toLowerCase();
      if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[lower]!;
    })
    .trim();
}

export const hasImage = (html: string) => /<img\b|@@PLUGINFILE@@|\[\[image/i.test(html);

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const LETTERS = 'ABCDEF';
