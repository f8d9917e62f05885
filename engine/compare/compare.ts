import { childrenHeldChange } from "../workforce/childrenHeld.js";
import { compileComparison, fewerLookedAfterToBreakEven, type ComparisonModel, type ComparisonState } from "../model/comparisonModel.js";
import { onBaselineBasis } from "./oneBasis.js";
import { buildResult, check, type Check, type Result } from "../model/result.js";
import { allocatePennies, allocateTablePennies, fromPennies, roundMoney, toPennies } from "../money/index.js";
import { TRANSITION_CATEGORIES, type Scenario, type TransitionCategory } from "../scenario/types.js";
import { comparisonFigures, figureChangeLayout, type FigureChange, type FigureChangeRow } from "../explain/figures.js";

/**
 * The comparison of an option against a baseline: both results, every figure's change, the
 * transition spend from the option's drivers, and the appraisal.
 */

export interface CashFlow {
  /** Financial year. */
  year: string;
  /** Year of the appraisal, 0 for the first. */
  index: number;
  /** Transition spend in the year, with optimism bias, £. */
  transition: number;
  /** Change in run cost in the year (option − baseline), phased in by the ramp, in real terms, £. */
  runCostChange: number;
  /** Optimism bias on the run cost change: a share of its size, against the option (never negative), £. */
  runCostOptimismBias: number;
  /** The retention lever's saving in the year, phased in, in real terms, after optimism bias (positive: a saving), £. */
  retention: number;
  /** Net cash flow to the council: −(transition + runCostChange + runCostOptimismBias) + retention; positive is a saving, £. */
  amount: number;
  discountFactor: number;
  presentValue: number;
  /** Sum of the cash flows from year 0 to this year, £: where it turns non-negative is the payback year. */
  cumulative: number;
}

export interface PostMovements {
  /** Posts the option deletes (baseline FTE above the option's, tier by tier). */
  deleted: number;
  /** Filled posts among them (deleted × (1 − vacancy rate)). */
  holders: number;
  redeployed: number;
  /** Holders made redundant. */
  leavers: number;
  /** Holders who left by natural wastage while their posts were frozen (costed from the flows only; 0 otherwise). */
  naturalWastage: number;
  /** Posts the option adds. */
  newPosts: number;
  /** New posts filled by recruitment (filled new posts less the redeployed; from the flows, starters beyond those replacing leavers). */
  recruited: number;
  byTier: { id: string; deleted: number; holders: number; redeployed: number; leavers: number; naturalWastage: number }[];
}

/** The workforce flows behind a transition costed from them (transition.workforce.fromFlows). */
export interface WorkforceTransition {
  /** Months from the start until every tier has its aim in post (a count), or null when not within the horizon. */
  monthsToFullStaffing: number | null;
  /** Agency FTE-months beyond the usual cover: the gap agency bridged. */
  extraAgencyFteMonths: number;
  /** Pay not spent on posts short of their aim, less the base cost of the extra agency cover, £ (shown beside the transition, not set against it). */
  unfilledPayNotSpent: number;
  monthsToFill: number;
  redundancyMonth: number;
  /** Other staff's turnover as a multiple of the social workers'. */
  otherTurnover: number;
  /** Share of the agency workers bridging a gap who take the post in a year. */
  agencyConversion: number;
  /** Starters who were agency workers taking the post, FTE over the horizon (no recruitment cost). */
  convertedFromAgency: number;
}

/** The retention lever's full-year saving once phased in, and its parts, £ a year. */
export interface RetentionSaving {
  turnoverChange: number;
  vacancyChange: number;
  phaseInYears: number;
  /** Leavers avoided × recruitment cost per post. */
  recruitmentAvoided: number;
  /** Vacancies filled that agency covered × the agency premium. */
  agencyPremiumAvoided: number;
  /** Vacancies filled that stood empty, now paid (and the levy on the pay of those agency covered). */
  payOfPostsFilled: number;
  /** recruitmentAvoided + agencyPremiumAvoided − payOfPostsFilled. */
  saving: number;
}

