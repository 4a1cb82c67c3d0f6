import { describe, expect, it } from 'vitest';
import { notesProblems, sectionInNote } from '../../src/bank/notes-check.js';
import { draftSections } from '../../src/bank/note-sections.js';
import type { BankGroup } from '../../src/bank/rules.js';
import type { Section } from '../../src/bank/types.js';

const note = ['# VPC', '', '## Endpoints', 'Gateway endpoints serve S3.', '', '## Flow logs', 'text'].join('\n');
const section = (id: string, heading: string, anchor?: string): Section => ({ id, heading, noteFile: 'vpc.md', noteTitle: 'VPC', at: { file: 'sources.yaml', line: 3, col: 9 }, ...(anchor !== undefined && { anchor }) });
const group = (sections: Section[]): BankGroup => ({ dir: '/b', indexFile: 'sources.yaml', index: { file: 'sources.yaml', sections }, banks: [] });

describe('sectionInNote', () => {
  const drafted = draftSections(note);
  it('finds an anchor at the start of a line, ignoring markers and spaces, where the anchor ends a word', () => {
    expect(sectionInNote({ heading: 'x', anchor: 'Endpoints' }, note, drafted)).toBe(true);
    expect(sectionInNote({ heading: 'x', anchor: '## Flow  logs' }, note, drafted)).toBe(true);
    expect(sectionInNote({ heading: 'x', anchor: 'Gateway endpoint' }, note, drafted)).toBe(false);
    expect(sectionInNote({ heading: 'x', anchor: 'Peering' }, note, drafted)).toBe(false);
  });
  it('without an anchor, matches the heading by likeness', () => {
    expect(sectionInNote({ heading: 'VPC > Flow logs' }, note, drafted)).toBe(true);
    expect(sectionInNote({ heading: 'Transit Gateway' }, note, drafted)).toBe(false);
  });
});

describe('notesProblems', () => {
  it('warns about stale sections, and lists headings no section indexes', () => {
    const g = group([section('endpoints', 'Endpoints', 'Endpoints'), section('peering', 'Peering', 'Peering')]);
    const r = notesProblems([g], new Map([['vpc.md', note]]));
    expect(r.problems).toEqual([expect.objectContaining({ rule: 'stale-section', severity: 'warning', params: { section: 'peering', note: 'vpc.md' }, line: 3, col: 9 })]);
    expect(r.unindexed.map((h) => h.heading)).toEqual(['VPC', 'VPC > Flow logs']);
    // A missing note is copied-from-notes' to report, once.
    expect(notesProblems([g], new Map([['vpc.md', undefined]])).problems).toEqual([]);
  });
});
