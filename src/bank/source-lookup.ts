import type { SectionRef } from './cache.js';

/** Where a question comes from, as shown after it: the note by its title, and the section heading. */
export interface SourceRef {
  /** The note file, e.g. 000_54328491b4c48bc9.txt: for scripts and lint, not for the learner's eyes. */
  file: string;
  /** The note's title from sources.yaml; missing when the section could not be found. */
  title?: string;
  /** The section heading in the notes; missing when the section could not be found. */
  heading?: string;
}

/** `<note>#<section>` → the note file, its title and the section's heading, the index built on first use. */
export function sourceLookup(sections: readonly SectionRef[]): (source: string) => SourceRef {
  let bySource: Map<string, SectionRef> | undefined;
  return (source) => {
    bySource ??= new Map(sections.map((s) => [`${s.noteFile}#${s.id}`, s]));
    const file = source.split('#')[0]!;
    const section = bySource.get(source);
    if (!section) return { file };
    return { file, heading: section.heading, ...(section.noteTitle && { title: section.noteTitle }) };
  };
}
