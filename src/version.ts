import { readFileSync } from 'node:fs';

/**
 * The version in our package.json, read as a file (require() of JSON would start the CommonJS
 * loader just for this). The module may run from dist/, dist/chunks/ or a test's src/, so
 * the file is looked for upwards.
 */
export function packageVersion(): string {
  for (const up of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'aws-quiz' && pkg.version) return pkg.version;
    } catch {
      // not here; one level up
    }
  }
  return '0.0.0';
}
