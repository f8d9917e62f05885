import { toPennies } from "../money/round.js";
import { DomainError, UnknownNameError } from "../errors.js";
import { comparisonOnlyFigures, resultFigures, type Figure, type FigureUnit } from "../explain/figures.js";
import { compareScenarios } from "../compare/compare.js";
import { runScenario, RUN_COST_COMPONENTS } from "../model/result.js";
import { fewerLookedAfterToBreakEven, type ComparisonModel, type ComparisonState } from "../model/comparisonModel.js";
import type { ModelState, ScenarioModel } from "../model/scenarioModel.js";
import { closeMatches } from "../names.js";
import { TRANSITION_CATEGORIES } from "../scenario/types.js";

/**
 * Figures read straight from an evaluated model state, so that a draw costs one evaluation and no
 * result object. The names, labels and units are the ones `explain` and every face use (the figure
 * list of a full result or comparison), and each reader computes the figure the same way the full
 * result does, before money is rounded to the penny (the tests hold the two to agree).
 */

export interface FigureReader<S> {
  figure: string;
  label: string;
  unit: FigureUnit;
  read: (state: S) => number;
}

/** What `pct` in the comparison does: the relative change, 0 for 0 → 0. */
function pct(from: number, to: number): number {
  return from === 0 ? (to === 0 ? 0 : Infinity) : to / from - 1;
}

/** A reader for one figure of a scenario's result, or undefined when the name is not one it reads. */
function resultReader(model: ScenarioModel, name: string): ((s: ModelState) => number) | undefined {
  switch (name) {
    case "caseload.children":
      return (s) => s.children;
    case "caseload.families":
      return (s) => s.families;
    case "caseload.caseHoldingFte":
      return (s) => s.caseHoldingFte;
    case "caseload.childrenPerCaseHolder":
      return (s) => s.childrenPerCaseHolder;
    case "caseload.atWorkShare":
      return (s) => s.atWorkShare;
    case "caseload.childrenPerCaseHolderAtWork":
      return (s) => s.childrenPerCaseHolderAtWork;
    case "caseload.familiesPerCaseHolder":
      return (s) => s.familiesPerCaseHolder;
    case "structure.totalFte":
      return (s) => s.totalFte;
    case "structure.teams":
      return (s) => s.teams;
    case "structure.layers": {
      const layers = model.layers;
      return () => layers;
    }
    case "structure.spanOfControl": {
      // FTE reporting to a tier that has reports, per FTE of those tiers.
      const up = model.reportsToIndex;
      const manages = model.hasReports;
      return (s) => {
        let reporting = 0;
        let managing = 0;
        for (let i = 0; i < up.length; i++) {
          if (up[i]! >= 0) reporting += s.fte[i]!;
          if (manages[i]) managing += s.fte[i]!;
        }
        return managing > 0 ? reporting / managing : 0;
      };
    }
    case "structure.managementFte":
      return (s) => s.managementFte;
    case "structure.managementShareOfPay":
      return (s) => (s.totalPay > 0 ? s.managementPay / s.totalPay : 0);
    case "structure.adminSupportPerPractitioner":
      return (s) => (s.caseHoldingFte > 0 ? s.supportFte / s.caseHoldingFte : 0);
    case "structure.clinicianFte":
      return (s) => s.clinicianFte;
    case "time.hoursPerWeek":
      return (s) => s.hoursPerWeek;
    case "time.directContactShare":
      return (s) => s.directContactShare;
    case "time.directContactHoursPerCaseHolderPerWeek":
      return (s) => s.contactHoursPerCaseHolder;
    case "time.directContactHoursPerChildPerWeek":
      return (s) => s.contactHoursPerChild;
    case "time.administrationShare":
      return (s) => s.administrationShare;
    case "time.hoursFreedByChangesPerCaseHolderPerWeek":
      return (s) => s.freedByChanges * s.hoursPerWeek;
    case "time.administrationHoursToSupport":
      return (s) => s.administrationHoursToSupport;
    case "time.directPayments.casesPerCaseHolder":
      return (s) => s.directPaymentCasesPerCaseHolder;
    case "time.directPayments.hoursFreedPerCaseHolderPerWeek":
      return (s) => s.hoursFreedPerCaseHolder;
    case "time.directPayments.capacityFte":
      return (s) => s.capacityFreedFte;
    case "runCost.total":
      return (s) => s.runCost;
  }
  const component = /^runCost\.components\.(\w+)$/.exec(name)?.[1];
  if (component && (RUN_COST_COMPONENTS as readonly string[]).includes(component)) {
    const field = {
      pay: "totalPay",
      employerNi: "totalEmployerNi",
      pension: "totalPension",
      apprenticeshipLevy: "totalApprenticeshipLevy",
      agencyPremium: "totalAgencyPremium",
      overheads: "totalOverheads",
      teamBudgets: "teamBudgets",
    }[component as (typeof RUN_COST_COMPONENTS)[number]] as keyof ModelState;
    return (s) => s[field] as number;
  }
  const tier = /^structure\.tiers\.(.+)\.(fte|salary|annualCost)$/.exec(name);
  if (tier) {
    const i = model.tiers.findIndex((t) => t.id === tier[1]);
    if (i < 0) return undefined;
    if (tier[2] === "fte") return (s) => s.fte[i]!;
    if (tier[2] === "salary") return (s) => s.salary[i]!;
    return (s) => s.cost[i]!;
  }
  return undefined;
}

