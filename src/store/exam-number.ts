// Exams are numbered 1, 2, 3 … of their own, apart from the session ids they share with practice.

/** An exam's number, for a row of sessions named `s`: exams started before it (or at the same moment with a smaller id), plus one. */
export const EXAM_NUMBER_SQL = `(SELECT count(*) FROM sessions e WHERE e.kind = 'exam' AND (e.started_at < s.started_at OR (e.started_at = s.started_at AND e.id <= s.id)))`;
