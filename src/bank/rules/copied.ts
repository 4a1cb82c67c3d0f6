import type { Location, Problem, Question, Section, SourceIndex } from '../types.js';

// Facts carry over from the notes into a bank; sentences do not. A run of more than
// MAX_RUN identical characters (spacing removed, NFKC) between a question's text and its
// cited section is a copied sentence. Names are facts, not sentences: a word of Latin
// letters and digits (InsufficientInstanceCapacity, Route 53) counts as one character, so
// quoting an error code or a list of HTTP methods is not copying.

export const MAX_RUN = 25;

const WORD = /[A-Za-z0-9][A-Za-z0-9_.-]*/g;
/** Each distinct word becomes one private-use character (U+E000–U+F8FF), the same one wherever it occurs. */
const words = new Map<string, string>();
const wordsBack = new Map<string, string>();
const wordChar = (w: string) => {
  let c = words.get(w);
  if (c === undefined) {
    // Past 6,400 distinct words two words may share a character: at worst a rare extra match.
    c = String.fromCharCode(0xe000 + (words.size % 6400));
    words.set(w, c);
    if (!wordsBack.has(c)) wordsBack.set(c, w);
  }
  return c;
};
const unsqueeze = (text: string) => text.replace(/[\uE000-\uF8FF]/g, (c) => ` ${wordsBack.get(c) ?? ''} `).replace(/ {2,}/g, ' ').trim();
const squeeze = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').replace(WORD, wordChar);

/** A section's text: from its heading to the next indexed heading found in the same note. */
export interface SectionText {
  text: string;
  /** Every run of MAX_RUN + 1 characters of `text`, for a quick first test. */
  runs: Set<string>;
}

function sectionText(text: string): SectionText {
  const runs = new Set<string>();
  for (let i = 0; i + MAX_RUN < text.length; i++) runs.add(text.slice(i, i + MAX_RUN + 1));
  return { text, runs };
}

const LEADING_MARKS = /^[\p{P}\p{S}\uE000-\uF8FF]*?(?=[^\p{P}\p{S}])/u;

/** Where a heading stands in a note: a line that starts with it (bullets aside), else anywhere. */
function findHeading(lines: { text: string; at: number }[], note: string, needle: string, fromLine: number): { line: number; at: number } | undefined {
  const starts = (l: { text: string }) => l.text.replace(LEADING_MARKS, '').startsWith(needle) || l.text.startsWith(needle);
  for (const range of [lines.slice(fromLine), lines]) {
    const hit = range.find(starts);
    if (hit) return { line: lines.indexOf(hit), at: hit.at };
  }
  const at = note.indexOf(needle);
  return at < 0 ? undefined : { line: Math.max(0, lines.findIndex((l) => l.at > at) - 1), at };
}

/**
 * Pure: where each section of an index starts in its note. A heading is found by its last
 * part (「VPC > エンドポイント」 by 「エンドポイント」) at the start of a line, searching on from
 * the previous section of the same note, then from the start, then anywhere in the text. A
 * section whose heading is not in the note is compared with the whole note.
 */
export function sectionSpans(index: SourceIndex, notes: Map<string, string>): Map<string, SectionText> {
  const spans = new Map<string, SectionText>();
  const byNote = new Map<string, Section[]>();
  for (const s of index.sections) byNote.set(s.noteFile, [...(byNote.get(s.noteFile) ?? []), s]);
  for (const [noteFile, sections] of byNote) {
    const raw = notes.get(noteFile);
    if (raw === undefined) continue;
    const lines: { text: string; at: number }[] = [];
    let length = 0;
    for (const line of raw.split('\n')) {
      const text = squeeze(line);
      lines.push({ text, at: length });
      length += text.length;
    }
    const note = lines.map((l) => l.text).join('');
    const starts = new Map<Section, number>();
    let fromLine = 0;
    for (const s of sections) {
      const needle = squeeze(s.anchor ?? s.heading.split('>').pop()!);
      const found = needle ? findHeading(lines, note, needle, fromLine) : undefined;
      if (!found) continue;
      starts.set(s, found.at);
      fromLine = found.line + 1;
    }
    const cuts = [...new Set(starts.values())].sort((a, b) => a - b);
    const whole = sectionText(note);
    for (const s of sections) {
      const start = starts.get(s);
      const end = start === undefined ? undefined : (cuts.find((c) => c > start) ?? note.length);
      spans.set(`${noteFile}#${s.id}`, start === undefined ? whole : sectionText(note.slice(start, end)));
    }
  }
  return spans;
}

/** The longest run of `field` found in the section that starts with a copied run, or undefined. */
export function copiedRun(field: string, section: SectionText): string | undefined {
  const text = squeeze(field);
  for (let i = 0; i + MAX_RUN < text.length; i++) {
    if (!section.runs.has(text.slice(i, i + MAX_RUN + 1))) continue;
    let end = i + MAX_RUN + 1;
    while (end < text.length && section.text.includes(text.slice(i, end + 1))) end++;
    return text.slice(i, end);
  }
  return undefined;
}

/** Pure: rule `copied-from-notes` on one question, against its section's text. */
export function copiedProblems(q: Question, section: SectionText): Problem[] {
  const fields: [string, string | undefined, () => Location | undefined][] = [
    ['question', q.question, () => q.at.text],
    ['explanation', q.explanation, () => q.at.explanation],
    ...q.choices.flatMap((c, i): [string, string | undefined, () => Location | undefined][] => [
      [`choices[${i}].text`, c.text, () => q.at.choices[i]!.text],
      [`choices[${i}].why`, c.why, () => q.at.choices[i]!.why],
    ]),
  ];
  const problems: Problem[] = [];
  for (const [field, text, where] of fields) {
    if (text === undefined) continue;
    const run = copiedRun(text, section);
    if (run === undefined) continue;
    const shown = unsqueeze(run.length > 30 ? `${run.slice(0, 30)}…` : run);
    problems.push({ ...(where() ?? q.at.question), rule: 'copied-from-notes', severity: 'warning', params: { id: q.id, field, length: run.length, run: shown, source: q.source } });
  }
  return problems;
}
