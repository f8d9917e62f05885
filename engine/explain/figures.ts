import { UnknownNameError } from "../errors.js";
import type { Comparison } from "../compare/compare.js";
import { RUN_COST_COMPONENTS, type Result } from "../model/result.js";
import { closeMatches } from "../names.js";
import { TRANSITION_CATEGORIES } from "../scenario/types.js";

/**
 * The figures of a result and of a comparison, each with a stable name, a label and a unit. Every
 * face names figures the same way: `socialcare explain blueprint caseload.childrenPerCaseHolder`,
 * `=SOCIALCARE.SCENARIO("blueprint","runCost.total")`, the CSV's figure column, the workbook's rows.
 */

export type FigureUnit =
  | "children"
  | "families"
  | "FTE"
  | "teams"
  | "layers"
  | "months"
  | "ratio"
  | "share"
  | "hours a week"
  | "£"
  | "£ a year"
  | "year"
  | "yes/no";

export interface Figure {
  figure: string;
  label: string;
  unit: FigureUnit;
  value: number | string | boolean | null;
}

export interface FigureChange {
  figure: string;
  label: string;
  unit: FigureUnit;
  baseline: number | null;
  option: number | null;
  change: number | null;
  changePct: number | null;
}

const COMPONENT_LABELS: Record<string, string> = {
  pay: "Pay",
  employerNi: "Employer National Insurance",
  pension: "Employer pension",
  apprenticeshipLevy: "Apprenticeship levy",
  agencyPremium: "Agency premium",
  overheads: "Non-pay overheads",
  teamBudgets: "Devolved team budgets",
};

export const CATEGORY_LABELS: Record<string, string> = {
  redundancy: "Redundancy",
  pensionStrain: "Pension strain",
  recruitment: "Recruitment",
  training: "Training and coaching",
  doubleRunning: "Double running",
  agencyBridging: "Agency bridging",
  systems: "Systems",
  programmeTeam: "Programme team",
};

export function componentLabel(component: string): string {
  return COMPONENT_LABELS[component] ?? component;
}

/** Every figure of a scenario's result. */
export function resultFigures(result: Result): Figure[] {
  const f = (figure: string, label: string, unit: FigureUnit, value: number): Figure => ({ figure, label, unit, value });
  const figures: Figure[] = [
    f("caseload.children", "Children open to social care", "children", result.caseload.children),
    f("caseload.families", "Families", "families", result.caseload.families),
    f("caseload.caseHoldingFte", "Case-holding FTE", "FTE", result.caseload.caseHoldingFte),
    f("caseload.childrenPerCaseHolder", "Children per case-holding post", "ratio", result.caseload.childrenPerCaseHolder),
    f("caseload.familiesPerCaseHolder", "Families per case-holder", "ratio", result.caseload.familiesPerCaseHolder),
    f("caseload.atWorkShare", "Case-holding posts with someone at work", "share", result.caseload.atWorkShare),
    f("caseload.childrenPerCaseHolderAtWork", "Children per case-holder at work (as the DfE counts)", "ratio", result.caseload.childrenPerCaseHolderAtWork),
    f("structure.totalFte", "Total FTE", "FTE", result.structure.totalFte),
    f("structure.teams", "Teams", "teams", result.structure.teams),
    f("structure.layers", "Management layers", "layers", result.structure.layers),
    f("structure.spanOfControl", "Span of control", "ratio", result.structure.spanOfControl),
    f("structure.managementFte", "Management FTE", "FTE", result.structure.managementFte),
    f("structure.managementShareOfPay", "Management share of pay", "share", result.structure.managementShareOfPay),
    f("structure.adminSupportPerPractitioner", "Admin support per case-holder", "ratio", result.structure.adminSupportPerPractitioner),
    f("structure.clinicianFte", "Clinician FTE", "FTE", result.structure.clinicianFte),
    f("time.hoursPerWeek", "Contracted hours a week", "hours a week", result.time.hoursPerWeek),
    f("time.directContactShare", "Direct contact share of the week", "share", result.time.directContactShare),
    f("time.administrationShare", "Administration share of the week", "share", result.time.administrationShare),
    f("time.hoursFreedByChangesPerCaseHolderPerWeek", "Hours a week per case-holder the structure's changes free", "hours a week", result.time.hoursFreedByChangesPerCaseHolderPerWeek),
    f("time.administrationHoursToSupport", "Case-holders' administration handed to support staff, hours a week", "hours a week", result.time.administrationHoursToSupport),
    f("time.directPayments.casesPerCaseHolder", "Cases on direct payments per case-holder", "ratio", result.time.directPayments.casesPerCaseHolder),
    f("time.directPayments.hoursFreedPerCaseHolderPerWeek", "Care-management hours freed by direct payments per case-holder a week", "hours a week", result.time.directPayments.hoursFreedPerCaseHolderPerWeek),
    f("time.directPayments.capacityFte", "Case-holding capacity freed by direct payments", "FTE", result.time.directPayments.capacityFte),
    f("time.directContactHoursPerCaseHolderPerWeek", "Direct contact hours per case-holder a week", "hours a week", result.time.directContactHoursPerCaseHolderPerWeek),
    f("time.directContactHoursPerChildPerWeek", "Direct contact hours per child a week", "hours a week", result.time.directContactHoursPerChildPerWeek),
    f("runCost.total", "Run cost", "£ a year", result.runCost.total),
    ...RUN_COST_COMPONENTS.map((c) => f(`runCost.components.${c}`, `Run cost: ${componentLabel(c)}`, "£ a year", result.runCost.components[c])),
  ];
  for (const tier of result.structure.tiers) {
    figures.push(
      f(`structure.tiers.${tier.id}.fte`, `${tier.name}: FTE`, "FTE", tier.fte),
      f(`structure.tiers.${tier.id}.salary`, `${tier.name}: salary`, "£ a year", tier.salary),
      f(`structure.tiers.${tier.id}.annualCost`, `${tier.name}: annual cost`, "£ a year", tier.annualCost),
    );
  }
  return figures;
}

