/** YAML for one valid question, with fields overridable line by line. */
export function questionYaml(id: string, overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    id: `    id: ${id}`,
    topic: '    topic: vpc/endpoints',
    domain: '    domain: cost',
    type: '    type: single',
    question: `    question: |\n      ${id} についての問題文です。`,
    choices: [
      '    choices:',
      '      - text: 正しい選択肢',
      '        correct: true',
      '        why: 理由',
      '      - text: 誤りの選択肢 A',
      '        why: 理由',
      '      - text: 誤りの選択肢 B',
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
