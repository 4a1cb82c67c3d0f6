import type { Location } from '../bank/types.js';
import { sanitizeText } from '../bank/text.js';
import { t, tDynamic } from '../i18n/i18n.js';
import type { Erratum } from '../store/errata.js';
import { chalk } from './color.js';

export interface LocatedErratum extends Erratum {
  at?: Location;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const reasonText = (reason: string) => tDynamic(`errata.reason.${reason}`);

/** One line per open report: number, place, question, reason, date, the learner's note. */
export function renderErrataText(errata: LocatedErratum[]): string[] {
  if (errata.length === 0) return [t('errata.none')];
  return errata.map((e) => {
    const place = e.at ? sanitizeText(`${e.at.file}:${e.at.line}`) : chalk.dim(t('errata.notInBanks'));
    const note = e.note ? `  ${chalk.dim(`"${sanitizeText(e.note)}"`)}` : '';
    return `${chalk.bold(`#${e.id}`)}  ${place}  ${sanitizeText(e.questionId)}  ${chalk.yellow(reasonText(e.reason))}  ${day(e.reportedAt)}${note}`;
  });
}

export function renderErrataJson(errata: LocatedErratum[]): string {
  return JSON.stringify(
    {
      errata: errata.map((e) => ({
        id: e.id,
        questionId: e.questionId,
        file: e.at?.file ?? null,
        line: e.at?.line ?? null,
        reason: e.reason,
        note: e.note ?? null,
        reportedAt: new Date(e.reportedAt).toISOString(),
      })),
    },
    null,
    2,
  );
}
