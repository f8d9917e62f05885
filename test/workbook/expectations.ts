import { compareScenarios, comparisonOnlyFigures, resultFigures, runScenario, toPennies, type Check } from "../../engine/index.js";
import type { BuiltWorkbook } from "../../workbook/build.js";
import type { Reader, Value } from "./spreadsheets.js";

/**
 * What every output and check cell of a workbook must show: the engine's own figure (from
 * runScenario / compareScenarios, never from the workbook), with how closely it must agree.
 */

export interface Expectation {
  what: string;
  sheet: string;
  row: number;
  col: number;
  expected: Value;
  /** money: to the penny; number: 1e-9 relative; exact: identical. */
  kind: "money" | "number" | "exact";
}

const MONEY_UNITS = new Set(["£", "£ a year"]);

export function expectations(built: BuiltWorkbook): Expectation[] {
  const out: Expectation[] = [];
  const at = (what: string, cell: { sheetName: string; row: number; col: number }, expected: Value, kind: Expectation["kind"]) =>
    out.push({ what, sheet: cell.sheetName, row: cell.row, col: cell.col, expected, kind });
  const [baseline, ...options] = built.scenarios;
  let allHold = true;
  const checksOf = (scope: string, engine: Check[]) => {
    for (const [key, cells] of built.checks) {
      if (!key.startsWith(`${scope}: `)) continue;
      const name = key.slice(scope.length + 2);
      const match = engine.find((k) => k.name === name);
      // Checks of the workbook's own (its allocations) must hold; the rest must say what the engine says.
      for (const cell of cells) at(`check ${key}`, cell, match ? match.ok : true, "exact");
      if (match && !match.ok) allHold = false;
    }
  };
  if (options.length === 0) {
    const result = runScenario(baseline!);
    const cells = built.outputs.get(built.roles[0]!.id)!;
    for (const f of resultFigures(result)) at(f.figure, cells.get(f.figure)!, f.value as Value, MONEY_UNITS.has(f.unit) ? "money" : "number");
    checksOf(built.roles[0]!.label, result.checks);
  } else {
    checksOf("Baseline", runScenario(baseline!).checks);
    options.forEach((option, k) => {
      const role = built.roles[k + 1]!;
      const c = compareScenarios(baseline!, option);
      checksOf(role.label, [...c.checks, ...runScenario(option).checks]);
      const cells = built.outputs.get(role.id)!;
      const figures = new Map(c.figures.map((f) => [f.figure, f]));
      const own = new Map(comparisonOnlyFigures(c).map((f) => [f.figure, f]));
      for (const [key, cell] of cells) {
        const [prefix, rest] = key.includes(":") ? [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)] : ["", key];
        if (prefix) {
          const f = figures.get(rest)!;
          const side = prefix as "baseline" | "option" | "change" | "changePct";
          const value = f[side];
          const kind = prefix !== "changePct" && MONEY_UNITS.has(f.unit) ? "money" : "number";
          at(`${role.id} ${key}`, cell, value === null ? (prefix === "changePct" ? "" : null) : value, kind);
        } else if (key.startsWith("cashFlows.")) {
          const [, field, index] = key.split(".");
          const flow = c.appraisal.cashFlows[Number(index)]!;
          // Every field shown is the engine's, the cumulative net cash flow included (summed in pennies).
          const value = flow[field as keyof typeof flow] as number;
          if (typeof value !== "number") throw new Error(`the engine's cash flow has no ${field}`);
          at(`${role.id} ${key}`, cell, value, field === "discountFactor" ? "number" : "money");
        } else {
          const f = own.get(key)!;
          const value = (key === "appraisal.paybackYear" || key === "transition.workforce.monthsToFullStaffing") && f.value === null ? "not within the horizon" : f.value;
          at(`${role.id} ${key}`, cell, value as Value, MONEY_UNITS.has(f.unit) ? "money" : typeof value === "number" ? "number" : "exact");
        }
      }
    });
  }
  // The master check is TRUE exactly when every check holds.
  at("master check", built.master, allHold, "exact");
  return out;
}

/** The expectations a reader does not meet, as readable lines (empty when all hold). */
export function mismatches(list: Expectation[], read: Reader): string[] {
  const bad: string[] = [];
  for (const e of list) {
    let got = read(e.sheet, e.row, e.col);
    if (got === null && e.expected === "") got = "";
    if (!agrees(got, e.expected, e.kind)) bad.push(`${e.what} (${e.sheet}!R${e.row + 1}C${e.col + 1}): workbook ${JSON.stringify(got)}, engine ${JSON.stringify(e.expected)}`);
  }
  return bad;
}

function agrees(got: Value, expected: Value, kind: Expectation["kind"]): boolean {
  if (typeof expected === "number" && !Number.isFinite(expected)) return got === "n/a";
  if (typeof expected === "number" && typeof got === "number") {
    if (kind === "money") return toPennies(got) === toPennies(expected);
    return Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  return got === expected;
}
