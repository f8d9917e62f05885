import { formatDistribution, normalCdf, normalQuantile, readDistribution, sampler, support, type Distribution } from "../../engine/index.js";
import { BetaDistribution, logGamma } from "../../engine/uncertainty/beta.js";
import { streamOf, uniformAt } from "../../engine/uncertainty/random.js";

const read = (raw: unknown, central?: number, range = {}): Distribution => {
  const { distribution, issues } = readDistribution(raw, central, range);
  if (!distribution) throw new Error(issues.map((i) => `${i.path}: ${i.reason}`).join("; "));
  return distribution;
};

/** Mean and variance of a density on [lo, hi] by Simpson's rule (independent of the engine's Φ and quantiles). */
function integrate(density: (x: number) => number, lo: number, hi: number, steps = 20000): { mean: number; variance: number } {
  const h = (hi - lo) / steps;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i <= steps; i++) {
    const x = lo + i * h;
    const w = i === 0 || i === steps ? 1 : i % 2 ? 4 : 2;
    const f = density(x) * w;
    m0 += f;
    m1 += f * x;
    m2 += f * x * x;
  }
  const mean = m1 / m0;
  return { mean, variance: m2 / m0 - mean * mean };
}
const normalDensity = (mu: number, sd: number) => (x: number) => Math.exp(-0.5 * ((x - mu) / sd) ** 2);
const lognormalDensity = (mean: number, sd: number) => {
  const s2 = Math.log(1 + (sd * sd) / (mean * mean));
  const mu = Math.log(mean) - s2 / 2;
  return (x: number) => (x <= 0 ? 0 : Math.exp(-((Math.log(x) - mu) ** 2) / (2 * s2)) / x);
};

/** Theoretical mean and variance of each distribution, from textbook formulas (or integration where cut off). */
const cases: [string, string, { mean: number; variance: number }][] = [
  ["uniform", "uniform(2, 10)", { mean: 6, variance: 64 / 12 }],
  ["triangular", "triangular(0.1, 0.142, 0.2)", { mean: (0.1 + 0.142 + 0.2) / 3, variance: (0.1 ** 2 + 0.142 ** 2 + 0.2 ** 2 - 0.1 * 0.142 - 0.1 * 0.2 - 0.142 * 0.2) / 18 }],
  ["triangular with its mode at an end", "triangular(1, 1, 3)", { mean: 5 / 3, variance: (1 + 1 + 9 - 1 - 3 - 3) / 18 }],
  [
    "PERT",
    "pert(250000, 500000, 1000000)",
    (() => {
      const [a, m, b] = [250000, 500000, 1000000];
      const alpha = 1 + (4 * (m - a)) / (b - a);
      const beta = 1 + (4 * (b - m)) / (b - a);
      return { mean: (a + 4 * m + b) / 6, variance: ((alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1))) * (b - a) ** 2 };
    })(),
  ],
  [
    "PERT with shape 2",
    "pert(0, 0.3, 1, 2)",
    (() => {
      const alpha = 1 + 2 * 0.3;
      const beta = 1 + 2 * 0.7;
      return { mean: (0 + 2 * 0.3 + 1) / 4, variance: (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1)) };
    })(),
  ],
  ["normal", "normal(36582, 1500)", { mean: 36582, variance: 1500 ** 2 }],
  ["normal cut off at both ends", "normal(14, 1, 12.5, 15)", integrate(normalDensity(14, 1), 12.5, 15)],
  ["normal cut off in its upper tail", "normal(0, 1, 1.5, 4)", integrate(normalDensity(0, 1), 1.5, 4)],
  ["lognormal", "lognormal(10, 3)", { mean: 10, variance: 9 }],
  ["lognormal cut off", "lognormal(0.4, 0.2, 0, 0.8)", integrate(lognormalDensity(0.4, 0.2), 1e-9, 0.8, 200000)],
  ["discrete", "discrete(1:0.2, 1.86:0.5, 3:0.3)", { mean: 0.2 + 0.93 + 0.9, variance: 0.2 + 0.5 * 1.86 ** 2 + 0.3 * 9 - (0.2 + 0.93 + 0.9) ** 2 }],
];

