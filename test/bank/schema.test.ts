import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bankJsonSchema } from '../../src/bank/schema.js';

describe('schema/bank.schema.json', () => {
  it('is generated from the schema in code (run `npm run schema` when this fails)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../schema/bank.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(bankJsonSchema());
  });
});
