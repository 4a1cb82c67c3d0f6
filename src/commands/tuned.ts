import { validParameters } from '../quiz/schedule.js';
import type { Store } from '../store/open.js';
import { getSetting } from '../store/settings.js';

/** The setting `aws-quiz tune` writes. */
export const TUNED_SETTING = 'fsrs-parameters';

/** The learner's own FSRS parameters once tuned, else undefined (the defaults); anything malformed counts as not tuned. */
export function tunedParameters(store: Store): number[] | undefined {
  const raw = getSetting(store, TUNED_SETTING) as { w?: unknown } | undefined;
  return validParameters(raw?.w);
}