/** The demand lever, what a child looked after costs the council, and the caseload the change leaves. */
export interface DemandBenefit {
  lookedAfterChange: number;
  inNeedChange: number;
  onPlanChange: number;
  phaseInYears: number;
  /** Relative change in the children the case-holders hold once phased in (engine/workforce/childrenHeld.ts). */
  childrenHeldChange: number;
  /** The option's children per case-holder at work once the change is whole (its posts as sized). */
  caseloadAfterDemand: number;
  /** Why a group of children moves with the children in need rather than by its own change, or null. */
  childrenHeldNote: string | null;
  /** The council's children looked after, or null when it states none. */
  childrenLookedAfter: number | null;
  /** RO3 spend on children looked after ÷ children looked after, £ a year; null when the council states either not. */
  unitCost: number | null;
  /** Children looked after × the cut × unit cost, £ a year once phased in, before optimism bias. */
  benefitFullYear: number;
  /** How many fewer children looked after (phased in as the lever phases, after optimism bias) would bring the NPV to zero; 0 when it is not negative; null without a unit cost. */
  fewerLookedAfterToBreakEven: number | null;
}

/** The run cost verdict of a comparison: see `Comparison.verdict`. */
export type Verdict = "saves" | "neutral" | "costs";

/** What differs between the two sides' price base: the financial year they are costed in and the council they run on. */
export function comparisonBasis(baseline: Result, option: Result): Comparison["basis"] {
  const baseYear = baseline.scenario.year;
  const optionYear = option.scenario.year;
  const sameYear = baseYear === optionYear;
  const sameCouncil = baseline.scenario.council === option.scenario.council;
  const differences = [
    ...(sameYear ? [] : [`the baseline is costed in ${baseYear} prices and the option in ${optionYear}`]),
    ...(sameCouncil ? [] : [`the baseline runs on ${baseline.scenario.council} and the option on ${option.scenario.council}`]),
  ];
  return {
    sameYear,
    sameCouncil,
    warning: differences.length === 0 ? null : `Not one price base: ${differences.join(", and ")}. Run both on one council and year (for example with --council) before reading the verdict.`,
  };
}

export interface Comparison {
  baseline: Result;
  option: Result;
  change: {
    runCost: number;
    runCostPct: number;
    childrenPerCaseHolder: number;
    childrenPerCaseHolderPct: number;
    caseHoldingFte: number;
    caseHoldingFtePct: number;
    /** Change in the direct contact share, in percentage points of the week (as a share). */
    contactTime: number;
    /** Relative change in the direct contact share (25% against 16% is +56%). */
    contactTimePct: number;
    directContactHoursPerChildPct: number;
    totalFte: number;
    managementFte: number;
    layers: number;
  };
  /** Every figure of the two results side by side, with change and percent change. */
  figures: FigureChange[];
  costNeutral: boolean;
  /**
   * The three-way verdict on the run cost: "saves" when it falls by more than the cost-neutral
   * tolerance, "neutral" within it, "costs" when it rises by more. A saving is never a "No".
   */
  verdict: Verdict;
  /**
   * Whether the two sides stand on one price base: the same financial year and the same council.
   * `warning` says, in words for the banner above any verdict, what differs; null when nothing does.
   */
  basis: {
    sameYear: boolean;
    sameCouncil: boolean;
    warning: string | null;
    /** Where the option was rebased onto the baseline's council and year (compareOptions), what was moved. */
    rebased?: string;
  };
  transition: {
    total: number;
    years: string[];
    byYear: { year: string; amount: number }[];
    byCategory: Record<TransitionCategory, number>;
    /** Category (rows, in TRANSITION_CATEGORIES order) by year (columns), reconciling both ways. */
    table: number[][];
    posts: PostMovements;
    /** The workforce flows that cost the workforce categories, or null when the shares typed in cost them. */
    workforce: WorkforceTransition | null;
    /** Why the option asks for the workforce categories from the flows but they come from the shares typed in (no turnover rate), or null. */
    workforceUnavailable: string | null;
  };
  appraisal: {
    horizonYears: number;
    priceBaseYear: string;
    /** Optimism bias on transition spend, as a share. */
    optimismBias: number;
    /** Optimism bias on the run cost change, as a share of the change's size. */
    optimismBiasRunCost: number;
    costNeutralTolerance: number;
    cashFlows: CashFlow[];
    npv: number;
    /** Financial year by the end of which the cumulative cash flow turns non-negative; null if none within the horizon. */
    paybackYear: string | null;
    paybackIndex: number | null;
    /** Transition spend with optimism bias, £. */
    transitionWithOptimismBias: number;
    /** Optimism bias on the run cost change over the horizon, £ (undiscounted, real terms). */
    runCostOptimismBias: number;
    /** The retention lever's saving over the horizon, £ (undiscounted, real terms, after optimism bias). */
    retention: number;
    /** The NPV with the demand lever's cashable benefits added, £ (the cost-only NPV is `npv`). */
    npvWithBenefits: number;
    /** The demand lever's cashable benefits over the horizon, after optimism bias, £ (undiscounted). */
    cashableBenefits: number;
  };
  /** The demand lever: its settings, the council's unit cost of a child looked after and the switching value; null without a transition. */
  demand: DemandBenefit | null;
  /** The retention lever: its settings and its full-year saving once phased in (before real terms and optimism bias); null without a transition. */
  retention: RetentionSaving | null;
  checks: Check[];
}

