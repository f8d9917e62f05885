import { areaFigures, councilFigures, councilHealthCheck, councilNeighbours, healthCheckCatalogue, PUBLISHED_METRICS } from "../../engine/index.js";
import { median } from "../../engine/councils/index.js";
import { rateMetric } from "../../engine/healthcheck/rating.js";
import { socialcare } from "../cli/socialcare.js";
import { readCsv } from "./readCsv.js";

/**
 * The health check filled from the statistics: each year the council's own figure, the median of its
 * statistical neighbours' figures, England's national row, and the health check's rating where it has a
 * threshold, all worked here from the council table and the files.
 */

const h = councilHealthCheck("leeds");
const metric = (figure: string) => h.metrics.find((m) => m.figure === figure)!;

describe("one council worked by hand: Leeds", () => {
  test("the council's figure each year is its own published one (the file's cell, rates ÷ 100)", () => {
    const w = readCsv("csww_indicators_2017_to_2025.csv").find((r) => r.la_name === "Leeds" && r.time_period === "2023" && r.geographic_level === "Local authority")!;
    expect(metric("vacancyRate").years.find((y) => y.year === 2023)!.value).toBeCloseTo(Number(w.vacancy_rate_fte) / 100, 12);
    expect(metric("caseload").years.find((y) => y.year === 2023)!.value).toBe(Number(w.caseload_fte));
    expect(metric("turnoverRate").years.find((y) => y.year === 2023)!.value).toBeCloseTo(Number(w.turnover_rate_fte) / 100, 12);
  });

  test("the neighbours' figure is the median of the named neighbours' figures that year", () => {
    for (const figure of ["caseload", "agencyRate", "rereferralRate"]) {
      for (const y of metric(figure).years) {
        const theirs = councilNeighbours("leeds").map((n) => councilFigures(n.council, y.year)[figure]!.value).filter((v): v is number => typeof v === "number").sort((a, b) => a - b);
        if (theirs.length === 0) {
          expect(y.neighbours).toBeNull();
          continue;
        }
        const mid = theirs.length % 2 === 1 ? theirs[(theirs.length - 1) / 2]! : (theirs[theirs.length / 2 - 1]! + theirs[theirs.length / 2]!) / 2;
        expect(y.neighbours).toEqual({ median: mid, count: theirs.length });
      }
    }
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test("England is the publication's national row", () => {
    for (const y of metric("vacancyRate").years) expect(y.england).toBe(areaFigures("England", y.year).vacancyRate!.value ?? null);
  });

  test("a metric with a threshold is rated by the health check's rule; one without is shown unrated", () => {
    const catalogue = healthCheckCatalogue();
    for (const m of h.metrics) {
      const definition = catalogue.metrics.find((d) => d.id === m.metric);
      for (const y of m.years) {
        if (definition) expect(y.rating).toBe(rateMetric(y.value, definition.better, definition.green.value, definition.red.value));
        else expect(y.rating).toBeNull();
      }
      if (!definition) expect(m.thresholds).toMatch(/^not rated/);
    }
    expect(PUBLISHED_METRICS.map((p) => p.figure)).toEqual(expect.arrayContaining(["vacancyRate", "turnoverRate", "agencyRate", "caseload", "absenceRate", "lookedAfterThreeOrMoreSocialWorkersShare", "rereferralRate"]));
  });

  test("the health check proper is the existing one on the filled metrics", () => {
    const latest = h.check.metrics.find((m) => m.metric === "averageCaseload")!;
    expect(latest.value).toBe(metric("caseload").years.at(-1)!.value);
    expect(h.check.council).toBe("Leeds");
  });
});

describe("a suppressed figure", () => {
  test("is missing with its reason, never 0, and is rated missing", () => {
    const kc = councilHealthCheck("kensington and chelsea");
    const y = kc.metrics.find((m) => m.figure === "caseload")!.years.find((r) => r.year === 2025)!;
    expect(councilFigures("kensington and chelsea", 2025).caseload!.value).toBeUndefined();
    expect(y.value).toBeNull();
    expect(y.missing).toMatch(/^x: not available/);
    expect(y.rating).toBe("missing");
  });
});

describe("the CLI", () => {
  test("socialcare healthcheck --council leeds: every metric with the neighbours and England", () => {
    const run = socialcare(["healthcheck", "--council", "leeds"]);
    expect(run.code).toBe(0);
    for (const m of h.metrics) expect(run.stdout).toContain(m.label);
    expect(run.stdout).toContain("Neighbours: median (n)");
  });
  test("--csv: one row per metric and year", () => {
    const run = socialcare(["healthcheck", "--council", "leeds", "--csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1 + h.metrics.reduce((s, m) => s + m.years.length, 0));
  });
  test("socialcare council leeds shows its neighbours side by side", () => {
    const run = socialcare(["council", "leeds"]);
    for (const n of councilNeighbours("leeds")) expect(run.stdout).toContain(n.council.name);
  });
  test("an unknown council: one line, the close matches, exit 1; a file and --council together: usage", () => {
    const run = socialcare(["healthcheck", "--council", "leedz"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("Leeds");
    expect(socialcare(["healthcheck", "x.csv", "--council", "leeds"]).code).toBe(2);
  });
});
