import type { Card } from 'ts-fsrs';
import { t } from '../i18n/i18n.js';
import { readCard } from '../quiz/schedule.js';

/**
 * Reads stored review cards; one that cannot be read counts as new, and the learner is
 * told once (not once per question) that a schedule was lost.
 */
export function cardReader(say: (line: string) => void): (json: string) => Card | undefined {
  let told = false;
  return (json) => {
    const card = readCard(json);
    if (card === undefined && !told) {
      told = true;
      say(t('store.unreadableCard'));
    }
    return card;
  };
}
