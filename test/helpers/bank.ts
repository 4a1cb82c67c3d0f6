// Characters to spell a question's own words with: two default questions must not look
// alike to the near-duplicate rule, nor any choice stand out by its length.
const WORDS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥東西南北春夏秋冬朝昼夕夜山川海空雲雨雪風花鳥月星金銀銅鉄赤青白黒黄緑紫桃梅松竹菊蘭柿栗';

/** Twelve characters that depend only on `seed`. */
export function wordsFor(seed: string): string {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.codePointAt(0)!, 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < 12; i++) {
    h = (Math.imul(h, 1103515245) + 12345) >>> 0;
    out += WORDS[(h >>> 16) % WORDS.length];
  }
  return out;
}

/** YAML for one valid question, with fields overridable line by line. */
export function questionYaml(id: string, overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    id: `    id: ${id}`,
    topic: '    topic: vpc/endpoints',
    domain: '    domain: cost',
    type: '    type: single',
    question: `    question: |\n      ${id} についての問題文です。${wordsFor(`${id}/question`)}`,
    choices: [
      '    choices:',
      `      - text: 正しい選択肢 ${wordsFor(`${id}/key`)}`,
      '        correct: true',
      '        why: 理由',
      `      - text: 誤りの選択肢 ${wordsFor(`${id}/a`)}`,
      '        why: 理由',
      `      - text: 誤りの選択肢 ${wordsFor(`${id}/b`)}`,
      '        why: 理由',
    ].join('\n'),
    explanation: '    explanation: 解説です。',
    source: '    source: note.txt#vpc-endpoints',
    ...overrides,
  };
  const body = Object.values(fields).filter(Boolean).join('\n');
  return body.replace(/^ {4}/, '  - ');
}

export function bankYaml(questions: string[], name = 'sample'): string {
  return `bank: ${name}\ntitle: サンプル\nquestions:\n${questions.join('\n')}\n`;
}

export const SOURCES_YAML = `notes:
  - file: note.txt
    title: ノート
    sections:
      - id: vpc-endpoints
        heading: VPC > エンドポイント
      - id: s3-basics
        heading: S3
      - id: skipped
        heading: お知らせ
        skip: 告知のみ
`;
