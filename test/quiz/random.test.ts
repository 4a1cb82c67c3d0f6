import { describe, expect, it } from 'vitest';
import { choiceOrder, seededRandom, shuffle } from '../../src/quiz/random.js';

describe('seeded randomness', () => {
  it('repeats the same shuffle for the same seed and differs for another', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffle(items, seededRandom('42'))).toEqual(shuffle(items, seededRandom('42')));
    expect(shuffle(items, seededRandom('42'))).not.toEqual(shuffle(items, seededRandom('43')));
    expect(shuffle(items, seededRandom('42')).sort((a, b) => a - b)).toEqual(items);
  });

  it('puts every choice first about equally often', () => {
    const r = seededRandom('spread');
    const firsts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) firsts[choiceOrder(4, r)[0]!]!++;
    for (const n of firsts) expect(n).toBeGreaterThan(850);
  });
});
