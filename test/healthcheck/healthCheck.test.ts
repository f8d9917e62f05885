import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { healthCheck, healthCheckRows, parseCsv, parseHealthCheckText, ScenarioError } from "../../engine/index.js";

const MODELS = join(__dirname, "..", "..", "models");

function problems(run: () => unknown): { path: string; reason: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ScenarioError) return [...error.issues];
    throw error;
  }
  throw new Error("expected a ScenarioError");
}

describe("the health check data carries a source or an assumption for every number", () => {
  test("models/healthcheck.yaml", () => {
    const found: string[] = [];
    const walk = (value: unknown, path: string, annotated: boolean): void => {
      if (typeof value === "number") {
        if (!annotated) found.push(path);
        return;
      }
      if (value && typeof value === "object") {
        const record = value as Record<string, unknown>;
        const here = "value" in record && (typeof record.source === "string" || typeof record.assumption === "string");
        for (const [k, v] of Object.entries(record)) walk(v, `${path}.${k}`, annotated || here);
      }
    };
    walk(parse(readFileSync(join(MODELS, "healthcheck.yaml"), "utf8")), "", false);
    expect(found).toEqual([]);
  });

  test("the England comparators are the DfE 2025 figures the brief names", () => {
    const check = healthCheck({ years: { "2025": {} } });
    const england = (id: string) => check.metrics.find((m) => m.metric === id)!.england;
    expect(england("vacancyRate")).toBe(0.142);
    expect(england("averageCaseload")).toBe(15.2);
    expect(england("sicknessAbsence")).toBe(0.035);
    expect(check.metrics.find((m) => m.metric === "vacancyRate")!.englandProvenance!.source).toMatch(/DfE/);
  });
});

describe("missing metrics are reported as missing, never scored as good", () => {
  const check = healthCheck({ council: "Anytown", years: { "2025": { vacancyRate: 0.1, averageCaseload: 14, supervisionSessions: null } } });

  test("a metric given as null, and one left out, are both missing", () => {
    const supervision = check.metrics.find((m) => m.metric === "supervisionSessions")!;
    expect(supervision.value).toBeNull();
    expect(supervision.rating).toBe("missing");
    expect(check.metrics.find((m) => m.metric === "itAccess")!.rating).toBe("missing");
    expect(check.missing).toContain("supervisionSessions");
    expect(check.missing).toHaveLength(13);
  });

  test("two green metrics and one missing do not make the area green", () => {
    const area = check.areas.find((a) => a.area === "workloadManagement")!;
    expect(area.counts).toEqual({ green: 2, amber: 0, red: 0, missing: 1 });
    expect(area.rating).toBe("missing");
    expect(area.missing).toEqual(["supervisionSessions"]);
    expect(check.overall).toBe("missing");
  });

  test("the latest year is rated: a metric given only in an earlier year is missing now", () => {
    const c = healthCheck({ years: { "2024": { sicknessAbsence: 0.03 }, "2025": { vacancyRate: 0.1 } } });
    const sickness = c.metrics.find((m) => m.metric === "sicknessAbsence")!;
    expect(sickness.rating).toBe("missing");
    expect(sickness.trend.map((t) => [t.year, t.value, t.rating])).toEqual([
      ["2024", 0.03, "green"],
      ["2025", null, "missing"],
    ]);
    expect(sickness.direction).toBeNull();
  });

  test("a red metric makes its area red whatever else is missing", () => {
    const c = healthCheck({ years: { "2025": { transferDelays: 12 } } });
    expect(c.areas.find((a) => a.area === "caseAllocation")!.rating).toBe("red");
    expect(c.overall).toBe("red");
  });

  test("every metric given and green: every area and the whole check are green", () => {
    const all = { vacancyRate: 0.1, averageCaseload: 14, supervisionSessions: 1.5, unallocatedCases: 0, referralPeaksAndTroughs: 1.2, transferDelays: 3, itAccess: 1, informationAccess: 0.9, confidentialMeetingSpace: 0.95, sicknessAbsence: 0.02, teamMeetings: 4, loneWorkingRiskAssessments: 1, staffSurvey: 0.8, complimentsPerComplaint: 2, familyFeedback: 0.9 };
    const c = healthCheck({ years: { "2025": all } });
    expect(c.areas.map((a) => a.rating)).toEqual(["green", "green", "green", "green", "green"]);
    expect(c.overall).toBe("green");
    expect(c.missing).toEqual([]);
  });
});