/** Compares an option with a baseline. */
export function compareScenarios(baseline: Scenario, option: Scenario): Comparison {
  const model = compileComparison(baseline, option);
  // The model's own scratch state: buildComparison copies every figure out of it before returning.
  return buildComparison(model, model.evaluate(undefined, undefined, model.scratch));
}

/** Compares several options with one baseline. */
/**
 * Each option against the baseline, on one council and one price base: an option stated on another
 * council or year is rebased onto the baseline's (oneBasis.ts), and its comparison says so in
 * `basis.rebased`. `{ basis: "as given" }` compares them as they are; the comparison's basis then carries
 * the warning every face shows above the verdict.
 */
export function compareOptions(baseline: Scenario, options: readonly Scenario[], settings: { basis?: "rebase" | "as given" } = {}): Comparison[] {
  return options.map((given) => {
    if (settings.basis === "as given") return compareScenarios(baseline, given);
    const { option, rebased } = onBaselineBasis(baseline, given);
    const c = compareScenarios(baseline, option);
    return rebased ? { ...c, basis: { ...c.basis, rebased } } : c;
  });
}

export function buildComparison(model: ComparisonModel, state: ComparisonState): Comparison {
  const baseline = buildResult(model.baseline, state.baseline);
  const option = buildResult(model.option, state.option);
  const years = Array.from({ length: model.years }, (_, y) => model.yearOf(y));

  // The transition table rounded so that its rows, its columns and its total reconcile; the category
  // totals, the year totals and the total are added up from its whole pennies.
  const tablePennies = model.years > 0 ? allocateTablePennies(state.transition) : TRANSITION_CATEGORIES.map(() => []);
  const table: number[][] = new Array(tablePennies.length);
  const byCategory = {} as Record<TransitionCategory, number>;
  const yearPennies = new Array<number>(model.years).fill(0);
  let transitionPennies = 0;
  for (let c = 0; c < tablePennies.length; c++) {
    const row = tablePennies[c]!;
    const shown = new Array<number>(row.length);
    let categoryPennies = 0;
    for (let y = 0; y < row.length; y++) {
      shown[y] = fromPennies(row[y]!);
      categoryPennies += row[y]!;
      yearPennies[y]! += row[y]!;
    }
    table[c] = shown;
    byCategory[TRANSITION_CATEGORIES[c]!] = fromPennies(categoryPennies);
    transitionPennies += categoryPennies;
  }
  const byYear = years.map((year, y) => ({ year, amount: fromPennies(yearPennies[y]!) }));
  const total = fromPennies(transitionPennies);

  const cashFlows: CashFlow[] = [];
  let exactNpv = 0;
  for (let y = 0; y < model.horizon; y++) exactNpv += state.presentValue[y]!;
  const npvPennies = toPennies(exactNpv);
  const npv = fromPennies(npvPennies);
  const presentValues = allocatePennies(state.presentValue, npvPennies);
  let cumulativePennies = 0;
  let transitionWithBiasPennies = 0;
  let runCostBiasPennies = 0;
  let retentionPennies = 0;
  let benefitPennies = 0;
  for (let y = 0; y < model.horizon; y++) {
    const transition = toPennies(state.cashTransition[y]!);
    const runCostChange = toPennies(state.cashRunCost[y]!);
    const runCostOptimismBias = toPennies(state.cashRunCostBias[y]!);
    const retention = toPennies(state.cashRetention[y]!);
    cumulativePennies += -(transition + runCostChange + runCostOptimismBias) + retention;
    transitionWithBiasPennies += transition;
    runCostBiasPennies += runCostOptimismBias;
    retentionPennies += retention;
    cashFlows.push({
      year: model.yearOf(y),
      index: y,
      transition: fromPennies(transition),
      runCostChange: fromPennies(runCostChange),
      runCostOptimismBias: fromPennies(runCostOptimismBias),
      retention: fromPennies(retention),
      amount: fromPennies(-(transition + runCostChange + runCostOptimismBias) + retention),
      discountFactor: state.discount[y]!,
      presentValue: fromPennies(presentValues[y]!),
      cumulative: fromPennies(cumulativePennies),
    });
  }
  for (let y = 0; y < state.cashBenefit.length; y++) benefitPennies += toPennies(state.cashBenefit[y]!);
  const paybackIndex = paybackIndexOf(cashFlows);
  const appraisalSettings = model.option.scenario.finance.appraisal;

  const posts = postMovements(model, state);
  const pct = (from: number, to: number) => (from === 0 ? (to === 0 ? 0 : Infinity) : to / from - 1);
  const runCostChange = roundMoney(option.runCost.total - baseline.runCost.total);
  const comparison: Comparison = {
    baseline,
    option,
    change: {
      runCost: runCostChange,
      runCostPct: baseline.runCost.total > 0 ? runCostChange / baseline.runCost.total : 0,
      childrenPerCaseHolder: option.caseload.childrenPerCaseHolder - baseline.caseload.childrenPerCaseHolder,
      childrenPerCaseHolderPct: pct(baseline.caseload.childrenPerCaseHolder, option.caseload.childrenPerCaseHolder),
      caseHoldingFte: option.caseload.caseHoldingFte - baseline.caseload.caseHoldingFte,
      caseHoldingFtePct: pct(baseline.caseload.caseHoldingFte, option.caseload.caseHoldingFte),
      contactTime: option.time.directContactShare - baseline.time.directContactShare,
      contactTimePct: pct(baseline.time.directContactShare, option.time.directContactShare),
      directContactHoursPerChildPct: pct(baseline.time.directContactHoursPerChildPerWeek, option.time.directContactHoursPerChildPerWeek),
      totalFte: option.structure.totalFte - baseline.structure.totalFte,
      managementFte: option.structure.managementFte - baseline.structure.managementFte,
      layers: option.structure.layers - baseline.structure.layers,
    },
    figures: [],
    costNeutral: state.costNeutral,
    verdict: state.costNeutral ? "neutral" : runCostChange < 0 ? "saves" : "costs",
    basis: comparisonBasis(baseline, option),
    transition: { total, years, byYear, byCategory, table, posts, workforce: workforceTransition(model, state), workforceUnavailable: model.flowsUnavailable },
    appraisal: {
      horizonYears: model.horizon,
      priceBaseYear: model.priceBaseYear,
      optimismBias: appraisalSettings.optimismBias,
      optimismBiasRunCost: appraisalSettings.optimismBiasRunCost,
      costNeutralTolerance: appraisalSettings.costNeutralTolerance,
      cashFlows,
      npv,
      paybackYear: paybackIndex === null ? null : model.yearOf(paybackIndex),
      paybackIndex,
      transitionWithOptimismBias: fromPennies(transitionWithBiasPennies),
      runCostOptimismBias: fromPennies(runCostBiasPennies),
      retention: fromPennies(retentionPennies),
      npvWithBenefits: roundMoney(state.npvWithBenefits),
      cashableBenefits: fromPennies(benefitPennies),
    },
    retention: retentionSaving(model, state),
    demand: demandBenefit(model, state, option.caseload.childrenPerCaseHolderAtWork),
    checks: [],
  };
  // Every figure side by side, read through the layout this compiled comparison worked out once. (It was
  // once a getter defined on each comparison: that gave every comparison an object shape of its own, and
  // the shapes kept the comparisons alive past collection, which cost more than the figures themselves.)
  comparison.figures = comparisonFigures(comparison, figureLayout(model));
  comparison.checks = comparisonChecks(comparison, model);
  return comparison;
}