/** A reader for one figure of the comparison itself (not of either side). */
function comparisonOnlyReader(model: ComparisonModel, name: string): ((s: ComparisonState) => number) | undefined {
  switch (name) {
    case "change.runCost":
      return (s) => s.runCostChange;
    case "change.runCostPct":
      return (s) => s.runCostChangeShare;
    case "change.childrenPerCaseHolderPct":
      return (s) => pct(s.baseline.childrenPerCaseHolder, s.option.childrenPerCaseHolder);
    case "change.contactTimePct":
      return (s) => pct(s.baseline.directContactShare, s.option.directContactShare);
    case "change.directContactHoursPerChildPct":
      return (s) => pct(s.baseline.contactHoursPerChild, s.option.contactHoursPerChild);
    case "costNeutral":
      return (s) => (s.costNeutral ? 1 : 0);
    case "transition.total":
      return (s) => s.transitionTotal;
    case "transition.posts.deleted":
      return (s) => sum(s.deleted);
    case "transition.posts.redeployed":
      return (s) => sum(s.redeployed);
    case "transition.posts.leavers":
      return (s) => sum(s.leavers);
    case "transition.posts.recruited":
      return (s) => s.recruited;
    case "transition.posts.naturalWastage":
      return (s) => (s.flows ? sum(s.flows.wastage) : 0);
    // The workforce flows' figures, for a transition costed from them. A draw not fully staffed within
    // the horizon reads the horizon's months: at least that long (a summary's top end then says "at least").
    case "transition.workforce.monthsToFullStaffing": {
      const months = model.horizon * 12;
      return model.fromFlows ? (s) => (s.flows!.buffers.monthsToFullStaffing < 0 ? months : s.flows!.buffers.monthsToFullStaffing) : undefined;
    }
    case "transition.workforce.extraAgencyFteMonths":
      return model.fromFlows ? (s) => s.flows!.costs.extraAgencyFteMonths : undefined;
    case "transition.workforce.unfilledPayNotSpent":
      return model.fromFlows ? (s) => s.flows!.costs.unfilledPayNotSpent : undefined;
    case "transition.workforce.convertedFromAgency":
      return model.fromFlows ? (s) => s.flows!.costs.convertedFromAgency : undefined;
    case "appraisal.transitionWithOptimismBias": {
      const horizon = model.horizon;
      return (s) => sum(s.cashTransition, horizon);
    }
    case "appraisal.runCostOptimismBias": {
      const horizon = model.horizon;
      return (s) => pennySum(s.cashRunCostBias, horizon);
    }
    case "appraisal.retention": {
      const horizon = model.horizon;
      return (s) => pennySum(s.cashRetention, horizon);
    }
    case "appraisal.npvWithBenefits":
      return (s) => s.npvWithBenefits;
    case "appraisal.cashableBenefits": {
      const horizon = model.horizon;
      return (s) => pennySum(s.cashBenefit, horizon);
    }
    case "demand.fewerLookedAfterToBreakEven": {
      const horizon = model.horizon;
      const bias = model.option.scenario.finance.appraisal.optimismBiasRunCost;
      return (s) => fewerLookedAfterToBreakEven(s, horizon, bias) ?? NaN;
    }
    case "demand.childrenHeldChange":
      return (s) => s.childrenHeldChange;
    case "demand.caseloadAfterDemand":
      return (s) => s.option.childrenPerCaseHolderAtWork * (1 + s.childrenHeldChange);
    case "appraisal.npv":
      return (s) => s.npv;
  }
  const category = /^transition\.byCategory\.(\w+)$/.exec(name)?.[1];
  if (category) {
    const c = (TRANSITION_CATEGORIES as readonly string[]).indexOf(category);
    return c < 0 ? undefined : (s) => s.categoryTotals[c]!;
  }
  const year = /^transition\.byYear\.(.+)$/.exec(name)?.[1];
  if (year) {
    for (let y = 0; y < model.years; y++) if (model.yearOf(y) === year) return (s) => s.yearTotals[y]!;
  }
  return undefined;
}

