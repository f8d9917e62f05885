import { allocatePennies, allocateTablePennies, fromPennies, roundMoney, toPennies } from "../money/index.js";
import { ScenarioError } from "../errors.js";
import { LIMITS } from "../scenario/schema.js";
import type { Scenario, TierRole, TimeUseShare } from "../scenario/types.js";
import { TIME_USE_SHARES } from "../scenario/types.js";
import { compileScenario, type ModelState, type ScenarioModel } from "./scenarioModel.js";

/**
 * The result of a scenario: everything the engine computes for it (the FAST standard's outputs),
 * with its reconciliation checks. Money is in pounds, rounded to the penny so that every total is
 * exactly the sum of its shown parts; counts, FTE and shares are left unrounded for the faces to
 * format.
 */

export const RUN_COST_COMPONENTS = ["pay", "employerNi", "pension", "apprenticeshipLevy", "agencyPremium", "overheads", "teamBudgets"] as const;
export type RunCostComponent = (typeof RUN_COST_COMPONENTS)[number];
/** The components a tier carries (team budgets belong to teams, not to a tier). */
export const TIER_COMPONENTS = RUN_COST_COMPONENTS.filter((c) => c !== "teamBudgets") as Exclude<RunCostComponent, "teamBudgets">[];
export type TierComponent = (typeof TIER_COMPONENTS)[number];

export interface TierResult {
  id: string;
  name: string;
  reportsTo: string | null;
  holdsCases: boolean;
  role: TierRole;
  fte: number;
  /** Salary of one FTE in the costed year, £. */
  salary: number;
  /** Annual run cost of the tier, £ (the sum of its components). */
  annualCost: number;
  components: Record<TierComponent, number>;
  /** FTE reporting directly to this tier per FTE of it; null when no one reports to it. */
  span: number | null;
}

export interface Check {
  name: string;
  ok: boolean;
  /** What was compared, for a failed check. */
  detail?: string;
}

export interface Result {
  scenario: { id: string; name: string; description: string; council: string; structure: string; year: string };
  caseload: {
    children: number;
    families: number;
    caseHoldingFte: number;
    /** Children per case-holding post (establishment FTE, vacancies included). */
    childrenPerCaseHolder: number;
    familiesPerCaseHolder: number;
    /** Share of posts with someone at work in them: 1 − vacancy rate × (1 − share covered by agency). */
    atWorkShare: number;
    /** Children per case-holding FTE at work, employed and agency: the caseload as the DfE counts it. */
    childrenPerCaseHolderAtWork: number;
  };
  structure: {
    name: string;
    tiers: TierResult[];
    totalFte: number;
    teams: number;
    teamSize: number;
    layers: number;
    /** FTE reporting to a tier with reports, per FTE of those tiers. */
    spanOfControl: number;
    managementFte: number;
    managementShareOfPay: number;
    /** Support (administrative) FTE per case-holding FTE. */
    adminSupportPerPractitioner: number;
    clinicianFte: number;
  };
  time: {
    hoursPerWeek: number;
    /** Direct contact share of the week after the structure's changes and direct payments (the starting share when both are off). */
    directContactShare: number;
    /** Administration share of the week after the changes and direct payments. */
    administrationShare: number;
    /** Hours a week per case-holder the structure's changes free (negative: add), before they are shared out. */
    hoursFreedByChangesPerCaseHolderPerWeek: number;
    /** Case-holders' administration hours a week handed to support staff, all case-holders together. */
    administrationHoursToSupport: number;
    directContactHoursPerCaseHolderPerWeek: number;
    directContactHoursPerChildPerWeek: number;
    /** The week after the changes and direct payments, by activity; the shares sum to 1. */
    shares: Record<TimeUseShare, number>;
    directPayments: {
      shareOfFamilies: number;
      hoursFreedPerCase: number;
      /** Cases supported through direct payments, per case-holder. */
      casesPerCaseHolder: number;
      /** Care-management hours a week freed per case-holder (negative: added). */
      hoursFreedPerCaseHolderPerWeek: number;
      /** The freed hours across all case-holders as FTE of case-holding capacity (negative: capacity used). */
      capacityFte: number;
    };
  };
  runCost: {
    total: number;
    components: Record<RunCostComponent, number>;
  };
  checks: Check[];
}

