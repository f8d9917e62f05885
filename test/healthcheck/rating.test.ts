import { combineRatings, healthCheck, healthCheckCatalogue, positionAgainst, rateMetric, trendBetween } from "../../engine/index.js";

/**
 * The rating rule, as models/healthcheck.yaml states it: where lower is better, green at or below the
 * green threshold, amber above it up to and including red, red above red; the mirror image where
 * higher is better.
 */

describe("ratings at and around every threshold of every metric", () => {
  const metrics = healthCheckCatalogue().metrics;

  test("the catalogue has the fifteen metrics of the five areas", () => {
    expect(healthCheckCatalogue().areas.map((a) => [a.id, a.metrics.length])).toEqual([
      ["workloadManagement", 3],
      ["caseAllocation", 3],
      ["rightTools", 3],
      ["healthyWorkplace", 3],
      ["serviceDelivery", 3],
    ]);
  });

  const cases = metrics.flatMap((m) => {
    const g = m.green.value;
    const r = m.red.value;
    // A step small against the gap between thresholds, and never below 0 or above 1 for a share.
    const step = Math.max(Math.abs(r - g), 0.01) / 100;
    const worse = (x: number) => (m.better === "lower" ? x + step : x - step);
    const better = (x: number) => (m.better === "lower" ? x - step : x + step);
    const rows: [string, number, string][] = [
      [`${m.id} just better than green (${g})`, better(g), "green"],
      [`${m.id} at green (${g})`, g, "green"],
      [`${m.id} just worse than green (${g})`, worse(g), "amber"],
      [`${m.id} at red (${r})`, r, "amber"],
      [`${m.id} just worse than red (${r})`, worse(r), "red"],
    ];
    return rows.filter(([, v]) => v >= 0 && (m.unit !== "share" || v <= 1)).map(([name, v, rating]) => [name, m.id, v, rating] as const);
  });

  test.each(cases)("%s", (_name, id, value, rating) => {
    const m = metrics.find((x) => x.id === id)!;
    expect(rateMetric(value, m.better, m.green.value, m.red.value)).toBe(rating);
    // The same through the whole health check, from a one-metric input.
    const check = healthCheck({ years: { "2025": { [id]: value } } });
    expect(check.metrics.find((x) => x.metric === id)!.rating).toBe(rating);
  });

  test.each([
    ["vacancy rate 14.2%, the England rate: green", "vacancyRate", 0.142, "green"],
    ["vacancy rate 14.3%: amber", "vacancyRate", 0.143, "amber"],
    ["vacancy rate 20%: amber", "vacancyRate", 0.2, "amber"],
    ["vacancy rate 20.1%: red", "vacancyRate", 0.201, "red"],
    ["caseload 15.2: green", "averageCaseload", 15.2, "green"],
    ["caseload 17.8: amber", "averageCaseload", 17.8, "amber"],
    ["caseload 17.9: red", "averageCaseload", 17.9, "red"],
    ["supervision monthly (1 a month): green", "supervisionSessions", 1, "green"],
    ["supervision 0.99 a month: amber", "supervisionSessions", 0.99, "amber"],
    ["supervision 0.75 a month: amber", "supervisionSessions", 0.75, "amber"],
    ["supervision 0.74 a month: red", "supervisionSessions", 0.74, "red"],
    ["no unallocated cases: green", "unallocatedCases", 0, "green"],
    ["any unallocated case: amber", "unallocatedCases", 0.001, "amber"],
    ["sickness 3.5%: green", "sicknessAbsence", 0.035, "green"],
    ["sickness 5.01%: red", "sicknessAbsence", 0.0501, "red"],
    ["every lone worker assessed: green", "loneWorkingRiskAssessments", 1, "green"],
    ["89% of lone workers assessed: red", "loneWorkingRiskAssessments", 0.89, "red"],
  ] as const)("%s", (_name, id, value, rating) => {
    const m = metrics.find((x) => x.id === id)!;
    expect(rateMetric(value, m.better, m.green.value, m.red.value)).toBe(rating);
  });

  test("a rate worked out by division lands on the threshold it equals", () => {
    // 5965.4 ÷ 42010 and 0.142 differ only in the last bits of the float.
    expect(rateMetric((0.142 * 3) / 3, "lower", 0.142, 0.2)).toBe("green");
    expect(rateMetric(0.1 + 0.2, "lower", 0.3, 0.4)).toBe("green");
  });

  test("a missing value is missing, never a rating", () => {
    expect(rateMetric(null, "lower", 0.142, 0.2)).toBe("missing");
    expect(rateMetric(undefined, "higher", 1, 0.75)).toBe("missing");
    expect(rateMetric(NaN, "higher", 1, 0.75)).toBe("missing");
  });
});

describe("combining ratings: red, then amber, then missing; green only when all are green", () => {
  test.each([
    [["green", "green", "green"], "green"],
    [["green", "missing", "green"], "missing"],
    [["green", "amber", "missing"], "amber"],
    [["red", "amber", "missing", "green"], "red"],
    [["missing", "missing"], "missing"],
    [[], "missing"],
  ] as const)("%j → %s", (ratings, expected) => {
    expect(combineRatings(ratings)).toBe(expected);
  });
});

describe("position against England and the trend", () => {
  test("lower is better: below England is better", () => {
    expect(positionAgainst(0.13, 0.142, "lower")).toBe("better");
    expect(positionAgainst(0.15, 0.142, "lower")).toBe("worse");
    expect(positionAgainst(0.142, 0.142, "lower")).toBe("level");
    expect(positionAgainst(0.13, null, "lower")).toBeNull();
  });
  test("higher is better: above the comparator is better", () => {
    expect(positionAgainst(1.2, 1, "higher")).toBe("better");
    expect(trendBetween(0.8, 1, "higher")).toBe("improving");
    expect(trendBetween(0.16, 0.18, "lower")).toBe("worsening");
    expect(trendBetween(2, 2, "higher")).toBe("steady");
  });
});
