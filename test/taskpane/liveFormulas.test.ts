import { resolve } from "node:path";
import { HyperFormula } from "hyperformula";
import { applySettings, CATEGORY_LABELS, compareScenarios, loadPreset, runScenario, TRANSITION_CATEGORIES, type Comparison, type Scenario } from "../../engine/index.js";
import { parseCell, type WritePlan } from "../../addin/office/plan.js";
import { buildWorkbookPlan, COMPARISON_SHEET, INPUTS_SHEET, type PlannedScenario } from "../../addin/taskpane/compute/workbookPlan.js";
import { loadFunctionsBundle } from "../../bench/functionsBundle.js";
import { socialCarePlugin } from "../addin/hyperformulaPlugin.js";

// The live formulas "Write to workbook" writes, evaluated by a real formula engine (HyperFormula,
// a development dependency) with the SOCIALCARE functions of the built bundle: the appraisal and
// transition cells of the comparison sheet, which look up the tables SOCIALCARE.COMPARE and
// SOCIALCARE.TRANSITION spill on the inputs sheet, come out as the engine's figures; and changing an
// input cell moves them to the engine's figures for the changed scenario.

function planned(ref: string, scenario: Scenario, basedOn: string): PlannedScenario {
  return { ref, name: scenario.name, basedOn, scenario, result: runScenario(scenario) };
}

/** The plan's sheets as HyperFormula sheets: each cell its formula where it has one, else its value. */
function sheetsOf(plan: WritePlan): Record<string, (string | number | boolean | null)[][]> {
  const out: Record<string, (string | number | boolean | null)[][]> = {};
  for (const sheet of plan.sheets) {
    const rows: (string | number | boolean | null)[][] = [];
    for (const b of sheet.blocks) {
      const { row, column } = parseCell(b.at);
      b.values.forEach((line, r) =>
        line.forEach((value, c) => {
          while (rows.length < row + r) rows.push([]);
          rows[row + r - 1]![column + c - 1] = b.formulas?.[r]?.[c] ?? value;
        }),
      );
    }
    out[sheet.name] = rows.map((r) => Array.from(r, (v) => v ?? null));
  }
  return out;
}

/** The cells of a comparison-sheet table: header row and body, by the table's name in the plan. */
function tableCells(plan: WritePlan, hf: HyperFormula, name: string, extraRows = 0): unknown[][] {
  const sheet = plan.sheets.find((s) => s.name === COMPARISON_SHEET)!;
  const table = sheet.tables.find((t) => t.name === name)!;
  const [a, z] = table.range.split(":").map(parseCell);
  const id = hf.getSheetId(COMPARISON_SHEET)!;
  const rows: unknown[][] = [];
  for (let r = a!.row; r <= z!.row + extraRows; r++) {
    const line: unknown[] = [];
    for (let c = a!.column; c <= z!.column; c++) line.push(hf.getCellValue({ sheet: id, row: r - 1, col: c - 1 }));
    rows.push(line);
  }
  return rows;
}

function formulaOf(plan: WritePlan, hf: HyperFormula, sheetName: string, address: string): string | undefined {
  const { row, column } = parseCell(address);
  return hf.getCellFormula({ sheet: hf.getSheetId(sheetName)!, row: row - 1, col: column - 1 });
}

/** What the comparison sheet must show for one option, from the engine. */
function expectAppraisal(rows: unknown[][], k: number, c: Comparison): void {
  const byName = new Map(rows.slice(1).map((r) => [r[1], r[3 + k]]));
  expect(byName.get("appraisal.npv")).toBe(c.appraisal.npv);
  expect(byName.get("appraisal.paybackYear")).toBe(c.appraisal.paybackYear ?? "none");
  expect(byName.get("appraisal.transitionWithOptimismBias")).toBe(c.appraisal.transitionWithOptimismBias);
  expect(byName.get("transition.total")).toBe(c.transition.total);
  expect(byName.get("change.runCost")).toBe(c.change.runCost);
  expect(byName.get("costNeutral")).toBe(c.costNeutral ? "Yes" : "No");
}

function expectTransition(rows: unknown[][], c: Comparison): void {
  // Header, a row per category, then the total row below the table.
  expect(rows[0]).toEqual(["Category", ...c.transition.years, "Total"]);
  TRANSITION_CATEGORIES.forEach((cat, i) => {
    expect(rows[1 + i]).toEqual([CATEGORY_LABELS[cat], ...c.transition.table[i]!, c.transition.byCategory[cat]]);
  });
  expect(rows[1 + TRANSITION_CATEGORIES.length]).toEqual(["Total", ...c.transition.byYear.map((y) => y.amount), c.transition.total]);
}

