import { dayStartMs, localDay } from '../quiz/days.js';
import { parseCard, recallAt } from '../quiz/schedule.js';
import { loadCards } from '../store/answers.js';
import type { Store } from '../store/open.js';
import { getSetting } from '../store/settings.js';

/** The exam is taken in the morning of its day: memory is judged as of then. */
export const EXAM_HOUR = 9;

/** The remembered exam date, when it is today or later; read by name so nothing heavier loads. */
export function examDate(store: Store, now: number): string | null {
  const raw = getSetting(store, 'exam-plan') as { date?: unknown } | undefined;
  const date = typeof raw?.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.date) ? raw.date : null;
  return date !== null && date >= localDay(now) ? date : null;
}

/** With an exam date set: when the exam is, and each reviewed question's chance of recall then. */
export function examDayRecall(store: Store, now: number): { at: number; recall: Map<string, number> } | undefined {
  const date = examDate(store, now);
  if (date === null) return undefined;
  const at = Math.max(now, dayStartMs(date) + EXAM_HOUR * 3600_000);
  const recall = new Map<string, number>();
  for (const [id, row] of loadCards(store)) {
    try {
      recall.set(id, recallAt(parseCard(row.cardJson), new Date(at)));
    } catch {
      // An unreadable card is treated as a question not yet learned: no review to bring forward.
    }
  }
  return { at, recall };
}
