import { createRequire } from 'node:module';
import { askable, FormatError, hasImage, htmlToText, type ParseResult, type PortableQuestion } from './portable.js';

// GIFT (Moodle's text format). Reading goes through gift-pegjs, a full grammar of the
// format; writing escapes the characters GIFT gives meaning to.

interface GiftChoice {
  isCorrect: boolean;
  weight: number | null;
  text: { text: string };
  feedback: { text: string } | null;
}
interface GiftQuestion {
  type: string;
  title: string | null;
  stem: { text: string };
  choices?: GiftChoice[];
  globalFeedback: { text: string } | null;
}

const require = createRequire(import.meta.url);

/** Line of each question: GIFT questions are separated by blank lines, so count them from the text. */
function startLines(text: string): number[] {
  const lines = text.split(/\r\n|\r|\n/);
  const starts: number[] = [];
  let inQuestion = false;
  lines.forEach((l, i) => {
    const content = l.trim() !== '' && !l.trim().startsWith('//') && !/^\$CATEGORY:/.test(l.trim());
    if (content && !inQuestion) starts.push(i + 1);
    inQuestion = l.trim() !== '' && (inQuestion || content);
  });
  return starts;
}

export function parseGift(text: string): ParseResult {
  const { parse } = require('gift-pegjs') as { parse: (t: string) => GiftQuestion[] };
  let parsed: GiftQuestion[];
  try {
    parsed = parse(text);
  } catch (err) {
    const loc = (err as { location?: { start: { line: number; column: number } } }).location?.start;
    throw new FormatError((err as Error).message, loc?.line ?? 1, loc?.column ?? 1);
  }
  const lines = startLines(text);
  const questions: PortableQuestion[] = [];
  const skipped: ParseResult['skipped'] = [];
  let n = 0;
  for (const g of parsed) {
    if (g.type === 'Category' || g.type === 'Description') continue;
    const line = lines[n++] ?? 1;
    const name = g.title ?? htmlToText(g.stem.text).slice(0, 40);
    if (g.type !== 'MC' || !g.choices) {
      skipped.push({ line, name, reason: 'kind' });
      continue;
    }
    if (hasImage(g.stem.text) || g.choices.some((c) => hasImage(c.text.text))) {
      skipped.push({ line, name, reason: 'image' });
      continue;
    }
    // Weighted answers (~%50%…) mark every choice with a positive weight as right.
    const choices = g.choices.map((c) => ({
      text: htmlToText(c.text.text),
      correct: c.weight !== null ? c.weight > 0 : c.isCorrect,
      ...(c.feedback?.text && { why: htmlToText(c.feedback.text) }),
    }));
    const base = { question: htmlToText(g.stem.text), choices, line, ...(g.title && { name: g.title }), ...(g.globalFeedback?.text && { explanation: htmlToText(g.globalFeedback.text) }) };
    const ok = askable(base);
    if ('skip' in ok) skipped.push({ line, name, reason: ok.skip });
    else questions.push({ ...base, type: ok.type });
  }
  return { questions, skipped };
}

/**
 * GIFT's texts are HTML (its default format): markup characters become entities, GIFT's own
 * special characters are escaped with a backslash, and new lines become \n.
 */
const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\~=#{}:])/g, '\\$1')
    .replace(/\r?\n/g, '\\n');

export function writeGift(questions: readonly (PortableQuestion & { name: string })[]): string {
  return questions
    .map((q) => {
      const right = q.choices.filter((c) => c.correct).length;
      const wrong = q.choices.length - right;
      const answers = q.choices.map((c) => {
        const why = c.why ? `#${esc(c.why)}` : '';
        if (q.type === 'single') return `  ${c.correct ? '=' : '~'}${esc(c.text)}${why}`;
        const weight = c.correct ? 100 / right : -100 / wrong;
        return `  ~%${Number(weight.toFixed(5))}%${esc(c.text)}${why}`;
      });
      const general = q.explanation ? [`  ####${esc(q.explanation)}`] : [];
      return [`::${esc(q.name)}:: ${esc(q.question)} {`, ...answers, ...general, '}'].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}
