// Regenerates the table of banks in README.md from questions/ (npm run readme).
import { readFileSync, writeFileSync } from 'node:fs';
import { loadBanks } from '../dist/bank/load.js';
import { bankTableMarkdown, summarizeBanks } from '../dist/bank/summary.js';

const readme = new URL('../README.md', import.meta.url);
const table = bankTableMarkdown(summarizeBanks(loadBanks([new URL('../questions', import.meta.url).pathname]).groups));
const text = readFileSync(readme, 'utf8');
if (!text.includes('<!-- banks:start -->') || !text.includes('<!-- banks:end -->')) throw new Error('README.md has no <!-- banks:start --> / <!-- banks:end --> markers');
const next = text.replace(/<!-- banks:start -->[\s\S]*?<!-- banks:end -->/, `<!-- banks:start -->\n${table}\n<!-- banks:end -->`);
writeFileSync(readme, next);
console.log('README.md bank table updated');
