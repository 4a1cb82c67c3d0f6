import type { Location, Problem, Question } from '../types.js';

// Japanese prose keeps one style: polite です・ます or plain である. Only how each sentence
// ends decides: 「〜であることを確認します。」 is polite, whatever sits inside it. Quoted and
// bracketed text is someone else's words and is left out, and so are list items, which
// are often fragments.

export type Register = 'polite' | 'plain';

const QUOTED = /「[^「」]*」|『[^『』]*』|"[^"]*"|“[^”]*”|（[^（）]*）|\([^()]*\)/g;
const LIST_ITEM = /^\s*(?:[-・•*●※]|\d+[.)．）])/;
const POLITE = /(?:です|ます|ました|でした|ません|ませんでした|ましょう|でしょう|ください)(?:か|ね|よ)?$/;
// Plain endings: である, だ, the negative ない, a verb's dictionary or past form (する, できる,
// した), and the plain question どれか. Polite endings are tested first (でしょう, ました).
const PLAIN = /(?:である|だ|ない|か|[うくすつぬむるぐぶた])$/;

/** How one sentence ends: polite, plain, or neither (a noun, a fragment). */
export function sentenceRegister(sentence: string): Register | undefined {
  const s = sentence.replace(/[\s。．.!！?？、,」』）)]+$/u, '');
  if (!s || !/[\u3040-\u30FF\u4E00-\u9FFF]/.test(s)) return undefined;
  if (POLITE.test(s)) return 'polite';
  if (PLAIN.test(s)) return 'plain';
  return undefined;
}

/** The register of each sentence of a text, in order, leaving out sentences that show none. */
export function registers(text: string): Register[] {
  const out: Register[] = [];
  for (const line of text.replace(QUOTED, '').split('\n')) {
    if (LIST_ITEM.test(line)) continue;
    for (const sentence of line.split(/(?<=[。！？!?])/)) {
      const r = sentenceRegister(sentence);
      if (r) out.push(r);
    }
  }
  return out;
}

const mixed = (text: string) => {
  const r = new Set(registers(text));
  return r.size > 1;
};

/** Pure: rule `mixed-register`, on the question text and the explanation. */
export function mixedRegisterProblems(q: Question): Problem[] {
  const problems: Problem[] = [];
  const report = (loc: Location, field: string) => problems.push({ ...loc, rule: 'mixed-register', severity: 'warning', params: { id: q.id, field } });
  if (mixed(q.question)) report(q.at.text, 'question');
  if (q.explanation !== undefined && mixed(q.explanation)) report(q.at.explanation ?? q.at.question, 'explanation');
  return problems;
}