describe("position against England and the trend over several years", () => {
  const check = healthCheck({
    years: {
      "2023/24": { vacancyRate: 0.21, averageCaseload: 17 },
      "2024/25": { vacancyRate: 0.18, averageCaseload: 16 },
      "2025/26": { vacancyRate: "13%", averageCaseload: 16.5 },
    },
  });
  const vacancy = check.metrics.find((m) => m.metric === "vacancyRate")!;
  const caseload = check.metrics.find((m) => m.metric === "averageCaseload")!;

  test("years sort and the latest is rated", () => {
    expect(check.years).toEqual(["2023/24", "2024/25", "2025/26"]);
    expect(vacancy.value).toBe(0.13);
    expect(vacancy.rating).toBe("green");
  });

  test("each year is rated and set against England's figure for that DfE year (or the latest before it, named)", () => {
    expect(vacancy.trend.map((t) => [t.rating, t.england, t.englandYear, t.position])).toEqual([
      ["red", 0.189, "2023", "worse"],
      ["amber", 0.189, "2023", "better"],
      ["green", 0.142, "2025", "better"],
    ]);
    expect(caseload.trend.map((t) => [t.england, t.englandYear])).toEqual([
      [16.0, "2023"],
      [15.4, "2024"],
      [15.2, "2025"],
    ]);
  });

  test("the change and direction come from the last two years with values", () => {
    expect(vacancy.change).toBeCloseTo(0.13 - 0.18, 12);
    expect(vacancy.direction).toBe("improving");
    expect(caseload.change).toBeCloseTo(0.5, 12);
    expect(caseload.direction).toBe("worsening");
    expect(caseload.differenceFromEngland).toBeCloseTo(16.5 - 15.2, 12);
    expect(caseload.position).toBe("worse");
  });

  test("a metric with no England figure has no position", () => {
    const c = healthCheck({ years: { "2025": { teamMeetings: 2 } } });
    const m = c.metrics.find((x) => x.metric === "teamMeetings")!;
    expect([m.england, m.position, m.differenceFromEngland]).toEqual([null, null, null]);
  });
});

describe("thresholds can be overridden", () => {
  test("in the input: a council's own stricter vacancy threshold", () => {
    const c = healthCheck({ years: { "2025": { vacancyRate: 0.13 } }, thresholds: { vacancyRate: { green: 0.1 } } });
    const m = c.metrics.find((x) => x.metric === "vacancyRate")!;
    expect(m.rating).toBe("amber");
    expect(m.thresholds.green).toBe(0.1);
    expect(m.thresholds.red).toBe(0.2);
    expect(m.thresholds.greenProvenance.source).toMatch(/set by the user/);
    expect(m.thresholds.redProvenance.assumption).toMatch(/20%/);
  });

  test("beside the input, and checked together with the input's own", () => {
    const c = healthCheck({ years: { "2025": { supervisionSessions: 1.5 } } }, { supervisionSessions: { green: 2, red: 1 } });
    expect(c.metrics.find((x) => x.metric === "supervisionSessions")!.rating).toBe("amber");
    const issues = problems(() => healthCheck({ years: { "2025": {} }, thresholds: { vacancyRate: { green: 0.1 } } }, { vacancyRate: { red: 0.05 } }));
    expect(issues[0]!.reason).toMatch(/lower is better for vacancyRate, so green \(0.1\) must be at or below red \(0.05\)/);
  });
});