/** The figures a comparison adds to its two results: transition, appraisal, cost neutrality. */
export function comparisonOnlyFigures(c: Comparison): Figure[] {
  const f = (figure: string, label: string, unit: FigureUnit, value: Figure["value"]): Figure => ({ figure, label, unit, value });
  return [
    f("change.runCost", "Change in run cost", "£ a year", c.change.runCost),
    f("change.runCostPct", "Change in run cost (%)", "share", c.change.runCostPct),
    f("change.childrenPerCaseHolderPct", "Change in children per case-holder (%)", "share", c.change.childrenPerCaseHolderPct),
    f("change.contactTimePct", "Change in direct contact time (%)", "share", c.change.contactTimePct),
    f("change.directContactHoursPerChildPct", "Change in direct contact hours per child (%)", "share", c.change.directContactHoursPerChildPct),
    f("costNeutral", "Cost neutral", "yes/no", c.costNeutral),
    f("transition.total", "Transition spend", "£", c.transition.total),
    ...TRANSITION_CATEGORIES.map((cat) => f(`transition.byCategory.${cat}`, `Transition: ${CATEGORY_LABELS[cat]}`, "£", c.transition.byCategory[cat])),
    ...c.transition.byYear.map((y) => f(`transition.byYear.${y.year}`, `Transition spend in ${y.year}`, "£", y.amount)),
    f("transition.posts.deleted", "Posts deleted", "FTE", c.transition.posts.deleted),
    f("transition.posts.redeployed", "Holders redeployed", "FTE", c.transition.posts.redeployed),
    f("transition.posts.leavers", "Leavers made redundant", "FTE", c.transition.posts.leavers),
    f("transition.posts.naturalWastage", "Holders lost by natural wastage", "FTE", c.transition.posts.naturalWastage),
    f("transition.posts.recruited", "New posts recruited", "FTE", c.transition.posts.recruited),
    ...(c.transition.workforce
      ? [
          f("transition.workforce.monthsToFullStaffing", "Months to full staffing", "months", c.transition.workforce.monthsToFullStaffing),
          f("transition.workforce.extraAgencyFteMonths", "Agency cover beyond the usual (FTE-months)", "ratio", c.transition.workforce.extraAgencyFteMonths),
          f("transition.workforce.unfilledPayNotSpent", "Pay not spent on posts not yet filled (not counted)", "£", c.transition.workforce.unfilledPayNotSpent),
          f("transition.workforce.convertedFromAgency", "Agency workers who took the post (FTE)", "FTE", c.transition.workforce.convertedFromAgency),
        ]
      : []),
    f("appraisal.transitionWithOptimismBias", "Transition spend with optimism bias", "£", c.appraisal.transitionWithOptimismBias),
    f("appraisal.runCostOptimismBias", "Optimism bias on the run cost change, over the horizon", "£", c.appraisal.runCostOptimismBias),
    f("appraisal.retention", "Retention saving over the horizon (after optimism bias)", "£", c.appraisal.retention),
    ...(c.demand?.unitCost
      ? [
          f("appraisal.cashableBenefits", "Cashable benefits over the horizon: fewer children looked after (after optimism bias)", "£", c.appraisal.cashableBenefits),
          f("appraisal.npvWithBenefits", "Net present value with cashable benefits", "£", c.appraisal.npvWithBenefits),
          f("demand.fewerLookedAfterToBreakEven", "Fewer children looked after that would bring the NPV to zero", "children", c.demand.fewerLookedAfterToBreakEven),
        ]
      : []),
    ...(c.demand
      ? [
          f("demand.childrenHeldChange", "Change in the children held once the demand lever is whole (%)", "share", c.demand.childrenHeldChange),
          f("demand.caseloadAfterDemand", "Children per case-holder at work once the demand lever is whole", "ratio", c.demand.caseloadAfterDemand),
        ]
      : []),
    f("appraisal.npv", "Net present value", "£", c.appraisal.npv),
    f("appraisal.paybackYear", "Payback year", "year", c.appraisal.paybackYear),
  ];
}

