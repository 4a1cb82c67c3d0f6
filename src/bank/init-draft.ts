import { Document, isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { asciiSlug, draftSections, headingsMatch, sectionIds, type DraftSection } from './note-sections.js';

// What `aws-quiz init` writes, as text: pure, so the command only reads notes and writes files.

export interface NoteInput {
  /** The note's file name as banks cite it (`source: <file>#<section>`). */
  file: string;
  text: string;
}

export interface DraftedNote {
  file: string;
  title: string;
  sections: (DraftSection & { id: string })[];
}

const squashSpace = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The note's title: its first Markdown heading, else its first line, shortened. */
export function noteTitle(note: NoteInput): string {
  const lines = note.text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const heading = lines.find((l) => /^#\s+\S/.test(l));
  const first = heading?.replace(/^#\s+/, '') ?? lines.find((l) => l.trim()) ?? note.file;
  const title = squashSpace(first);
  return title.length > 80 ? `${title.slice(0, 79)}…` : title;
}

export function draftNotes(notes: readonly NoteInput[], taken = new Set<string>()): DraftedNote[] {
  return notes.map((note) => {
    const sections = draftSections(note.text);
    const ids = sectionIds(sections, note.file, taken);
    return { file: note.file, title: noteTitle(note), sections: sections.map((s, i) => ({ ...s, id: ids[i]! })) };
  });
}

export function sourcesYaml(notes: readonly DraftedNote[]): string {
  const doc = new Document({
    notes: notes.map((n) => ({
      file: n.file,
      title: n.title,
      sections: n.sections.map((s) => ({ id: s.id, heading: s.heading, anchor: s.text })),
    })),
  });
  doc.commentBefore =
    ' Index of the sections of your notes; every question cites one as `source: <file>#<id>`.\n' +
    ' Drafted by `aws-quiz init` from the notes\' headings: rename, merge or drop sections freely, and\n' +
    ' mark one `skip: <why>` when nothing is to be asked from it. `anchor` is the heading line as it\n' +
    ' stands in the note: `aws-quiz lint --notes DIR` reports a section as stale when it is gone.';
  return doc.toString({ lineWidth: 0 });
}

/** The bank's name: the directory's Latin words, or `my-notes`. */
export function bankNameFor(dir: string): string {
  return asciiSlug(dir.replace(/[\\/]+$/, '').replace(/^.*[\\/]/, '')) || 'my-notes';
}

/**
 * A starter bank: one single-answer and one multiple-response example citing the first
 * section, written so that `aws-quiz lint --strict` passes on it (choices of one length,
 * keys away from the first positions, one register), to be rewritten by the author.
 */
export function starterBankYaml(bank: string, schemaRef: string, note: DraftedNote): string {
  const section = note.sections[0];
  const source = `${note.file}#${section?.id ?? 'intro'}`;
  const heading = section?.text ?? note.title;
  const topic = `${bank}/${section?.id ?? 'intro'}`;
  const doc = new Document({
    bank,
    title: note.title,
    questions: [
      {
        id: `${bank}-example-single`,
        topic,
        domain: 'resilient',
        type: 'single',
        difficulty: 1,
        question: `（例題）ノートの「${heading}」について、正しい説明はどれですか。この例題は書き換えてください。\n`,
        choices: [
          { text: '節の内容とは異なる、誤った説明の一つ目', why: 'ここに、この選択肢が誤りである理由を書きます。' },
          { text: '節の内容とは異なる、誤った説明の二つ目', why: 'ここに、この選択肢が誤りである理由を書きます。' },
          { text: 'ノートの節に書かれている、正しい説明', correct: true, why: 'ここに、この選択肢が正しい理由を書きます。' },
          { text: 'よくある誤解にもとづく、誤った説明の例', why: 'ここに、この選択肢が誤りである理由を書きます。' },
        ],
        explanation: 'ここに、正解の根拠と、ノートのどの事実から導けるかを自分の言葉で書きます。\n',
        source,
      },
      {
        id: `${bank}-example-multiple`,
        topic,
        domain: 'resilient',
        type: 'multiple',
        difficulty: 1,
        question: `（例題・複数選択）ある構成を「${heading}」の知識で見直すとき、適切な対応を2つ選択してください。\n`,
        choices: [
          { text: '節の内容とは異なる、誤った説明の一つ目', why: 'ここに、この選択肢が誤りである理由を書きます。' },
          { text: 'ノートの事実にもとづく、適切な対応の一つ目', correct: true, why: 'ここに、この選択肢が正しい理由を書きます。' },
          { text: '節の内容とは異なる、誤った説明の二つ目', why: 'ここに、この選択肢が誤りである理由を書きます。' },
          { text: 'ノートの事実にもとづく、適切な対応の二つ目', correct: true, why: 'ここに、この選択肢が正しい理由を書きます。' },
          { text: 'よくある誤解にもとづく、誤った説明の例', why: 'ここに、この選択肢が誤りである理由を書きます。' },
        ],
        explanation: 'ここに、二つの正解の根拠を自分の言葉で書きます。\n',
        source,
      },
    ],
  });
  return `# yaml-language-server: $schema=${schemaRef}\n` + doc.toString({ lineWidth: 0 });
}

/** A GitHub Actions workflow that lints the banks on every push and pull request. */
export function workflowYaml(banksPath: string, notesPath: string | undefined): string {
  const notes = notesPath ? ` --notes ${quoteArg(notesPath)}` : '';
  return [
    'name: aws-quiz lint',
    'on: [push, pull_request]',
    'jobs:',
    '  lint:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 22',
    `      - run: npx --yes aws-quiz lint --strict --coverage --format github${notes} ${quoteArg(banksPath)}`,
    '',
  ].join('\n');
}

const quoteArg = (s: string) => (/^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export interface UpdateReport {
  text: string;
  added: { file: string; id: string; heading: string }[];
  /** Sections of the index whose heading no longer appears in their note: listed, never deleted. */
  gone: { file: string; id: string; heading: string }[];
  newNotes: string[];
}

type SectionNode = { id: string; heading: string; anchor?: string };

/**
 * Brings an existing sources.yaml up to date with the notes: new headings become new
 * sections, existing sections keep their ids and hand edits (matched by anchor, else by
 * heading), and sections whose heading is gone are reported instead of deleted.
 */
export function updateSourcesYaml(existing: string, notes: readonly NoteInput[]): UpdateReport {
  const doc = parseDocument(existing);
  if (doc.errors.length) throw new Error(doc.errors[0]!.message);
  const root = doc.contents;
  if (!isMap(root) || !isSeq(root.get('notes'))) throw new Error('notes');
  const noteSeq = root.get('notes') as YAMLSeq;
  const entries = noteSeq.items.filter(isMap) as YAMLMap[];
  const taken = new Set<string>();
  for (const e of entries) for (const s of sectionsOf(e)) taken.add(s.id);

  const report: UpdateReport = { text: '', added: [], gone: [], newNotes: [] };
  for (const note of notes) {
    const entry = entries.find((e) => e.get('file') === note.file);
    if (!entry) {
      const [drafted] = draftNotes([note], taken);
      noteSeq.add(doc.createNode({ file: drafted!.file, title: drafted!.title, sections: drafted!.sections.map((s) => ({ id: s.id, heading: s.heading, anchor: s.text })) }));
      report.newNotes.push(note.file);
      for (const s of drafted!.sections) report.added.push({ file: note.file, id: s.id, heading: s.heading });
      continue;
    }
    const drafted = draftSections(note.text);
    const current = sectionsOf(entry);
    const matches = (s: SectionNode, d: DraftSection) => (s.anchor !== undefined ? squashSpace(s.anchor) === squashSpace(d.text) : headingsMatch(s.heading, d.text) || headingsMatch(s.heading, d.heading));
    const fresh = drafted.filter((d) => !current.some((s) => matches(s, d)));
    const ids = sectionIds(fresh, note.file, taken);
    let seq = entry.get('sections');
    if (!isSeq(seq)) {
      seq = doc.createNode([]);
      entry.set('sections', seq);
    }
    fresh.forEach((d, i) => {
      (seq as YAMLSeq).add(doc.createNode({ id: ids[i]!, heading: d.heading, anchor: d.text }));
      report.added.push({ file: note.file, id: ids[i]!, heading: d.heading });
    });
    for (const s of current) if (!drafted.some((d) => matches(s, d))) report.gone.push({ file: note.file, id: s.id, heading: s.heading });
  }
  report.text = doc.toString({ lineWidth: 0 });
  return report;
}

function sectionsOf(entry: YAMLMap): SectionNode[] {
  const seq = entry.get('sections');
  if (!isSeq(seq)) return [];
  return seq.items.filter(isMap).map((m) => {
    const anchor = m.get('anchor');
    return { id: String(m.get('id') ?? ''), heading: String(m.get('heading') ?? ''), ...(typeof anchor === 'string' && { anchor }) };
  });
}
