import { escapeHtml, LETTERS, type PortableQuestion } from './portable.js';

// Anki's text import: file headers say how to read the rows (tab-separated, HTML fields,
// which column holds the note's guid and which its tags), so re-importing an export
// updates the notes it made instead of adding copies.

export interface AnkiNote extends PortableQuestion {
  guid: string;
  tags: string[];
}

const html = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

/** A field in quotes, quotes doubled, when it holds anything Anki's reader treats specially. */
function field(value: string): string {
  const flat = value.replace(/\t/g, ' ');
  return /["\n]/.test(flat) ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/** Anki tags are space-separated words: spaces inside become underscores, and :: nests. */
const tag = (s: string) => s.trim().replace(/\s+/g, '_').replace(/\//g, '::');

export function writeAnki(notes: readonly AnkiNote[], deck: string): string {
  const header = ['#separator:tab', '#html:true', '#notetype:Basic', `#deck:${deck}`, '#guid column:1', '#tags column:4', ''];
  const rows = notes.map((n) => {
    const front = `${html(n.question)}<br><br><ol type="A">${n.choices.map((c) => `<li>${html(c.text)}</li>`).join('')}</ol>`;
    const answer = n.choices.flatMap((c, i) => (c.correct ? [`<b>${LETTERS[i]}</b>. ${html(c.text)}`] : [])).join('<br>');
    const whys = n.choices.flatMap((c, i) => (c.why ? [`${LETTERS[i]}: ${html(c.why)}`] : []));
    const back = [answer, ...(n.explanation ? [html(n.explanation)] : []), ...(whys.length ? [`<small>${whys.join('<br>')}</small>`] : [])].join('<hr>');
    return [n.guid, front, back, n.tags.map(tag).join(' ')].map(field).join('\t');
  });
  return header.join('\n') + rows.join('\n') + '\n';
}
