import displayWidth from 'fast-string-width';

// Drafts a note's sections from its structure, for `aws-quiz init` and for lint's checks
// against the notes. Pure: text in, headings out.
//
// Markdown notes (any line starting with 1 to 4 #): each heading is a section, and so is a
// top-level list item that names a term (`- IP マルチキャスト:`) followed by its explanation.
// Plain-text notes: a line in 【…】; a line starting with ●, ■ or ◆; a numbered heading
// (`1.`, `Q21`, `問21`); and a short line followed by a more deeply indented or bulleted line.

export interface DraftSection {
  /** The heading as a learner reads it: the note's words, parents first, joined by " > ". */
  heading: string;
  /** The heading line's own text, as it stands in the note (without markers). */
  text: string;
  /** 1-based line of the heading in the note. */
  line: number;
}

const MD_HEADING = /^(#{1,4})\s+(.+?)\s*#*\s*$/;
const BRACKETED = /^\s*【(.+)】\s*$/;
const MARKED = /^\s*[●■◆]\s*(.+)$/;
const NUMBERED = /^\s*((?:Q|問)\s*\d+|\d{1,3}[.．])\s*(.*)$/;
const BULLET = /^\s*(?:[-*+・•●■◆▪︎◦]|\d+[.)])\s*/;
const TERM_ITEM = /^[-*+]\s+([^:：]{1,40}?)\s*[:：]\s*(.*)$/;
const SENTENCE_END = /[。．.!！?？、,，]$/;
/** Wider than this, a line is prose, not a heading. */
const SHORT = 36;
/** A title standing alone between blank lines may be longer, as blog titles are. */
const TITLE = 72;

const indentOf = (line: string) => line.length - line.trimStart().length;
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

export function isMarkdown(text: string): boolean {
  return text.split(/\r\n|\r|\n/).some((l) => MD_HEADING.test(l));
}

export function draftSections(text: string): DraftSection[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return isMarkdown(text) ? markdownSections(lines) : plainSections(lines);
}

function markdownSections(lines: string[]): DraftSection[] {
  const out: DraftSection[] = [];
  const stack: { level: number; text: string }[] = [];
  let inFence = false;
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) return;
    const h = MD_HEADING.exec(line);
    if (h) {
      const level = h[1]!.length;
      const text = clean(h[2]!);
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push({ level, text });
      out.push({ heading: stack.map((s) => s.text).join(' > '), text, line: i + 1 });
      return;
    }
    const term = TERM_ITEM.exec(line);
    if (term && displayWidth(term[1]!) <= SHORT && (term[2] || nextContentIndented(lines, i, 0))) {
      const text = clean(term[1]!);
      out.push({ heading: [...stack.map((s) => s.text), text].join(' > '), text, line: i + 1 });
    }
  });
  return out;
}

function plainSections(lines: string[]): DraftSection[] {
  const out: DraftSection[] = [];
  lines.forEach((_line, i) => {
    const text = plainHeading(lines, i);
    if (text) out.push({ heading: text, text, line: i + 1 });
  });
  return out;
}

function plainHeading(lines: string[], i: number): string | undefined {
  const line = lines[i]!;
  if (!line.trim()) return undefined;
  const bracketed = BRACKETED.exec(line);
  if (bracketed) return clean(bracketed[1]!);
  const marked = MARKED.exec(line);
  if (marked && displayWidth(marked[1]!) <= SHORT * 2) return clean(marked[1]!);
  const numbered = NUMBERED.exec(line);
  if (numbered && displayWidth(line.trim()) <= SHORT) return clean(`${numbered[1]} ${numbered[2]}`);
  const bare = line.trim().replace(BULLET, '');
  if (!bare || SENTENCE_END.test(bare)) return undefined;
  if (displayWidth(bare) <= SHORT && (indentedBelow(lines, i) || nextContentBulleted(lines, i, line))) return clean(bare);
  return displayWidth(bare) <= TITLE && paragraphTitle(lines, i) ? clean(bare) : undefined;
}

/** The very next line is more deeply indented (not after a blank line: that is a new block). */
function indentedBelow(lines: string[], i: number): boolean {
  const next = lines[i + 1];
  return next !== undefined && next.trim() !== '' && indentOf(next) > indentOf(lines[i]!);
}

/** A line alone between blank lines (or at the top), followed by a longer paragraph. */
function paragraphTitle(lines: string[], i: number): boolean {
  if (i > 0 && lines[i - 1]!.trim() !== '') return false;
  if (lines[i + 1] === undefined || lines[i + 1]!.trim() !== '') return false;
  const next = nextContent(lines, i);
  return next !== undefined && displayWidth(next.trim()) > displayWidth(lines[i]!.trim());
}

function nextContent(lines: string[], i: number): string | undefined {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trim()) return lines[j];
  return undefined;
}

function nextContentIndented(lines: string[], i: number, indent: number): boolean {
  const next = nextContent(lines, i);
  return next !== undefined && indentOf(next) > indent;
}

/** A bulleted line right below a line that is not itself bulleted. */
function nextContentBulleted(lines: string[], i: number, line: string): boolean {
  if (BULLET.test(line)) return false;
  const next = nextContent(lines, i);
  return next !== undefined && /^\s*[・•-]\s*\S/.test(next) && lines[i + 1]!.trim() !== '';
}

/** A lower-case ASCII slug of the Latin words of a heading; empty when it has none. */
export function asciiSlug(text: string, max = 40): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!/[a-z]/.test(slug)) return '';
  return slug.length <= max ? slug : slug.slice(0, max).replace(/-[^-]*$/, '') || slug.slice(0, max);
}

/** The note's short name for ids: the Latin or digit part of its file name, e.g. `000` for `000_5432….txt`. */
export function noteShortName(file: string): string {
  const stem = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const parts = stem
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const first = parts[0] ?? '';
  const short = (first.length >= 3 || parts.length < 2 ? first : `${first}-${parts[1]}`).slice(0, 16);
  return short || 'note';
}

/**
 * Section ids: the heading's Latin words when it has any, else the note's short name and a
 * number; `taken` (ids already in use) makes each unique with -2, -3 … on a clash.
 */
export function sectionIds(sections: readonly DraftSection[], noteFile: string, taken: Set<string>): string[] {
  const short = noteShortName(noteFile);
  return sections.map((s, i) => {
    const base = asciiSlug(s.text) || `${short}-${i + 1}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Whether two headings name the same thing: one contains the other, or their bigrams mostly agree (Dice ≥ 0.5). */
export function headingsMatch(a: string, b: string): boolean {
  const x = squash(a);
  const y = squash(b);
  if (!x || !y) return false;
  if (x === y) return true;
  if (Math.min(x.length, y.length) >= 2 && (x.includes(y) || y.includes(x))) return true;
  const bx = bigrams(x);
  const by = bigrams(y);
  if (!bx.size || !by.size) return false;
  let common = 0;
  for (const g of bx) if (by.has(g)) common++;
  return (2 * common) / (bx.size + by.size) >= 0.5;
}

/** Whether a section's heading (a path like "VPC > DNS 属性") is one of the drafted headings: any part matching. */
export function headingFound(heading: string, drafted: readonly DraftSection[]): boolean {
  const parts = heading.split('>').map((p) => p.trim()).filter(Boolean);
  const last = parts[parts.length - 1] ?? heading;
  return drafted.some((d) => headingsMatch(last, d.text) || headingsMatch(heading, d.heading));
}
