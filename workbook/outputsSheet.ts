import { comparisonFigures, comparisonOnlyFigures, resultFigures, runScenario, compareScenarios, type FigureUnit } from "../engine/index.js";
import type { ComparisonCells } from "./comparisonRules.js";
import { add, fn, IF, lt, num, range, ref, sub, div, text, eq, type Expr } from "./formula.js";
import type { Cell, Format, Sheet } from "./grid.js";
import type { Role } from "./inputsSheet.js";
import type { ScenarioCells } from "./scenarioRules.js";
import type { CalcSheet } from "./calcSheet.js";

/**
 * The Outputs sheet: the figures the engine reports, each row named as the engine names it
 * (`socialcare explain` explains any of them), every value a formula on the Calculations and Rounding
 * sheets. A workbook of one scenario shows its result; a comparison shows the headline figures, every
 * figure side by side with its change, and the cash flows by year.
 */

export const OUTPUT_COLUMNS = { figure: 0, label: 1, unit: 2, baseline: 3, option: 4, change: 5, changePct: 6, firstYear: 4 } as const;

export function formatOf(unit: FigureUnit): Format {
  switch (unit) {
    case "£":
    case "£ a year":
      return "money";
    case "share":
      return "share";
    case "FTE":
    case "families":
      return "fte";
    case "children":
      return "integer";
    case "ratio":
    case "teams":
      return "ratio";
    case "hours a week":
      return "hours";
    case "layers":
      return "integer";
    case "year":
      return "text";
    case "yes/no":
      return "bool";
    default:
      return "number";
  }
}

export function outputsHeader(sheet: Sheet): void {
  sheet.put(0, 0, { value: "Outputs", style: "title" });
  sheet.put(1, 0, { value: "The engine's figures, each a formula on the Calculations and Rounding sheets. Money is in pounds and pence, rounded so that parts add up to their totals. The Figure column names each figure as `socialcare explain` does.", style: "note" });
  sheet.nextRow = 3;
  sheet.freeze = { rows: 3, cols: 2 };
  Object.assign(sheet.widths, { 0: 46, 1: 52, 2: 12, 3: 18, 4: 18, 5: 18, 6: 12 });
}

function sectionRow(sheet: Sheet, title: string, marker: string, headers: string[]): void {
  const row = sheet.takeRow(1);
  sheet.put(row, 0, { value: title, style: "section" });
  sheet.put(row, OUTPUT_COLUMNS.unit, { value: marker, style: "key" });
  const header = sheet.takeRow();
  headers.forEach((h, c) => sheet.put(header, c, { value: h, style: "header" }));
}

/** A scenario's result: every figure with its value. */
export function scenarioOutputs(sheet: Sheet, role: Role, cells: ScenarioCells): Map<string, Cell> {
  const placed = new Map<string, Cell>();
  const scenario = cells.inputs.scenario;
  sectionRow(sheet, `${role.label}: ${scenario.name}`, `@${role.id}`, ["Figure", "Label", "Unit", "Value"]);
  for (const f of resultFigures(runScenario(scenario))) {
    const cell = cells.figures.get(f.figure);
    if (!cell) throw new Error(`the workbook has no cell for ${f.figure}`);
    const row = sheet.takeRow();
    sheet.put(row, OUTPUT_COLUMNS.figure, { value: f.figure, style: "key" });
    sheet.put(row, OUTPUT_COLUMNS.label, { value: f.label, style: "label" });
    sheet.put(row, OUTPUT_COLUMNS.unit, { value: f.unit, style: "unit" });
    placed.set(f.figure, sheet.put(row, OUTPUT_COLUMNS.baseline, { formula: ref(cell), format: formatOf(f.unit), style: "output" }));
  }
  return placed;
}

/**
 * A comparison: headline figures, every figure side by side, cash flows by year. Returns the cells
 * placed: comparison figures by name; `baseline:`, `option:`, `change:` and `changePct:` + a
 * figure; `cashFlows.<field>.<year index>`.
 */
