import { UserError } from '../errors.js';
import { t } from '../i18n/i18n.js';

// Kept apart from context.ts, which loads the YAML parsers and the schema: practice checks
// for a terminal before anything else and must not pay for those.

/** `command` is the subcommand's name alone: the message already follows the "aws-quiz: " prefix. Interactive commands refuse to run without a terminal instead of hanging or guessing answers. */
export function requireTty(command: string): void {
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UserError(t('error.notTty', { command }), 2);
}
