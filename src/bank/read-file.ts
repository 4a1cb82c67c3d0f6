import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

// Bank files, sources.yaml and the cache are read only when they are regular files, and
// never beyond a limit: a FIFO would block the read forever (and with it lint, practice and
// every Tab completion), and a device such as /dev/zero would be read until memory runs out.
// O_NONBLOCK makes opening a FIFO return at once; fstat on the opened file then says what it
// is without a race between looking and opening. The limit holds whatever the stat size says.

export type ReadResult =
  | { ok: true; bytes: Buffer; stat: Stats }
  | { ok: false; why: 'not-a-file' }
  | { ok: false; why: 'too-large'; size: number }
  | { ok: false; why: 'unreadable'; code: string };

/** `lines`: stop once that many line breaks have been read (the rest of the file is not needed). */
export function readRegularFile(path: string, maxBytes: number, options: { noFollow?: boolean; lines?: number } = {}): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0));
  } catch (err) {
    return { ok: false, why: 'unreadable', code: errorCode(err) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, why: 'not-a-file' };
    if (stat.size > maxBytes) return { ok: false, why: 'too-large', size: stat.size };
    // One byte more than the limit tells a file that grew (or a /proc file that says 0) apart.
    let buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, options.lines === undefined ? Math.max(stat.size + 1, 64 * 1024) : 64 * 1024));
    let used = 0;
    let lines = 0;
    for (;;) {
      if (used === buf.length) {
        if (used > maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, used);
        buf = bigger;
      }
      const n = readSync(fd, buf, used, buf.length - used, null);
      if (n === 0) break;
      if (options.lines !== undefined) {
        for (let i = used; i < used + n; i++) if (buf[i] === 0x0a) lines++;
      }
      used += n;
      if (options.lines !== undefined && lines >= options.lines) break;
    }
    if (used > maxBytes) return { ok: false, why: 'too-large', size: used };
    return { ok: true, bytes: buf.subarray(0, used), stat };
  } catch (err) {
    return { ok: false, why: 'unreadable', code: errorCode(err) };
  } finally {
    closeSync(fd);
  }
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err);
}
