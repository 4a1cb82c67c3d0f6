// A small seeded generator so `--seed` reproduces a draw and its choice orders exactly.
// Math.random cannot be seeded.

import { fnv1a } from '../hash.js';

export type Random = () => number;

/** mulberry32: fast, well distributed for shuffling, reproducible from its seed. */
export function seededRandom(seed: string): Random {
  let a = fnv1a(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fresh seed for sessions the user did not seed, stored so they can be replayed. */
export function newSeed(): string {
  return Math.floor(Math.random() * 2 ** 32).toString(36);
}

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Display order of a question's choices, as original indexes. */
export function choiceOrder(choiceCount: number, random: Random): number[] {
  return shuffle(
    Array.from({ length: choiceCount }, (_, i) => i),
    random,
  );
}
