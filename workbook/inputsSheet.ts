import { listSettings, settingLabel, type Scenario, type Setting } from "../engine/index.js";
import { named, type Expr } from "./formula.js";
import type { Book, Cell, Format, Sheet } from "./grid.js";

/**
 * The Inputs sheet: the assumptions register. Every setting of every scenario in the workbook, one a
 * row, with its value (the only cells a user edits), unit, defined name, setting key, source or
 * assumption, and allowed range. Calculations refer to the values by their names only.
 */

/** The part a scenario plays in the workbook. */
export interface Role {
  /** "scenario" for a workbook of one scenario; "baseline"; "option" (or "option2", …). */
  id: string;
  /** "Scenario", "Baseline", "Option", "Option 2", … */
  label: string;
  /** Prefix of its defined names: Scenario_, Baseline_, Option_, Option2_ … */
  prefix: string;
}

export function rolesFor(optionCount: number): Role[] {
  if (optionCount === 0) return [{ id: "scenario", label: "Scenario", prefix: "Scenario" }];
  const roles: Role[] = [{ id: "baseline", label: "Baseline", prefix: "Baseline" }];
  for (let i = 1; i <= optionCount; i++) {
    roles.push(i === 1 && optionCount === 1 ? { id: "option", label: "Option", prefix: "Option" } : { id: `option${i}`, label: `Option ${i}`, prefix: `Option${i}` });
  }
  return roles;
}

export const INPUT_COLUMNS = { label: 0, value: 1, unit: 2, name: 3, key: 4, source: 5, range: 6 } as const;
export const INPUT_HEADERS = ["Setting", "Value", "Unit", "Defined name", "Setting key", "Source or assumption", "Allowed range"];
/** The marker in the key column of a scenario's first row: `@baseline`, `@option`, … */
export const ROLE_MARKER = "@";

export interface ScenarioInputs {
  role: Role;
  scenario: Scenario;
  settings: Setting[];
  /** Per setting key: the value cell. */
  cells: Map<string, Cell>;
  /** Per setting key: its defined name. */
  names: Map<string, string>;
  /** The named value of a setting, for a formula. */
  input(key: string): Expr;
  has(key: string): boolean;
}

export function inputsHeader(sheet: Sheet): void {
  sheet.put(0, 0, { value: "Inputs: the assumptions register", style: "title" });
  sheet.put(1, 0, {
    value: "Every assumption of every scenario, with its unit, defined name, source and allowed range. Edit values in the Value column only (yellow); `socialcare import` reads them back. Settings marked (structure) shape the Calculations sheet: change them in a scenario file and export again to see them worked through. Settings marked (team-design indicators only) feed the engine's team-design indicators (`socialcare run`), which this workbook does not show; they are read back on import.",
    style: "note",
  });
  INPUT_HEADERS.forEach((h, c) => sheet.put(3, c, { value: h, style: "header" }));
  sheet.nextRow = 4;
  sheet.freeze = { rows: 4, cols: 1 };
  Object.assign(sheet.widths, { 0: 52, 1: 16, 2: 18, 3: 44, 4: 44, 5: 90, 6: 22 });
}

