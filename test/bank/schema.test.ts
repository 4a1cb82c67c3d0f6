import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bankJsonSchema } from '../../src/bank/schema.js';

describe('schema/bank.schema.json', () => {
  it('is generated from the schema in code (run `npm run schema` when this fails)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../schema/bank.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(bankJsonSchema());
  });

  it('lets an editor flag a question with fewer than 3 or more than 6 choices', () => {
    const schema = bankJsonSchema() as { properties: { questions: { items: { properties: { choices: { minItems: number; maxItems: number } } } } } };
    expect(schema.properties.questions.items.properties.choices).toMatchObject({ minItems: 3, maxItems: 6 });
  });
});
