import { lintBanks } from '../bank/lint.js';
import { checkedBankPaths } from '../bank/dirs.js';
import { bankDirsFrom, loadBanks } from '../bank/load.js';
import { readNotes } from '../bank/notes-read.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/i18n.js';
import { renderLintJunit, renderLintSarif } from '../ui/lint-ci-report.js';
import { LINT_FORMATS, renderLintGithub, renderLintJson, renderLintText, type LintFormat } from '../ui/lint-report.js';
import { packageVersion } from '../version.js';

export interface LintOptions {
  format: string;
  strict?: boolean;
  coverage?: boolean;
  questions?: string[];
  notes?: string;
}

export async function lintCommand(paths: string[], options: LintOptions): Promise<number> {
  const format = options.format as LintFormat;
  if (!(LINT_FORMATS as readonly string[]).includes(format)) throw new UsageError(t('lint.badFormat', { value: options.format }));
  const dirs = paths.length ? checkedBankPaths(paths, 'lint') : bankDirsFrom(options.questions, process.env);
  const loaded = loadBanks(dirs);
  const notes = options.notes !== undefined ? readNotes(options.notes, loaded.groups) : undefined;
  const result = lintBanks(loaded, { coverage: options.coverage ?? false, ...(notes && { notes }) });
  const out =
    format === 'json' ? renderLintJson(result)
    : format === 'sarif' ? renderLintSarif(result, packageVersion())
    : format === 'junit' ? renderLintJunit(result, options.strict ?? false)
    : (format === 'github' ? renderLintGithub(result) : renderLintText(result)).join('\n');
  process.stdout.write(out + '\n');
  return result.errors > 0 || (options.strict && result.warnings > 0) ? 1 : 0;
}
