import { addDays, daysBetween, localDay } from './days.js';

// What to study each day until the exam. Pure: due dates and counts in, a plan out.

/** New questions should all have been seen this many days before the exam, to be reviewed once. */
export const NEW_BUFFER_DAYS = 3;

export interface PlanInput {
  today: string;
  examDay: string;
  /** Due times (ms) of the cards of the blueprint's questions. */
  due: readonly number[];
  /** Questions of the blueprint never answered. */
  unseen: number;
  /** The learner's median time per answer, when known. */
  medianAnswerMs: number | undefined;
}

export interface Plan {
  daysLeft: number;
  /** Reviews falling due each day from today until the day before the exam (overdue ones today). */
  reviewsPerDay: { day: string; reviews: number; minutes: number | null }[];
  totalReviews: number;
  /** New questions a day so that every question has been seen NEW_BUFFER_DAYS before the exam. */
  newPerDay: number;
  /** Minutes today: due reviews and new questions at the median answer time. */
  todayMinutes: number | null;
}

/** Without answers yet, a minute a question is what the real exam allows (130 min for 65). */
const DEFAULT_ANSWER_MS = 120_000;

export function studyPlan(input: PlanInput): Plan {
  const daysLeft = Math.max(0, daysBetween(input.today, input.examDay));
  const counts = new Map<string, number>();
  for (const ms of input.due) {
    const day = localDay(ms) < input.today ? input.today : localDay(ms);
    if (day < input.examDay) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  const perAnswer = input.medianAnswerMs ?? DEFAULT_ANSWER_MS;
  const minutes = (n: number) => (input.medianAnswerMs === undefined ? null : Math.round((n * perAnswer) / 60_000));
  const reviewsPerDay = Array.from({ length: daysLeft }, (_, i) => {
    const day = addDays(input.today, i);
    const reviews = counts.get(day) ?? 0;
    return { day, reviews, minutes: minutes(reviews) };
  });
  const learningDays = Math.max(1, daysLeft - NEW_BUFFER_DAYS);
  const newPerDay = input.unseen === 0 ? 0 : Math.ceil(input.unseen / learningDays);
  const today = (reviewsPerDay[0]?.reviews ?? 0) + newPerDay;
  return {
    daysLeft,
    reviewsPerDay,
    totalReviews: reviewsPerDay.reduce((n, d) => n + d.reviews, 0),
    newPerDay,
    todayMinutes: minutes(today),
  };
}
