#!/usr/bin/env node
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
require('../dist/chunks/code-cache.js').useCodeCache(fileURLToPath(new URL('../dist/chunks', import.meta.url)));
const { run } = require('../dist/chunks/cli.js');

// Past a file-size limit (ulimit -f) the kernel sends SIGXFSZ, which kills silently, and a
// bundled signal-exit re-raises it. Listening for it makes the write fail with EFBIG
// instead, which is reported in one line like any failed write.
process.on('SIGXFSZ', () => {});
process.exitCode = await run(process.argv);
