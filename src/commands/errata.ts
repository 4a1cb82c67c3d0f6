import { bankDirsFrom } from '../bank/dirs.js';
import { questionLocations } from '../bank/locate.js';
import { UsageError, UserError } from '../errors.js';
import { t } from '../i18n/i18n.js';
import { openErrata, resolveErratum } from '../store/errata.js';
import { openStore, resolveDbPath } from '../store/open.js';
import { renderErrataJson, renderErrataText } from '../ui/errata-report.js';

export interface ErrataOptions {
  json?: boolean;
  resolve?: string;
  db?: string;
  questions?: string[];
}

/** `aws-quiz errata`: the open reports with where each question is now; `--resolve ID` closes one. */
export async function errataCommand(options: ErrataOptions, env: NodeJS.ProcessEnv = process.env, now = Date.now()): Promise<number> {
  if (options.resolve !== undefined && !/^[1-9]\d*$/.test(options.resolve)) throw new UsageError(t('errata.badId', { value: options.resolve }));
  const store = openStore(resolveDbPath(options.db, env));
  try {
    if (options.resolve !== undefined) {
      const id = Number(options.resolve);
      if (!resolveErratum(store, id, now)) throw new UserError(t('errata.notOpen', { id }));
      process.stdout.write(t('errata.resolved', { id }) + '\n');
      return 0;
    }
    const open = openErrata(store);
    const places = questionLocations(bankDirsFrom(options.questions, env), open.map((e) => e.questionId));
    const located = open.map((e) => {
      const at = places.get(e.questionId);
      return at ? { ...e, at } : e;
    });
    process.stdout.write((options.json ? renderErrataJson(located) : renderErrataText(located).join('\n')) + '\n');
    return 0;
  } finally {
    store.close();
  }
}
