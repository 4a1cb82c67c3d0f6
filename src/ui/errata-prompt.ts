import { input, select } from '@inquirer/prompts';
import { t } from '../i18n/i18n.js';
import { ERRATUM_REASONS, type ErratumReason } from '../store/errata.js';
import { reasonText } from './errata-report.js';

export interface ErratumAnswer {
  reason: ErratumReason;
  note: string;
}

/** Asks what is wrong with the question on screen, and for an optional line of text. */
export async function askErratum(context: { signal?: AbortSignal } = {}): Promise<ErratumAnswer> {
  const reason = await select<ErratumReason>({ message: t('errata.ask.reason'), choices: ERRATUM_REASONS.map((value) => ({ value, name: reasonText(value) })) }, context);
  const note = await input({ message: t('errata.ask.note') }, context);
  return { reason, note };
}
