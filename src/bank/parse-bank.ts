import { bankShellSchema, questionSchema, type RawBank, type RawQuestion } from './schema.js';
import { hasControlChars, sanitizeText } from './text.js';
import type { Bank, Problem, Question } from './types.js';
import { schemaProblems } from './validate.js';
import { parseYaml } from './yaml.js';

export interface ParsedBank {
  bank?: Bank;
  problems: Problem[];
  /** Questions the schema refused: left out of the bank, still counted by lint. */
  rejected?: number;
}

type Loose<T> = { [K in keyof T]?: unknown };
type Report = (path: PropertyKey[], rule: string, params?: Problem['params'], severity?: Problem['severity']) => void;

/** The checks beyond the schema, on whichever fields have the right type. */
function contentChecks(q: Loose<RawQuestion>, qp: PropertyKey[], report: Report, checkText: (path: PropertyKey[], text: unknown) => void): void {
  const id = typeof q.id === 'string' ? q.id : qp.join('.');
  checkText([...qp, 'question'], q.question);
  checkText([...qp, 'explanation'], q.explanation);
  checkText([...qp, 'source'], q.source);
  if (typeof q.question === 'string' && !q.question.trim()) report([...qp, 'question'], 'empty-text', { id, field: 'question' });
  if (q.explanation === undefined || (typeof q.explanation === 'string' && !q.explanation.trim())) report(qp, 'missing-explanation', { id }, 'warning');
  if (!Array.isArray(q.choices)) return;
  const choices = q.choices as unknown[];
  const n = choices.length;
  if (n < 3 || n > 6) report([...qp, 'choices'], 'choice-count', { id, count: n });
  const seen = new Map<string, number>();
  choices.forEach((raw, j) => {
    if (raw === null || typeof raw !== 'object') return;
    const c = raw as Loose<RawQuestion['choices'][number]>;
    const cp = [...qp, 'choices', j];
    checkText([...cp, 'text'], c.text);
    checkText([...cp, 'why'], c.why);
    if (typeof c.text !== 'string') return;
    // Compared as shown: invisible characters make no difference to the learner.
    const key = sanitizeText(c.text).trim();
    if (!key) report([...cp, 'text'], 'empty-text', { id, field: `choices[${j}].text` });
    else if (seen.has(key)) report([...cp, 'text'], 'duplicate-choice', { id, first: seen.get(key)! + 1, second: j + 1 });
    else seen.set(key, j);
  });
  const correct = choices.filter((c) => c !== null && typeof c === 'object' && (c as { correct?: unknown }).correct === true).length;
  if (q.type === 'single' && correct !== 1) report([...qp, 'choices'], 'correct-count', { id, type: 'single', correct });
  if (q.type === 'multiple' && (correct < 2 || correct === n)) report([...qp, 'choices'], 'correct-count', { id, type: 'multiple', correct });
}

/** Pure: one bank file's text in, a validated bank with source positions and its problems out. */
export function parseBank(text: string, file: string): ParsedBank {
  const parsed = parseYaml(text, file);
  if (parsed.problems.length) return { problems: parsed.problems };
  const shell = schemaProblems(bankShellSchema, parsed, file);
  if (!shell.ok) return { problems: shell.problems };

  const raw = parsed.value as RawBank;
  const problems: Problem[] = [];
  const report = (path: PropertyKey[], rule: string, params: Problem['params'] = {}, severity: Problem['severity'] = 'error') =>
    problems.push({ ...parsed.locate(path), rule, severity, params });
  const checkText = (path: PropertyKey[], text: unknown) => {
    if (typeof text === 'string' && hasControlChars(text)) report(path, 'control-chars', { field: path.join('.') });
  };
  checkText(['title'], raw.title);

  // Every question gets every check its well-typed fields allow, whether or not the schema
  // accepted it: one wrong field does not hide the others' mistakes.
  const valid: [RawQuestion, number][] = [];
  let rejected = 0;
  raw.questions.forEach((q, i) => {
    const checked = schemaProblems(questionSchema, parsed, file, ['questions', i]);
    problems.push(...checked.problems);
    if (q !== null && typeof q === 'object') contentChecks(q as Loose<RawQuestion>, ['questions', i], report, checkText);
    if (checked.ok) valid.push([q, i]);
    else rejected++;
  });

  const questions: Question[] = valid.map(([q, i]) => {
    const qp = ['questions', i];
    const question: Question = {
      id: q.id,
      bank: raw.bank,
      topic: q.topic,
      domain: q.domain,
      ...(q.sap_domain !== undefined && { sapDomain: q.sap_domain }),
      type: q.type,
      question: sanitizeText(q.question).trimEnd(),
      choices: q.choices.map((c) => ({
        text: sanitizeText(c.text).trim(),
        correct: c.correct === true,
        ...(c.why !== undefined && { why: sanitizeText(c.why).trim() }),
      })),
      source: sanitizeText(q.source),
      // Positions are worked out only when asked for: most runs never need them.
      get at() {
        const value = {
          question: parsed.locate(qp),
          id: parsed.locate([...qp, 'id']),
          source: parsed.locate([...qp, 'source']),
          text: parsed.locate([...qp, 'question']),
          topic: parsed.locate([...qp, 'topic']),
          choices: q.choices.map((c, j) => ({
            text: parsed.locate([...qp, 'choices', j, 'text']),
            ...(c.why !== undefined && { why: parsed.locate([...qp, 'choices', j, 'why']) }),
          })),
          ...(q.explanation !== undefined && { explanation: parsed.locate([...qp, 'explanation']) }),
        };
        Object.defineProperty(this, 'at', { value, enumerable: false });
        return value;
      },
    };
    if (q.difficulty !== undefined) question.difficulty = q.difficulty;
    if (q.explanation !== undefined) question.explanation = sanitizeText(q.explanation).trimEnd();
    return question;
  });

  return {
    rejected,
    bank: {
      name: raw.bank,
      title: sanitizeText(raw.title),
      file,
      get at() {
        return parsed.locate(['bank']);
      },
      questions,
    },
    problems,
  };
}