describe("sample moments of each distribution match the theory", () => {
  const n = 200_000;
  test.each(cases)("%s: %s", (_name, text, theory) => {
    const s = sampler(read(text));
    const stream = streamOf(text);
    const draws = new Float64Array(n);
    for (let i = 0; i < n; i++) draws[i] = s.quantile(uniformAt(2026, stream, i));
    const mean = draws.reduce((a, x) => a + x, 0) / n;
    const variance = draws.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
    const sd = Math.sqrt(theory.variance);
    // The sample mean's standard error is sd/√n; allow five of them. The variance within 2%.
    expect(Math.abs(mean - theory.mean)).toBeLessThan((5 * sd) / Math.sqrt(n));
    expect(Math.abs(variance / theory.variance - 1)).toBeLessThan(0.02);
    const [lo, hi] = support(s.distribution);
    expect(draws.reduce((a, x) => Math.min(a, x), Infinity)).toBeGreaterThanOrEqual(lo);
    expect(draws.reduce((a, x) => Math.max(a, x), -Infinity)).toBeLessThanOrEqual(hi);
  });

  test("a discrete distribution gives each value with its probability", () => {
    const s = sampler(read("discrete(3:0.3, 1:0.2, 1.86:0.5)"));
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const v = s.quantile(uniformAt(9, 1, i));
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([1, 1.86, 3]);
    for (const [v, p] of [[1, 0.2], [1.86, 0.5], [3, 0.3]] as const) expect(Math.abs(counts.get(v)! / n - p)).toBeLessThan(0.005);
  });
});

describe("quantile functions, worked by hand", () => {
  test("triangular: the quantile solves the CDF's two quadratics", () => {
    const s = sampler(read("triangular(0, 1, 4)"));
    // F(x) = x²/4 on [0, 1], so F⁻¹(0.16) = 0.8; F(x) = 1 − (4 − x)²/12 on [1, 4], so F⁻¹(0.25) = 1, F⁻¹(1 − 3/12) = 1 ... and F⁻¹(0.9167) = 3.
    expect(s.quantile(0.16)).toBeCloseTo(0.8, 12);
    expect(s.quantile(0.25)).toBeCloseTo(1, 12);
    expect(s.quantile(1 - 1 / 12)).toBeCloseTo(3, 12);
  });

  test("uniform and normal quantiles at known points", () => {
    expect(sampler(read("uniform(10, 20)")).quantile(0.1)).toBeCloseTo(11, 12);
    expect(sampler(read("normal(100, 15)")).quantile(0.975)).toBeCloseTo(100 + 15 * 1.959963984540054, 9);
  });

  test("the standard normal: Φ and Φ⁻¹ against tabulated values, in both tails", () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 10);
    expect(normalCdf(-10) / 7.61985302416047e-24).toBeCloseTo(1, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
    for (let i = 1; i < 1000; i++) {
      const p = i / 1000;
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 13);
    }
  });

  test("the beta distribution: I_x(2, 3) = 6x² − 8x³ + 3x⁴, and its quantile inverts it", () => {
    const b = new BetaDistribution(2, 3);
    for (const x of [0.1, 0.3, 0.5, 0.9]) expect(b.cdf(x)).toBeCloseTo(6 * x ** 2 - 8 * x ** 3 + 3 * x ** 4, 13);
    for (let i = 1; i < 2000; i++) {
      const u = i / 2000;
      expect(b.cdf(b.quantile(u))).toBeCloseTo(u, 9);
    }
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
  });
});