describe("bad input gives every problem as path and reason", () => {
  test.each([
    ["an unknown metric, with the close match", { years: { "2025": { vacancyRat: 0.1 } } }, "years.2025.vacancyRat", /unknown metric; did you mean "vacancyRate"/],
    ["a share written as a percentage number", { years: { "2025": { vacancyRate: 14.2 } } }, "years.2025.vacancyRate", /must be between 0 and 1 \(write 14.2% or 0.142\), got 14.2/],
    ["text where a number belongs", { years: { "2025": { averageCaseload: "lots" } } }, "years.2025.averageCaseload", /must be a number, got "lots"/],
    ["a negative count", { years: { "2025": { teamMeetings: -1 } } }, "years.2025.teamMeetings", /must be at least 0, got -1/],
    ["a year written wrong", { years: { "25": { teamMeetings: 1 } } }, "years.25", /a year must be written like "2025"/],
    ["the same year twice", { years: { "2025": {}, "2025/26": {} } }, "years.2025/26", /"2025\/26" and "2025" are the same year/],
    ["no years", { years: {} }, "years", /needs at least one year/],
    ["thresholds the wrong way round", { years: { "2025": {} }, thresholds: { supervisionSessions: { green: 0.5, red: 1 } } }, "thresholds.supervisionSessions", /higher is better for supervisionSessions, so green \(0.5\) must be at or above red \(1\)/],
    ["an unknown key", { yeers: {} }, "yeers", /unknown setting; did you mean "years"/],
  ] as const)("%s", (_name, input, path, reason) => {
    const issues = problems(() => healthCheck(input as Record<string, unknown>));
    const issue = issues.find((i) => i.path === path);
    expect(issue).toBeDefined();
    expect(issue!.reason).toMatch(reason);
  });

  test("several problems are all listed", () => {
    const issues = problems(() => healthCheck({ years: { "2025": { vacancyRate: 2, averageCaseload: "x", nonsense: 1 } } }));
    expect(issues.map((i) => i.path).sort()).toEqual(["years.2025.averageCaseload", "years.2025.nonsense", "years.2025.vacancyRate"]);
  });
});

describe("CSV and tables of cells", () => {
  const csv = [
    "Metric,2024,2025,green,red",
    'vacancyRate,16%,"14.2%",,',
    "Average caseload,16.1,,,",
    "supervisionSessions,0.9,1,1.5,0.5",
    "",
    "sicknessAbsence,n/a,0.036,,",
  ].join("\r\n");

  test("metrics by id or label, percentages, blanks and n/a as missing, green/red columns as overrides", () => {
    const c = healthCheck(parseHealthCheckText(csv, "ours.csv"));
    const m = (id: string) => c.metrics.find((x) => x.metric === id)!;
    expect(c.years).toEqual(["2024", "2025"]);
    expect(m("vacancyRate").trend.map((t) => t.value)).toEqual([0.16, 0.142]);
    expect(m("vacancyRate").rating).toBe("green");
    expect(m("averageCaseload").value).toBeNull();
    expect(m("averageCaseload").rating).toBe("missing");
    expect(m("supervisionSessions").thresholds).toMatchObject({ green: 1.5, red: 0.5 });
    expect(m("supervisionSessions").rating).toBe("amber");
    expect(m("sicknessAbsence").trend.map((t) => t.value)).toEqual([null, 0.036]);
    expect(m("sicknessAbsence").rating).toBe("amber");
  });

  test("the rows a custom function spills: metric, value, rating, England first", () => {
    const rows = healthCheckRows(healthCheck(parseHealthCheckText(csv, "ours.csv")));
    expect(rows[0]!.slice(0, 4)).toEqual(["Metric", "Value", "Rating", "England"]);
    expect(rows).toHaveLength(16);
    expect(rows[1]!.slice(0, 4)).toEqual(["Vacancy rate", 0.142, "green", 0.142]);
    expect(rows[2]!.slice(0, 4)).toEqual(["Average caseload", null, "missing", 15.2]);
  });

  test("a table of cells (an Excel range) reads the same as CSV", () => {
    const cells = [
      ["metric", "2025"],
      ["vacancyRate", 0.25],
      ["teamMeetings", null],
    ];
    const c = healthCheck(cells);
    expect(c.metrics.find((m) => m.metric === "vacancyRate")!.rating).toBe("red");
    expect(c.metrics.find((m) => m.metric === "teamMeetings")!.rating).toBe("missing");
  });

  test("problems are named by row and column", () => {
    const issues = problems(() => parseHealthCheckText("metric,2025\nvacancyRate,abc\nteemMeetings,2\n", "x.csv"));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "row 2, column 2 (vacancyRate, 2025)", reason: 'must be a number or a percentage such as 14.2%, got "abc"' },
        expect.objectContaining({ path: "row 3, column 1", reason: expect.stringMatching(/"teemMeetings": unknown metric; did you mean "teamMeetings"/) }),
      ]),
    );
    expect(problems(() => parseHealthCheckText("year,2025\n", "x.csv"))[0]!.reason).toMatch(/must start with "metric"/);
  });

  test("quoted cells keep their commas, quotes and line breaks", () => {
    expect(parseCsv('a,"b,c","d ""e""","f\ng"\n1,2')).toEqual([
      ["a", "b,c", 'd "e"', "f\ng"],
      ["1", "2"],
    ]);
  });
});
