// Lint against the learner's notes (`--notes DIR`) and the CI report formats.
export const notes = {
  en: {
    'cli.lint.notes': 'the directory of the note files sources.yaml names: warn where a question copies its section, or a section\'s heading has left its note (with --coverage, list headings not indexed yet)',
    'rule.stale-section': 'section "{section}": its heading is no longer in {note}; the questions citing it may be out of date',
    'lint.unindexedHeader': 'Headings in the notes that no section indexes yet:',
    'lint.unindexedSummary': '{count} {count|heading|headings} not indexed',
  },
  ja: {
    'cli.lint.notes': 'sources.yaml が参照するノートのあるディレクトリ。問題がセクションの文を写していれば、またはセクションの見出しがノートから消えていれば警告する（--coverage と併用すると未登録の見出しも表示）',
    'rule.stale-section': 'セクション "{section}": 見出しが {note} から消えています。これを出典とする問題は古い可能性があります',
    'lint.unindexedHeader': 'どのセクションにも登録されていないノートの見出し:',
    'lint.unindexedSummary': '未登録の見出し {count} 個',
  },
};
