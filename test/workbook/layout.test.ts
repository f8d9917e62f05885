import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type ExcelJS from "exceljs";
import { compareScenarios, listSettings, loadPreset, MODEL_VERSION, runScenario, scenarioFlows } from "../../engine/index.js";
import { exportWorkbook } from "../../workbook/index.js";
import { FUNCTIONS } from "../../workbook/formula.js";
import { loadWorkbook } from "./spreadsheets.js";

/**
 * The workbook is laid out as finance people build models (FAST): inputs apart with units, sources
 * and names; calculations on names only, in functions every spreadsheet computes; formats, frozen
 * headers, widths; a cover; cached values everywhere.
 */

const DATE = new Date("2026-04-01T00:00:00Z");
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  wb = await loadWorkbook(await exportWorkbook(loadPreset("baseline-2018"), [loadPreset("blueprint")], { date: DATE }));
});

function formulas(sheet?: string): { where: string; formula: string; result: unknown }[] {
  const out: { where: string; formula: string; result: unknown }[] = [];
  wb.eachSheet((ws) => {
    if (sheet && ws.name !== sheet) return;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) out.push({ where: `${ws.name}!${cell.address}`, formula: cell.formula, result: cell.result });
      }),
    );
  });
  return out;
}

test("sheets: cover, inputs, calculations, rounding, outputs, checks, scenario files, and the flows of an option whose transition is costed from them", () => {
  expect(loadPreset("blueprint").transition?.workforce.fromFlows).toBe(true);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Cover", "Inputs", "Calculations", "Rounding", "Outputs", "Checks", "Scenario files", "Flows (option)"]);
});

test("the flows sheet: every tier's corkscrew a formula month by month (closing = opening − leavers − out + in + starters − redundant), its cached values the engine's flows", () => {
  const ws = wb.getWorksheet("Flows (option)")!;
  const flows = scenarioFlows(loadPreset("blueprint"), loadPreset("baseline-2018"));
  const rowOf = (label: string) => {
    let found: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === label) found = row;
    });
    if (!found) throw new Error(`no row ${label}`);
    return found;
  };
  const firstMonth = 4; // column D: label, unit, total, then the months
  flows.tiers.forEach((t, i) => {
    const closing = rowOf(`${t.name}: in post at the month's end = opening − leavers − redeployed out + redeployed in + starters − made redundant`);
    const opening = rowOf(`${t.name}: in post at the month's start (the month before's closing)`);
    for (const m of [0, 1, 11, 12, 35, 36, 119]) {
      const cell = closing.getCell(firstMonth + m);
      expect(cell.formula).toMatch(/^\(?.*-.*-.*\+.*\+.*-/);
      expect(cell.result as number).toBeCloseTo(flows.months[m]!.closing[i]!, 6);
      if (m > 0) expect(opening.getCell(firstMonth + m).formula).toBe(closing.getCell(firstMonth + m - 1).address);
    }
  });
});

test("every setting of both scenarios is on Inputs with its value, unit, source and a defined name", () => {
  const names = wb.definedNames.model as { name: string; ranges: string[] }[];
  const ws = wb.getWorksheet("Inputs")!;
  for (const [prefix, preset] of [["Baseline", "baseline-2018"], ["Option", "blueprint"]] as const) {
    for (const setting of listSettings(loadPreset(preset))) {
      const name = names.find((n) => n.name.startsWith(`${prefix}_`) && Number(ws.getCell(n.ranges[0]!.split("!")[1]!.replace(/\$/g, "")).row) === rowOf(ws, prefix, setting.key));
      expect([setting.key, name !== undefined]).toEqual([setting.key, true]);
      const row = ws.getRow(rowOf(ws, prefix, setting.key));
      expect(row.getCell(2).value).toEqual(setting.value);
      expect(row.getCell(4).value).toBe(name!.name);
      if (setting.kind === "number") {
        expect(row.getCell(3).value).toBe(setting.unit);
        if (setting.provenance) expect(String(row.getCell(6).value)).toContain(setting.provenance.source ?? setting.provenance.assumption!);
      }
    }
  }
});

function rowOf(ws: ExcelJS.Worksheet, prefix: string, key: string): number {
  let inSection = false;
  for (let r = 1; r <= ws.rowCount; r++) {
    const k = ws.getCell(r, 5).value;
    if (typeof k === "string" && k.startsWith("@")) inSection = k === `@${prefix.toLowerCase()}`;
    else if (inSection && k === key) return r;
  }
  throw new Error(`no row for ${prefix} ${key}`);
}

