#!/usr/bin/env node
import { createRequire } from 'node:module';

const { run } = createRequire(import.meta.url)('../dist/chunks/cli.js');

// Past a file-size limit (ulimit -f) the kernel sends SIGXFSZ, which kills silently, and a
// bundled signal-exit re-raises it. Listening for it makes the write fail with EFBIG
// instead, which is reported in one line like any failed write.
process.on('SIGXFSZ', () => {});
process.exitCode = await run(process.argv);
