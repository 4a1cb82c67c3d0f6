import { defineConfig } from 'vitest/config';
import { shared } from './vitest.config.js';

// The unit tests that exercise src/quiz, src/bank and src/store, for mutation testing
// (npm run mutate), in the machine's zone only: the end-to-end and pseudo-terminal tests run the
// built bundle in dist/, which Stryker does not mutate, and would only make every mutant slower.
export default defineConfig({
  test: {
    ...shared,
    include: ['test/quiz/**/*.test.ts', 'test/bank/**/*.test.ts', 'test/store/**/*.test.ts', 'test/commands/**/*.test.ts'],
  },
});
