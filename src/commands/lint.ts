import { lintBanks } from '../bank/lint.js';
import { checkedBankPaths } from '../bank/dirs.js';
import { bankDirsFrom, loadBanks } from '../bank/load.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/i18n.js';
import { renderLintGithub, renderLintJson, renderLintText, type LintFormat } from '../ui/lint-report.js';

export interface LintOptions {
  format: string;
  strict?: boolean;
  coverage?: boolean;
  questions?: string[];
}

export async function lintCommand(paths: string[], options: LintOptions): Promise<number> {
  const format = options.format as LintFormat;
  if (!['text', 'json', 'github'].includes(format)) throw new UsageError(t('lint.badFormat', { value: options.format }));
  const dirs = paths.length ? checkedBankPaths(paths, 'lint') : bankDirsFrom(options.questions, process.env);
  const result = lintBanks(loadBanks(dirs), { coverage: options.coverage ?? false });
  const out = format === 'json' ? renderLintJson(result) : (format === 'github' ? renderLintGithub(result) : renderLintText(result)).join('\n');
  process.stdout.write(out + '\n');
  return result.errors > 0 || (options.strict && result.warnings > 0) ? 1 : 0;
}
