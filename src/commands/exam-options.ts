/** The options `aws-quiz exam` takes, shared by the sitting and the history of past exams. */
export interface ExamOptions {
  timed?: boolean;
  blueprint?: string;
  count?: number;
  minutes?: number;
  bank?: string[];
  topic?: string[];
  seed?: string;
  resume?: boolean;
  review?: string | boolean;
  list?: boolean;
  db?: string;
  questions?: string[];
}
