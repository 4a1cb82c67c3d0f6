import { execa } from 'execa';
import { tempDir } from './tmp.js';

/**
 * Runs `body` with a fresh tmpfs of `size` (e.g. '8m') mounted on a temporary folder, to make a
 * real full disk; unmounted afterwards. Where mounting is not permitted the test is skipped,
 * saying why.
 */
export async function withTmpfs(size: string, ctx: { skip: () => void }, body: (mount: string) => Promise<void>): Promise<void> {
  const mount = tempDir();
  const m = await execa('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mount], { reject: false });
  if (m.exitCode !== 0) {
    console.log(`skipped: cannot mount a tmpfs here (${m.stderr.trim() || m.exitCode}); run as root to make a full disk`);
    ctx.skip();
    return;
  }
  try {
    await body(mount);
  } finally {
    await execa('umount', [mount], { reject: false });
  }
}