/** Each year to the penny, then added, as the comparison's figures over the horizon are. */
function pennySum(values: Float64Array, count: number): number {
  let pennies = 0;
  for (let y = 0; y < count; y++) pennies += toPennies(values[y]!);
  return pennies / 100;
}

function sum(values: Float64Array, count = values.length): number {
  let total = 0;
  for (let i = 0; i < count; i++) total += values[i]!;
  return total;
}

function numericOnly(figure: Figure): void {
  if (figure.unit === "year" || (typeof figure.value !== "number" && figure.unit !== "yes/no")) {
    throw new DomainError("figure", `${figure.figure} (${figure.label.toLowerCase()}) is a ${figure.unit}, not a number that can be summarised over draws`);
  }
}

/** Readers for figures of a scenario's result (`runCost.total`), with close matches for a misspelt name. */
export function scenarioFigureReaders(model: ScenarioModel, names: readonly string[]): FigureReader<ModelState>[] {
  const figures = resultFigures(runScenario(model.scenario));
  return names.map((name) => {
    const figure = figures.find((f) => f.figure === name);
    if (!figure) throw new UnknownNameError("figure", name, closeMatches(name, figures.map((f) => f.figure)));
    numericOnly(figure);
    const read = resultReader(model, name);
    if (!read) throw new DomainError("figure", `${name} cannot be read from a draw yet`);
    return { figure: name, label: figure.label, unit: figure.unit, read };
  });
}

/**
 * Readers for figures of a comparison: its own (`change.runCost`, `transition.total`, `appraisal.npv`)
 * or either side's (`baseline.runCost.total`, `option.caseload.childrenPerCaseHolder`).
 */
export function comparisonFigureReaders(model: ComparisonModel, names: readonly string[]): FigureReader<ComparisonState>[] {
  const comparison = compareScenarios(model.baseline.scenario, model.option.scenario);
  const own = comparisonOnlyFigures(comparison);
  const sides = {
    baseline: resultFigures(comparison.baseline),
    option: resultFigures(comparison.option),
  };
  const all = [...own.map((f) => f.figure), ...sides.option.map((f) => `option.${f.figure}`), ...sides.baseline.map((f) => `baseline.${f.figure}`)];
  return names.map((name) => {
    const figure = own.find((f) => f.figure === name);
    if (figure) {
      numericOnly(figure);
      const read = comparisonOnlyReader(model, name);
      if (!read) throw new DomainError("figure", `${name} cannot be read from a draw yet`);
      return { figure: name, label: figure.label, unit: figure.unit, read };
    }
    for (const side of ["baseline", "option"] as const) {
      if (!name.startsWith(`${side}.`)) continue;
      const inner = sides[side].find((f) => f.figure === name.slice(side.length + 1));
      if (!inner) continue;
      numericOnly(inner);
      const read = resultReader(model[side], inner.figure);
      if (!read) throw new DomainError("figure", `${name} cannot be read from a draw yet`);
      const label = `${side === "baseline" ? "Baseline" : "Option"}: ${inner.label}`;
      return side === "baseline"
        ? { figure: name, label, unit: inner.unit, read: (s: ComparisonState) => read(s.baseline) }
        : { figure: name, label, unit: inner.unit, read: (s: ComparisonState) => read(s.option) };
    }
    throw new UnknownNameError("figure", name, closeMatches(name, all));
  });
}
