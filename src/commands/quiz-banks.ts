import { cachedBanks, cachedQuestionMeta, type BankData, type QuestionMeta } from '../bank/cache.js';
import { bankDirsFrom } from '../bank/dirs.js';
import type { BankOptions } from './context.js';

/**
 * The banks practice, exam and stats work from: the cached questions while no bank file
 * has changed, else the full loader (imported only then), which refuses banks with errors.
 */
export function quizBanksFor(options: BankOptions, env: NodeJS.ProcessEnv = process.env): Promise<BankData> {
  return cachedBanks(bankDirsFrom(options.questions, env), env, async () => (await import('./context.js')).loadQuestionsFor(options, env));
}

/** The same banks without the question texts, for commands that only count and group questions. */
export function questionMetaFor(options: BankOptions, env: NodeJS.ProcessEnv = process.env): Promise<QuestionMeta[]> {
  return cachedQuestionMeta(bankDirsFrom(options.questions, env), env, async () => (await import('./context.js')).loadQuestionsFor(options, env));
}
