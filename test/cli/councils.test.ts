import { parseCsv, socialcare, STACK_LINE } from "./socialcare.js";
import { readCsv } from "../councils/readCsv.js";

const leeds2025 = readCsv("csww_indicators_2017_to_2025.csv").find(
  (r) => r.geographic_level === "Local authority" && r.la_name === "Leeds" && r.time_period === "2025",
)!;

describe("socialcare councils [search]", () => {
  test("a search lists the matching councils with their key figures from the file", () => {
    const run = socialcare(["councils", "leeds"]);
    expect(run.code).toBe(0);
    const line = run.stdout.split("\n").find((l) => l.startsWith("Leeds "))!;
    expect(line.split(/\s{2,}/)).toEqual(["Leeds", "E08000035", "383", "Yorkshire and The Humber", "2025", leeds2025.cases, leeds2025.case_holders_fte, leeds2025.caseload_fte, `${leeds2025.vacancy_rate_fte}%`, `${leeds2025.agency_rate_fte}%`, `${leeds2025.turnover_rate_fte}%`]);
    expect(run.stdout).toContain("1 council.");
  });
  test("--csv has one row per council, suppressed figures as their symbol", () => {
    const rows = parseCsv(socialcare(["councils", "--csv"]).stdout);
    expect(rows[0]).toEqual(["council", "ons", "dfe", "region", "year", "cases", "caseHoldingFte", "caseload", "vacancyRate", "agencyRate", "turnoverRate"]);
    expect(rows.find((r) => r[0] === "Leeds")![5]).toBe(leeds2025.cases);
    expect(rows.some((r) => r.slice(5).some((c) => /^[a-z[]/.test(c)))).toBe(true);
  });
});

describe("socialcare council <name>", () => {
  test("--json gives every year with each figure's publication", () => {
    const run = socialcare(["council", "Leeds", "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { name: string; years: { year: number; figures: Record<string, { value?: number; publication: string }> }[] };
    const y = out.years.find((x) => x.year === 2025)!;
    expect(y.figures.caseload).toMatchObject({ value: Number(leeds2025.caseload_fte), publication: "DfE, Children's social work workforce 2025" });
  });
  test("an unknown name is one line with the close matches and exit 1, no stack trace", () => {
    const run = socialcare(["council", "Leds"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unknown council "Leds"; did you mean "Leeds"');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
  test("--help shows the usage and an example", () => {
    const run = socialcare(["council", "--help"]);
    expect(run.stdout).toContain("usage: socialcare council <name|ONS code|DfE number>");
    expect(run.stdout).toContain("socialcare council leeds --json");
  });
});
