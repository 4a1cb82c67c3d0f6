import { createRequire } from 'node:module';
import { askable, escapeHtml, FormatError, hasImage, htmlToText, type ParseResult, type PortableQuestion } from './portable.js';

// Moodle XML: <quiz><question type="multichoice">…</question></quiz>. fast-xml-parser reads
// and validates it (with line numbers); texts are HTML inside, turned into plain text.

const require = createRequire(import.meta.url);
type Text = { text?: unknown; format?: string } | undefined;
interface XmlQuestion {
  type?: string;
  name?: Text;
  questiontext?: Text;
  generalfeedback?: Text;
  single?: unknown;
  answer?: { fraction?: string; text?: unknown; feedback?: Text }[];
}

const str = (t: Text | unknown): string => {
  const v = typeof t === 'object' && t !== null && 'text' in t ? (t as { text: unknown }).text : t;
  return v === undefined || v === null ? '' : String(v);
};

/** Where each <question> starts, for messages. */
function questionLines(text: string): number[] {
  const out: number[] = [];
  const re = /<question\b/g;
  for (let m; (m = re.exec(text)); ) out.push(text.slice(0, m.index).split(/\r\n|\r|\n/).length);
  return out;
}

export function parseMoodle(text: string): ParseResult {
  const { XMLParser, XMLValidator } = require('fast-xml-parser') as typeof import('fast-xml-parser');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new FormatError(valid.err.msg, valid.err.line, valid.err.col);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, trimValues: false, isArray: (n) => n === 'question' || n === 'answer' }).parse(text) as { quiz?: { question?: XmlQuestion[] } };
  if (!doc.quiz) throw new FormatError('not Moodle XML: no <quiz> element', 1);
  const lines = questionLines(text);
  const questions: PortableQuestion[] = [];
  const skipped: ParseResult['skipped'] = [];
  (doc.quiz.question ?? []).forEach((q, i) => {
    const line = lines[i] ?? 1;
    if (q.type === 'category') return;
    const name = str(q.name).trim() || htmlToText(str(q.questiontext)).slice(0, 40);
    if (q.type !== 'multichoice') return skipped.push({ line, name, reason: 'kind' });
    const answers = q.answer ?? [];
    if (hasImage(str(q.questiontext)) || answers.some((a) => hasImage(str(a.text)))) return skipped.push({ line, name, reason: 'image' });
    const choices = answers.map((a) => ({ text: htmlToText(str(a.text)), correct: Number(a.fraction ?? 0) > 0, ...(str(a.feedback).trim() && { why: htmlToText(str(a.feedback)) }) }));
    const explanation = htmlToText(str(q.generalfeedback));
    const base = { question: htmlToText(str(q.questiontext)), choices, line, ...(str(q.name).trim() && { name: str(q.name).trim() }), ...(explanation && { explanation }) };
    const ok = askable(base);
    if ('skip' in ok) return skipped.push({ line, name, reason: ok.skip });
    questions.push({ ...base, type: ok.type });
  });
  return { questions, skipped };
}

const cdata = (html: string) => `<![CDATA[${html.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const html = (text: string) => cdata(text.split(/\r?\n/).map(escapeHtml).join('<br>'));

export function writeMoodle(questions: readonly (PortableQuestion & { name: string })[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  for (const q of questions) {
    const right = q.choices.filter((c) => c.correct).length;
    const wrong = q.choices.length - right;
    out.push(
      '  <question type="multichoice">',
      `    <name><text>${escapeHtml(q.name)}</text></name>`,
      `    <questiontext format="html"><text>${html(q.question)}</text></questiontext>`,
      `    <generalfeedback format="html"><text>${html(q.explanation ?? '')}</text></generalfeedback>`,
      `    <single>${q.type === 'single'}</single>`,
      '    <shuffleanswers>true</shuffleanswers>',
      '    <answernumbering>ABCD</answernumbering>',
    );
    for (const c of q.choices) {
      const fraction = c.correct ? 100 / right : q.type === 'single' ? 0 : -100 / wrong;
      out.push(
        `    <answer fraction="${Number(fraction.toFixed(5))}" format="html">`,
        `      <text>${html(c.text)}</text>`,
        `      <feedback format="html"><text>${html(c.why ?? '')}</text></feedback>`,
        '    </answer>',
      );
    }
    out.push('  </question>');
  }
  out.push('</quiz>', '');
  return out.join('\n');
}