const figureLayouts = new WeakMap<ComparisonModel, FigureChangeRow[]>();

/** The side-by-side figures' layout for a compiled comparison: its two sides' tiers never change. */
function figureLayout(model: ComparisonModel): FigureChangeRow[] {
  let layout = figureLayouts.get(model);
  if (!layout) figureLayouts.set(model, (layout = figureChangeLayout(model.baseline.tiers, model.option.tiers)));
  return layout;
}

/** Payback on the rounded cash flows, so the year shown agrees with the cumulative sums shown. */
function paybackIndexOf(cashFlows: CashFlow[]): number | null {
  let pennies = 0;
  for (const flow of cashFlows) {
    pennies += toPennies(flow.amount);
    if (pennies >= 0) return flow.index;
  }
  return null;
}

function retentionSaving(model: ComparisonModel, state: ComparisonState): RetentionSaving | null {
  const r = model.option.scenario.transition?.retention;
  if (!r || model.years === 0) return null;
  return {
    turnoverChange: r.turnoverChange,
    vacancyChange: r.vacancyChange,
    phaseInYears: r.phaseInYears,
    recruitmentAvoided: roundMoney(state.retentionRecruitment),
    agencyPremiumAvoided: roundMoney(state.retentionPremium),
    payOfPostsFilled: roundMoney(state.retentionPay),
    saving: roundMoney(state.retentionRecruitment + state.retentionPremium - state.retentionPay),
  };
}

