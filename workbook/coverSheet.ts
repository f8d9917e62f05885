import { stringify } from "../engine/scenario/yaml.js";
import { MODEL_VERSION, toScenarioInput, type Scenario } from "../engine/index.js";
import { ref } from "./formula.js";
import type { Cell, Sheet } from "./grid.js";
import type { Role } from "./inputsSheet.js";

/**
 * The cover sheet (what the workbook holds, for whom, made when, by which model version, and whether
 * its checks hold) and the Scenario files sheet (each scenario as the scenario file it came from, one
 * line a row, so `socialcare import` can rebuild it and any reader can see it whole).
 */

export const SHEET_NOTES: [string, string][] = [
  ["Inputs", "Every assumption, with its unit, defined name, source and allowed range. The only cells to edit (yellow)."],
  ["Calculations", "Every rule of the model as formulas on the named inputs, one rule per row, financial years across the columns."],
  ["Rounding", "Exact figures to pounds and pence, allocated so that parts add up to their totals."],
  ["Outputs", "The figures the model reports: headline figures, every figure side by side, cash flows by year."],
  ["Checks", "Each reconciliation, and the master check."],
  ["Scenario files", "Each scenario as a scenario file, for `socialcare import`."],
];

export function coverSheet(sheet: Sheet, roles: Role[], scenarios: Scenario[], master: Cell, date: Date): void {
  sheet.put(0, 0, { value: "Children's social work structures: cost model workbook", style: "title" });
  sheet.put(1, 0, {
    value: "Made by socialcare-model from its engine's rules: every figure is a live formula in standard spreadsheet functions, and the model's own figures are stored as each formula's last value.",
    style: "note",
  });
  const rows: [string, unknown, "text" | "date" | "check"][] = [
    ["Model version", MODEL_VERSION, "text"],
    ["Made on", date.toISOString().slice(0, 10), "text"],
    ["Master check (all checks hold)", master, "check"],
  ];
  let r = 3;
  for (const [label, value, kind] of rows) {
    sheet.put(r, 0, { value: label, style: "label" });
    if (kind === "check") sheet.put(r, 1, { formula: ref(value as Cell), format: "bool", style: "master" });
    else sheet.put(r, 1, { value: value as string, style: "output" });
    r++;
  }
  r++;
  sheet.put(r++, 0, { value: "Scenarios", style: "section" });
  ["Role", "Scenario", "Id", "Council", "Structure", "Costed year"].forEach((h, c) => sheet.put(r, c, { value: h, style: "header" }));
  r++;
  scenarios.forEach((s, i) => {
    [roles[i]!.label, s.name, s.id, s.council.name, s.structure.name, s.finance.year].forEach((v, c) => sheet.put(r, c, { value: v, style: c === 0 ? "label" : "output" }));
    r++;
  });
  r++;
  sheet.put(r++, 0, { value: "Sheets", style: "section" });
  for (const [name, note] of SHEET_NOTES) {
    sheet.put(r, 0, { value: name, style: "label" });
    sheet.put(r, 1, { value: note, style: "note" });
    r++;
  }
  r++;
  sheet.put(r++, 0, { value: "How to read it", style: "section" });
  for (const line of [
    "Inputs are yellow; calculations are black on white; outputs are bold. Names such as Baseline_council_children point at Inputs.",
    "Change an input and the workbook recalculates. Settings marked (structure) shape the layout: change them in a scenario file and export again.",
    "Money is rounded half away from zero, and parts are allocated so they add up to their rounded totals (see Rounding).",
    "socialcare import <this file> reads edited inputs back into scenario files, naming any cell it cannot accept.",
  ]) {
    sheet.put(r++, 0, { value: line, style: "note" });
  }
  sheet.nextRow = r;
  Object.assign(sheet.widths, { 0: 40, 1: 60, 2: 18, 3: 30, 4: 34, 5: 12 });
}

export const SCENARIO_FILE_MARKER = "@";

export function scenarioFilesSheet(sheet: Sheet, roles: Role[], scenarios: Scenario[]): void {
  sheet.put(0, 0, { value: "Scenario files", style: "title" });
  sheet.put(1, 0, { value: "Each scenario as a scenario file (YAML), one line a row, as it was when the workbook was made. `socialcare import` starts from these and applies the values on Inputs.", style: "note" });
  let r = 3;
  scenarios.forEach((s, i) => {
    sheet.put(r, 0, { value: `${SCENARIO_FILE_MARKER}${roles[i]!.id}`, style: "section" });
    r++;
    for (const line of stringify(toScenarioInput(s, { withSources: true }), { lineWidth: 0 }).trimEnd().split("\n")) {
      sheet.put(r++, 0, { value: line, style: "source" });
    }
    r++;
  });
  sheet.nextRow = r;
  sheet.widths[0] = 160;
}