describe("live formulas written by the pane, recalculated through the SOCIALCARE functions", () => {
  let registered: unknown;
  beforeAll(() => {
    const bundle = loadFunctionsBundle(resolve("dist/addin/functions.js"));
    const { plugin, translations } = socialCarePlugin(bundle.functions, null);
    HyperFormula.registerFunctionPlugin(plugin as never, translations);
    registered = plugin;
  });
  afterAll(() => HyperFormula.unregisterFunctionPlugin(registered as never));

  const baseline = loadPreset("england-2025");
  const options = [loadPreset("blueprint"), loadPreset("cluster")];
  const scenarios = [planned("preset:england-2025", baseline, "england-2025"), planned("preset:blueprint", options[0]!, "blueprint"), planned("preset:cluster", options[1]!, "cluster")];
  const comparisons = options.map((o) => compareScenarios(baseline, o));
  const plan = buildWorkbookPlan(scenarios, comparisons, { live: true, writtenOn: "1 April 2026" });

  test("appraisal, NPV, payback and transition by category and year are formulas that give the engine's figures", () => {
    const hf = HyperFormula.buildFromSheets(sheetsOf(plan), { licenseKey: "gpl-v3", smartRounding: false });
    try {
      const appraisal = tableCells(plan, hf, "SC_Appraisal");
      comparisons.forEach((c, k) => expectAppraisal(appraisal, k, c));
      comparisons.forEach((c, k) => expectTransition(tableCells(plan, hf, `SC_Transition_${k + 1}`, 1), c));
      // They are formulas, not values: the NPV cell looks up the COMPARE table by its figure name.
      const sheet = plan.sheets.find((s) => s.name === COMPARISON_SHEET)!;
      const npvBlock = sheet.blocks.find((b) => b.values.some((r) => r[1] === "appraisal.npv") && b.formulas)!;
      const r = npvBlock.values.findIndex((row) => row[1] === "appraisal.npv");
      const address = `D${parseCell(npvBlock.at).row + r}`;
      expect(formulaOf(plan, hf, COMPARISON_SHEET, address)).toMatch(/^=INDEX\('SC Inputs'!\$[A-Z]+\$4:\$[A-Z]+\$\d+,MATCH\(\$B\d+,'SC Inputs'!/);
      const spills = plan.sheets.find((s) => s.name === INPUTS_SHEET)!.blocks.flatMap((b) => b.formulas?.flat() ?? []).filter((f): f is string => !!f && /COMPARE|TRANSITION\(/.test(f));
      expect(spills.filter((f) => f.startsWith("=SOCIALCARE.COMPARE(")).length).toBe(2);
      expect(spills.filter((f) => f.startsWith("=SOCIALCARE.TRANSITION(")).length).toBe(2);
    } finally {
      hf.destroy();
    }
  });

  test("changing input cells moves the comparison to the engine's figures for the changed scenarios", () => {
    const hf = HyperFormula.buildFromSheets(sheetsOf(plan), { licenseKey: "gpl-v3", smartRounding: false });
    try {
      const inputs = hf.getSheetId(INPUTS_SHEET)!;
      // Find the Value cells of the blueprint's caseload target and of the baseline's vacancy rate on the inputs table.
      const valueCell = (scenarioName: string, key: string) => {
        const rows = hf.getSheetValues(inputs);
        const r = rows.findIndex((row) => row[0] === scenarioName && row[3] === key);
        expect(r).toBeGreaterThan(0);
        return { sheet: inputs, row: r, col: 4 };
      };
      hf.setCellContents(valueCell(options[0]!.name, "council.children"), [[3000]]);
      hf.setCellContents(valueCell(options[1]!.name, "council.agencyPremium"), [[0.6]]);
      const blueprint = applySettings(options[0]!, { "council.children": 3000 });
      const cluster = applySettings(options[1]!, { "council.agencyPremium": 0.6 });
      const changed = [compareScenarios(baseline, blueprint), compareScenarios(baseline, cluster)];
      const appraisal = tableCells(plan, hf, "SC_Appraisal");
      changed.forEach((c, k) => expectAppraisal(appraisal, k, c));
      changed.forEach((c, k) => expectTransition(tableCells(plan, hf, `SC_Transition_${k + 1}`, 1), c));
      // And the figures really moved.
      expect(changed[0]!.appraisal.npv).not.toBe(comparisons[0]!.appraisal.npv);
    } finally {
      hf.destroy();
    }
  });

  test("a baseline changed from its preset keeps live totals, and its category-by-year cells are values with the reason on the sheet", () => {
    const changedBaseline = applySettings(baseline, { "council.vacancyRate": 0.2 });
    const own = [planned("user:user-1", changedBaseline, "england-2025"), scenarios[1]!];
    const c = compareScenarios(changedBaseline, options[0]!);
    const p = buildWorkbookPlan(own, [c], { live: true, writtenOn: "1 April 2026" });
    const hf = HyperFormula.buildFromSheets(sheetsOf(p), { licenseKey: "gpl-v3", smartRounding: false });
    try {
      expectAppraisal(tableCells(p, hf, "SC_Appraisal"), 0, c);
      expectTransition(tableCells(p, hf, "SC_Transition_1", 1), c);
      const sheet = p.sheets.find((s) => s.name === COMPARISON_SHEET)!;
      const note = String(sheet.blocks[1]!.values[0]![0]);
      expect(note).toContain("transition by category and year is values (its totals are live)");
      const body = sheet.blocks.find((b) => b.values[0]?.[0] === CATEGORY_LABELS[TRANSITION_CATEGORIES[0]!])!;
      expect(body.formulas![0]!.slice(1, -1).every((f) => f === null)).toBe(true);
      expect(body.formulas![0]!.at(-1)).toMatch(/^=INDEX\(/);
    } finally {
      hf.destroy();
    }
  });
});
