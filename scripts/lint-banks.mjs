// The bank lint `npm test` ends with: strict, and against the learner's notes when they are
// beside the checkout (as on the machines these banks are written on). Where they are not
// (a public CI runner), it says so and lints without them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const notes = fileURLToPath(new URL('../../shared/notes', import.meta.url));
const args = ['bin/aws-quiz.js', 'lint', '--strict', ...(existsSync(notes) ? ['--notes', notes] : []), 'questions'];
if (!existsSync(notes)) console.error(`lint-banks: no notes at ${notes}; the banks are linted without comparing them with the notes`);
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
