import { dayStartMs, localDay } from '../quiz/days.js';
import type { DailyRoom } from '../quiz/select.js';
import type { Store } from '../store/open.js';
import { answeredToday } from '../store/practice.js';
import { getSetting, setSetting } from '../store/settings.js';
import { t } from '../i18n/i18n.js';

// What practice remembers between sessions: the daily caps on new questions and on reviews
// (so a learner back from a week away is not buried), and whether to ask how sure they are.
// A flag given once is kept; what the database holds is validated like any input.

export const PRACTICE_SETTING = 'practice';

export interface PracticeSettings {
  maxNew?: number;
  maxReviews?: number;
  certainty?: boolean;
}

/** The flags that change a remembered setting; `off` lifts a cap. */
export interface PracticeFlags {
  maxNew?: number | 'off';
  maxReviews?: number | 'off';
  certainty?: boolean;
}

const cap = (v: unknown) => (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100_000 ? (v as number) : undefined);

export function readPracticeSettings(store: Store): PracticeSettings {
  const raw = getSetting(store, PRACTICE_SETTING);
  if (!raw || typeof raw !== 'object') return {};
  const r = raw as Record<string, unknown>;
  const maxNew = cap(r.maxNew);
  const maxReviews = cap(r.maxReviews);
  return {
    ...(maxNew !== undefined && { maxNew }),
    ...(maxReviews !== undefined && { maxReviews }),
    ...(typeof r.certainty === 'boolean' && { certainty: r.certainty }),
  };
}

/**
 * The settings with the flags given applied; when a flag changed something it is stored,
 * and `said` tells the learner what is now remembered.
 */
export function applyPracticeFlags(store: Store, flags: PracticeFlags): { settings: PracticeSettings; said?: string } {
  const before = readPracticeSettings(store);
  const settings: PracticeSettings = { ...before };
  const what: string[] = [];
  if (flags.maxNew !== undefined) {
    if (flags.maxNew === 'off') delete settings.maxNew;
    else settings.maxNew = flags.maxNew;
    what.push(flags.maxNew === 'off' ? t('practice.limits.noNewCap') : t('practice.limits.newCap', { n: flags.maxNew }));
  }
  if (flags.maxReviews !== undefined) {
    if (flags.maxReviews === 'off') delete settings.maxReviews;
    else settings.maxReviews = flags.maxReviews;
    what.push(flags.maxReviews === 'off' ? t('practice.limits.noReviewCap') : t('practice.limits.reviewCap', { n: flags.maxReviews }));
  }
  if (flags.certainty !== undefined) {
    settings.certainty = flags.certainty;
    what.push(t(flags.certainty ? 'practice.limits.certaintyOn' : 'practice.limits.certaintyOff'));
  }
  if (what.length === 0) return { settings };
  if (JSON.stringify(settings) !== JSON.stringify(before)) setSetting(store, PRACTICE_SETTING, settings);
  return { settings, said: t('practice.limits.remembered', { what: what.join(', ') }) };
}

export interface DailyCaps {
  limits: { maxNew?: number; maxReviews?: number };
  /** What is left of each cap today. */
  room: DailyRoom;
}

/** The caps in force and what is left of them today; undefined with no cap set. */
export function dailyCaps(store: Store, settings: PracticeSettings, now: number): DailyCaps | undefined {
  if (settings.maxNew === undefined && settings.maxReviews === undefined) return undefined;
  const day = localDay(now);
  const done = answeredToday(store, day, dayStartMs(day));
  const limits = { ...(settings.maxNew !== undefined && { maxNew: settings.maxNew }), ...(settings.maxReviews !== undefined && { maxReviews: settings.maxReviews }) };
  const room: DailyRoom = {
    ...(settings.maxNew !== undefined && { newLeft: Math.max(0, settings.maxNew - done.newQuestions) }),
    ...(settings.maxReviews !== undefined && { reviewsLeft: Math.max(0, settings.maxReviews - done.reviews) }),
  };
  return { limits, room };
}