function demandBenefit(model: ComparisonModel, state: ComparisonState, caseload: number): DemandBenefit | null {
  const d = model.option.scenario.transition?.demand;
  if (!d || model.years === 0) return null;
  const council = model.option.scenario.council;
  const costed = state.lookedAfterUnitCost > 0;
  const held = childrenHeldChange(council, d);
  return {
    lookedAfterChange: d.lookedAfterChange,
    inNeedChange: d.inNeedChange,
    onPlanChange: d.onPlanChange,
    phaseInYears: d.phaseInYears,
    childrenHeldChange: state.childrenHeldChange,
    caseloadAfterDemand: caseload * (1 + state.childrenHeldChange),
    childrenHeldNote: held.note,
    childrenLookedAfter: council.childrenLookedAfter ?? null,
    unitCost: costed ? roundMoney(state.lookedAfterUnitCost) : null,
    benefitFullYear: roundMoney(state.benefitFullYear),
    fewerLookedAfterToBreakEven: fewerLookedAfterToBreakEven(state, model.horizon, model.option.scenario.finance.appraisal.optimismBiasRunCost),
  };
}

function workforceTransition(model: ComparisonModel, state: ComparisonState): WorkforceTransition | null {
  const flows = state.flows;
  const w = model.option.scenario.transition?.workforce;
  if (!flows || !w) return null;
  return {
    monthsToFullStaffing: flows.buffers.monthsToFullStaffing < 0 ? null : flows.buffers.monthsToFullStaffing,
    extraAgencyFteMonths: flows.costs.extraAgencyFteMonths,
    unfilledPayNotSpent: roundMoney(flows.costs.unfilledPayNotSpent),
    monthsToFill: w.monthsToFill,
    redundancyMonth: w.redundancyMonth,
    otherTurnover: w.otherTurnover,
    agencyConversion: w.agencyConversion,
    convertedFromAgency: flows.costs.convertedFromAgency,
  };
}

