import { normalizeForComparison } from './text.js';
import type { Question } from './types.js';

// Two questions ask the same thing when their stems are alike AND their keys are alike.
// Each text becomes a set of character 3-grams (after normalising: no spacing, punctuation
// or case), weighted by how rare the 3-gram is across the whole set (ln(1 + N/df)), so
// 「選択してください」 and other boilerplate count for little; grams found in more than 5 %
// of the questions (at least 20, at most 100) are boilerplate and left out. Stems and correct choices are
// compared by cosine, and the pair's similarity is the geometric mean of the two.
// Calibrated on the bundled banks: at 0.26 the five known pairs that ask the same
// question with the same key are all found, among 19 pairs in 408 questions.

export const SIMILARITY_THRESHOLD = 0.26;
/** A question is reported with at most this many earlier ones, the most alike first. */
export const MAX_PAIRS_PER_QUESTION = 3;
const N = 3;

export interface SimilarPair {
  /** Indexes into the questions given; `first` < `second`. */
  first: number;
  second: number;
  stem: number;
  key: number;
  similarity: number;
}

/** A sparse vector: gram ids ascending, weights normalised to length 1. */
interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

/**
 * The 3-grams of a normalised text as small integers: a 31-bit hash of the three UTF-16 units
 * (a small integer keeps the Map fast; two grams sharing a hash is rare enough not to matter).
 */
function grams(text: string, into: number[]): number[] {
  const t = normalizeForComparison(text);
  const code = (i: number) => t.charCodeAt(i) || 0;
  const hash = (i: number) => (Math.imul(code(i), 0x9e3779b1) ^ Math.imul(code(i + 1), 0x85ebca77) ^ Math.imul(code(i + 2), 0xc2b2ae3d)) >>> 1;
  if (t.length < N) {
    if (t) into.push(hash(0));
    return into;
  }
  for (let i = 0; i + N <= t.length; i++) into.push(hash(i));
  return into;
}

/** Interned gram ids per text (ascending, each once), counting how many texts hold each gram. */
function intern(texts: number[][], ids: Map<number, number>, df: number[]): number[][] {
  return texts.map((codes) => {
    const out: number[] = [];
    for (const g of codes) {
      let id = ids.get(g);
      if (id === undefined) {
        id = df.length;
        ids.set(g, id);
        df.push(0);
      }
      out.push(id);
    }
    out.sort((a, b) => a - b);
    let n = 0;
    for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i]!;
    out.length = n;
    for (const id of out) df[id]!++;
    return out;
  });
}

function vectors(docs: number[][], df: number[], total: number, cap: number): Vector[] {
  // ln(1 + N/df) once per gram, 0 for boilerplate grams, which are then left out.
  const idf = Float64Array.from(df, (n) => (n <= cap ? Math.log(1 + total / n) : 0));
  return docs.map((doc) => {
    let n = 0;
    for (const id of doc) if (idf[id]! > 0) n++;
    const ids = new Int32Array(n);
    const weights = new Float64Array(n);
    let sum = 0;
    n = 0;
    for (const id of doc) {
      const w = idf[id]!;
      if (w === 0) continue;
      ids[n] = id;
      weights[n++] = w;
      sum += w * w;
    }
    const norm = Math.sqrt(sum) || 1;
    for (let i = 0; i < n; i++) weights[i]! /= norm;
    return { ids, weights };
  });
}

function dot(a: Vector, b: Vector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/**
 * Pure: every pair of questions at or above the threshold. Candidates come from an inverted
 * index of the keys' grams (a pair whose keys share no rare gram cannot reach the threshold),
 * so the cost follows the pairs that share something, not every pair.
 */
export function similarPairs(questions: Question[], threshold = SIMILARITY_THRESHOLD): SimilarPair[] {
  const total = questions.length;
  const cap = Math.max(20, Math.min(100, Math.floor(total * 0.05)));
  const stemDf: number[] = [];
  const keyDf: number[] = [];
  const stems = vectors(intern(questions.map((q) => grams(q.question, [])), new Map(), stemDf), stemDf, total, cap);
  const keyGrams = questions.map((q) => q.choices.filter((c) => c.correct).reduce((codes, c) => grams(c.text, codes), [] as number[]));
  const keys = vectors(intern(keyGrams, new Map(), keyDf), keyDf, total, cap);

  // The stem's cosine is at most 1, so a pair needs a key cosine of at least threshold².
  const keyMin = threshold * threshold;
  const postings: ({ doc: number[]; weight: number[] } | undefined)[] = new Array(keyDf.length);
  const acc = new Float64Array(total);
  const touched: number[] = [];
  const pairs: SimilarPair[] = [];
  for (let i = 0; i < total; i++) {
    const k = keys[i]!;
    for (let g = 0; g < k.ids.length; g++) {
      const p = postings[k.ids[g]!];
      if (!p) continue;
      const w = k.weights[g]!;
      for (let n = 0; n < p.doc.length; n++) {
        const j = p.doc[n]!;
        if (acc[j] === 0) touched.push(j);
        acc[j]! += w * p.weight[n]!;
      }
    }
    const found: SimilarPair[] = [];
    for (const j of touched) {
      const key = acc[j]!;
      acc[j] = 0;
      if (key < keyMin) continue;
      const stem = dot(stems[i]!, stems[j]!);
      const similarity = Math.sqrt(Math.max(0, stem) * key);
      if (similarity >= threshold) found.push({ first: j, second: i, stem, key, similarity });
    }
    touched.length = 0;
    pairs.push(...found.sort((a, b) => b.similarity - a.similarity).slice(0, MAX_PAIRS_PER_QUESTION));
    for (let g = 0; g < k.ids.length; g++) {
      const id = k.ids[g]!;
      const p = (postings[id] ??= { doc: [], weight: [] });
      p.doc.push(i);
      p.weight.push(k.weights[g]!);
    }
  }
  return pairs.sort((a, b) => a.first - b.first || a.second - b.second);
}
