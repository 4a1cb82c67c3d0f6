import { createPrompt, isEnterKey, useKeypress, useState } from '@inquirer/core';
import { select } from '@inquirer/prompts';
import { sanitizeText } from '../bank/text.js';
import { t } from '../i18n/i18n.js';
import { chalk } from './color.js';
import type { ReviewEntry } from './exam-report.js';

export type ReviewKey = 'report' | 'done';

/** Below the exam review: ! to report one of the questions in it, Enter or q when done. */
export const reviewKeysPrompt = createPrompt<ReviewKey, Record<string, never>>((_config, done) => {
  const [finished, setFinished] = useState(false);
  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (finished) return;
    const finish = (k: ReviewKey) => {
      setFinished(true);
      done(k);
    };
    if ((key as { sequence?: string }).sequence === '!') finish('report');
    else if (isEnterKey(key) || (key.name === 'q' && !key.ctrl)) finish('done');
  });
  return finished ? '' : chalk.dim(t('errata.reviewKeys'));
});

/** Which question of the review the report is about. */
export function askReviewedQuestion(entries: readonly ReviewEntry[]): Promise<string> {
  return select<string>({
    message: t('errata.ask.which'),
    choices: entries.map((e) => ({ value: e.questionId, name: `${e.position + 1}. ${sanitizeText(e.questionId)}` })),
  });
}