export function comparisonOutputs(sheet: Sheet, calc: CalcSheet, role: Role, base: ScenarioCells, option: ScenarioCells, cells: ComparisonCells): Map<string, Cell> {
  const comparison = compareScenarios(base.inputs.scenario, option.inputs.scenario);
  const headline = new Map<string, Cell>();
  sectionRow(sheet, `${role.label}: ${option.inputs.scenario.name} against ${base.inputs.scenario.name}, headline figures`, `@${role.id}`, ["Figure", "Label", "Unit", "Value"]);
  for (const f of comparisonOnlyFigures(comparison)) {
    const row = sheet.takeRow();
    sheet.put(row, OUTPUT_COLUMNS.figure, { value: f.figure, style: "key" });
    sheet.put(row, OUTPUT_COLUMNS.label, { value: f.label, style: "label" });
    sheet.put(row, OUTPUT_COLUMNS.unit, { value: f.unit, style: "unit" });
    let formula: Expr;
    if (f.figure === "appraisal.paybackYear") {
      const first = calc.colOf(cells.years[0]!);
      const last = calc.colOf(cells.years[cells.years.length - 1]!);
      const labels = range({ sheetName: calc.sheet.name, row: 3, col: first }, { sheetName: calc.sheet.name, row: 3, col: last });
      formula = IF(lt(ref(cells.paybackIndex), num(0)), text("not within the horizon"), fn("INDEX", labels, num(1), add(ref(cells.paybackIndex), num(1))));
    } else {
      const cell = cells.figures.get(f.figure);
      if (!cell) throw new Error(`the workbook has no cell for ${f.figure}`);
      formula = ref(cell);
    }
    headline.set(f.figure, sheet.put(row, OUTPUT_COLUMNS.baseline, { formula, format: formatOf(f.unit), style: "headline" }));
  }

  sectionRow(sheet, `${role.label}: every figure side by side`, `@${role.id}`, ["Figure", "Label", "Unit", "Baseline", "Option", "Change", "% change"]);
  for (const f of comparisonFigures(comparison)) {
    const row = sheet.takeRow();
    const format = formatOf(f.unit);
    sheet.put(row, OUTPUT_COLUMNS.figure, { value: f.figure, style: "key" });
    sheet.put(row, OUTPUT_COLUMNS.label, { value: f.label, style: "label" });
    sheet.put(row, OUTPUT_COLUMNS.unit, { value: f.unit, style: "unit" });
    const side = (cells_: ScenarioCells, value: number | null): Cell => {
      const cell = cells_.figures.get(f.figure);
      // A tier only the other side has: 0 FTE and £0 here, and no salary. Any other figure must have a cell.
      if (!cell && !f.figure.startsWith("structure.tiers.")) throw new Error(`the workbook has no cell for ${f.figure}`);
      if (cell) return sheet.put(row, cells_ === base ? OUTPUT_COLUMNS.baseline : OUTPUT_COLUMNS.option, { formula: ref(cell), format, style: "output" });
      return sheet.put(row, cells_ === base ? OUTPUT_COLUMNS.baseline : OUTPUT_COLUMNS.option, { value: value === null ? null : 0, format, style: "output" });
    };
    const b = side(base, f.baseline);
    const o = side(option, f.option);
    headline.set(`baseline:${f.figure}`, b);
    headline.set(`option:${f.figure}`, o);
    if (f.change !== null) {
      headline.set(`change:${f.figure}`, sheet.put(row, OUTPUT_COLUMNS.change, { formula: sub(ref(o), ref(b)), format, style: "output" }));
      headline.set(`changePct:${f.figure}`, sheet.put(row, OUTPUT_COLUMNS.changePct, { formula: IF(eq(ref(b), num(0)), text(""), sub(div(ref(o), ref(b)), num(1))), format: "share", style: "output" }));
    }
  }

  sectionRow(sheet, `${role.label}: cash flows by year (real terms, ${comparison.appraisal.priceBaseYear} prices)`, `@${role.id}`, ["Figure", "Label", "Unit", "Total", ...cells.years]);
  const flows: [string, string, Cell[], Format, boolean][] = [
    ["cashFlows.transition", "Transition spend with optimism bias", cells.cashFlow.transition, "money", true],
    ["cashFlows.runCostChange", "Run cost change (option − baseline), phased in", cells.cashFlow.runCostChange, "money", true],
    ["cashFlows.runCostOptimismBias", "Optimism bias on the run cost change", cells.cashFlow.runCostOptimismBias, "money", true],
    ["cashFlows.retention", "Retention saving, phased in, after optimism bias", cells.cashFlow.retention, "money", true],
    ["cashFlows.amount", "Net cash flow (positive is a saving)", cells.cashFlow.amount, "money", true],
    ["cashFlows.discountFactor", "Discount factor", cells.cashFlow.discountFactor, "factor", false],
    ["cashFlows.presentValue", "Present value", cells.cashFlow.presentValue, "money", true],
    ["cashFlows.cumulative", "Cumulative net cash flow", cells.cashFlow.cumulative, "money", false],
  ];
  for (const [key, label, row_, format, total] of flows) {
    const row = sheet.takeRow();
    sheet.put(row, OUTPUT_COLUMNS.figure, { value: key, style: "key" });
    sheet.put(row, OUTPUT_COLUMNS.label, { value: label, style: "label" });
    sheet.put(row, OUTPUT_COLUMNS.unit, { value: format === "money" ? "£" : "factor", style: "unit" });
    const placed = row_.map((c, y) => sheet.put(row, OUTPUT_COLUMNS.firstYear + y, { formula: ref(c), format, style: "output" }));
    placed.forEach((c, y) => headline.set(`${key}.${y}`, c));
    if (total) sheet.put(row, OUTPUT_COLUMNS.baseline, { formula: fn("SUM", range(placed[0]!, placed[placed.length - 1]!)), format, style: "output" });
  }
  cells.years.forEach((_, y) => (sheet.widths[OUTPUT_COLUMNS.firstYear + y] = Math.max(sheet.widths[OUTPUT_COLUMNS.firstYear + y] ?? 0, 16)));
  return headline;
}
