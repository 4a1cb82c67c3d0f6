// Bundles the CLI into dist/chunks/cli.js plus one chunk per lazily loaded command.
// Loading one file instead of hundreds of small modules roughly halves start-up: module
// resolution and compilation were most of the time before the first question.
// tsc still type-checks and emits dist/ first; scripts and tests import those modules.
//
// The chunks are CommonJS (dist/chunks/package.json says so). esbuild splits only ES
// modules, so each chunk is split as one and then turned into CommonJS: Node loads a
// CommonJS file synchronously, where each ES module costs an asynchronous read, a link and
// an evaluation step of its own. With the thirty-odd chunks before the first question that
// took 15 ms off it (275 -> 260 ms, `node -e 0` at 120 ms).
import { build, transform } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    const shim = fileURLToPath(new URL('./lazy-child-process.cjs', import.meta.url));
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (args.importer.includes('/commander/') ? { path: shim } : undefined));
  },
};

const chunks = new URL('../dist/chunks/', import.meta.url);
rmSync(chunks, { recursive: true, force: true });
const { outputFiles } = await build({
  entryPoints: { 'chunks/cli': 'src/cli.ts' },
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
  plugins: [lazyChildProcess],
  write: false,
  logLevel: 'warning',
});

mkdirSync(chunks, { recursive: true });
writeFileSync(new URL('package.json', chunks), '{ "type": "commonjs" }\n');
for (const file of outputFiles) {
  // Chunks find the banks, the schema and the SQLite addon relative to their own file.
  const usesUrl = file.text.includes('import.meta.url');
  // A chunk loaded later is required as well: import() would take it through the ES module loader.
  const text = file.text.replace(/\bimport\("(\.\.?\/[^"]+)"\)/g, 'Promise.resolve().then(()=>require("$1"))');
  const { code } = await transform(text, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    define: { 'import.meta.url': '__awsQuizUrl' },
    ...(usesUrl && { banner: "var __awsQuizUrl=require('node:url').pathToFileURL(__filename).href;" }),
    logLevel: 'warning',
  });
  writeFileSync(file.path, code);
}

// The code cache is set up before any chunk loads, from one file of its own.
await build({
  entryPoints: ['src/code-cache.ts'],
  outfile: 'dist/chunks/code-cache.js',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
