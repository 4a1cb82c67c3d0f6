// Bundles the CLI into dist/cli.js plus one chunk per lazily loaded command (dist/chunks/).
// Loading one file instead of hundreds of small modules roughly halves start-up: module
// resolution and compilation were most of the time before the first question.
// tsc still type-checks and emits dist/ first; scripts and tests import those modules.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    const shim = fileURLToPath(new URL('./lazy-child-process.cjs', import.meta.url));
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (args.importer.includes('/commander/') ? { path: shim } : undefined));
  },
};

rmSync(new URL('../dist/chunks', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // better-sqlite3's JavaScript is bundled (as a package it cost a dozen more files to
  // resolve and load before the first question); its native addon is loaded by path (store/open.ts).
  // The FSRS optimizer loads a WebAssembly build of its own at run time.
  external: ['@open-spaced-repetition/binding'],
  // Bundled CommonJS dependencies call require(); ESM output has none of its own.
  banner: { js: "import{createRequire as __awsQuizRequire}from'node:module';const require=__awsQuizRequire(import.meta.url);" },
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});
