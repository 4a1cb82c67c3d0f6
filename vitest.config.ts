import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // A developer's own data directory, database and banks never leak into tests.
    env: { AWS_QUIZ_DB: '', AWS_QUIZ_QUESTIONS: '', NO_COLOR: '1', LANG: 'C', LC_ALL: '', LC_MESSAGES: '' },
  },
});
