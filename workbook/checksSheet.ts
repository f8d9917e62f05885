import { RUN_COST_COMPONENTS, TIME_USE_SHARES } from "../engine/index.js";
import type { ComparisonCells } from "./comparisonRules.js";
import { abs, add, eq, fn, ge, le, lt, mul, num, ref, sub, sumChain, text, type Expr } from "./formula.js";
import type { Cell, Sheet } from "./grid.js";
import type { Role } from "./inputsSheet.js";
import type { ScenarioCells } from "./scenarioRules.js";

/**
 * The Checks sheet: every reconciliation the engine runs with a result, as a TRUE/FALSE formula, and
 * a master check that is TRUE only when all of them are. Checks carry the engine's names where they
 * test the same thing, so a test can hold each one against the engine's.
 */

export const CHECK_COLUMNS = { name: 0, scope: 1, result: 2, detail: 3 } as const;
export const MASTER_ROW = 2;

export interface CheckSpec {
  name: string;
  scope: string;
  formula: Expr;
  detail: string;
}

/** a and b equal within 1e-9 relative (the engine's `near`). */
function near(a: Expr, b: Expr): Expr {
  return le(abs(sub(a, b)), mul(num(0.000000001), fn("MAX", num(1), abs(a), abs(b))));
}

const refs = (cells: Cell[]) => cells.map((c) => ref(c));

function handsOutNoMoreThanParts(a: { remainder: Cell; parts: Cell[] }): Expr {
  return le(abs(ref(a.remainder)), num(a.parts.length));
}

export function scenarioChecks(role: Role, cells: ScenarioCells): CheckSpec[] {
  const scope = role.label;
  const s = cells.inputs.scenario;
  const c = cells.check;
  const tiers = s.structure.tiers;
  const lines = c.tierPennies.length + 1; // the tiers and the team budgets line
  const specs: CheckSpec[] = [
    { name: "tier FTE sum to the structure's total FTE", scope, formula: near(sumChain(refs(cells.fte)), ref(c.totalFte)), detail: "tiers' FTE added in tier order against the total FTE (within 1e-9)" },
    {
      name: "case-holding tiers sum to case-holding FTE",
      scope,
      formula: near(sumChain(tiers.flatMap((t, i) => (t.holdsCases ? [ref(cells.fte[i]!)] : []))), ref(cells.caseHoldingFte)),
      detail: "case-holding tiers' FTE added in tier order against the case-holding FTE",
    },
    { name: "case-holding FTE × children per case-holder = children", scope, formula: near(mul(ref(cells.caseHoldingFte), ref(c.childrenPerCaseHolder)), ref(c.children)), detail: "caseload times case-holders against children" },
    { name: "no tier has negative FTE", scope, formula: fn("AND", ...cells.fte.map((f) => ge(ref(f), num(0)))), detail: "every tier's FTE at least 0" },
    {
      name: "tier costs and team budgets sum to the run cost",
      scope,
      // The figures the Outputs show, as the engine checks them: each tier's cost (rounded by tier) and
      // the team budgets (rounded by component, its own line of the run cost).
      formula: eq(add(sumChain(refs(c.tierPennies)), ref(c.componentPennies[RUN_COST_COMPONENTS.indexOf("teamBudgets")]!)), ref(cells.runCostPennies)),
      detail: "rounded tier costs and the team budgets line of the run cost, in pennies, against the rounded run cost",
    },
    { name: "run cost components sum to the run cost", scope, formula: eq(sumChain(refs(c.componentPennies)), ref(cells.runCostPennies)), detail: "rounded components, in pennies, against the rounded run cost" },
    {
      name: "each tier's rounded run cost is within a penny of its exact run cost",
      scope,
      formula: fn("AND", ...c.tierCost.map((cost, i) => lt(abs(sub(ref(c.tierPounds[i]!), ref(cost))), num(0.01)))),
      detail: "stands in for the engine's check on each tier's components, which the workbook shows unrounded",
    },
    {
      name: "run cost reconciles with the unrounded model to within a penny a line",
      scope,
      formula: le(abs(sub(ref(cells.figures.get("runCost.total")!), ref(cells.runCostExact))), mul(num(0.01), num(lines))),
      detail: "rounded run cost against the exact run cost, a penny for each tier and the team budgets",
    },
    {
      name: "time-use shares sum to 1",
      scope,
      formula: lt(abs(sub(sumChain(TIME_USE_SHARES.map((k) => cells.inputs.input(`timeUse.${k}`))), num(1))), num(0.000001)),
      detail: "the starting week: direct contact, recording, administration, travel, meetings and reporting, supervision, learning and other",
    },
    {
      name: "time-use shares after the changes and direct payments sum to 1",
      scope,
      formula: lt(abs(sub(sumChain(c.shares), num(1))), num(0.000001)),
      detail: "the week after on Calculations: the structure's changes and the direct payments lever only move hours between activities",
    },
    {
      name: "no activity of the week after falls below none",
      scope,
      formula: fn("AND", ...c.shares.map((share) => ge(share, num(-0.000000000001)))),
      detail: "every share at least 0 (within 1e-12); the engine refuses such a scenario, naming timeUse.directPayments.hoursFreedPerCase or timeUse.changes",
    },
    ...c.allocations.map((a, i) => ({
      name: `allocation ${i === 0 ? "by tier" : "by component"} hands out no more pennies than it has parts`,
      scope,
      formula: handsOutNoMoreThanParts(a),
      detail: "the largest-remainder rule gives each part at most one penny",
    })),
  ];
  return specs;
}

