// Terms that appear on several screens, and the one Japanese word each is given. A message
// whose English uses a term says it in Japanese with that word (test/i18n/glossary.test.ts),
// so `stats`, `practice` and `exam` never call the same thing by two names.

export interface GlossaryTerm {
  /** How the term shows in English messages. */
  en: RegExp;
  /** The Japanese every such message uses. */
  ja: string;
}

export const glossary: Record<string, GlossaryTerm> = {
  weakTopics: { en: /\bweak(?:est)? topics?\b/i, ja: '苦手なトピック' },
  scaledScore: { en: /\bscaled\b/i, ja: 'スケールスコア（推定）' },
  mockExam: { en: /\bmock exams?\b/i, ja: '模擬試験' },
  accuracy: { en: /\baccuracy\b/i, ja: '正答率' },
  passMark: { en: /\bpass mark\b/i, ja: '合格点' },
  flag: { en: /\bflag(?:ged|s)?\b/i, ja: 'フラグ' },
  blueprint: { en: /\bblueprint\b/i, ja: 'ブループリント' },
  leech: { en: /\bleech(?:es)?\b/i, ja: 'リーチ' },
  explanation: { en: /\bexplanation\b/i, ja: '解説' },
  source: { en: /\bsource\b/i, ja: '出典' },
  streak: { en: /\bstreak\b/i, ja: '連続' },
  misconception: { en: /\bmisconceptions?\b/i, ja: '思い違い' },
  cram: { en: /\bcram(?:med|ming)?\b/i, ja: '詰め込み' },
};