function postMovements(model: ComparisonModel, state: ComparisonState): PostMovements {
  const byTier: PostMovements["byTier"] = [];
  let deleted = 0;
  let holders = 0;
  let redeployed = 0;
  let leavers = 0;
  let naturalWastage = 0;
  const tiers = model.baseline.tiers;
  for (let b = 0; b < tiers.length; b++) {
    const tier = { id: tiers[b]!.id, deleted: state.deleted[b]!, holders: state.holders[b]!, redeployed: state.redeployed[b]!, leavers: state.leavers[b]!, naturalWastage: state.flows ? state.flows.wastage[b]! : 0 };
    deleted += tier.deleted;
    holders += tier.holders;
    redeployed += tier.redeployed;
    leavers += tier.leavers;
    naturalWastage += tier.naturalWastage;
    if (tier.deleted > 0) byTier.push(tier);
  }
  let newPosts = 0;
  for (let o = 0; o < state.newPosts.length; o++) newPosts += state.newPosts[o]!;
  return { deleted, holders, redeployed, leavers, naturalWastage, newPosts, recruited: state.recruited, byTier };
}

function comparisonChecks(c: Comparison, model: ComparisonModel): Check[] {
  const t = c.transition;
  const totalPennies = toPennies(t.total);
  let yearPennies = 0;
  for (const y of t.byYear) yearPennies += toPennies(y.amount);
  let categoryPennies = 0;
  for (const k of TRANSITION_CATEGORIES) categoryPennies += toPennies(t.byCategory[k]);
  let rowsOk = true;
  for (let i = 0; i < t.table.length; i++) {
    const row = t.table[i]!;
    let rowPennies = 0;
    for (let y = 0; y < row.length; y++) rowPennies += toPennies(row[y]!);
    if (rowPennies !== toPennies(t.byCategory[TRANSITION_CATEGORIES[i]!])) rowsOk = false;
  }
  let pvPennies = 0;
  let flowsOk = true;
  for (const f of c.appraisal.cashFlows) {
    pvPennies += toPennies(f.presentValue);
    if (toPennies(f.amount) + toPennies(f.transition) + toPennies(f.runCostChange) + toPennies(f.runCostOptimismBias) - toPennies(f.retention) !== 0) flowsOk = false;
  }
  const baseYear = model.baseline.scenario.finance.year;
  const optionYear = model.option.scenario.finance.year;
  const checks: Check[] = [
    check("transition years sum to the transition total", yearPennies === totalPennies, () => `${fromPennies(yearPennies)} against ${t.total}`),
    check("transition categories sum to the transition total", categoryPennies === totalPennies, () => `${fromPennies(categoryPennies)} against ${t.total}`),
    check("each category's years sum to the category", rowsOk, () => "a category's years do not add up"),
    check("each cash flow = −(transition + run cost change + its optimism bias) + retention", flowsOk, () => "a cash flow does not add up"),
    check("present values sum to the NPV", pvPennies === toPennies(c.appraisal.npv), () => `${fromPennies(pvPennies)} against ${c.appraisal.npv}`),
    check(
      "redeployed, made redundant and lost by natural wastage make up the holders of deleted posts",
      Math.abs(t.posts.redeployed + t.posts.leavers + t.posts.naturalWastage - t.posts.holders) < 1e-6 * Math.max(1, t.posts.holders),
      () => `${t.posts.redeployed} + ${t.posts.leavers} + ${t.posts.naturalWastage} against ${t.posts.holders}`,
    ),
    check("baseline and option are costed in the same financial year", baseYear === optionYear, () => `${baseYear} against ${optionYear}`),
    check(
      "every tier the option's transition.redeployed names is a tier of the baseline",
      model.unusedRedeployed.length === 0,
      () => `not in the baseline "${model.baseline.scenario.id}": ${model.unusedRedeployed.join(", ")}`,
    ),
  ];
  for (const k of c.baseline.checks) if (!k.ok) checks.push({ ...k, name: `baseline: ${k.name}` });
  for (const k of c.option.checks) if (!k.ok) checks.push({ ...k, name: `option: ${k.name}` });
  return checks;
}
