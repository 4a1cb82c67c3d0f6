import type { Problem, Question } from '../types.js';

const NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

// 「2つ選択」「２つ選んで」「2 つを選び」「二つ選択」 and "Choose two", "Select 2". NFKC first,
// so full-width digits count as digits.
const JA = /([0-9]+|[一二三四五六])\s*つ\s*(?:を\s*)?(?:選択|選ん|選び|選べ)/;
const EN = /\b(?:choose|select|pick)\s+(\d+|one|two|three|four|five|six)\b/i;

/** How many choices the text says to pick, or undefined when it does not say. */
export function statedCount(text: string): number | undefined {
  const t = text.normalize('NFKC');
  const m = JA.exec(t) ?? EN.exec(t);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  return NUMBERS[word] ?? Number(word);
}

/** Pure: rule `stated-count`: the number the stem asks for is the number of correct choices. */
export function statedCountProblems(q: Question): Problem[] {
  const stated = statedCount(q.question);
  if (stated === undefined) return [];
  const correct = q.choices.filter((c) => c.correct).length;
  if (stated === correct && q.type === 'multiple') return [];
  if (q.type === 'single' && stated < 2) return [];
  return [{ ...q.at.text, rule: 'stated-count', severity: 'error', params: { id: q.id, stated, correct, type: q.type } }];
}
