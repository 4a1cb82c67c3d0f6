import { Document, isMap, isSeq, parseDocument, type YAMLSeq } from 'yaml';
import { DOMAINS, TOPIC } from '../schema.js';
import { FormatError, type PortableQuestion } from './portable.js';

// What `aws-quiz import` writes: a bank file and the section its questions cite. Pure.

export interface BankDefaults {
  bank: string;
  /** The note the questions cite: the imported file's name. */
  noteFile: string;
  domain: string;
  topic: string;
}

const slug = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');

export const importedSection = (bank: string) => `imported-${bank}`;

/** Ids from the source's names where they have Latin letters or digits, else numbered; unique within the bank. */
export function questionIds(questions: readonly PortableQuestion[], bank: string): string[] {
  const taken = new Set<string>();
  return questions.map((q, i) => {
    const base = `${bank}-${(q.name && slug(q.name)) || String(i + 1)}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}

export function bankYaml(questions: readonly PortableQuestion[], d: BankDefaults, title: string, schemaRef: string): string {
  const ids = questionIds(questions, d.bank);
  const source = `${d.noteFile}#${importedSection(d.bank)}`;
  const doc = new Document({
    bank: d.bank,
    title,
    questions: questions.map((q, i) => {
      const domain = q.domain ?? d.domain;
      const topic = q.topic ?? d.topic;
      if (!(DOMAINS as readonly string[]).includes(domain)) throw new FormatError(`domain "${domain}" is not one of ${DOMAINS.join(', ')}`, q.line);
      if (!TOPIC.test(topic)) throw new FormatError(`topic "${topic}" is not kebab-case parts joined by /`, q.line);
      return {
        id: ids[i],
        topic,
        domain,
        type: q.type,
        question: q.question.endsWith('\n') ? q.question : `${q.question}\n`,
        choices: q.choices.map((c) => ({ text: c.text, ...(c.correct && { correct: true }), ...(c.why && { why: c.why }) })),
        ...(q.explanation && { explanation: q.explanation.endsWith('\n') ? q.explanation : `${q.explanation}\n` }),
        source,
      };
    }),
  });
  return `# yaml-language-server: $schema=${schemaRef}\n` + doc.toString({ lineWidth: 0 });
}

/** sources.yaml with a note entry for the imported file and one section for the bank, added once. */
export function sourcesWithImport(existing: string | undefined, d: BankDefaults): string {
  const doc = existing === undefined ? new Document({ notes: [] }) : parseDocument(existing);
  if (doc.errors.length) throw new Error(doc.errors[0]!.message);
  const root = doc.contents;
  if (!isMap(root) || !isSeq(root.get('notes'))) throw new Error('sources.yaml has no notes: list');
  const notes = root.get('notes') as YAMLSeq;
  let note = notes.items.find((n) => isMap(n) && n.get('file') === d.noteFile);
  if (!note) {
    note = doc.createNode({ file: d.noteFile, title: `Imported from ${d.noteFile}`, sections: [] });
    notes.add(note);
  }
  const sections = isMap(note) ? note.get('sections') : undefined;
  if (!isSeq(sections)) throw new Error(`the entry for ${d.noteFile} has no sections: list`);
  const id = importedSection(d.bank);
  if (!sections.items.some((s) => isMap(s) && s.get('id') === id)) sections.add(doc.createNode({ id, heading: `Questions imported into ${d.bank}` }));
  return doc.toString({ lineWidth: 0 });
}
