/**
 * The random numbers of an uncertainty analysis, keyed by (seed, input, draw).
 *
 * A sequential generator gives each worker a different stream depending on how the draws were shared
 * out, so the answer would depend on the number of workers. A counter-based generator has no state:
 * the uniform for input i in draw d is a pure function of (seed, i, d), so any worker can compute any
 * draw and the figures are bit-identical however the work is split or ordered.
 *
 * The function is Philox-2×32 with 10 rounds (Salmon, Moraes, Dror and Shaw, "Parallel random
 * numbers: as easy as 1, 2, 3", SC 2011), which passes the BigCrush statistical tests: the draw and
 * the input's stream are the 64-bit counter, the seed is the key. Its two 32-bit outputs make one
 * uniform with 53 random bits, strictly between 0 and 1 (so a quantile function never sees 0 or 1).
 */

/** Philox-2×32's multiplier and key increment (the golden ratio), from the paper. */
const PHILOX_M = 0xd256d193;
const PHILOX_W = 0x9e3779b9;
const ROUNDS = 10;

/** The most draws one seed can give (the draw counter is 32 bits). */
export const MAX_DRAWS = 0x1_0000_0000;

const M_HI = PHILOX_M >>> 16;
const M_LO = PHILOX_M & 0xffff;

/** High 32 bits of the 64-bit product PHILOX_M × x, from 16-bit halves (every partial product is exact). */
function mulHi(x: number): number {
  const xHi = x >>> 16;
  const xLo = x & 0xffff;
  const cross1 = M_HI * xLo;
  const cross2 = M_LO * xHi;
  const carry = (((M_LO * xLo) >>> 16) + (cross1 & 0xffff) + (cross2 & 0xffff)) >>> 16;
  return (M_HI * xHi + (cross1 >>> 16) + (cross2 >>> 16) + carry) >>> 0;
}

/** Both 32-bit outputs of Philox-2×32-10 for the counter (c0, c1) and key k; for tests against the published vectors. */
export function philox2x32(c0: number, c1: number, key: number): [number, number] {
  let x0 = c0 >>> 0;
  let x1 = c1 >>> 0;
  let k = key >>> 0;
  for (let r = 0; r < ROUNDS; r++) {
    if (r > 0) k = (k + PHILOX_W) >>> 0;
    const hi = mulHi(x0);
    const lo = Math.imul(PHILOX_M, x0) >>> 0;
    x0 = (hi ^ k ^ x1) >>> 0;
    x1 = lo;
  }
  return [x0, x1];
}

/**
 * The uniform in (0, 1) for one input's stream in one draw. Allocation-free (the hot path of every
 * draw): the same rounds as `philox2x32`, written out so nothing is returned but a number.
 */
export function uniformAt(seed: number, stream: number, draw: number): number {
  let x0 = draw >>> 0;
  let x1 = stream >>> 0;
  let k = seed >>> 0;
  for (let r = 0; r < ROUNDS; r++) {
    if (r > 0) k = (k + PHILOX_W) >>> 0;
    const hi = mulHi(x0);
    const lo = Math.imul(PHILOX_M, x0) >>> 0;
    x0 = (hi ^ k ^ x1) >>> 0;
    x1 = lo;
  }
  // 27 bits from one output and 26 from the other: (n + 0.5) / 2^53 for n in [0, 2^53).
  return ((x0 >>> 5) * 67108864 + (x1 >>> 6) + 0.5) / 9007199254740992;
}

/**
 * An input's stream: a 32-bit number from its setting key, so that an input draws the same numbers
 * whichever other inputs are uncertain (adding one input does not reshuffle the rest). FNV-1a over
 * the key's UTF-16 units, then a final avalanche so keys that differ in one letter land far apart.
 */
export function streamOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
