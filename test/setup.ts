import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Anything that falls back to the default database path lands in a throwaway directory.
process.env.XDG_DATA_HOME = mkdtempSync(join(tmpdir(), 'aws-quiz-xdg-'));
// The bank cache too: tests never write to the developer's ~/.cache.
process.env.XDG_CACHE_HOME = mkdtempSync(join(tmpdir(), 'aws-quiz-cache-'));
