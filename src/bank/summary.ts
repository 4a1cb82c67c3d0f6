import type { BankGroup } from './rules.js';

export interface BankSummaryRow {
  bank: string;
  title: string;
  file: string;
  questions: number;
  multiple: number;
}

/** Pure: one row per bank, for the README table and the tests that keep the banks from shrinking. */
export function summarizeBanks(groups: BankGroup[]): BankSummaryRow[] {
  return groups
    .flatMap((g) => g.banks)
    .map((b) => ({
      bank: b.name,
      title: b.title,
      file: b.file.split('/').pop()!,
      questions: b.questions.length,
      multiple: b.questions.filter((q) => q.type === 'multiple').length,
    }))
    .sort((a, b) => a.bank.localeCompare(b.bank));
}

export function bankTableMarkdown(rows: BankSummaryRow[]): string {
  const total = rows.reduce((n, r) => n + r.questions, 0);
  const multiple = rows.reduce((n, r) => n + r.multiple, 0);
  return [
    '| bank | title | questions | multiple-response |',
    '|---|---|---:|---:|',
    ...rows.map((r) => `| \`${r.bank}\` | ${r.title} | ${r.questions} | ${r.multiple} |`),
    `| **total** | ${rows.length} banks | **${total}** | ${multiple} |`,
  ].join('\n');
}