export function comparisonChecks(role: Role, base: ScenarioCells, option: ScenarioCells, cells: ComparisonCells): CheckSpec[] {
  const scope = role.label;
  const p = cells.pennies;
  const specs: CheckSpec[] = [];
  if (p.total) {
    specs.push(
      { name: "transition years sum to the transition total", scope, formula: eq(sumChain(refs(p.byYear)), ref(p.total)), detail: "rounded years, in pennies, against the rounded total" },
      { name: "transition categories sum to the transition total", scope, formula: eq(sumChain(refs(p.byCategory)), ref(p.total)), detail: "rounded categories, in pennies, against the rounded total" },
    );
  }
  specs.push(
    { name: "each cash flow = −(transition + run cost change + its optimism bias) + retention", scope, formula: fn("AND", ...cells.flowResiduals.map((r) => eq(ref(r), num(0)))), detail: "in whole pennies, year by year" },
    { name: "present values sum to the NPV", scope, formula: eq(sumChain(refs(p.presentValues)), ref(p.npv)), detail: "rounded present values, in pennies, against the rounded NPV" },
    {
      name: "redeployed, made redundant and lost by natural wastage make up the holders of deleted posts",
      scope,
      formula: lt(abs(sub(add(add(ref(cells.posts.redeployed), ref(cells.posts.leavers)), ref(cells.posts.naturalWastage)), ref(cells.posts.holders))), mul(num(0.000001), fn("MAX", num(1), ref(cells.posts.holders)))),
      detail: "all tiers",
    },
    {
      name: "baseline and option are costed in the same financial year",
      scope,
      formula: eq(base.inputs.input("finance.year"), option.inputs.input("finance.year")),
      detail: "the two scenarios' financial years on Inputs",
    },
  );
  // Which tiers the option names is fixed when the workbook is made; the check compares the names with
  // the baseline's tier ids on Inputs, letter for letter as the engine does (EXACT, not =, which ignores case).
  const named = Object.keys(option.inputs.scenario.transition?.redeployed ?? {});
  if (named.length > 0) {
    const baseIds = base.inputs.scenario.structure.tiers.map((t) => base.inputs.input(`structure.tiers.${t.id}.id`));
    specs.push({
      name: "every tier the option's transition.redeployed names is a tier of the baseline",
      scope,
      formula: fn("AND", ...named.map((id) => fn("OR", ...baseIds.map((b) => fn("EXACT", b, text(id)))))),
      detail: `the option names ${named.join(", ")}; a share for a tier the baseline lacks would not apply`,
    });
  }
  specs.push(
    ...cells.allocationTargets.map((a, i) => ({
      name: `allocation ${["of the transition by category", "of the transition by year", "of present values"][cells.allocationTargets.length === 3 ? i : i + 2]} hands out no more pennies than it has parts`,
      scope,
      formula: handsOutNoMoreThanParts(a),
      detail: "the largest-remainder rule gives each part at most one penny",
    })),
  );
  return specs;
}

/** Writes the checks and the master check; returns the master check's cell. */
export function checksSheet(sheet: Sheet, specs: CheckSpec[]): { master: Cell; results: Map<string, Cell[]> } {
  sheet.put(0, 0, { value: "Checks", style: "title" });
  sheet.put(1, 0, { value: "Each reconciliation the model runs, TRUE when it holds. The master check is TRUE only when every check is.", style: "note" });
  sheet.put(MASTER_ROW, CHECK_COLUMNS.name, { value: "Master check: every check holds", style: "label" });
  const header = 4;
  ["Check", "Scenario", "Result", "What is compared"].forEach((h, c) => sheet.put(header, c, { value: h, style: "header" }));
  sheet.nextRow = header + 1;
  sheet.freeze = { rows: header + 1, cols: 1 };
  Object.assign(sheet.widths, { 0: 70, 1: 14, 2: 10, 3: 80 });
  const results = new Map<string, Cell[]>();
  const all: Cell[] = [];
  for (const spec of specs) {
    const row = sheet.takeRow();
    sheet.put(row, CHECK_COLUMNS.name, { value: spec.name, style: "label" });
    sheet.put(row, CHECK_COLUMNS.scope, { value: spec.scope, style: "unit" });
    const cell = sheet.put(row, CHECK_COLUMNS.result, { formula: spec.formula, format: "bool", style: "check" });
    sheet.put(row, CHECK_COLUMNS.detail, { value: spec.detail, style: "note" });
    all.push(cell);
    results.set(`${spec.scope}: ${spec.name}`, [...(results.get(`${spec.scope}: ${spec.name}`) ?? []), cell]);
  }
  const master = sheet.put(MASTER_ROW, CHECK_COLUMNS.result, { formula: fn("AND", ...all.map((c) => ref(c))), format: "bool", style: "master" });
  return { master, results };
}
