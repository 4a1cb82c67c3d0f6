// Writes schema/bank.schema.json from the bank schema in src/bank/schema.ts (via the build).
import { writeFileSync } from 'node:fs';
import { bankJsonSchema } from '../dist/bank/schema.js';

const url = new URL('../schema/bank.schema.json', import.meta.url);
writeFileSync(url, JSON.stringify(bankJsonSchema(), null, 2) + '\n');
console.log('wrote schema/bank.schema.json');
