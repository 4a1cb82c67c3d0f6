import type { Domain, SapDomain } from './schema.js';

export interface Location {
  file: string;
  line: number;
  col: number;
}

export type Severity = 'error' | 'warning';

/** A lint finding. The message is rendered from `rule` and `params` by the UI's catalogue. */
export interface Problem extends Location {
  rule: string;
  severity: Severity;
  params: Record<string, string | number>;
  /** For a rule with several messages: the catalogue key is `rule.<rule>.<variant>`. */
  variant?: string;
}

export interface Choice {
  text: string;
  correct: boolean;
  why?: string;
}

export interface Question {
  id: string;
  bank: string;
  topic: string;
  domain: Domain;
  /** The SAP-C02 domain, for the professional blueprint; absent when the bank does not tag it. */
  sapDomain?: SapDomain;
  type: 'single' | 'multiple';
  difficulty?: number;
  question: string;
  choices: Choice[];
  explanation?: string;
  /** `<note file>#<section id>` as written in the bank. */
  source: string;
  /** Where the question's fields stand in its bank file. */
  at: {
    question: Location;
    id: Location;
    source: Location;
    text: Location;
    topic: Location;
    /** Each choice's `text` and `why`, in file order. */
    choices: { text: Location; why?: Location }[];
    explanation?: Location;
  };
}

export interface Bank {
  name: string;
  title: string;
  file: string;
  at: Location;
  questions: Question[];
}

export interface Section {
  id: string;
  heading: string;
  summary?: string;
  /** The heading line as it stands in the note, when the index records it. */
  anchor?: string;
  skip?: string;
  noteFile: string;
  noteTitle: string;
  at: Location;
}

export interface SourceIndex {
  file: string;
  sections: Section[];
}
