import { dayStartMs, localDay } from '../quiz/days.js';
import { readCard, recallAt, type Card } from '../quiz/schedule.js';
import { loadCards } from '../store/answers.js';
import type { Store } from '../store/open.js';
import { getSetting } from '../store/settings.js';

// The exam the learner prepares for, as remembered by `aws-quiz readiness`. Kept apart from
// the readiness command so that practice and stats read it without loading the forecast.

/** The exam is taken in the morning of its day: memory is judged as of then. */
export const EXAM_HOUR = 9;

export const EXAM_PLAN_SETTING = 'exam-plan';

/** The exam the learner is preparing for, as remembered in the settings. */
export interface ExamPlan {
  blueprint: 'saa' | 'sap';
  date: string | null;
}

/** A real calendar day written YYYY-MM-DD. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A remembered plan is untrusted input: anything off is read as no plan. */
export function readExamPlan(store: Store): ExamPlan {
  const raw = getSetting(store, EXAM_PLAN_SETTING) as { blueprint?: unknown; date?: unknown } | undefined;
  const blueprint = raw?.blueprint === 'sap' ? 'sap' : 'saa';
  const date = typeof raw?.date === 'string' && isDay(raw.date) ? raw.date : null;
  return { blueprint, date };
}

/** The remembered exam date, when it is today or later. */
export function examDate(store: Store, now: number): string | null {
  const { date } = readExamPlan(store);
  return date !== null && date >= localDay(now) ? date : null;
}

/** Every stored review card that can be read; one that cannot is a question not yet learned. */
export function readableCards(store: Store): Map<string, Card> {
  const cards = new Map<string, Card>();
  for (const [id, row] of loadCards(store)) {
    const card = readCard(row.cardJson);
    if (card) cards.set(id, card);
  }
  return cards;
}

/** With an exam date set: when the exam is, and each reviewed question's chance of recall then. */
export function examDayRecall(store: Store, now: number): { at: number; recall: Map<string, number> } | undefined {
  const date = examDate(store, now);
  if (date === null) return undefined;
  const at = Math.max(now, dayStartMs(date) + EXAM_HOUR * 3600_000);
  const recall = new Map<string, number>();
  for (const [id, card] of readableCards(store)) recall.set(id, recallAt(card, new Date(at)));
  return { at, recall };
}
