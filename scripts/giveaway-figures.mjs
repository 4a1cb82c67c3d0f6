// Prints how much choice length gives the answer away in each bank (the figures of lint's
// longest-answer rule): node scripts/giveaway-figures.mjs [bank dirs...] (after npm run build).
import { loadBanks } from '../dist/bank/load.js';
import { giveawayFigures, LONGEST_SHARE_MAX, MULTIPLE_RATIO_MAX } from '../dist/bank/rules/giveaway.js';

const dirs = process.argv.length > 2 ? process.argv.slice(2) : [new URL('../questions', import.meta.url).pathname];
const banks = loadBanks(dirs).groups.flatMap((g) => g.banks);
const pct = (part, whole) => (whole ? `${((part / whole) * 100).toFixed(0)} %` : '-');
const rows = [...banks.map((b) => giveawayFigures(b.name, b.questions)), giveawayFigures('(all banks)', banks.flatMap((b) => b.questions))];

const ratio = (n, x) => (n ? `${x.toFixed(2)}×` : '-');
const header = ['bank', 'single: correct is longest', 'share', 'correct/wrong width', 'multiple', 'correct/wrong width'];
const lines = rows.map((r) => [r.bank, `${r.longest}/${r.singles}`, pct(r.longest, r.singles), ratio(r.singles, r.singleRatio), String(r.multiples), ratio(r.multiples, r.multipleRatio)]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
const print = (cells) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
print(header);
lines.forEach((l, i) => {
  if (i === lines.length - 1) console.log('');
  print(l);
});
console.log(`\nlint warns above ${LONGEST_SHARE_MAX * 100} % per bank (single-answer) and above ${MULTIPLE_RATIO_MAX}× (multiple-response).`);
