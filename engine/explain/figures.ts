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

/**
 * One figure of a result: its name, label and unit, and where the result holds it. The list is
 * written once, so the figures of a result and the side-by-side figures of a comparison (whose layout
 * is worked out once per compiled comparison) name and read every figure the same way.
 */
export interface ResultFigureRule {
  figure: string;
  label: string;
  unit: FigureUnit;
  read: (result: Result) => number;
}

const rule = (figure: string, label: string, unit: FigureUnit, read: (result: Result) => number): ResultFigureRule => ({ figure, label, unit, read });

/** The figures every result has, whatever its tiers. */
const RESULT_FIGURE_RULES: readonly ResultFigureRule[] = [
  rule("caseload.children", "Children open to social care", "children", (r) => r.caseload.children),
  rule("caseload.families", "Families", "families", (r) => r.caseload.families),
  rule("caseload.caseHoldingFte", "Case-holding FTE", "FTE", (r) => r.caseload.caseHoldingFte),
  rule("caseload.childrenPerCaseHolder", "Children per case-holding post", "ratio", (r) => r.caseload.childrenPerCaseHolder),
  rule("caseload.familiesPerCaseHolder", "Families per case-holder", "ratio", (r) => r.caseload.familiesPerCaseHolder),
  rule("caseload.atWorkShare", "Case-holding posts with someone at work", "share", (r) => r.caseload.atWorkShare),
  rule("caseload.childrenPerCaseHolderAtWork", "Children per case-holder at work (as the DfE counts)", "ratio", (r) => r.caseload.childrenPerCaseHolderAtWork),
  rule("structure.totalFte", "Total FTE", "FTE", (r) => r.structure.totalFte),
  rule("structure.teams", "Teams", "teams", (r) => r.structure.teams),
  rule("structure.layers", "Management layers", "layers", (r) => r.structure.layers),
  rule("structure.spanOfControl", "Span of control", "ratio", (r) => r.structure.spanOfControl),
  rule("structure.managementFte", "Management FTE", "FTE", (r) => r.structure.managementFte),
  rule("structure.managementShareOfPay", "Management share of pay", "share", (r) => r.structure.managementShareOfPay),
  rule("structure.adminSupportPerPractitioner", "Admin support per case-holder", "ratio", (r) => r.structure.adminSupportPerPractitioner),
  rule("structure.clinicianFte", "Clinician FTE", "FTE", (r) => r.structure.clinicianFte),
  rule("time.hoursPerWeek", "Contracted hours a week", "hours a week", (r) => r.time.hoursPerWeek),
  rule("time.directContactShare", "Direct contact share of the week", "share", (r) => r.time.directContactShare),
  rule("time.administrationShare", "Administration share of the week", "share", (r) => r.time.administrationShare),
  rule("time.hoursFreedByChangesPerCaseHolderPerWeek", "Hours a week per case-holder the structure's changes free", "hours a week", (r) => r.time.hoursFreedByChangesPerCaseHolderPerWeek),
  rule("time.administrationHoursToSupport", "Case-holders' administration handed to support staff, hours a week", "hours a week", (r) => r.time.administrationHoursToSupport),
  rule("time.directPayments.casesPerCaseHolder", "Cases on direct payments per case-holder", "ratio", (r) => r.time.directPayments.casesPerCaseHolder),
  rule("time.directPayments.hoursFreedPerCaseHolderPerWeek", "Care-management hours freed by direct payments per case-holder a week", "hours a week", (r) => r.time.directPayments.hoursFreedPerCaseHolderPerWeek),
  rule("time.directPayments.capacityFte", "Case-holding capacity freed by direct payments", "FTE", (r) => r.time.directPayments.capacityFte),
  rule("time.directContactHoursPerCaseHolderPerWeek", "Direct contact hours per case-holder a week", "hours a week", (r) => r.time.directContactHoursPerCaseHolderPerWeek),
  rule("time.directContactHoursPerChildPerWeek", "Direct contact hours per child a week", "hours a week", (r) => r.time.directContactHoursPerChildPerWeek),
  rule("runCost.total", "Run cost", "£ a year", (r) => r.runCost.total),
  ...RUN_COST_COMPONENTS.map((c) => rule(`runCost.components.${c}`, `Run cost: ${componentLabel(c)}`, "£ a year", (r) => r.runCost.components[c])),
];