test("the direct payments lever is worked on Calculations from its named inputs; settings only team design reads are marked on Inputs", () => {
  const calc = formulas("Calculations");
  for (const prefix of ["Baseline", "Option"]) {
    const uses = (name: string) => calc.filter((f) => new RegExp(`\\b${prefix}_${name}\\b`).test(f.formula));
    expect(uses("timeUse_directPayments_shareOfFamilies")).toHaveLength(1);
    expect(uses("timeUse_directPayments_hoursFreedPerCase")).toHaveLength(1);
    // administration: the hours handed to support, what the case-holder keeps, and what the changes free
    expect(uses("timeUse_administration")).toHaveLength(3);
    for (const change of ["administrationToSupport", "managementLayersBefore", "reportingCutPerLayer", "travelCut", "supervisionChange", "freedToDirectContact"]) {
      expect(uses(`timeUse_changes_${change}`).length).toBeGreaterThan(0);
    }
    // Nothing in the workbook reads what only the team-design indicators use.
    expect(uses("timeUse_groupSupervisionHours")).toHaveLength(0);
  }
  const ws = wb.getWorksheet("Inputs")!;
  const label = (key: string) => String(ws.getRow(rowOf(ws, "Option", key)).getCell(1).value);
  expect(label("timeUse.directPayments.shareOfFamilies")).not.toMatch(/\(/);
  expect(label("timeUse.groupSupervisionHours")).toMatch(/\(team-design indicators only\)$/);
  expect(label("council.childProtectionShare")).toMatch(/\(team-design indicators only\)$/);
  expect(label("structure.tiers.strategy.senior")).toMatch(/\(structure; team-design indicators only\)$/);
  expect(label("structure.tiers.strategy.holdsCases")).toMatch(/\(structure\)$/);
});

test("formulas use only functions every spreadsheet computes alike", () => {
  const all = formulas();
  expect(all.length).toBeGreaterThan(1000);
  const used = new Set(all.flatMap((f) => [...f.formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]!)));
  expect([...used].filter((f) => !(FUNCTIONS as readonly string[]).includes(f))).toEqual([]);
  for (const f of all) {
    expect([f.where, /_xlfn|\bLET\(|CONCAT|\bTRUE\b|\bFALSE\b|\d[eE][+-]?\d/.test(f.formula)]).toEqual([f.where, false]);
  }
});

test("calculations read inputs by their names, never by address", () => {
  const calc = [...formulas("Calculations"), ...formulas("Rounding")];
  expect(calc.filter((f) => f.formula.includes("Inputs!"))).toEqual([]);
  expect(calc.filter((f) => /\b(Baseline|Option)_[A-Za-z0-9_]+/.test(f.formula)).length).toBeGreaterThan(100);
});

test("every formula carries a cached value, so a viewer that does not recalculate shows numbers", () => {
  const missing = formulas().filter((f) => f.result === undefined || f.result === null);
  // A text result of "" (a % change of a figure that was 0) is the only empty one allowed.
  expect(missing.filter((f) => !/""/.test(f.formula))).toEqual([]);
});

test("the timeline runs across the columns of Calculations, financial years in order", () => {
  const ws = wb.getWorksheet("Calculations")!;
  const header = ws.getRow(4);
  const years: string[] = [];
  header.eachCell((cell, col) => {
    if (col > 3) years.push(String(cell.value));
  });
  expect(years).toEqual(["2019/20", "2020/21", "2021/22", "2022/23", "2023/24", "2024/25", "2025/26", "2026/27", "2027/28", "2028/29"]);
});

test("frozen headers, column widths and number formats", () => {
  for (const name of ["Inputs", "Calculations", "Rounding", "Outputs", "Checks"]) {
    const ws = wb.getWorksheet(name)!;
    expect([name, ws.views[0]?.state]).toEqual([name, "frozen"]);
    expect(ws.getColumn(1).width).toBeGreaterThan(20);
  }
  const outputs = wb.getWorksheet("Outputs")!;
  const formats = new Map<string, string>();
  outputs.eachRow((row) => {
    const key = row.getCell(1).value;
    if (typeof key === "string") formats.set(key, row.getCell(4).numFmt ?? "");
  });
  expect(formats.get("appraisal.npv")).toContain("£");
  expect(formats.get("change.runCostPct")).toContain("%");
  expect(formats.get("structure.totalFte")).toBe("#,##0.00");
});

test("every check the engine runs is on the Checks sheet, but for the two on cells the workbook shows unrounded", () => {
  const ws = wb.getWorksheet("Checks")!;
  const names = new Set<string>();
  ws.eachRow((row) => names.add(String(row.getCell(1).value)));
  const engine = [...runScenario(loadPreset("blueprint")).checks, ...compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint")).checks].map((k) => k.name);
  // The engine rounds its tier × component and category × year tables cell by cell; the workbook shows
  // those cells exact (Calculations) and rounds their rows and columns as the engine does.
  const cellByCell = ["each tier's components sum to its annual cost", "each category's years sum to the category"];
  expect(engine.filter((name) => !names.has(name))).toEqual(cellByCell);
  expect(names.has("each tier's rounded run cost is within a penny of its exact run cost")).toBe(true);
});

test("the cover names the scenarios, the date, the model version and the master check", () => {
  const ws = wb.getWorksheet("Cover")!;
  const text: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => text.push(String(cell.formula ? `=${cell.formula}` : cell.value))));
  expect(text).toEqual(expect.arrayContaining([MODEL_VERSION, "2026-04-01", loadPreset("blueprint").name, loadPreset("baseline-2018").name, "=Checks!C3"]));
});

test("workbook/ imports only the engine and browser-safe libraries (no file system, no CLI, no Node)", () => {
  const root = join(__dirname, "..", "..");
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  const offending: string[] = [];
  for (const file of walk(join(root, "workbook")).filter((f) => f.endsWith(".ts"))) {
    for (const match of readFileSync(file, "utf8").matchAll(/from\s+["']([^"']+)["']/g)) {
      const target = match[1]!;
      if (/^node:|^(fs|path|os|child_process)$/.test(target) || /\.\.\/(cli|node|addin)\//.test(target)) offending.push(`${relative(root, file)} imports ${target}`);
    }
  }
  expect(offending).toEqual([]);
});
