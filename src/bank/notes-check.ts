import { draftSections, headingFound, headingsMatch, type DraftSection } from './note-sections.js';
import type { BankGroup } from './rules.js';
import type { Problem, Section } from './types.js';

// Lint against the notes themselves (`aws-quiz lint --notes DIR`): sections whose heading has
// gone from their note, and headings of the notes that no section indexes yet. Pure: the
// notes' texts come in as a map from file name to text (undefined when it could not be read).

export interface UnindexedHeading {
  noteFile: string;
  heading: string;
  line: number;
}

export type NoteTexts = ReadonlyMap<string, string | undefined>;

const squash = (s: string) => s.replace(/\s+/g, '');
/** A line as compared with an anchor: without heading and list markers or white space. */
const bare = (s: string) => squash(s.replace(/^[\s#*+\-・•●■◆※【]+/, ''));

/**
 * Whether a section still stands in its note: a line that begins with its anchor (where the
 * anchor ends a word: `Gateway endpoint` is not found in `Gateway endpoints …`), else its
 * heading by likeness.
 */
export function sectionInNote(section: Pick<Section, 'heading' | 'anchor'>, noteText: string, drafted: readonly DraftSection[]): boolean {
  const startsALine = (words: string) => {
    const wanted = bare(words);
    if (!wanted) return true;
    return noteText.split(/\r\n|\r|\n/).some((line) => {
      const text = bare(line);
      return text.startsWith(wanted) && !/^[A-Za-z0-9]/.test(text.slice(wanted.length));
    });
  };
  if (section.anchor !== undefined) return startsALine(section.anchor);
  // Without an anchor, the heading's own words at the start of a line, or a drafted heading like it.
  return startsALine(section.heading.split('>').pop()!) || headingFound(section.heading, drafted);
}

export function notesProblems(groups: readonly BankGroup[], notes: NoteTexts): { problems: Problem[]; unindexed: UnindexedHeading[] } {
  const problems: Problem[] = [];
  const unindexed: UnindexedHeading[] = [];
  const drafts = new Map<string, DraftSection[]>();
  const draftOf = (file: string, text: string) => drafts.get(file) ?? drafts.set(file, draftSections(text)).get(file)!;
  for (const g of groups) {
    if (!g.index) continue;
    const byNote = new Map<string, Section[]>();
    for (const s of g.index.sections) byNote.set(s.noteFile, [...(byNote.get(s.noteFile) ?? []), s]);
    for (const [file, sections] of byNote) {
      const text = notes.get(file);
      // A note that is missing or unreadable is reported once, by copied-from-notes.
      if (text === undefined) continue;
      const drafted = draftOf(file, text);
      for (const s of sections) {
        if (!sectionInNote(s, text, drafted)) problems.push({ ...s.at, rule: 'stale-section', severity: 'warning', params: { section: s.id, note: file } });
      }
      for (const d of drafted) {
        const indexed = sections.some((s) => (s.anchor !== undefined ? squash(s.anchor) === squash(d.text) : headingsMatch(s.heading, d.text) || headingsMatch(s.heading, d.heading)));
        if (!indexed) unindexed.push({ noteFile: file, heading: d.heading, line: d.line });
      }
    }
  }
  return { problems, unindexed };
}
