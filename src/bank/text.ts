import { stripVTControlCharacters } from 'node:util';

// Bank text is untrusted: it is printed to a terminal, where escape sequences can
// move the cursor, retitle the window or write to the clipboard (OSC 52).
// stripVTControlCharacters removes CSI/OSC sequences but leaves lone control bytes and
// bidi overrides, which are removed here too.
const CONTROL = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/g;
const CONTROL_TEST = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/;

export function hasControlChars(text: string): boolean {
  return CONTROL_TEST.test(text);
}

export function sanitizeText(text: string): string {
  if (!CONTROL_TEST.test(text)) return text.replace(/\t/g, '  ');
  return stripVTControlCharacters(text).replace(CONTROL, '').replace(/\t/g, '  ');
}

/** The form two question texts are compared in to find near-duplicates. */
export function normalizeForComparison(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}
