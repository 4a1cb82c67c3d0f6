import { sourcesSchema, type RawSources } from './schema.js';
import { hasControlChars, sanitizeText } from './text.js';
import type { Problem, Section, SourceIndex } from './types.js';
import { schemaProblems } from './validate.js';
import { parseYaml } from './yaml.js';

/** Pure: the text of a sources.yaml in, its sections with positions and its problems out. */
export function parseSources(text: string, file: string): { index?: SourceIndex; problems: Problem[] } {
  const parsed = parseYaml(text, file);
  if (parsed.problems.length) return { problems: parsed.problems };
  const checked = schemaProblems(sourcesSchema, parsed, file);
  if (!checked.ok) return { problems: checked.problems };
  const raw = parsed.value as RawSources;
  const problems: Problem[] = [];
  const sections: Section[] = [];
  const seen = new Set<string>();
  // Every field here reaches the terminal (feedback, reviews, lint): escapes are refused by lint and stripped.
  const checkText = (path: PropertyKey[], text: string | undefined) => {
    if (text !== undefined && hasControlChars(text)) problems.push({ ...parsed.locate(path), rule: 'control-chars', severity: 'error', params: { field: path.join('.') } });
  };
  raw.notes.forEach((note, i) => {
    checkText(['notes', i, 'file'], note.file);
    checkText(['notes', i, 'title'], note.title);
    note.sections.forEach((s, j) => {
      for (const field of ['heading', 'summary', 'anchor', 'skip'] as const) checkText(['notes', i, 'sections', j, field], s[field]);
      const path = ['notes', i, 'sections', j, 'id'];
      if (seen.has(s.id)) problems.push({ ...parsed.locate(path), rule: 'unique-section', severity: 'error', params: { section: s.id } });
      seen.add(s.id);
      const section: Section = {
        id: s.id,
        heading: sanitizeText(s.heading),
        noteFile: sanitizeText(note.file),
        noteTitle: sanitizeText(note.title),
        get at() {
          return parsed.locate(path);
        },
      };
      if (s.summary !== undefined) section.summary = sanitizeText(s.summary);
      if (s.skip !== undefined) section.skip = sanitizeText(s.skip);
      if (s.anchor !== undefined) section.anchor = sanitizeText(s.anchor);
      sections.push(section);
    });
  });
  return { index: { file, sections }, problems };
}