/** Below this FTE a tier has no span of control (see buildResult). */
const MIN_FTE_FOR_SPAN = 1e-6;

/** Runs a scenario: compiles it (once per scenario object) and builds its result. */
export function runScenario(scenario: Scenario): Result {
  const model = compileScenario(scenario);
  return buildResult(model, model.evaluate(model.inputs, model.scratch));
}

/**
 * Each input is bounded, but rules chain (a span of a span of a caseload tier, an expression): a
 * tier that sizes past the most FTE one tier may hold is refused, naming the tier, before its cost
 * is added up.
 */
function checkTierSizes(model: ScenarioModel, state: ModelState): void {
  const issues: { path: string; reason: string }[] = [];
  model.tiers.forEach((tier, i) => {
    const fte = state.fte[i]!;
    if (!(Math.abs(fte) <= LIMITS.fte)) {
      issues.push({ path: `structure.tiers[${i}]`, reason: `sizes to ${Number.isFinite(fte) ? fte.toExponential(3) : fte} FTE, more than the ${LIMITS.fte.toLocaleString("en-GB")} one tier may hold (tier "${tier.id}"): check its sizing rule and the figures it reads` });
    }
  });
  if (issues.length > 0) throw new ScenarioError(issues);
}

/** The result object for an evaluated model state. */
export function buildResult(model: ScenarioModel, state: ModelState): Result {
  const scenario = model.scenario;
  const tiers = model.tiers;
  const n = tiers.length;
  checkTierSizes(model, state);

  // Money: the tiers × components table, plus a row for team budgets, rounded so that rows, columns
  // and the grand total all reconcile to the penny.
  const table: number[][] = [];
  const tierSums: number[] = [];
  const componentSums = new Array<number>(RUN_COST_COMPONENTS.length).fill(0);
  let grandExact = 0; // added cell by cell, tier by tier, as the workbook adds it
  for (let i = 0; i < n; i++) {
    const row = [state.pay[i]!, state.employerNi[i]!, state.pension[i]!, state.apprenticeshipLevy[i]!, state.agencyPremium[i]!, state.overheads[i]!, 0];
    table.push(row);
    let sum = 0;
    for (let j = 0; j < row.length; j++) {
      sum += row[j]!;
      componentSums[j]! += row[j]!;
      grandExact += row[j]!;
    }
    tierSums.push(sum);
  }
  table.push([0, 0, 0, 0, 0, 0, state.teamBudgets]);
  componentSums[RUN_COST_COMPONENTS.length - 1]! += state.teamBudgets;
  // The components are rounded to the rounded run cost first. Team budgets are both a row and a column
  // of the table, holding one amount: the row takes the column's pennies, and the tiers share what is
  // left, so that the tiers plus the team budgets add up to the run cost exactly.
  const grand = toPennies(grandExact + state.teamBudgets);
  const columnTargets = allocatePennies(componentSums, grand);
  const teamBudgetPennies = columnTargets[RUN_COST_COMPONENTS.length - 1]!;
  const rowTargets = [...allocatePennies(tierSums, grand - teamBudgetPennies), teamBudgetPennies];
  const pennies = allocateTablePennies(table, { rows: rowTargets, columns: columnTargets });
  const componentPennies = new Array<number>(RUN_COST_COMPONENTS.length).fill(0);
  for (const row of pennies) for (let j = 0; j < row.length; j++) componentPennies[j]! += row[j]!;
  const total = fromPennies(componentPennies.reduce((s, p) => s + p, 0));

  // Spans: FTE reporting directly to each tier, per FTE of it.
  const below = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const up = model.reportsToIndex[i]!;
    if (up >= 0) below[up]! += state.fte[i]!;
  }
  let reportingFte = 0;
  let managingFte = 0;
  const tierResults: TierResult[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const tier = tiers[i]!;
    let span: number | null = null;
    if (model.hasReports[i]) {
      // A tier of less than a millionth of an FTE has no one in post to report to (and dividing by it
      // would give an infinite span): no span, as for a tier of 0.
      span = state.fte[i]! >= MIN_FTE_FOR_SPAN ? below[i]! / state.fte[i]! : null;
      reportingFte += below[i]!;
      managingFte += state.fte[i]!;
    }
    const row = pennies[i]!;
    tierResults[i] = {
      id: tier.id,
      name: tier.name,
      reportsTo: tier.reportsTo,
      holdsCases: tier.holdsCases,
      role: tier.role,
      fte: state.fte[i]!,
      salary: roundMoney(state.salary[i]!),
      annualCost: fromPennies(row[0]! + row[1]! + row[2]! + row[3]! + row[4]! + row[5]!),
      components: {
        pay: fromPennies(row[0]!),
        employerNi: fromPennies(row[1]!),
        pension: fromPennies(row[2]!),
        apprenticeshipLevy: fromPennies(row[3]!),
        agencyPremium: fromPennies(row[4]!),
        overheads: fromPennies(row[5]!),
      },
      span,
    };
  }

  const result: Result = {
    scenario: {
      id: scenario.id,
      name: scenario.name,
      description: scenario.description,
      council: scenario.council.name,
      structure: scenario.structure.name,
      year: scenario.finance.year,
    },
    caseload: {
      children: state.children,
      families: state.families,
      caseHoldingFte: state.caseHoldingFte,
      childrenPerCaseHolder: state.childrenPerCaseHolder,
      familiesPerCaseHolder: state.familiesPerCaseHolder,
      atWorkShare: state.atWorkShare,
      childrenPerCaseHolderAtWork: state.childrenPerCaseHolderAtWork,
    },
    structure: {
      name: scenario.structure.name,
      tiers: tierResults,
      totalFte: state.totalFte,
      teams: state.teams,
      teamSize: scenario.structure.teams.size,
      layers: model.layers,
      spanOfControl: managingFte > 0 ? reportingFte / managingFte : 0,
      managementFte: state.managementFte,
      managementShareOfPay: state.totalPay > 0 ? state.managementPay / state.totalPay : 0,
      adminSupportPerPractitioner: state.caseHoldingFte > 0 ? state.supportFte / state.caseHoldingFte : 0,
      clinicianFte: state.clinicianFte,
    },
    time: {
      hoursPerWeek: state.hoursPerWeek,
      directContactShare: state.directContactShare,
      administrationShare: state.administrationShare,
      hoursFreedByChangesPerCaseHolderPerWeek: state.freedByChanges * state.hoursPerWeek,
      administrationHoursToSupport: state.administrationHoursToSupport,
      directContactHoursPerCaseHolderPerWeek: state.contactHoursPerCaseHolder,
      directContactHoursPerChildPerWeek: state.contactHoursPerChild,
      shares: sharesByUse(state.shares),
      directPayments: {
        shareOfFamilies: scenario.timeUse.directPayments.shareOfFamilies,
        hoursFreedPerCase: scenario.timeUse.directPayments.hoursFreedPerCase,
        casesPerCaseHolder: state.directPaymentCasesPerCaseHolder,
        hoursFreedPerCaseHolderPerWeek: state.hoursFreedPerCaseHolder,
        capacityFte: state.capacityFreedFte,
      },
    },
    runCost: {
      total,
      components: {
        pay: fromPennies(componentPennies[0]!),
        employerNi: fromPennies(componentPennies[1]!),
        pension: fromPennies(componentPennies[2]!),
        apprenticeshipLevy: fromPennies(componentPennies[3]!),
        agencyPremium: fromPennies(componentPennies[4]!),
        overheads: fromPennies(componentPennies[5]!),
        teamBudgets: fromPennies(componentPennies[6]!),
      },
    },
    checks: [],
  };
  result.checks = scenarioChecks(result, state, scenario);
  return result;
}

