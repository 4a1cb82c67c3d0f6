// Regenerates the table of banks in README.md from questions/ (npm run readme).
import { readFileSync, writeFileSync } from 'node:fs';
import { loadBanks } from '../dist/bank/load.js';
import { bankTableMarkdown, summarizeBanks } from '../dist/bank/summary.js';

const readme = new URL('../README.md', import.meta.url);
const table = bankTableMarkdown(summarizeBanks(loadBanks([new URL('../questions', import.meta.url).pathname]).groups));
const text = readFileSync(readme, 'utf8');
const next = text.replace(/(<!-- banks:start -->\n)[\s\S]*?(\n<!-- banks:end -->)/, `$1${table}$2`);
if (next === text && !text.includes(table)) throw new Error('README.md has no <!-- banks:start --> / <!-- banks:end --> markers');
writeFileSync(readme, next);
console.log('README.md bank table updated');
