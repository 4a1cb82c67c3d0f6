import type { SectionRef } from './cache.js';

/** Where a question comes from, as shown after it: the note file and the section heading. */
export interface SourceRef {
  /** The note file, e.g. 000_54328491b4c48bc9.txt. */
  file: string;
  /** The section heading in the notes; missing when the section could not be found. */
  heading?: string;
}

/** `<note>#<section>` → the note file and the section's heading, the index built on first use. */
export function sourceLookup(sections: readonly SectionRef[]): (source: string) => SourceRef {
  let headings: Map<string, string> | undefined;
  return (source) => {
    headings ??= new Map(sections.map((s) => [`${s.noteFile}#${s.id}`, s.heading]));
    const file = source.split('#')[0]!;
    const heading = headings.get(source);
    return heading === undefined ? { file } : { file, heading };
  };
}
