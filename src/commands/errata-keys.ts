import { spawnSync } from 'node:child_process';
import { bankDirsFrom } from '../bank/dirs.js';
import { questionLocations } from '../bank/locate.js';
import { UserError } from '../errors.js';
import { t } from '../i18n/i18n.js';
import { reportErratum } from '../store/errata.js';
import type { Store } from '../store/open.js';
import { askErratum } from '../ui/errata-prompt.js';
import { reasonText } from '../ui/errata-report.js';
import type { ReviewEntry } from '../ui/exam-report.js';
import { askReviewedQuestion, reviewKeysPrompt } from '../ui/review-keys.js';

// The ! and e keys of the feedback screen and the exam review: report the question on
// screen, or open it in the learner's editor at its line.

/**
 * Below an exam review, in a terminal: ! reports one of the reviewed questions, as often as
 * the learner likes; Enter or q goes on. Each report is confirmed in one line.
 */
export async function reportFromReview(store: Store | (() => Store), entries: readonly ReviewEntry[], say: (line: string) => void): Promise<void> {
  if (entries.length === 0 || !process.stdin.isTTY || !process.stdout.isTTY) return;
  // A review read from a read-only connection opens one that can write only when a report is made.
  let opened: Store | undefined;
  const writer = () => (typeof store === 'function' ? (opened ??= store()) : store);
  try {
    while ((await reviewKeysPrompt({}, { clearPromptOnDone: true })) === 'report') say(await reportQuestion(writer(), await askReviewedQuestion(entries)));
  } finally {
    opened?.close();
  }
}

/** Asks what is wrong, records it, and returns the line that confirms it. */
export async function reportQuestion(store: Store, questionId: string, now = Date.now()): Promise<string> {
  return (await reportWithReason(store, questionId, now)).said;
}

/** As reportQuestion, saying also why: a wrong-key report holds the question out from now on. */
export async function reportWithReason(store: Store, questionId: string, now = Date.now()): Promise<{ said: string; reason: string }> {
  const { reason, note } = await askErratum();
  const id = reportErratum(store, { questionId, reason, note, reportedAt: now });
  return { said: t('errata.recorded', { id, reason: reasonText(reason) }), reason };
}

/**
 * The editor command for a file at a line: `+LINE FILE` is understood by vi, vim, nano and
 * emacs; VS Code (code, code-insiders, codium) wants `-g FILE:LINE` and `--wait` to return
 * only when the file is closed.
 */
export function editorArgs(editor: string, file: string, line: number): string[] {
  const words = editor.trim().split(/\s+/);
  const name = words[0]!.split('/').pop()!;
  if (/^(code|code-insiders|codium)$/.test(name)) return [...words, ...(words.includes('--wait') || words.includes('-w') ? [] : ['--wait']), '-g', `${file}:${line}`];
  return [...words, `+${line}`, file];
}

/** Opens the question in $VISUAL or $EDITOR at its line and waits for the editor to close. */
export function editQuestion(questionId: string, options: { questions?: string[] }, env: NodeJS.ProcessEnv = process.env): void {
  const editor = env.VISUAL || env.EDITOR;
  if (!editor) throw new UserError(t('errata.noEditor'));
  const at = questionLocations(bankDirsFrom(options.questions, env), [questionId]).get(questionId);
  if (!at) return;
  const [command, ...args] = editorArgs(editor, at.file, at.line);
  const run = spawnSync(command!, args, { stdio: 'inherit', env });
  if (run.error) throw new UserError(t('errata.editorFailed', { editor, detail: run.error.message }));
}
