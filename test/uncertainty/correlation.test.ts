import { cholesky, correlationFactor, normalCorrelationForRank } from "../../engine/uncertainty/correlation.js";
import { loadScenario, createSimulation } from "../../engine/index.js";
import { smallScenario } from "../fixtures/small.js";

/** Spearman's rank correlation of two samples (no ties in continuous draws). */
function spearman(a: Float64Array, b: Float64Array): number {
  const ranks = (x: Float64Array) => {
    const order = Array.from(x.keys()).sort((i, j) => x[i]! - x[j]!);
    const r = new Float64Array(x.length);
    order.forEach((i, k) => (r[i] = k));
    return r;
  };
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  const mean = (n - 1) / 2;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    num += (ra[i]! - mean) * (rb[i]! - mean);
    da += (ra[i]! - mean) ** 2;
    db += (rb[i]! - mean) ** 2;
  }
  return num / Math.sqrt(da * db);
}

describe("rank correlation between uncertain inputs", () => {
  test("Pearson's identity: rank 0, ±1 and 0.5 map to normal correlations 0, ±1 and 2·sin(π/12)", () => {
    expect(normalCorrelationForRank(0)).toBe(0);
    expect(normalCorrelationForRank(1)).toBeCloseTo(1, 15);
    expect(normalCorrelationForRank(-1)).toBeCloseTo(-1, 15);
    expect(normalCorrelationForRank(0.5)).toBeCloseTo(2 * Math.sin(Math.PI / 12), 15);
  });

  test("Cholesky: L·Lᵀ gives back the matrix, a singular one is allowed, an impossible one is refused", () => {
    const c = Float64Array.from([1, 0.5, 0.2, 0.5, 1, 0.3, 0.2, 0.3, 1]);
    const l = cholesky(c, 3)!;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += l[i * 3 + k]! * l[j * 3 + k]!;
      expect(s).toBeCloseTo(c[i * 3 + j]!, 14);
    }
    expect(cholesky(Float64Array.from([1, 1, 1, 1]), 2)).not.toBeNull();
    // a and b move together, a and c move together, but b and c move apart: impossible.
    expect(cholesky(Float64Array.from([1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1]), 3)).toBeNull();
  });

  test("an impossible set of correlations is reported as such", () => {
    const { factor, issues } = correlationFactor(["a", "b", "c"], [
      { between: ["a", "b"], rank: 0.9 },
      { between: ["a", "c"], rank: 0.9 },
      { between: ["b", "c"], rank: -0.9 },
    ]);
    expect(factor).toBeUndefined();
    expect(issues[0]!.reason).toMatch(/cannot all hold at once/);
  });

  test.each([0.6, -0.4, 0.95])("draws of two correlated inputs show the rank correlation asked for (%s), and keep their own distributions", (rank) => {
    const scenario = loadScenario({
      ...smallScenario(),
      council: {
        ...smallScenario().council,
        vacancyRate: { value: 0.15, distribution: "triangular(0.1, 0.15, 0.3)" },
        agencyCoverShare: { value: 0.7, distribution: "uniform(0.5, 0.9)" },
      },
      correlations: [{ between: ["council.vacancyRate", "council.agencyCoverShare"], rank }],
    });
    const simulation = createSimulation(scenario, { draws: 20_000, figures: ["runCost.total"] });
    const subject = simulation.subject;
    const v = subject.slotOf(0, "council.vacancyRate")!;
    const a = subject.slotOf(0, "council.agencyCoverShare")!;
    const n = 20_000;
    const vs = new Float64Array(n);
    const as = new Float64Array(n);
    for (let d = 0; d < n; d++) {
      subject.drawInputs(11, d);
      vs[d] = subject.work[0]![v]!;
      as[d] = subject.work[0]![a]!;
    }
    // The standard error of a sample Spearman correlation is about (1 − ρ²)/√n.
    expect(Math.abs(spearman(vs, as) - rank)).toBeLessThan(0.02);
    // Marginals unchanged: the uniform's mean and the triangular's mean.
    expect(Math.abs(as.reduce((s, x) => s + x, 0) / n - 0.7)).toBeLessThan(0.005);
    expect(Math.abs(vs.reduce((s, x) => s + x, 0) / n - (0.1 + 0.15 + 0.3) / 3)).toBeLessThan(0.003);
  });
});
