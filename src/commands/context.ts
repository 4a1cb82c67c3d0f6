import { lintBanks } from '../bank/lint.js';
import { allQuestions, bankDirsFrom, loadBanks } from '../bank/load.js';
import type { Question, SourceIndex } from '../bank/types.js';
import { UserError } from '../errors.js';
import { t } from '../i18n/i18n.js';

export interface BankOptions {
  questions?: string[];
}

export interface LoadedQuestions {
  questions: Question[];
  sources: SourceIndex[];
  dirs: string[];
}

/** The banks a command works from; refuses banks with lint errors rather than quiz from broken data. */
export function loadQuestionsFor(options: BankOptions, env: NodeJS.ProcessEnv = process.env): LoadedQuestions {
  const dirs = bankDirsFrom(options.questions, env);
  const loaded = loadBanks(dirs);
  const errors = lintBanks(loaded).errors;
  if (errors > 0) throw new UserError(t('error.bankProblems', { count: errors, paths: dirs.join(' ') }));
  const questions = allQuestions(loaded);
  if (questions.length === 0) throw new UserError(t('error.noBanks', { paths: dirs.join(', ') }));
  return { questions, sources: loaded.groups.flatMap((g) => (g.index ? [g.index] : [])), dirs };
}

export { requireTty } from './tty.js';