describe("reading distributions", () => {
  test("text and groups of settings give the same distribution, and text round-trips", () => {
    expect(read("triangular(0.10, 0.142, 0.20)")).toEqual({ type: "triangular", min: 0.1, mode: 0.142, max: 0.2 });
    expect(read({ type: "triangular", min: 0.1, mode: 0.142, max: 0.2 })).toEqual(read("triangular(0.1, 0.142, 0.2)"));
    expect(read("pert(10%, 14.2%, 20%)")).toEqual({ type: "pert", min: 0.1, mode: 0.142, max: 0.2, shape: 4 });
    expect(read("normal(14, 1, 12, -inf)".replace("-inf", "16"))).toEqual({ type: "normal", mean: 14, sd: 1, min: 12, max: 16 });
    expect(read("normal(14, 1, -inf, 16)")).toEqual({ type: "normal", mean: 14, sd: 1, max: 16 });
    expect(read("discrete(1:0.25, 2:0.75)")).toEqual({ type: "discrete", values: [1, 2], probabilities: [0.25, 0.75] });
    for (const text of ["uniform(1, 2)", "triangular(1, 2, 3)", "pert(1, 2, 3)", "pert(1, 2, 3, 6)", "normal(5, 1)", "lognormal(5, 1, 1, 9)", "discrete(1:0.5, 2:0.5)"]) {
      expect(read(formatDistribution(read(text)))).toEqual(read(text));
    }
  });

  test("a mode or mean left out is the setting's own value", () => {
    expect(read("triangular(0.1, 0.2)", 0.142)).toEqual({ type: "triangular", min: 0.1, mode: 0.142, max: 0.2 });
    expect(read({ type: "pert", min: 1, max: 3 }, 1.86)).toEqual({ type: "pert", min: 1, mode: 1.86, max: 3, shape: 4 });
    expect(read({ type: "normal", sd: 2 }, 10)).toEqual({ type: "normal", mean: 10, sd: 2 });
  });

  test.each([
    ["triangular(0.3, 0.2, 0.1)", undefined, {}, "max: must be more than min (0.3), got 0.1"],
    ["triangular(0.1, 0.3, 0.2)", undefined, {}, "mode: must lie between min (0.1) and max (0.2), got 0.3"],
    ["normal(1, 0)", undefined, {}, "sd: must be more than 0, got 0"],
    ["discrete(1:0.5, 2:0.6)", undefined, {}, "probabilities: must sum to 1, got 1.1"],
    ["gamma(1, 2)", undefined, {}, ': unknown distribution "gamma" (known: triangular, pert, uniform, normal, lognormal, discrete)'],
    ["uniform(1)", undefined, {}, ": uniform(...) takes 2 numbers, got 1"],
    ["triangular(0, 0.5, 1.2)", 0.5, { min: 0, max: 1 }, ": reaches 1.2, above the most the setting allows (1)"],
    ["normal(0.15, 0.05)", 0.15, { min: 0, max: 1 }, ": reaches minus infinity, below the least the setting allows (0); give min: 0 to cut it off there"],
    ["triangular(0.1, 0.5, 1)", 0.5, { min: 0, max: 1, maxExclusive: true }, ": reaches 1, above the most the setting allows (less than 1)"],
    ["uniform(30, 60)", 46, { integer: true }, ": the setting is a whole number, so its distribution must be discrete with whole-number values"],
    ["uniform(0.2, 0.3)", 0.142, {}, ": the setting's value 0.142 lies outside its distribution (0.2 to 0.3)"],
    ["normal(0, 1, 50, 60)", undefined, {}, ": cutting it off at 50 and 60 leaves almost none of it (probability 0.0)"],
    [{ type: "uniform", min: 0, max: 1, mode: 0.5 }, undefined, {}, "mode: is not a parameter of a uniform distribution (its parameters: min, max)"],
  ])("%j is refused with its reason", (raw, central, range, message) => {
    const { distribution, issues } = readDistribution(raw, central, range);
    expect(distribution).toBeUndefined();
    expect(issues.map((i) => `${i.path}: ${i.reason}`)).toContain(message);
  });
});
