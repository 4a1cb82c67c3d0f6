import { existsSync } from 'node:fs';
import { UserError } from '../errors.js';
import { t } from '../i18n/i18n.js';
import { reviewLog } from '../quiz/review-log.js';
import { validParameters } from '../quiz/schedule.js';
import { MIN_REVIEWS, trainingItems, type ItemReview } from '../quiz/tune-items.js';
import { openStore, resolveDbPath } from '../store/open.js';
import { answersInOrder } from '../store/review-log.js';
import { setSetting } from '../store/settings.js';
import { TUNED_SETTING } from './tuned.js';

export interface TuneOptions {
  db?: string;
  reset?: boolean;
}

type Binding = typeof import('@open-spaced-repetition/binding');

/** The optimizer is a WebAssembly build loaded only here, so a platform it cannot load on loses only this command. */
async function loadOptimizer(): Promise<Binding> {
  try {
    return await import('@open-spaced-repetition/binding');
  } catch (err) {
    throw new UserError(t('tune.cannotLoad', { detail: (err as Error).message.split('\n')[0]! }));
  }
}

export interface Fit {
  parameters: number[];
  before: { logLoss: number; rmse: number };
  after: { logLoss: number; rmse: number };
}

/** Fits parameters to the training items and measures both sets on them. */
export async function fitParameters(items: readonly ItemReview[][], binding?: Binding): Promise<Fit> {
  const b = binding ?? (await loadOptimizer());
  const train = items.map((reviews) => new b.FSRSBindingItem(reviews.map((r) => new b.FSRSBindingReview(r.rating, r.deltaT))));
  const parameters = validParameters(await b.computeParameters(train, { enableShortTerm: true }));
  if (!parameters) throw new UserError(t('tune.badFit'));
  const measure = (w?: number[]) => {
    const e = new b.FSRSBinding(w).evaluate(train);
    return { logLoss: e.logLoss, rmse: e.rmseBins };
  };
  return { parameters, before: measure(), after: measure(parameters) };
}

export async function tuneCommand(options: TuneOptions): Promise<number> {
  const path = resolveDbPath(options.db, process.env);
  if (!existsSync(path)) throw new UserError(t('tune.noDatabase', { path }));
  const store = openStore(path);
  try {
    if (options.reset) {
      setSetting(store, TUNED_SETTING, undefined);
      process.stdout.write(t('tune.reset') + '\n');
      return 0;
    }
    const reviews = [...reviewLog(answersInOrder(store))];
    if (reviews.length < MIN_REVIEWS) throw new UserError(t('tune.tooFew', { count: reviews.length, min: MIN_REVIEWS, more: MIN_REVIEWS - reviews.length }));
    const fit = await fitParameters(trainingItems(reviews));
    const cards = new Set(reviews.map((r) => r.cardId)).size;
    const figures = {
      reviews: reviews.length,
      cards,
      beforeLoss: fit.before.logLoss.toFixed(4),
      afterLoss: fit.after.logLoss.toFixed(4),
      beforeRmse: fit.before.rmse.toFixed(4),
      afterRmse: fit.after.rmse.toFixed(4),
    };
    process.stdout.write(t('tune.fitted', figures) + '\n');
    // Parameters that describe the learner's history worse than the defaults are not kept.
    if (fit.after.logLoss > fit.before.logLoss) {
      process.stdout.write(t('tune.kept') + '\n');
      return 0;
    }
    setSetting(store, TUNED_SETTING, { w: fit.parameters, fittedAt: Date.now(), reviews: reviews.length, before: fit.before, after: fit.after });
    process.stdout.write(t('tune.saved') + '\n');
    return 0;
  } finally {
    store.close();
  }
}
