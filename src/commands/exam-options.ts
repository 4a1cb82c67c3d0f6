/** The options `aws-quiz exam` takes, shared by the sitting and the history of past exams. */
export interface ExamOptions {
  timed?: boolean;
  blueprint?: string;
  count?: number;
  minutes?: number;
  extraTime?: number;
  esl?: boolean;
  bank?: string[];
  topic?: string[];
  seed?: string;
  resume?: boolean;
  review?: string | boolean;
  list?: boolean;
  db?: string;
  questions?: string[];
}
