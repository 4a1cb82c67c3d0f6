import { spawn, type IPty } from '@lydell/node-pty';
import { stripVTControlCharacters } from 'node:util';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/aws-quiz.js', import.meta.url));

export interface PtyRun {
  pty: IPty;
  /** Everything printed so far, escape sequences removed. */
  output(): string;
  /** Everything printed so far, escape sequences and all. */
  raw(): string;
  /** Resolves once the output (after `from` characters) matches; rejects after `ms`. */
  waitFor(pattern: RegExp | string, ms?: number, from?: number): Promise<void>;
  write(keys: string): void;
  exited: Promise<{ exitCode: number; signal?: number }>;
}

export const KEYS = { enter: '\r', up: '\x1b[A', down: '\x1b[B', left: '\x1b[D', right: '\x1b[C', space: ' ', ctrlC: '\x03' };

/** Runs the built binary in a pseudo-terminal, as a person at a terminal would. */
export function runInPty(args: string[], env: Record<string, string | undefined> = {}, size = { cols: 100, rows: 40 }, cwd = process.cwd()): PtyRun {
  // A variable given as undefined is removed, as a user who never set it would run.
  const fullEnv: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', LANG: 'C', ...env };
  for (const k of Object.keys(fullEnv)) if (fullEnv[k] === undefined) delete fullEnv[k];
  const pty = spawn(process.execPath, [BIN, ...args], {
    name: 'xterm-256color',
    cols: size.cols,
    rows: size.rows,
    cwd,
    env: fullEnv as Record<string, string>,
  });
  let raw = '';
  const waiters = new Set<() => void>();
  pty.onData((d) => {
    raw += d;
    for (const w of waiters) w();
  });
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) => pty.onExit(resolve));
  const output = () => stripVTControlCharacters(raw);
  return {
    pty,
    output,
    raw: () => raw,
    write: (keys) => pty.write(keys),
    exited,
    waitFor(pattern, ms = 10_000, from = 0) {
      const test = () => {
        const text = output().slice(from);
        return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
      };
      return new Promise<void>((resolve, reject) => {
        if (test()) return resolve();
        const check = () => {
          if (test()) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${String(pattern)}; screen was:\n${output().slice(-2000)}`));
        }, ms);
        waiters.add(check);
        void exited.then(() => setTimeout(() => {
          if (waiters.has(check)) {
            waiters.delete(check);
            clearTimeout(timer);
            if (test()) resolve();
            else reject(new Error(`process exited before ${String(pattern)}; screen was:\n${output().slice(-2000)}`));
          }
        }, 50));
      });
    },
  };
}
