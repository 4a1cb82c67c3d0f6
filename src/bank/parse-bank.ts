import { bankShellSchema, questionSchema, type RawBank, type RawQuestion } from './schema.js';
import { hasControlChars, sanitizeText } from './text.js';
import type { Bank, Problem, Question } from './types.js';
import { schemaProblems } from './validate.js';
import { parseYaml } from './yaml.js';

export interface ParsedBank {
  bank?: Bank;
  problems: Problem[];
}

/** Pure: one bank file's text in, a validated bank with source positions and its problems out. */
export function parseBank(text: string, file: string): ParsedBank {
  const parsed = parseYaml(text, file);
  if (parsed.problems.length) return { problems: parsed.problems };
  const shell = schemaProblems(bankShellSchema, parsed, file);
  if (!shell.ok) return { problems: shell.problems };

  const raw = parsed.value as RawBank;
  const problems: Problem[] = [];
  const valid: [RawQuestion, number][] = [];
  raw.questions.forEach((q, i) => {
    const checked = schemaProblems(questionSchema, parsed, file, ['questions', i]);
    problems.push(...checked.problems);
    if (checked.ok) valid.push([q, i]);
  });
  const report = (path: PropertyKey[], rule: string, params: Problem['params'] = {}, severity: Problem['severity'] = 'error') =>
    problems.push({ ...parsed.locate(path), rule, severity, params });

  const checkText = (path: PropertyKey[], text: string) => {
    if (hasControlChars(text)) report(path, 'control-chars', { field: path.join('.') });
  };
  checkText(['title'], raw.title);

  const questions: Question[] = valid.map(([q, i]) => {
    const qp = ['questions', i];
    for (const field of ['question', 'explanation'] as const) {
      const v = q[field];
      if (v !== undefined) checkText([...qp, field], v);
    }
    checkText([...qp, 'source'], q.source);
    if (!q.question.trim()) report([...qp, 'question'], 'empty-text', { id: q.id, field: 'question' });
    if (q.explanation === undefined || !q.explanation.trim()) report(qp, 'missing-explanation', { id: q.id }, 'warning');

    const n = q.choices.length;
    if (n < 3 || n > 6) report([...qp, 'choices'], 'choice-count', { id: q.id, count: n });
    const seen = new Map<string, number>();
    q.choices.forEach((c, j) => {
      const cp = [...qp, 'choices', j];
      checkText([...cp, 'text'], c.text);
      if (c.why !== undefined) checkText([...cp, 'why'], c.why);
      const key = c.text.trim();
      if (!key) report([...cp, 'text'], 'empty-text', { id: q.id, field: `choices[${j}].text` });
      else if (seen.has(key)) report([...cp, 'text'], 'duplicate-choice', { id: q.id, first: seen.get(key)! + 1, second: j + 1 });
      else seen.set(key, j);
    });
    const correct = q.choices.filter((c) => c.correct === true).length;
    if (q.type === 'single' && correct !== 1) report([...qp, 'choices'], 'correct-count', { id: q.id, type: 'single', correct });
    if (q.type === 'multiple' && (correct < 2 || correct === n)) report([...qp, 'choices'], 'correct-count', { id: q.id, type: 'multiple', correct });

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
