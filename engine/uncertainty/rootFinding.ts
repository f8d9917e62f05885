/**
 * Finding where a figure crosses a target as one input moves: a scan for a change of sign, then
 * Brent's method (R. P. Brent, "Algorithms for Minimization without Derivatives", 1973, ch. 4) inside
 * the bracket it finds. Brent's method keeps a bracket that always holds the crossing and takes the
 * faster inverse-quadratic or secant step only when it lands well inside it, bisecting otherwise, so
 * it cannot diverge and needs no derivative. Model figures are not always smooth (teams round up), so
 * a "crossing" may be a step where the figure jumps past the target; the bracket still closes on it.
 */

export interface Bracket {
  lo: number;
  hi: number;
  gLo: number;
  gHi: number;
}

export interface Scan {
  /** The first bracket where g changes sign (or an end where g is exactly 0), or null. */
  bracket: Bracket | null;
  /** How many changes of sign the scan saw. */
  crossings: number;
  least: number;
  most: number;
  gAtLow: number;
  gAtHigh: number;
}

/** Samples g at `points` + 1 equally spaced points of [lo, hi] and finds the first change of sign. */
export function scanForSignChange(g: (x: number) => number, lo: number, hi: number, points = 64): Scan {
  let bracket: Bracket | null = null;
  let crossings = 0;
  let previousX = lo;
  let previous = g(lo);
  const gAtLow = previous;
  let least = previous;
  let most = previous;
  if (previous === 0) bracket = { lo, hi: lo, gLo: 0, gHi: 0 };
  for (let i = 1; i <= points; i++) {
    const x = i === points ? hi : lo + ((hi - lo) * i) / points;
    const value = g(x);
    least = Math.min(least, value);
    most = Math.max(most, value);
    if ((previous < 0 && value > 0) || (previous > 0 && value < 0) || (value === 0 && previous !== 0)) {
      crossings++;
      bracket ??= value === 0 ? { lo: x, hi: x, gLo: 0, gHi: 0 } : { lo: previousX, hi: x, gLo: previous, gHi: value };
    }
    previousX = x;
    previous = value;
  }
  return { bracket, crossings, least, most, gAtLow, gAtHigh: previous };
}

/**
 * Brent's method on a bracket [a, b] with g(a) and g(b) of opposite signs. Returns the point found
 * and the bracket it finished with (both ends, with g), so the caller can tell a root from a jump.
 */
export function brent(g: (x: number) => number, bracket: Bracket, tolerance = 1e-12, maxIterations = 200): { x: number; gx: number; lo: number; hi: number; gLo: number; gHi: number } {
  let a = bracket.lo;
  let b = bracket.hi;
  let fa = bracket.gLo;
  let fb = bracket.gHi;
  if (fa === 0) return { x: a, gx: 0, lo: a, hi: a, gLo: 0, gHi: 0 };
  if (fb === 0) return { x: b, gx: 0, lo: b, hi: b, gLo: 0, gHi: 0 };
  // c is the contrapoint: g(b) and g(c) always have opposite signs, and b is the better of the two.
  let c = a;
  let fc = fa;
  let step = b - a;
  let previousStep = step;
  for (let i = 0; i < maxIterations; i++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      step = b - a;
      previousStep = step;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2;
    const half = (c - b) / 2;
    if (Math.abs(half) <= tol || fb === 0) break;
    if (Math.abs(previousStep) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Try interpolation: secant when only two points are distinct, inverse quadratic otherwise.
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const r = fb / fc;
        const t = fa / fc;
        p = s * (2 * half * t * (t - r) - (b - a) * (r - 1));
        q = (t - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      // Accept the step only if it falls well inside the bracket and shrinks faster than bisection would.
      if (2 * p < Math.min(3 * half * q - Math.abs(tol * q), Math.abs(previousStep * q))) {
        previousStep = step;
        step = p / q;
      } else {
        step = half;
        previousStep = half;
      }
    } else {
      step = half;
      previousStep = half;
    }
    a = b;
    fa = fb;
    b += Math.abs(step) > tol ? step : half > 0 ? tol : -tol;
    fb = g(b);
  }
  return { x: b, gx: fb, lo: Math.min(b, c), hi: Math.max(b, c), gLo: b < c ? fb : fc, gHi: b < c ? fc : fb };
}
