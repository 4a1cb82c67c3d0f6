import type { Glance } from '../quiz/practice-session.js';
import { chalk } from './color.js';
import { t } from '../i18n/i18n.js';
import { terminalWidth, wrap } from './text.js';

// The line before the first question: what is waiting, and what this session holds.

const KINDS = ['due', 'weak', 'new', 'wrong', 'misconception', 'ahead', 'again'] as const;

export function renderGlance(g: Glance, mode: { cram: boolean }, width = terminalWidth()): string {
  const kinds = KINDS.flatMap((reason) => {
    const n = g.kinds.find((k) => k.reason === reason)?.count ?? 0;
    return n ? [t(`practice.kind.${reason}`, { n })] : [];
  });
  const line = t('practice.glance', { due: g.dueNow, unseen: g.unseen, total: g.total, kinds: kinds.join(', ') });
  const lines = [wrap(line, width)];
  if (mode.cram) lines.push(chalk.yellow(wrap(t('practice.glance.cram'), width)));
  return chalk.dim(lines.join('\n'));
}
