import { stripVTControlCharacters } from 'node:util';

// Bank text is untrusted: it is printed to a terminal, where escape sequences can
// move the cursor, retitle the window or write to the clipboard (OSC 52).
// stripVTControlCharacters removes CSI/OSC sequences but leaves lone control bytes and
// bidi overrides, which are removed here too, with the invisible characters that make two
// texts look alike while differing (zero-width, BOM, direction marks, line and paragraph
// separators, tag characters, soft hyphen).
const CONTROL_CLASS = '[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u00AD\\u061C\\u200B-\\u200F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069\\uFEFF\\u{E0000}-\\u{E007F}]';
const CONTROL = new RegExp(CONTROL_CLASS, 'gu');
const CONTROL_TEST = new RegExp(CONTROL_CLASS, 'u');

const ESCAPED = new RegExp(`[\\n\\r\\t]|${CONTROL_CLASS}`, 'gu');

/**
 * Text the user typed or a file name, made safe to print and still recognisable: line breaks
 * and tabs as backslash escapes, every other control or invisible character as a \u{hex}
 * escape, so an escape sequence is shown, never run.
 */
export function escapeControls(text: string): string {
  return text.replace(ESCAPED, (ch) => (ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? '\\t' : `\\u{${ch.codePointAt(0)!.toString(16)}}`));
}

// Our own colours (SGR: ESC [ … m) are kept; every other escape sequence (CSI, OSC such as
// the clipboard's OSC 52, single-character escapes) and every lone control or invisible
// character is removed.
const TERMINAL_UNSAFE = new RegExp(`(\\x1b\\[[0-9;]*m)|\\x1b(?:\\[[0-?]*[ -/]*[@-~]|\\][^\\x07\\x1b]*(?:\\x07|\\x1b\\\\)?|[@-Z\\\\-_])|${CONTROL_CLASS}`, 'gu');

/**
 * The last line of defence before a screen reaches the terminal: bank texts are cleaned when
 * read, and whatever slipped through (a cache, a database row) is removed here.
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (_match, sgr: string | undefined) => sgr ?? '');
}

export function hasControlChars(text: string): boolean {
  return CONTROL_TEST.test(text);
}

export function sanitizeText(text: string): string {
  if (!CONTROL_TEST.test(text)) return text.replace(/\t/g, '  ');
  return stripVTControlCharacters(text).replace(CONTROL, '').replace(/\t/g, '  ');
}

/** The form two question texts are compared in to find near-duplicates. */
export function normalizeForComparison(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(CONTROL, '').replace(/[\s\p{P}\p{S}]+/gu, '');
}

export type Decoded = { ok: true; text: string } | { ok: false; line: number; col: number };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 bytes as text, or the line and column of the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    return { ok: false, ...firstInvalid(bytes) };
  }
}

/** Walks the bytes only once decoding has failed: lines end at LF, CRLF or a lone CR, columns count characters. */
function firstInvalid(b: Uint8Array): { line: number; col: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return { line, col };
    for (let k = 1; k <= need; k++) {
      const n = b[i + k];
      if (n === undefined || (n & 0xc0) !== 0x80) return { line, col };
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    const n1 = b[i + 1]!;
    if ((c === 0xe0 && n1 < 0xa0) || (c === 0xed && n1 > 0x9f) || (c === 0xf0 && n1 < 0x90) || (c === 0xf4 && n1 > 0x8f)) return { line, col };
    if (c === 0x0a || (c === 0x0d && b[i + 1] !== 0x0a)) {
      line++;
      col = 1;
    } else if (c !== 0x0d) col += need === 3 ? 2 : 1;
    i += need + 1;
  }
  return { line, col };
}