/** The week's shares by use, in TIME_USE_SHARES order (written out: a result is built on every recalculation). */
function sharesByUse(shares: ArrayLike<number>): Record<TimeUseShare, number> {
  const byUse = {} as Record<TimeUseShare, number>;
  for (let i = 0; i < TIME_USE_SHARES.length; i++) byUse[TIME_USE_SHARES[i]!] = shares[i]!;
  return byUse;
}

function scenarioChecks(result: Result, state: ModelState, scenario: Scenario): Check[] {
  const tiers = result.structure.tiers;
  let fteSum = 0;
  let caseHolding = 0;
  let tierCostPennies = toPennies(result.runCost.components.teamBudgets);
  let badTier: string | undefined;
  for (const t of tiers) {
    fteSum += t.fte;
    if (t.holdsCases) caseHolding += t.fte;
    const cost = toPennies(t.annualCost);
    tierCostPennies += cost;
    const c = t.components;
    if (toPennies(c.pay) + toPennies(c.employerNi) + toPennies(c.pension) + toPennies(c.apprenticeshipLevy) + toPennies(c.agencyPremium) + toPennies(c.overheads) !== cost) badTier ??= t.id;
  }
  const totalPennies = toPennies(result.runCost.total);
  let componentPennies = 0;
  for (const k of RUN_COST_COMPONENTS) componentPennies += toPennies(result.runCost.components[k]);
  let shareSum = 0;
  for (const k of TIME_USE_SHARES) shareSum += scenario.timeUse[k];
  // The changes and the direct payments lever only move time between uses, so the week still adds up.
  let leverSum = 0;
  for (const k of TIME_USE_SHARES) leverSum += result.time.shares[k];
  const caseload = result.caseload;
  return [
    check("tier FTE sum to the structure's total FTE", near(fteSum, result.structure.totalFte), () => `${fteSum} against ${result.structure.totalFte}`),
    check("case-holding tiers sum to case-holding FTE", near(caseHolding, caseload.caseHoldingFte), () => `${caseHolding} against ${caseload.caseHoldingFte}`),
    check(
      "case-holding FTE × children per case-holder = children",
      near(caseload.caseHoldingFte * caseload.childrenPerCaseHolder, caseload.children),
      () => `${caseload.caseHoldingFte * caseload.childrenPerCaseHolder} against ${caseload.children}`,
    ),
    check("no tier has negative FTE", tiers.every((t) => t.fte >= 0), () => tiers.filter((t) => t.fte < 0).map((t) => t.id).join(", ")),
    check("tier costs and team budgets sum to the run cost", tierCostPennies === totalPennies, () => `${fromPennies(tierCostPennies)} against ${result.runCost.total}`),
    check("run cost components sum to the run cost", componentPennies === totalPennies, () => `${fromPennies(componentPennies)} against ${result.runCost.total}`),
    check("each tier's components sum to its annual cost", badTier === undefined, () => badTier ?? ""),
    check("run cost reconciles with the unrounded model to within a penny a line", Math.abs(result.runCost.total - state.runCost) <= 0.01 * (tiers.length + 1), () => `${result.runCost.total} against ${state.runCost}`),
    check("time-use shares sum to 1", Math.abs(shareSum - 1) < 1e-6, () => String(shareSum)),
    check("time-use shares after the changes and direct payments sum to 1", Math.abs(leverSum - 1) < 1e-6, () => String(leverSum)),
  ];
}

/** A named check; the detail (what was compared) is only worked out when the check fails. */
export function check(name: string, ok: boolean, detail: () => string): Check {
  return ok ? { name, ok } : { name, ok, detail: detail() };
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Sum of amounts already rounded to the penny, exactly (summed in whole pennies). */
export function sumPennies(amounts: readonly number[]): number {
  let pennies = 0;
  for (const a of amounts) pennies += toPennies(a);
  return fromPennies(pennies);
}