/** Every figure of a result with these tiers: the common figures, then each tier's FTE, salary and annual cost. */
export function resultFigureRules(tiers: readonly { id: string; name: string }[]): ResultFigureRule[] {
  const rules = [...RESULT_FIGURE_RULES];
  tiers.forEach((tier, i) => {
    rules.push(
      rule(`structure.tiers.${tier.id}.fte`, `${tier.name}: FTE`, "FTE", (r) => r.structure.tiers[i]!.fte),
      rule(`structure.tiers.${tier.id}.salary`, `${tier.name}: salary`, "£ a year", (r) => r.structure.tiers[i]!.salary),
      rule(`structure.tiers.${tier.id}.annualCost`, `${tier.name}: annual cost`, "£ a year", (r) => r.structure.tiers[i]!.annualCost),
    );
  });
  return rules;
}

/** Every figure of a scenario's result. */
export function resultFigures(result: Result): Figure[] {
  return resultFigureRules(result.structure.tiers).map((r) => ({ figure: r.figure, label: r.label, unit: r.unit, value: r.read(result) }));
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

/**
 * Where each side-by-side figure of a comparison comes from: every figure of the baseline's result,
 * then the option's that the baseline lacks, each read from the side or sides that have it. It depends
 * only on the two sides' tiers, so a compiled comparison works it out once (buildComparison).
 */
export interface FigureChangeRow {
  figure: string;
  label: string;
  unit: FigureUnit;
  baseline: ResultFigureRule["read"] | null;
  option: ResultFigureRule["read"] | null;
  /** What the side without the figure counts as: a tier only one side has is 0 FTE and £0 there, and its salary is not a number. */
  absent: 0 | null;
}

export function figureChangeLayout(baselineTiers: readonly { id: string; name: string }[], optionTiers: readonly { id: string; name: string }[]): FigureChangeRow[] {
  const base = resultFigureRules(baselineTiers);
  const option = resultFigureRules(optionTiers);
  const names = [...new Set([...base.map((x) => x.figure), ...option.map((x) => x.figure)])];
  const byName = (list: ResultFigureRule[]) => new Map(list.map((x) => [x.figure, x]));
  const b = byName(base);
  const o = byName(option);
  return names.map((name) => {
    const from = b.get(name);
    const to = o.get(name);
    const meta = (to ?? from)!;
    return { figure: name, label: meta.label, unit: meta.unit, baseline: from?.read ?? null, option: to?.read ?? null, absent: name.endsWith(".salary") ? null : 0 };
  });
}

/** Every figure of both results side by side, with its change (the layout, when given, must be the one for these two results' tiers). */
export function comparisonFigures(c: Comparison, layout: readonly FigureChangeRow[] = figureChangeLayout(c.baseline.structure.tiers, c.option.structure.tiers)): FigureChange[] {
  const figures: FigureChange[] = new Array(layout.length);
  for (let i = 0; i < layout.length; i++) {
    const row = layout[i]!;
    const bv = row.baseline === null ? row.absent : row.baseline(c.baseline);
    const ov = row.option === null ? row.absent : row.option(c.option);
    const change = bv !== null && ov !== null ? ov - bv : null;
    const changePct = change !== null && bv !== null && bv !== 0 ? ov! / bv - 1 : null;
    figures[i] = { figure: row.figure, label: row.label, unit: row.unit, baseline: bv, option: ov, change, changePct };
  }
  return figures;
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
