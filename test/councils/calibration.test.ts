import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  calibrationTable,
  councilCalibration,
  councilFigures,
  loadScenario,
  publishedCouncilPart,
  runScenario,
  CALIBRATION_MEASURES,
} from "../../engine/index.js";
import { readCsv } from "./readCsv.js";
import { socialcare } from "../cli/socialcare.js";

/**
 * Calibration: the model's spend on a council's social work staff beside its RO3 2024-25 outturn. Each
 * figure is its rule applied to the council's own figures, worked here from the run cost's components
 * and the published files; no test says how near the model comes.
 */

const table = calibrationTable();

describe("one council worked by hand: Leeds", () => {
  const row = councilCalibration("leeds");
  const part = publishedCouncilPart("leeds", 2024);
  const scenario = loadScenario({ extends: "traditional", council: part.council, finance: part.finance });
  const r = runScenario(scenario);
  const c = r.runCost.components;
  const v = scenario.council.vacancyRate;
  const a = scenario.council.agencyCoverShare;

  test("the model runs the council as it is on its 2024 workforce, in 2024/25 prices (the outturn's year)", () => {
    expect(row.dataYear).toBe(2024);
    expect(row.financeYear).toBe("2024/25");
    expect(scenario.council.children).toBe(councilFigures("leeds", 2024).cases!.value);
  });

  test("employees: the employed share of the filled posts' pay, NI and pension, plus the levy", () => {
    const agencyShare = (v * a) / (1 - v + v * a);
    expect(row.employees.model).toBeCloseTo((c.pay + c.employerNi + c.pension) * (1 - agencyShare) + c.apprenticeshipLevy, 6);
    expect(row.agency.model).toBeCloseTo((c.pay + c.employerNi + c.pension) * agencyShare + c.agencyPremium, 6);
    expect(row.total.model).toBe(r.runCost.total);
    // the two shares of the staff cost and the overheads make up the run cost
    expect(row.employees.model! + row.agency.model! + c.overheads + c.teamBudgets).toBeCloseTo(r.runCost.total, 4);
  });

  test("the published figures are the RO3 file's cells, £ thousand × 1,000, and the ratio is model ÷ published", () => {
    const ro3 = readCsv("ro3_2024_25_childrens_social_care.csv").find((x) => x["ONS Code"] === "E08000035")!;
    const cell = (prefix: string) => Number(ro3[Object.keys(ro3).find((k) => k.startsWith(prefix))!]!.replace(/,/g, "")) * 1000;
    expect(row.employees.published).toBeCloseTo(cell("Children's social care: Safeguarding children and young people’s services - Employees"), 6);
    expect(row.total.published).toBeCloseTo(cell("Children's social care: Safeguarding children and young people’s services - Total Expenditure"), 6);
    expect(row.agency.published).toBeCloseTo(cell("TOTAL CHILDREN SOCIAL CARE - Children's Social Care - agency staff cost memorandum item"), 6);
    for (const m of CALIBRATION_MEASURES) expect(row[m].ratio).toBeCloseTo(row[m].model! / row[m].published!, 12);
  });
});

describe("the national table", () => {
  test("a flag is Tukey's fences on the logarithm of every council's ratio, worked again here", () => {
    for (const m of CALIBRATION_MEASURES) {
      const logs = table.rows.map((x) => x[m].ratio).filter((x): x is number => x !== null && x > 0).map(Math.log).sort((p, q) => p - q);
      const at = (q: number) => {
        const h = (logs.length - 1) * q;
        return logs[Math.floor(h)]! + (h - Math.floor(h)) * (logs[Math.ceil(h)]! - logs[Math.floor(h)]!);
      };
      const iqr = at(0.75) - at(0.25);
      const low = Math.exp(at(0.25) - 1.5 * iqr);
      const high = Math.exp(at(0.75) + 1.5 * iqr);
      expect(table.fences[m]!.low).toBeCloseTo(low, 12);
      expect(table.fences[m]!.high).toBeCloseTo(high, 12);
      for (const x of table.rows) {
        const ratio = x[m].ratio;
        expect(x[m].flag).toBe(ratio === null ? null : ratio < low ? "low" : ratio > high ? "high" : null);
      }
    }
  });

  test("a council the model cannot run says why, and has no modelled figure or ratio (never 0)", () => {
    const missing = table.rows.filter((x) => x.problem !== null);
    expect(missing.length).toBeGreaterThan(0);
    for (const x of missing) {
      expect(x.problem).toContain(`${x.council}, 2024`);
      for (const m of CALIBRATION_MEASURES) {
        expect(x[m].model).toBeNull();
        expect(x[m].ratio).toBeNull();
      }
    }
  });

  test("every council still reporting has a row", () => {
    const names = new Set(table.rows.map((x) => `${x.council}|${x.dfe}`));
    expect(names.size).toBe(table.rows.length);
    expect(table.rows.some((x) => x.council === "Leeds")).toBe(true);
  });
});

describe("faces", () => {
  test("socialcare calibrate --csv: one row per council, the figures the engine gives", () => {
    const run = socialcare(["calibrate", "--csv"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      ["council", "ons", "dfe", "region", "dataYear", "financeYear", ...CALIBRATION_MEASURES.flatMap((m) => [`${m}.model`, `${m}.published`, `${m}.ratio`, `${m}.flag`]), "problem"].join(","),
    );
    expect(lines).toHaveLength(table.rows.length + 1);
  });

  test("socialcare calibrate leeds --json: the council's row with the national fences", () => {
    const run = socialcare(["calibrate", "leeds", "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as typeof table;
    expect(out.rows).toHaveLength(1);
    expect(out.rows[0]!.total.ratio).toBeCloseTo(councilCalibration("leeds").total.ratio!, 12);
    expect(out.fences).toEqual(JSON.parse(JSON.stringify(table.fences)));
  });

  test("an unknown council is one line naming the close matches, exit 1", () => {
    const run = socialcare(["calibrate", "leedz"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("Leeds");
  });

  test("socialcare export writes the table as a Calibration sheet", async () => {
    const dir = mkdtempSync(join(tmpdir(), "calibration-"));
    try {
      const file = join(dir, "c.xlsx");
      const run = socialcare(["export", "traditional", "blueprint", "--council", "leeds", "--xlsx", file]);
      expect(run.code).toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const sheet = book.getWorksheet("Calibration")!;
      const names: string[] = [];
      sheet.eachRow((row) => names.push(String(row.getCell(1).value)));
      for (const x of table.rows) expect(names).toContain(x.council);
      const leedsRow = sheet.getRows(1, sheet.rowCount)!.find((row) => row.getCell(1).value === "Leeds")!;
      expect(leedsRow.getCell(2).value).toBe("E08000035");
      // and the option's claims, tested against the council as it is
      const claims: string[] = [];
      book.getWorksheet("Claims")!.eachRow((row) => claims.push(String(row.getCell(1).value)));
      expect(claims).toEqual(expect.arrayContaining(["Caseloads cut by a fifth", "Run costs neutral once the transition is over"]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
