import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/i18n/glossary.js';
import { catalogues, type MessageKey } from '../../src/i18n/i18n.js';

describe('one vocabulary across commands', () => {
  for (const [name, term] of Object.entries(glossary)) {
    it(`says “${name}” in Japanese as ${term.ja} wherever the English says it`, () => {
      // Placeholders such as {flag} or {blueprint} are values, not words of the message.
      const words = (k: MessageKey) => catalogues.en[k].replace(/\{[^}]*\}/g, '');
      const keys = (Object.keys(catalogues.en) as MessageKey[]).filter((k) => term.en.test(words(k)));
      expect(keys.length, `no message uses ${term.en}`).toBeGreaterThan(0);
      const astray = keys.filter((k) => !catalogues.ja[k].includes(term.ja)).map((k) => `${k}: ${catalogues.ja[k]}`);
      expect(astray).toEqual([]);
    });
  }

});