/** Every figure of both results side by side, with its change. */
export function comparisonFigures(c: Comparison): FigureChange[] {
  const base = resultFigures(c.baseline);
  const option = resultFigures(c.option);
  const names = [...new Set([...base.map((x) => x.figure), ...option.map((x) => x.figure)])];
  const byName = (list: Figure[]) => new Map(list.map((x) => [x.figure, x]));
  const b = byName(base);
  const o = byName(option);
  return names.map((name) => {
    const from = b.get(name);
    const to = o.get(name);
    const meta = (to ?? from)!;
    // A tier only one side has counts as 0 FTE and £0 on the other; its salary there is not a number.
    const absent = name.endsWith(".salary") ? null : 0;
    const bv = typeof from?.value === "number" ? from.value : from ? null : absent;
    const ov = typeof to?.value === "number" ? to.value : to ? null : absent;
    const change = bv !== null && ov !== null ? ov - bv : null;
    const changePct = change !== null && bv !== null && bv !== 0 ? ov! / bv - 1 : null;
    return { figure: name, label: meta.label, unit: meta.unit, baseline: bv, option: ov, change, changePct };
  });
}

/** One figure of a result, by name; throws UnknownNameError with close matches. */
export function resultFigure(result: Result, figure: string): Figure {
  const all = resultFigures(result);
  const found = all.find((f) => f.figure === figure);
  if (!found) throw new UnknownNameError("figure", figure, closeMatches(figure, all.map((f) => f.figure)));
  return found;
}

/** One figure of a comparison: its own figures, or `baseline.<figure>` / `option.<figure>`. */
export function comparisonFigure(c: Comparison, figure: string): Figure {
  const own = comparisonOnlyFigures(c);
  const found = own.find((f) => f.figure === figure);
  if (found) return found;
  for (const side of ["baseline", "option"] as const) {
    if (figure.startsWith(`${side}.`)) {
      const inner = resultFigures(c[side]).find((f) => f.figure === figure.slice(side.length + 1));
      if (inner) return { ...inner, figure, label: `${side === "baseline" ? "Baseline" : "Option"}: ${inner.label}` };
    }
  }
  const names = [...own.map((f) => f.figure), ...resultFigures(c.option).map((f) => `option.${f.figure}`), ...resultFigures(c.baseline).map((f) => `baseline.${f.figure}`)];
  throw new UnknownNameError("figure", figure, closeMatches(figure, names));
}
