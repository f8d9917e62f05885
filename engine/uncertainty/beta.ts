/**
 * The beta distribution on [0, 1], which a PERT input is a scaled copy of: its density, its
 * cumulative probability (the regularised incomplete beta function) and its quantile.
 */

/** ln Γ(x) for x > 0: shifted up to 15 or more, then Stirling's series to the x⁻⁹ term (error below 1e-16). */
export function logGamma(x: number): number {
  let shift = 0;
  while (x < 15) {
    shift += Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * The continued fraction of the incomplete beta function (modified Lentz), for x below the mean
 * region where it converges fast: I_x(a,b) = x^a (1−x)^b / (a·B(a,b)) · 1/(1 + d1/(1 + d2/(1 + …))),
 * d(2m+1) = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)), d(2m) = m(b−m)x / ((a+2m−1)(a+2m)).
 */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let f = d;
  for (let m = 1; m <= 500; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 + even * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + even / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    f *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + odd * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + odd / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return f;
}

/**
 * A beta distribution with shapes a, b ≥ 1 (all a PERT input needs), prepared once.
 *
 * Drawing is the hot path (once per input per draw), and each evaluation of the incomplete beta
 * function costs a continued fraction. So the quantile is tabulated at u = k/1024 with its slope
 * (1/density) and read by cubic Hermite interpolation in every cell where that is checked, at
 * construction, to agree with the exact quantile to within 1e-10 of the range; the few cells where it
 * does not (next to an end where the density falls to 0) are solved exactly by Newton's method.
 */
export class BetaDistribution {
  readonly a: number;
  readonly b: number;
  private readonly lnB: number;
  /** Quantiles at u = k/CELLS. */
  private readonly nodes: Float64Array;
  /** dx/du at each node (1/density), or NaN where the density is 0. */
  private readonly slopes: Float64Array;
  /** Per cell: 1 when Hermite interpolation is exact enough there, 0 to solve exactly. */
  private readonly smooth: Uint8Array;
  private static readonly CELLS = 1024;
  /** Interpolation must agree with the exact quantile to this (the range is 1): a millionth of a penny on £10,000. */
  private static readonly TOLERANCE = 1e-10;

  constructor(a: number, b: number) {
    this.a = a;
    this.b = b;
    this.lnB = logBeta(a, b);
    const cells = BetaDistribution.CELLS;
    this.nodes = new Float64Array(cells + 1);
    this.nodes[cells] = 1;
    for (let k = 1; k < cells; k++) this.nodes[k] = this.search(k / cells, this.nodes[k - 1]!, 1, 0.5 * (this.nodes[k - 1]! + 1), 0);
    this.slopes = new Float64Array(cells + 1);
    for (let k = 0; k <= cells; k++) {
      const density = this.density(this.nodes[k]!);
      this.slopes[k] = density > 0 ? 1 / density : NaN;
    }
    this.smooth = new Uint8Array(cells);
    for (let k = 0; k < cells; k++) {
      if (Number.isNaN(this.slopes[k]!) || Number.isNaN(this.slopes[k + 1]!)) continue;
      // Check at the middle of the cell, where a cubic Hermite's error (∝ t²(1−t)²) is largest.
      const exact = this.search((k + 0.5) / cells, this.nodes[k]!, this.nodes[k + 1]!, this.hermite(k, 0.5), 0);
      this.smooth[k] = Math.abs(this.hermite(k, 0.5) - exact) <= BetaDistribution.TOLERANCE ? 1 : 0;
    }
  }

  /** Cubic Hermite interpolation in cell k at fraction t of the way through it. */
  private hermite(k: number, t: number): number {
    const h = 1 / BetaDistribution.CELLS;
    const x0 = this.nodes[k]!;
    const x1 = this.nodes[k + 1]!;
    const m0 = this.slopes[k]! * h;
    const m1 = this.slopes[k + 1]! * h;
    const t2 = t * t;
    const t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * x0 + (t3 - 2 * t2 + t) * m0 + (-2 * t3 + 3 * t2) * x1 + (t3 - t2) * m1;
  }

  density(x: number): number {
    if (x <= 0 || x >= 1) {
      // At the ends the density is 0 for a shape above 1, and a finite value for a shape of 1.
      if (x === 0 && this.a === 1) return Math.exp(-this.lnB);
      if (x === 1 && this.b === 1) return Math.exp(-this.lnB);
      return 0;
    }
    return Math.exp((this.a - 1) * Math.log(x) + (this.b - 1) * Math.log1p(-x) - this.lnB);
  }

  /** The regularised incomplete beta function I_x(a, b). */
  cdf(x: number): number {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    const a = this.a;
    const b = this.b;
    const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - this.lnB);
    if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
    return 1 - (front * betaFraction(1 - x, b, a)) / b;
  }

  /** The x with I_x(a, b) = u, for 0 < u < 1. */
  quantile(u: number): number {
    const cells = BetaDistribution.CELLS;
    const k = Math.min(cells - 1, Math.floor(u * cells));
    if (this.smooth[k]) return this.hermite(k, u * cells - k);
    const lo = this.nodes[k]!;
    const hi = this.nodes[k + 1]!;
    // Start from the straight line between the two nodes: already within about 1e-7, so Newton's
    // method needs one or two steps.
    return this.search(u, lo, hi, lo + (u * cells - k) * (hi - lo), 1e-9);
  }

  /**
   * Newton's method kept inside a bracket [lo, hi] that holds the answer, bisecting when a step
   * would leave it. Stops when a step is below `enough` (Newton's error after a step is about the
   * square of the step, so 1e-9 leaves an error far below 1e-15), or when the steps stop shrinking.
   */
  private search(u: number, lo: number, hi: number, start: number, enough: number): number {
    let x = start > lo && start < hi ? start : 0.5 * (lo + hi);
    for (let i = 0; i < 100; i++) {
      const excess = this.cdf(x) - u;
      if (excess === 0) return x;
      if (excess > 0) hi = x;
      else lo = x;
      const slope = this.density(x);
      const newton = slope > 0 ? x - excess / slope : NaN;
      const inside = newton > lo && newton < hi;
      const next = inside ? newton : 0.5 * (lo + hi);
      const step = Math.abs(next - x);
      if ((inside && step <= enough) || step <= 1e-15 * Math.max(1e-3, x) || hi - lo <= 1e-16) return next;
      x = next;
    }
    return x;
  }
}