/** Writes one scenario's settings and defines their names. */
export function inputsSection(book: Book, sheet: Sheet, role: Role, scenario: Scenario): ScenarioInputs {
  const settings = listSettings(scenario);
  const header = sheet.takeRow(1);
  sheet.put(header, INPUT_COLUMNS.label, { value: `${role.label}: ${scenario.name}`, style: "section" });
  sheet.put(header, INPUT_COLUMNS.key, { value: `${ROLE_MARKER}${role.id}`, style: "key" });
  sheet.put(header, INPUT_COLUMNS.source, { value: `scenario id: ${scenario.id}`, style: "note" });
  const cells = new Map<string, Cell>();
  const names = new Map<string, string>();
  let group = "";
  for (const setting of settings) {
    if (setting.group !== setting.key && setting.group !== group) {
      group = setting.group;
      sheet.put(sheet.takeRow(), INPUT_COLUMNS.label, { value: GROUP_LABELS[group] ?? group, style: "group" });
    }
    const row = sheet.takeRow();
    sheet.put(row, INPUT_COLUMNS.label, { value: `${settingLabel(setting, scenario)}${markOf(setting)}`, style: "label" });
    const cell = sheet.put(row, INPUT_COLUMNS.value, { value: setting.value, format: inputFormat(setting), style: "input" });
    sheet.put(row, INPUT_COLUMNS.unit, { value: setting.unit ?? KIND_UNITS[setting.kind] ?? "", style: "unit" });
    const name = book.define(`${role.prefix}_${nameOf(setting.key)}`, cell);
    sheet.put(row, INPUT_COLUMNS.name, { value: name, style: "key" });
    sheet.put(row, INPUT_COLUMNS.key, { value: setting.key, style: "key" });
    sheet.put(row, INPUT_COLUMNS.source, { value: provenanceText(setting), style: "source" });
    sheet.put(row, INPUT_COLUMNS.range, { value: rangeText(setting), style: "unit" });
    cells.set(setting.key, cell);
    names.set(setting.key, name);
  }
  return {
    role,
    scenario,
    settings,
    cells,
    names,
    has: (key) => cells.has(key),
    input(key) {
      const cell = cells.get(key);
      if (!cell) throw new Error(`the workbook has no input ${key} for ${role.label}`);
      return named(names.get(key)!, cell);
    },
  };
}

/** Settings whose value shapes the layout of the calculations rather than flowing through them. */
const STRUCTURAL = /^(transition\.years|finance\.appraisal\.horizonYears|finance\.(year|salaryYear)|finance\.appraisal\.priceBaseYear|id|name|description|structure\.tiers\.[^.]+\.(holdsCases|senior))$/;
/** Settings only the engine's team-design indicators read: no rule of the workbook uses them. */
const TEAM_DESIGN_ONLY = /^(council\.(childProtectionShare|lookedAfterShare)|timeUse\.(groupSupervisionHours|vulnerableCaseWeight)|structure\.tiers\.[^.]+\.senior)$/;

function markOf(setting: Setting): string {
  const marks = [
    ...(STRUCTURAL.test(setting.key) || setting.kind === "text" || setting.kind === "choice" ? ["structure"] : []),
    ...(TEAM_DESIGN_ONLY.test(setting.key) ? ["team-design indicators only"] : []),
  ];
  return marks.length > 0 ? ` (${marks.join("; ")})` : "";
}

const GROUP_LABELS: Record<string, string> = {
  council: "Council",
  structure: "Structure",
  timeUse: "Time use",
  finance: "Finance",
  transition: "Transition",
};

const KIND_UNITS: Record<string, string> = { boolean: "yes/no", year: "financial year", text: "text", choice: "choice" };

/** A defined name from a setting key: tiers by id (`socialWorker_salary`), other characters as _. */
export function nameOf(key: string): string {
  return key
    .replace(/^structure\.tiers\./, "")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

function inputFormat(setting: Setting): Format {
  if (setting.kind === "boolean") return "bool";
  if (setting.kind !== "number") return "text";
  switch (setting.unit) {
    case "share":
      return "share";
    case "£":
    case "£ a year":
      return Number.isInteger(setting.value) ? "integer" : "money";
    default:
      return "number";
  }
}

function provenanceText(setting: Setting): string {
  const p = setting.provenance;
  if (!p) return "";
  if (p.source) return p.source;
  if (p.assumption) return `Assumption: ${p.assumption}`;
  return "";
}

function rangeText(setting: Setting): string {
  if (setting.choices) return setting.choices.join(" | ");
  const lo = setting.min === undefined ? "" : `${setting.minExclusive ? ">" : "≥"} ${setting.min}`;
  const hi = setting.max === undefined ? "" : `${setting.maxExclusive ? "<" : "≤"} ${setting.max}`;
  const bounds = [lo, hi].filter(Boolean).join(" and ");
  return `${bounds}${setting.integer ? `${bounds ? ", " : ""}whole number` : ""}`;
}
