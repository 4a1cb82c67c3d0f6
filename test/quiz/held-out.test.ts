import { describe, expect, it } from 'vitest';
import { withoutHeldOut } from '../../src/quiz/held-out.js';

describe('withoutHeldOut', () => {
  it('takes away the held questions and counts them', () => {
    const pool = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(withoutHeldOut(pool, new Set(['b', 'zz']))).toEqual({ pool: [{ id: 'a' }, { id: 'c' }], heldOut: 1 });
    expect(withoutHeldOut(pool, new Set())).toEqual({ pool, heldOut: 0 });
  });
});
