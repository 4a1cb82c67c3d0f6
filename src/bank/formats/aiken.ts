import { askable, FormatError, LETTERS, type ParseResult, type PortableQuestion } from './portable.js';

// Aiken: a question line, lettered choices ("A." or "A)"), then "ANSWER: X". It carries
// single-answer questions only, with no feedback.

const CHOICE = /^([A-Z])[.)]\s+(.*)$/;
const ANSWER = /^ANSWER:\s*([A-Z])\s*$/;

export function parseAiken(text: string): ParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const questions: PortableQuestion[] = [];
  const skipped: ParseResult['skipped'] = [];
  let i = 0;
  while (i < lines.length) {
    if (!lines[i]!.trim()) {
      i++;
      continue;
    }
    const start = i + 1;
    const stem: string[] = [];
    while (i < lines.length && lines[i]!.trim() && !CHOICE.test(lines[i]!.trim())) stem.push(lines[i++]!.trim());
    const choices: { letter: string; text: string }[] = [];
    while (i < lines.length && CHOICE.test(lines[i]!.trim())) {
      const m = CHOICE.exec(lines[i]!.trim())!;
      if (m[1] !== String.fromCharCode(65 + choices.length)) throw new FormatError(`choice ${m[1]} out of order (expected ${String.fromCharCode(65 + choices.length)})`, i + 1);
      choices.push({ letter: m[1]!, text: m[2]!.trim() });
      i++;
    }
    const answerLine = lines[i]?.trim() ?? '';
    const answer = ANSWER.exec(answerLine);
    if (!stem.length) throw new FormatError('a choice without a question before it', start);
    if (!choices.length) throw new FormatError('a question with no lettered choices', i + 1);
    if (!answer) throw new FormatError(`expected "ANSWER: X" after the choices, found "${answerLine.slice(0, 40)}"`, i + 1);
    if (!choices.some((c) => c.letter === answer[1])) throw new FormatError(`ANSWER: ${answer[1]} names no choice`, i + 1);
    i++;
    const base = { question: stem.join('\n'), choices: choices.map((c) => ({ text: c.text, correct: c.letter === answer[1] })), line: start };
    const ok = askable(base);
    if ('skip' in ok) skipped.push({ line: start, name: base.question.slice(0, 40), reason: ok.skip });
    else questions.push({ ...base, type: ok.type });
  }
  return { questions, skipped };
}

/** Single-answer questions only: the others are counted by the caller as left out. Line breaks inside a field are folded, as Aiken has one line per field. */
export function writeAiken(questions: readonly PortableQuestion[]): string {
  const line = (s: string) => s.replace(/\s*\r?\n\s*/g, ' ').trim();
  return questions
    .filter((q) => q.type === 'single')
    .map((q) => [line(q.question), ...q.choices.map((c, i) => `${LETTERS[i]}. ${line(c.text)}`), `ANSWER: ${LETTERS[q.choices.findIndex((c) => c.correct)]}`].join('\n'))
    .join('\n\n')
    .concat('\n');
}
