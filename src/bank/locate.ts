import { allQuestions, loadBanks } from './load.js';
import type { Location } from './types.js';

/** Where each of the given questions starts in its bank file, as the loader reads it now. */
export function questionLocations(dirs: string[], ids: Iterable<string>): Map<string, Location> {
  const wanted = new Set(ids);
  const out = new Map<string, Location>();
  if (wanted.size === 0) return out;
  for (const q of allQuestions(loadBanks(dirs))) if (wanted.has(q.id) && !out.has(q.id)) out.set(q.id, q.at.question);
  return out;
}
