/** Pure: the questions left once those held out (an open wrong-key report) are taken away, and how many were. */
export function withoutHeldOut<Q extends { id: string }>(pool: Q[], held: ReadonlySet<string>): { pool: Q[]; heldOut: number } {
  if (held.size === 0) return { pool, heldOut: 0 };
  const kept = pool.filter((q) => !held.has(q.id));
  return { pool: kept, heldOut: pool.length - kept.length };
}
