import type { Store } from './open.js';
import { readStore } from './open.js';

// What the readiness forecast reads: accuracy per topic from the roll-ups, the forecasts made
// as mock exams started, and how those exams went.

export interface TopicTally {
  bank: string;
  topic: string;
  domain: string;
  attempts: number;
  correct: number;
}

export function topicTallies(store: Store): TopicTally[] {
  return readStore(store, () => store.db.prepare('SELECT bank, topic, domain, attempts, correct FROM topic_summary').all() as TopicTally[]);
}

export interface ExamForecast {
  expectedPercent: number;
  passProbability: number;
}

export function saveExamForecast(store: Store, examId: number, f: ExamForecast, madeAt: number): void {
  readStore(store, () =>
    store.db
      .prepare('INSERT OR REPLACE INTO exam_forecasts (session_id, expected_percent, pass_probability, made_at) VALUES (?, ?, ?, ?)')
      .run(examId, f.expectedPercent, f.passProbability, madeAt),
  );
}

export interface ForecastedExam extends ExamForecast {
  examId: number;
  startedAt: number;
  blueprint: string | null;
  /** The exam's result as written when it was scored (untrusted JSON). */
  result: unknown;
}

/** Finished exams that had a forecast, oldest first. */
export function forecastedExams(store: Store): ForecastedExam[] {
  return readStore(store, () => {
    const rows = store.db
      .prepare(
        `SELECT s.id AS examId, s.started_at AS startedAt, s.blueprint, s.result, f.expected_percent AS expectedPercent, f.pass_probability AS passProbability
         FROM exam_forecasts f JOIN sessions s ON s.id = f.session_id
         WHERE s.kind = 'exam' AND s.state = 'finished' ORDER BY s.started_at, s.id`,
      )
      .all() as (Omit<ForecastedExam, 'result'> & { result: string | null })[];
    return rows.map((r) => {
      let result: unknown = null;
      try {
        result = r.result === null ? null : JSON.parse(r.result);
      } catch {
        result = null;
      }
      return { ...r, result };
    });
  });
}
