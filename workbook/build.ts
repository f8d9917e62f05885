import { addYears, yearsBetween, type CalibrationTable, type Scenario } from "../engine/index.js";
import { calibrationSheet } from "./calibrationSheet.js";
import { claimsSheet } from "./claimsSheet.js";
import type { ClaimsTable } from "../engine/index.js";
import { CalcSheet } from "./calcSheet.js";
import { checksSheet, comparisonChecks, scenarioChecks, type CheckSpec } from "./checksSheet.js";
import { comparisonRules } from "./comparisonRules.js";
import { monthLabels } from "./flowsRules.js";
import { coverSheet, scenarioFilesSheet } from "./coverSheet.js";
import { Book, type Cell } from "./grid.js";
import { inputsHeader, inputsSection, rolesFor, type Role } from "./inputsSheet.js";
import { comparisonOutputs, outputsHeader, scenarioOutputs } from "./outputsSheet.js";
import { RoundingSheet } from "./roundingSheet.js";
import { scenarioRules, type ScenarioCells } from "./scenarioRules.js";

/**
 * Lays out the whole workbook (before it is written): Cover, Inputs, Calculations, Rounding,
 * Outputs, Checks and Scenario files, for one scenario or a baseline and its options.
 */

export interface BuildOptions {
  /** The date on the cover (default: today). */
  date?: Date;
  /** Every council's modelled spend beside its published spend, written as a Calibration sheet (calibrationTable()). */
  calibration?: CalibrationTable;
  /** Each option's claims table against the baseline (claimsTable()), written as a Claims sheet. */
  claims?: readonly ClaimsTable[];
}

export interface BuiltWorkbook {
  book: Book;
  roles: Role[];
  scenarios: Scenario[];
  /** Per role: the cells of its figures. */
  scenarioCells: ScenarioCells[];
  /** Per role with outputs (the scenario, or each option): figure → its cell on Outputs (see outputsSheet.ts). */
  outputs: Map<string, Map<string, Cell>>;
  master: Cell;
  checks: Map<string, Cell[]>;
}

/** The sheet the calibration table goes on, when one is given. */
export const CALIBRATION_SHEET = "Calibration";

/** The sheet the claims tables go on, when they are given. */
export const CLAIMS_SHEET = "Claims";

export const SHEETS = { cover: "Cover", inputs: "Inputs", calculations: "Calculations", rounding: "Rounding", outputs: "Outputs", checks: "Checks", files: "Scenario files" } as const;

/** The sheet (one per option) a transition costed from the workforce flows lays them out on. */
export const FLOWS_SHEET = "Flows";

const FLOWS_NOTE =
  "The workforce month by month through the move, for a transition costed from the flows (transition.workforce.fromFlows): every rule a formula on the named inputs and the Calculations sheet, one rule per row, months across the columns. Its costs add up by transition year on the Calculations sheet.";

export function buildWorkbook(baseline: Scenario, options: readonly Scenario[] = [], settings: BuildOptions = {}): BuiltWorkbook {
  const book = new Book();
  const sheets = Object.fromEntries(Object.entries(SHEETS).map(([k, name]) => [k, book.sheet(name)])) as Record<keyof typeof SHEETS, ReturnType<Book["sheet"]>>;
  const scenarios = [baseline, ...options];
  const roles = rolesFor(options.length);

  inputsHeader(sheets.inputs);
  const inputs = scenarios.map((s, i) => inputsSection(book, sheets.inputs, roles[i]!, s));

  // One timeline for the sheet: from the earliest year salaries are stated in to the last year appraised.
  const first = scenarios.map((s) => s.finance.salaryYear).reduce((a, b) => (yearsBetween(a, b) < 0 ? b : a));
  const last = scenarios
    .flatMap((s, i) => [s.finance.year, ...(i > 0 ? [addYears(s.finance.year, s.finance.appraisal.horizonYears - 1)] : [])])
    .reduce((a, b) => (yearsBetween(a, b) > 0 ? b : a));
  const years = Array.from({ length: yearsBetween(first, last) + 1 }, (_, k) => addYears(first, k));
  const calc = new CalcSheet(
    sheets.calculations,
    years,
    "Calculations",
    "Every rule of the model as a formula on the named inputs (Inputs sheet), one rule per row; financial years across the columns. Figures here are exact; the Rounding sheet turns money into pounds and pence.",
  );
  const rounding = new RoundingSheet(sheets.rounding);
  const scenarioCells = inputs.map((inp) => scenarioRules(calc, rounding, inp));

  outputsHeader(sheets.outputs);
  const checkSpecs: CheckSpec[] = [];
  const outputs = new Map<string, Map<string, Cell>>();
  if (options.length === 0) {
    outputs.set(roles[0]!.id, scenarioOutputs(sheets.outputs, roles[0]!, scenarioCells[0]!));
    checkSpecs.push(...scenarioChecks(roles[0]!, scenarioCells[0]!));
  } else {
    scenarioCells.forEach((cells, i) => checkSpecs.push(...scenarioChecks(roles[i]!, cells)));
    options.forEach((_, k) => {
      const role = roles[k + 1]!;
      // A transition costed from the workforce flows lays them out month by month on a sheet of their own.
      const option = scenarios[k + 1]!;
      const appraised = Array.from({ length: option.finance.appraisal.horizonYears }, (_, y) => addYears(option.finance.year, y));
      const flowsSheet = () => new CalcSheet(book.sheet(`${FLOWS_SHEET} (${role.label.toLowerCase()})`), monthLabels(appraised), `Workforce flows (${role.label.toLowerCase()})`, FLOWS_NOTE);
      const cells = comparisonRules(calc, rounding, scenarioCells[0]!, scenarioCells[k + 1]!, `Comparison (${role.label.toLowerCase()})`, flowsSheet);
      outputs.set(role.id, comparisonOutputs(sheets.outputs, calc, role, scenarioCells[0]!, scenarioCells[k + 1]!, cells));
      checkSpecs.push(...comparisonChecks(role, scenarioCells[0]!, scenarioCells[k + 1]!, cells));
    });
  }
  const { master, results } = checksSheet(sheets.checks, checkSpecs);
  coverSheet(sheets.cover, roles, scenarios, master, settings.date ?? new Date());
  scenarioFilesSheet(sheets.files, roles, scenarios);
  if (settings.claims?.length) claimsSheet(book.sheet(CLAIMS_SHEET), settings.claims);
  if (settings.calibration) calibrationSheet(book.sheet(CALIBRATION_SHEET), settings.calibration);
  return { book, roles, scenarios, scenarioCells, outputs, master, checks: results };
}
