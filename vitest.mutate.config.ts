import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The unit tests that exercise src/quiz, src/bank and src/store, for mutation testing
// (npm run mutate): the end-to-end and pseudo-terminal tests run the built bundle in dist/,
// which Stryker does not mutate, and would only make every mutant slower.
// (Not mergeConfig: it would append to the base include list instead of replacing it.)
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/quiz/**/*.test.ts', 'test/bank/**/*.test.ts', 'test/store/**/*.test.ts', 'test/commands/**/*.test.ts'],
  },
});
