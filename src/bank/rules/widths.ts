import stringWidth from 'fast-string-width';
import type { Question } from '../types.js';

// Several rules measure the same choices; each question's widths are measured once.
const measured = new WeakMap<Question, number[]>();

/** The display width (terminal columns) of each choice of a question, in order. */
export function choiceWidths(q: Question): number[] {
  let widths = measured.get(q);
  if (!widths) {
    widths = q.choices.map((c) => stringWidth(c.text));
    measured.set(q, widths);
  }
  return widths;
}
