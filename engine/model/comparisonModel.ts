import { discountFactors, paybackCore } from "../appraisal/discount.js";
import { employerCostCore, onCostCore } from "../costs/employerCost.js";
import { ScenarioError } from "../errors.js";
import { TRANSITION_CATEGORIES, type Scenario } from "../scenario/types.js";
import { redundancyWeeksCore } from "../transition/redundancy.js";
import { addYears, yearsBetween } from "../years.js";
import { assertObject, compileScenario, trusted, type ModelState, type ScenarioModel } from "./scenarioModel.js";
import { snapshot, unchangedSince, type ScenarioSnapshot } from "../scenario/snapshot.js";
import { straightLineComparison, type ComparisonEvaluator } from "./straightLine.js";
import { FlowBuffers, flowsCore, isSocialWork, type FlowRates, type FlowTierArrays } from "../workforce/flows.js";
import { childrenHeldChangeCore } from "../workforce/childrenHeld.js";
import { redeployableShare, sameGradeCore, sameGradeGroups, type SameGradeGroup } from "../transition/sameGrade.js";
import { FlowCosts, flowCostsCore, type FlowUnitCosts } from "../workforce/flowCosts.js";

/**
 * A baseline and an option compiled together: the transition from one to the other (spend by
 * category and year, from its drivers) and the appraisal (cash flows, Green Book discounting, NPV,
 * payback). Like the scenario model, the shape is fixed once and evaluation is arithmetic over
 * preallocated arrays, so an uncertainty analysis can run it many times.
 */

export const CATEGORY_COUNT = TRANSITION_CATEGORIES.length;
const C = Object.fromEntries(TRANSITION_CATEGORIES.map((c, i) => [c, i])) as Record<(typeof TRANSITION_CATEGORIES)[number], number>;

/** The categories the workforce flows cost when a transition asks for them (transition.workforce.fromFlows). */
export const FLOW_CATEGORIES = ["redundancy", "pensionStrain", "recruitment", "doubleRunning", "agencyBridging"] as const;

/** A comparison's workforce flows and what they cost, preallocated (only for a transition costed from the flows). */
export class FlowState {
  readonly buffers: FlowBuffers;
  readonly tiers: FlowTierArrays;
  readonly unit: FlowUnitCosts;
  readonly costs: FlowCosts;
  readonly ramp: Float64Array;
  /** The flows' rates, refilled from the inputs at each evaluation. */
  readonly rates: FlowRates = {
    vacancyRate: 0,
    agencyCoverShare: 0,
    startersPerYear: Infinity,
    monthsToFill: 1,
    redundancyMonth: 0,
    children: 0,
    turnoverChange: 0,
    turnoverPhaseYears: 1,
    agencyConversion: 0,
    // the comparison reads only the costs: the children held (a caseload at work) do not change them
    childrenChange: 0,
    childrenPhaseYears: 1,
  };
  /** Per category (TRANSITION_CATEGORIES order): its row by transition year from the flows, or null for a category the flows do not cost. */
  readonly rowsByCategory: (Float64Array | null)[];
  /** Per baseline tier: holders of deleted posts lost by natural wastage (neither redeployed nor made redundant). */
  readonly wastage: Float64Array;

  constructor(tiers: number, months: number, years: number, baseTiers: number) {
    this.buffers = new FlowBuffers(tiers, months);
    const row = () => new Float64Array(tiers);
    this.tiers = { from: row(), to: row(), holdsCases: new Uint8Array(tiers), redeployable: row(), turnover: row() };
    this.unit = { employed: row(), agencyBase: row(), agencyPremium: row(), redundancy: row(), strain: row() };
    this.costs = new FlowCosts(years, tiers, months);
    this.ramp = new Float64Array(years);
    const byName: Record<string, Float64Array> = {
      redundancy: this.costs.redundancy,
      pensionStrain: this.costs.pensionStrain,
      recruitment: this.costs.recruitment,
      doubleRunning: this.costs.doubleRunning,
      agencyBridging: this.costs.agencyBridging,
    };
    this.rowsByCategory = TRANSITION_CATEGORIES.map((c) => byName[c] ?? null);
    this.wastage = new Float64Array(baseTiers);
  }
}

/** How a comparison's tiers line up as the flows' tiers (the baseline's, then the option's new ones), and the slots the flows read. */
interface FlowPlan {
  /** Per flow tier: its baseline tier, or −1. */
  base: Int32Array;
  /** Per flow tier: its option tier, or −1. */
  option: Int32Array;
  holdsCases: Uint8Array;
  /** Per flow tier: 1 for a social work tier (a practitioner or manager, at the council's published turnover), 0 for others (at the other staff's). */
  socialWork: Uint8Array;
  otherTurnover: number;
  agencyConversion: number;
  /** −1 when the council states no recruitment capacity (no limit). */
  starters: number;
  monthsToFill: number;
  redundancyMonth: number;
  children: number;
}

export class ComparisonState {
  readonly baseline: ModelState;
  readonly option: ModelState;
  /** Spend by category (rows) and transition year (columns), before optimism bias. */
  readonly transition: Float64Array[];
  readonly categoryTotals: Float64Array;
  readonly yearTotals: Float64Array;
  /** Per baseline tier: posts deleted, their holders, redeployed, leavers. */
  readonly deleted: Float64Array;
  readonly holders: Float64Array;
  readonly redeployed: Float64Array;
  readonly leavers: Float64Array;
  /** Per option tier: new posts. */
  readonly newPosts: Float64Array;
  /** Per baseline tier: holders of deleted posts who fill new posts of their grade (engine/transition/sameGrade.ts); at least these are redeployed. */
  readonly sameGrade: Float64Array;
  /** Per appraisal year. */
  readonly cashTransition: Float64Array;
  readonly cashRunCost: Float64Array;
  /** Optimism bias on the run cost change: its share of the change's size, always against the option. */
  readonly cashRunCostBias: Float64Array;
  /** The retention lever's saving, phased in and in real terms, after optimism bias at the run cost's rate (positive: a saving). */
  readonly cashRetention: Float64Array;
  /** The demand lever's cashable benefit, phased in, after optimism bias at the run cost's rate: beside the NPV, not in it. */
  readonly cashBenefit: Float64Array;
  readonly cashAmount: Float64Array;
  readonly discount: Float64Array;
  readonly presentValue: Float64Array;
  transitionTotal = 0;
  recruited = 0;
  runCostChange = 0;
  runCostChangeShare = 0;
  /** The retention lever's full-year parts, once phased in, before real terms and optimism bias: recruitment and agency premium avoided, pay of posts filled that stood empty. */
  retentionRecruitment = 0;
  retentionPremium = 0;
  retentionPay = 0;
  /** The council's unit cost of a child looked after (0 when it states no spend or no children looked after), and the demand lever's full-year benefit. */
  lookedAfterUnitCost = 0;
  benefitFullYear = 0;
  /** The demand lever's relative change in the children the case-holders hold once phased in (engine/workforce/childrenHeld.ts); 0 without a transition. */
  childrenHeldChange = 0;
  demandPhaseIn = 1;
  /** The NPV with the demand lever's cashable benefits added (the cost-only NPV is `npv`). */
  npvWithBenefits = 0;
  costNeutral = false;
  npv = 0;
  /** Index of the payback year, or -1 for none within the horizon. */
  payback = -1;
  /** The workforce flows and their costs, for a transition costed from them; null otherwise. */
  readonly flows: FlowState | null;

  constructor(baseline: ModelState, option: ModelState, baseTiers: number, optionTiers: number, years: number, horizon: number, flowTiers = 0) {
    this.baseline = baseline;
    this.option = option;
    this.transition = Array.from({ length: CATEGORY_COUNT }, () => new Float64Array(years));
    this.categoryTotals = new Float64Array(CATEGORY_COUNT);
    this.yearTotals = new Float64Array(years);
    this.deleted = new Float64Array(baseTiers);
    this.holders = new Float64Array(baseTiers);
    this.redeployed = new Float64Array(baseTiers);
    this.leavers = new Float64Array(baseTiers);
    this.newPosts = new Float64Array(optionTiers);
    this.sameGrade = new Float64Array(baseTiers);
    this.cashTransition = new Float64Array(horizon);
    this.cashRunCost = new Float64Array(horizon);
    this.cashRunCostBias = new Float64Array(horizon);
    this.cashRetention = new Float64Array(horizon);
    this.cashBenefit = new Float64Array(horizon);
    this.cashAmount = new Float64Array(horizon);
    this.discount = new Float64Array(horizon);
    this.presentValue = new Float64Array(horizon);
    this.flows = flowTiers > 0 ? new FlowState(flowTiers, horizon * 12, years, baseTiers) : null;
  }
}

export interface TransitionSlots {
  futurePayAward: number;
  gdpDeflator: number;
  optimismBias: number;
  optimismBiasRunCost: number;
  tolerance: number;
  niRate: number;
  niThreshold: number;
  pensionRate: number;
  levyRate: number;
  multiplier: number;
  weeklyPayCap: number;
  strainAge: number;
  strainPerSalary: number;
  recruitmentPerPost: number;
  trainingPerWorker: number;
  trainingPerTeam: number;
  doubleRunningShare: number;
  doubleRunningMonths: number;
  systems: number;
  programmeFte: number;
  programmeSalary: number;
  programmeYears: number;
  turnoverChange: number;
  vacancyChange: number;
  phaseInYears: number;
  /** The option's council: turnover (−1 when it states none), agency cover and premium; overheads per FTE. */
  turnover: number;
  agencyCoverShare: number;
  agencyPremium: number;
  overheadsPerFte: number;
  lookedAfterChange: number;
  inNeedChange: number;
  onPlanChange: number;
  /** The option's council: shares of children on a plan and looked after (−1 when it states none). */
  onPlanShare: number;
  lookedAfterShare: number;
  demandPhaseInYears: number;
  /** The option's council: children looked after and their spend (−1 when it states none). */
  childrenLookedAfter: number;
  lookedAfterSpend: number;
}

/** Slots in the option's inputs for one leaver group. */
interface LeaverSlots {
  share: number;
  age: number;
  service: number;
}

/**
 * The switching value of the demand lever: how many fewer children looked after, phased in as the lever
 * phases, after optimism bias, would bring the NPV to zero; 0 when it is not negative, null when the
 * council states no unit cost.
 */
export function fewerLookedAfterToBreakEven(state: ComparisonState, horizon: number, optimismBiasRunCost: number): number | null {
  if (!(state.lookedAfterUnitCost > 0)) return null;
  if (state.npv >= 0) return 0;
  let perChild = 0;
  for (let y = 0; y < horizon; y++) perChild += Math.min(1, (y + 1) / state.demandPhaseIn) * state.discount[y]!;
  perChild *= state.lookedAfterUnitCost * (1 - optimismBiasRunCost);
  return perChild > 0 ? -state.npv / perChild : null;
}

export class ComparisonModel {
  readonly baseline: ScenarioModel;
  readonly option: ScenarioModel;
  /** Transition years (0 when the option has no transition). */
  readonly years: number;
  readonly horizon: number;
  /** Financial year of appraisal year 0 (the option's costed year). */
  readonly startYear: string;
  readonly priceBaseYear: string;
  /** Years from the price base year to the start (discounting starts there). */
  readonly offset: number;
  /** Per baseline tier: the option tier with the same id, or -1. */
  private readonly matchInOption: Int32Array;
  /** Per option tier: the baseline tier with the same id, or -1. */
  private readonly matchInBaseline: Int32Array;
  private readonly redeployedSlot: Int32Array;
  /** The grades both sides name, for the same-grade moves (engine/transition/sameGrade.ts). */
  readonly sameGradeGroups: SameGradeGroup[];
  /** Slots of the option's settings the comparison reads (−1 for the transition's when it has none). */
  private readonly t: TransitionSlots;
  private readonly vacancyBaseSlot: number;
  private readonly vacancyOptionSlot: number;
  private readonly profileSlots: number[][];
  /** profileSlots flattened, category by category (years slots each), for the hot path. */
  private readonly profileSlotTable: Int32Array;
  private readonly rampSlots: number[];
  private readonly leaverSlots: LeaverSlots[];
  /** For each year of discounting (from the price base year): the slot of the rate of its band. */
  private readonly rateSlotByYear: Int32Array;
  private readonly actualPay: boolean;
  /** Tiers named in the option's transition.redeployed that the baseline does not have. */
  readonly unusedRedeployed: readonly string[];
  /** The transition and appraisal as straight-line code (see straightLine.ts), or null where code cannot be compiled. */
  private readonly straight: ComparisonEvaluator | null;
  /** The flows' tiers and slots, for a transition costed from the workforce flows; null otherwise. */
  private readonly flowPlan: FlowPlan | null;
  /** Why a transition that asks to be costed from the workforce flows is not, or null. */
  readonly flowsUnavailable: string | null;

  constructor(baseline: Scenario, option: Scenario) {
    this.baseline = compileScenario(baseline);
    this.option = compileScenario(option);
    const transition = option.transition;
    this.years = transition ? transition.years : 0;
    const appraisal = option.finance.appraisal;
    this.horizon = appraisal.horizonYears;
    this.startYear = option.finance.year;
    this.priceBaseYear = appraisal.priceBaseYear;
    this.offset = yearsBetween(this.priceBaseYear, this.startYear);
    if (this.offset < 0) {
      throw new ScenarioError([{ path: "finance.appraisal.priceBaseYear", reason: `must not be after the first year of the appraisal (${this.startYear}), got "${this.priceBaseYear}"` }]);
    }
    const baseTiers = baseline.structure.tiers;
    const optionTiers = option.structure.tiers;
    this.matchInOption = Int32Array.from(baseTiers.map((b) => optionTiers.findIndex((o) => o.id === b.id)));
    this.matchInBaseline = Int32Array.from(optionTiers.map((o) => baseTiers.findIndex((b) => b.id === o.id)));
    // Redeployed shares named for tiers this baseline does not have simply do not apply (an option
    // written against one baseline can be compared with another); the comparison's checks list them.
    this.unusedRedeployed = transition ? Object.keys(transition.redeployed).filter((id) => !baseTiers.some((t) => t.id === id)) : [];
    const slot = (key: string): number => {
      const i = this.option.slotOf(key);
      if (i === undefined) throw new Error(`option has no setting ${key}`);
      return i;
    };
    this.redeployedSlot = Int32Array.from(baseTiers.map((b) => (transition ? this.option.slotOf(`transition.redeployed.${b.id}`) ?? slot("transition.redeployedDefault") : -1)));
    this.sameGradeGroups = transition ? sameGradeGroups(baseTiers, optionTiers) : [];
    const transitionSlot = (key: string): number => (transition ? slot(key) : -1);
    // Every field set here, once, so the object keeps one shape for the hot path.
    this.t = {
      futurePayAward: slot("finance.futurePayAward"),
      gdpDeflator: slot("finance.appraisal.gdpDeflator"),
      optimismBias: slot("finance.appraisal.optimismBias"),
      optimismBiasRunCost: slot("finance.appraisal.optimismBiasRunCost"),
      tolerance: slot("finance.appraisal.costNeutralTolerance"),
      niRate: slot("finance.employerNi.rate"),
      niThreshold: slot("finance.employerNi.threshold"),
      pensionRate: slot("finance.pensionRate"),
      levyRate: slot("finance.apprenticeshipLevy.rate"),
      multiplier: transitionSlot("transition.redundancy.multiplier"),
      weeklyPayCap: transitionSlot("transition.redundancy.weeklyPayCap"),
      strainAge: transitionSlot("transition.redundancy.strainAge"),
      strainPerSalary: transitionSlot("transition.redundancy.strainPerSalary"),
      recruitmentPerPost: transitionSlot("transition.recruitmentPerPost"),
      trainingPerWorker: transitionSlot("transition.training.perWorker"),
      trainingPerTeam: transitionSlot("transition.training.perTeam"),
      doubleRunningShare: transitionSlot("transition.doubleRunning.share"),
      doubleRunningMonths: transitionSlot("transition.doubleRunning.months"),
      systems: transitionSlot("transition.systems"),
      programmeFte: transitionSlot("transition.programmeTeam.fte"),
      programmeSalary: transitionSlot("transition.programmeTeam.salary"),
      programmeYears: transitionSlot("transition.programmeTeam.years"),
      turnoverChange: transitionSlot("transition.retention.turnoverChange"),
      vacancyChange: transitionSlot("transition.retention.vacancyChange"),
      phaseInYears: transitionSlot("transition.retention.phaseInYears"),
      turnover: this.option.slotOf("council.turnoverRate") ?? -1,
      agencyCoverShare: slot("council.agencyCoverShare"),
      agencyPremium: slot("council.agencyPremium"),
      overheadsPerFte: slot("finance.overheadsPerFte"),
      lookedAfterChange: transitionSlot("transition.demand.lookedAfterChange"),
      inNeedChange: transitionSlot("transition.demand.inNeedChange"),
      onPlanChange: transitionSlot("transition.demand.onPlanChange"),
      onPlanShare: this.option.slotOf("council.childProtectionShare") ?? -1,
      lookedAfterShare: this.option.slotOf("council.lookedAfterShare") ?? -1,
      demandPhaseInYears: transitionSlot("transition.demand.phaseInYears"),
      childrenLookedAfter: this.option.slotOf("council.childrenLookedAfter") ?? -1,
      lookedAfterSpend: this.option.slotOf("council.lookedAfterSpend") ?? -1,
    };
    this.vacancyBaseSlot = this.baseline.slotOf("council.vacancyRate")!;
    this.vacancyOptionSlot = this.option.slotOf("council.vacancyRate")!;
    // Which band each year falls in is fixed by the schedule's start years; the rates themselves are
    // inputs (an uncertainty analysis may vary them), so each year keeps the slot of its band's rate.
    const bandSlots = appraisal.discountSchedule.map((_, i) => slot(`finance.appraisal.discountSchedule.${i}.rate`));
    this.rateSlotByYear = new Int32Array(this.offset + this.horizon);
    for (let k = 0; k < this.rateSlotByYear.length; k++) {
      let band = 0;
      appraisal.discountSchedule.forEach((b, i) => {
        if (k >= b.fromYear) band = i;
      });
      this.rateSlotByYear[k] = bandSlots[band]!;
    }
    this.profileSlots = [];
    this.rampSlots = [];
    this.leaverSlots = [];
    this.actualPay = transition?.redundancy.actualPay ?? false;
    if (transition) {
      for (const category of TRANSITION_CATEGORIES) {
        const own = transition.categoryProfiles[category];
        const base = own ? `transition.categoryProfiles.${category}` : "transition.profile";
        this.profileSlots.push(Array.from({ length: this.years }, (_, y) => slot(`${base}.${y}`)));
      }
      for (let y = 0; y < this.years; y++) this.rampSlots.push(slot(`transition.ramp.${y}`));
      transition.leavers.forEach((_, g) => {
        this.leaverSlots.push({ share: slot(`transition.leavers.${g}.share`), age: slot(`transition.leavers.${g}.age`), service: slot(`transition.leavers.${g}.yearsOfService`) });
      });
    }
    this.profileSlotTable = Int32Array.from(this.profileSlots.flat());
    // A council that states no turnover rate cannot run the flows: the shares typed in cost the
    // workforce categories, and the comparison says so (flowsUnavailable).
    const flowsWanted = transition?.workforce.fromFlows === true;
    this.flowsUnavailable = flowsWanted && option.council.turnoverRate === undefined ? `${option.council.name} states no turnover rate (council.turnoverRate), which the workforce flows need, so the workforce categories come from the shares typed in` : null;
    this.flowPlan = flowsWanted && this.flowsUnavailable === null ? this.planFlows(baseline, option) : null;
    // The flows run month by month in their own kernel; the straight-line code covers the typed shares only.
    this.straight = this.flowPlan ? null : straightLineComparison(
      {
        years: this.years,
        horizon: this.horizon,
        offset: this.offset,
        categoryCount: CATEGORY_COUNT,
        category: C,
        t: this.t,
        vacancyBaseSlot: this.vacancyBaseSlot,
        vacancyOptionSlot: this.vacancyOptionSlot,
        actualPay: this.actualPay,
        leaverSlots: this.leaverSlots,
        matchInOption: this.matchInOption,
        matchInBaseline: this.matchInBaseline,
        redeployedSlot: this.redeployedSlot,
        sameGradeGroups: this.sameGradeGroups,
        profileSlots: this.profileSlotTable,
        rampSlots: this.rampSlots,
        rateSlotByYear: this.rateSlotByYear,
      },
    );
  }

  /** The flows' tiers: the baseline's, then the option's tiers the baseline lacks; and the option's slots only they read. */
  private planFlows(baseline: Scenario, option: Scenario): FlowPlan {
    const baseTiers = baseline.structure.tiers;
    const optionTiers = option.structure.tiers;
    const base: number[] = [];
    const opt: number[] = [];
    const holds: number[] = [];
    const socialWork: number[] = [];
    baseTiers.forEach((t, b) => {
      base.push(b);
      const o = this.matchInOption[b]!;
      opt.push(o);
      const tier = o >= 0 ? optionTiers[o]! : t;
      holds.push(tier.holdsCases ? 1 : 0);
      socialWork.push(isSocialWork(tier.role) ? 1 : 0);
    });
    optionTiers.forEach((t, o) => {
      if (this.matchInBaseline[o]! >= 0) return;
      base.push(-1);
      opt.push(o);
      holds.push(t.holdsCases ? 1 : 0);
      socialWork.push(isSocialWork(t.role) ? 1 : 0);
    });
    const slot = (key: string): number => this.option.slotOf(key)!;
    return {
      base: Int32Array.from(base),
      option: Int32Array.from(opt),
      holdsCases: Uint8Array.from(holds),
      socialWork: Uint8Array.from(socialWork),
      otherTurnover: slot("transition.workforce.otherTurnover"),
      agencyConversion: slot("transition.workforce.agencyConversion"),
      starters: this.option.slotOf("council.startersPerYear") ?? -1,
      monthsToFill: slot("transition.workforce.monthsToFill"),
      redundancyMonth: slot("transition.workforce.redundancyMonth"),
      children: slot("council.children"),
    };
  }

  /** True when the transition's workforce categories are costed from the workforce flows. */
  get fromFlows(): boolean {
    return this.flowPlan !== null;
  }

  private scratchState: ComparisonState | undefined;

  /** A state kept for callers that copy the figures out at once (compareScenarios). */
  get scratch(): ComparisonState {
    return (this.scratchState ??= this.newState());
  }

  newState(): ComparisonState {
    return new ComparisonState(this.baseline.newState(), this.option.newState(), this.baseline.tiers.length, this.option.tiers.length, this.years, this.horizon, this.flowPlan ? this.flowPlan.base.length : 0);
  }

  private readonly yearNames: string[] = [];

  /** The financial year of appraisal year `index`. */
  yearOf(index: number): string {
    return (this.yearNames[index] ??= addYears(this.startYear, index));
  }

  /** True when the transition and appraisal evaluate through straight-line code. */
  get straightLine(): boolean {
    return this.straight !== null;
  }

  evaluate(baseInputs: Float64Array = this.baseline.inputs, optionInputs: Float64Array = this.option.inputs, state: ComparisonState = this.newState()): ComparisonState {
    const base = this.baseline.evaluate(baseInputs, state.baseline);
    const opt = this.option.evaluate(optionInputs, state.option);
    if (this.straight !== null) {
      this.straight(base, opt, baseInputs, optionInputs, state);
      return state;
    }
    return this.compareGeneral(base, opt, baseInputs, optionInputs, state);
  }

  /** Both scenarios evaluated and the comparison worked out by the general code, rule by rule (what the straight-line code does). */
  evaluateGeneral(baseInputs: Float64Array = this.baseline.inputs, optionInputs: Float64Array = this.option.inputs, state: ComparisonState = this.newState()): ComparisonState {
    const base = this.baseline.evaluateGeneral(baseInputs, state.baseline);
    const opt = this.option.evaluateGeneral(optionInputs, state.option);
    return this.compareGeneral(base, opt, baseInputs, optionInputs, state);
  }

  private compareGeneral(base: ModelState, opt: ModelState, baseInputs: Float64Array, optionInputs: Float64Array, state: ComparisonState): ComparisonState {
    const p = optionInputs;
    const t = this.t;
    state.runCostChange = opt.runCost - base.runCost;
    state.runCostChangeShare = base.runCost > 0 ? state.runCostChange / base.runCost : 0;
    state.costNeutral = Math.abs(state.runCostChange) <= p[t.tolerance]! * base.runCost;

    const categories = state.categoryTotals;
    for (let c = 0; c < CATEGORY_COUNT; c++) categories[c] = 0; // a loop: fill()'s call costs more on arrays this small
    if (this.years > 0) this.transitionSpend(base, opt, baseInputs, p, state);
    else state.recruited = 0;

    // Spread each category over the years by its profile.
    const years = this.years;
    const yearTotals = state.yearTotals;
    const profileSlots = this.profileSlotTable;
    const fromFlows = state.flows ? state.flows.rowsByCategory : null;
    for (let y = 0; y < years; y++) yearTotals[y] = 0;
    let total = 0;
    for (let c = 0; c < CATEGORY_COUNT; c++) {
      const row = state.transition[c]!;
      const timed = fromFlows ? fromFlows[c]! : null;
      if (timed !== null) {
        // a category the flows cost falls in the years the flows put it in
        for (let y = 0; y < years; y++) {
          row[y] = timed[y]!;
          yearTotals[y]! += timed[y]!;
        }
        total += categories[c]!;
        continue;
      }
      const first = c * years;
      const amount = categories[c]!;
      let weightSum = 0;
      for (let y = 0; y < years; y++) weightSum += p[profileSlots[first + y]!]!;
      for (let y = 0; y < years; y++) {
        const spend = weightSum > 0 ? (amount * p[profileSlots[first + y]!]!) / weightSum : 0;
        row[y] = spend;
        yearTotals[y]! += spend;
      }
      total += amount;
    }
    state.transitionTotal = total;

    // The retention lever's full-year saving (0 without a transition or a change).
    let retention = 0;
    if (this.years > 0) retention = this.retentionSaving(opt, p, state);
    else state.retentionRecruitment = state.retentionPremium = state.retentionPay = 0;
    const phaseIn = this.years > 0 ? p[t.phaseInYears]! : 1;
    // The demand lever's cashable benefit a year once phased in: children looked after × the cut × unit cost.
    const children = t.childrenLookedAfter >= 0 ? p[t.childrenLookedAfter]! : 0;
    const unitCost = t.childrenLookedAfter >= 0 && t.lookedAfterSpend >= 0 && children > 0 ? p[t.lookedAfterSpend]! / children : 0;
    const benefit = this.years > 0 ? children * -p[t.lookedAfterChange]! * unitCost : 0;
    const demandPhaseIn = this.years > 0 ? p[t.demandPhaseInYears]! : 1;
    state.lookedAfterUnitCost = unitCost;
    state.benefitFullYear = benefit;
    state.demandPhaseIn = demandPhaseIn;
    state.childrenHeldChange =
      this.years > 0 ? childrenHeldChangeCore(t.onPlanShare >= 0 ? p[t.onPlanShare]! : NaN, t.lookedAfterShare >= 0 ? p[t.lookedAfterShare]! : NaN, p[t.inNeedChange]!, p[t.onPlanChange]!, p[t.lookedAfterChange]!) : 0;
    let npvWithBenefits = 0;

    // Appraisal: real-terms cash flows, discounted from the price base year.
    const growth = (1 + p[t.futurePayAward]!) / (1 + p[t.gdpDeflator]!);
    const bias = 1 + p[t.optimismBias]!;
    const runBias = p[t.optimismBiasRunCost]!;
    const rateSlot = this.rateSlotByYear;
    let factor = 1;
    for (let k = 1; k <= this.offset; k++) factor /= 1 + p[rateSlot[k]!]!;
    let real = 1;
    let npv = 0;
    for (let y = 0; y < this.horizon; y++) {
      if (y > 0) {
        real *= growth;
        factor /= 1 + p[rateSlot[this.offset + y]!]!;
      }
      const ramp = y < this.years ? p[this.rampSlots[y]!]! : 1;
      const spend = y < this.years ? state.yearTotals[y]! * bias : 0;
      const runChange = state.runCostChange * ramp * real;
      // Optimism bias on the run cost change (HM Treasury applies it to operating costs too): a share
      // of the change's size, against the option whichever way the change goes (a rise grows, a saving shrinks).
      const runChangeBias = runBias * Math.abs(runChange);
      // The retention saving phases in an equal share a year, in real terms, with the same optimism bias (a saving shrinks, a cost grows).
      const phased = retention * Math.min(1, (y + 1) / phaseIn) * real;
      const kept = phased - runBias * Math.abs(phased);
      state.cashTransition[y] = spend;
      state.cashRunCost[y] = runChange;
      state.cashRunCostBias[y] = runChangeBias;
      state.cashRetention[y] = kept;
      state.cashAmount[y] = -(spend + runChange + runChangeBias) + kept;
      state.discount[y] = factor;
      state.presentValue[y] = state.cashAmount[y]! * factor;
      npv += state.presentValue[y]!;
      // in the price base's real terms, not grown with pay: placements are not priced by the pay awards
      const phasedBenefit = benefit * Math.min(1, (y + 1) / demandPhaseIn);
      const keptBenefit = phasedBenefit - runBias * Math.abs(phasedBenefit);
      state.cashBenefit[y] = keptBenefit;
      npvWithBenefits += (state.cashAmount[y]! + keptBenefit) * factor;
    }
    state.npv = npv;
    state.npvWithBenefits = npvWithBenefits;
    const payback = paybackCore(state.cashAmount, this.horizon);
    state.payback = payback === null ? -1 : payback;
    return state;
  }

  private transitionSpend(base: ModelState, opt: ModelState, baseInputs: Float64Array, p: Float64Array, state: ComparisonState): void {
    const t = this.t;
    const categories = state.categoryTotals;
    // Posts: a baseline tier that shrinks or goes loses posts; their holders (the filled ones) are
    // redeployed or leave. An option tier that grows or is new gains posts, filled first by the
    // redeployed and then by recruitment.
    const strainAge = p[t.strainAge]!;
    // Weeks due to an average leaver, and the share old enough for pension strain.
    let weeksPerLeaver = 0;
    let strainShare = 0;
    for (const group of this.leaverSlots) {
      const share = p[group.share]!;
      const age = p[group.age]!;
      weeksPerLeaver += share * redundancyWeeksCore(age, p[group.service]!);
      if (age >= strainAge) strainShare += share;
    }
    if (this.flowPlan !== null) {
      this.flowSpend(base, opt, baseInputs, p, state, weeksPerLeaver, strainShare);
    } else {
      this.typedSpend(base, opt, baseInputs, p, state, weeksPerLeaver, strainShare);
    }
    categories[C.training] = p[t.trainingPerWorker]! * opt.caseHoldingFte + p[t.trainingPerTeam]! * opt.teams;
    categories[C.systems] = p[t.systems]!;
    const programmeCost = employerCostCore(p[t.programmeSalary]!, p[t.niRate]!, p[t.niThreshold]!, p[t.pensionRate]!, p[t.levyRate]!);
    categories[C.programmeTeam] = p[t.programmeFte]! * programmeCost * p[t.programmeYears]!;
  }

  /**
   * The retention lever's full-year saving, once phased in: leavers avoided (the option's in post ×
   * turnover × the cut) each saving a recruitment; vacancies filled (posts × vacancy rate × the cut), the
   * covered share saving the agency premium, the uncovered share now paid (and the levy on the covered
   * share's pay). Its parts go on `state`.
   */
  private retentionSaving(opt: ModelState, p: Float64Array, state: ComparisonState): number {
    const t = this.t;
    const turnoverCut = -p[t.turnoverChange]!;
    const vacancyCut = -p[t.vacancyChange]!;
    const v = p[this.vacancyOptionSlot]!;
    const cover = p[t.agencyCoverShare]!;
    const premium = p[t.agencyPremium]!;
    const overheads = p[t.overheadsPerFte]!;
    const niRate = p[t.niRate]!;
    const niThreshold = p[t.niThreshold]!;
    const pensionRate = p[t.pensionRate]!;
    const levyRate = p[t.levyRate]!;
    let inPost = 0;
    let premiumAll = 0;
    let payAll = 0;
    for (let o = 0; o < this.option.tiers.length; o++) {
      const fte = opt.fte[o]!;
      const salary = opt.salary[o]!;
      const onCost = onCostCore(salary, niRate, niThreshold, pensionRate);
      inPost += fte * (1 - v);
      premiumAll += fte * cover * premium * onCost;
      payAll += fte * ((1 - cover) * (onCost + levyRate * salary + overheads) + cover * levyRate * salary);
    }
    const turnover = t.turnover >= 0 ? p[t.turnover]! : 0;
    state.retentionRecruitment = turnover * turnoverCut * inPost * p[t.recruitmentPerPost]!;
    state.retentionPremium = v * vacancyCut * premiumAll;
    state.retentionPay = v * vacancyCut * payAll;
    return state.retentionRecruitment + state.retentionPremium - state.retentionPay;
  }

  /** Posts deleted per baseline tier and their holders (filled posts), and the new posts per option tier. */
  private posts(base: ModelState, opt: ModelState, vacancyBase: number, vacancyOption: number, state: ComparisonState): void {
    for (let b = 0; b < this.baseline.tiers.length; b++) {
      const match = this.matchInOption[b]!;
      const deleted = Math.max(0, base.fte[b]! - (match >= 0 ? opt.fte[match]! : 0));
      state.deleted[b] = deleted;
      state.holders[b] = deleted * (1 - vacancyBase);
    }
    for (let o = 0; o < this.option.tiers.length; o++) {
      const match = this.matchInBaseline[o]!;
      state.newPosts[o] = Math.max(0, opt.fte[o]! - (match >= 0 ? base.fte[match]! : 0));
    }
    sameGradeCore(this.sameGradeGroups, state.holders, state.newPosts, vacancyOption, state.sameGrade);
  }

  /**
   * The workforce categories from the shares typed in: holders of deleted posts redeployed by their
   * tier's share, the rest made redundant at once; new posts filled (at the option's vacancy rate) by
   * the redeployed first and then by recruitment; double running a share of the baseline's run cost for
   * some months; no agency bridging.
   */
  private typedSpend(base: ModelState, opt: ModelState, baseInputs: Float64Array, p: Float64Array, state: ComparisonState, weeksPerLeaver: number, strainShare: number): void {
    const t = this.t;
    const categories = state.categoryTotals;
    const vacancyBase = baseInputs[this.vacancyBaseSlot]!;
    const vacancyOption = p[this.vacancyOptionSlot]!;
    const multiplier = p[t.multiplier]!;
    const cap = this.actualPay ? Infinity : p[t.weeklyPayCap]!;
    const strainPerSalary = p[t.strainPerSalary]!;
    this.posts(base, opt, vacancyBase, vacancyOption, state);
    let redundancy = 0;
    let strain = 0;
    let redeployedTotal = 0;
    for (let b = 0; b < this.baseline.tiers.length; b++) {
      const holders = state.holders[b]!;
      // at least the holders who fill new posts of their own grade
      const redeployed = Math.max(holders * p[this.redeployedSlot[b]!]!, state.sameGrade[b]!);
      const leavers = holders - redeployed;
      state.redeployed[b] = redeployed;
      state.leavers[b] = leavers;
      redeployedTotal += redeployed;
      const salary = base.salary[b]!;
      const weekly = Math.min(salary / 52, cap);
      redundancy += leavers * weeksPerLeaver * weekly * multiplier;
      strain += leavers * strainShare * strainPerSalary * salary;
    }
    let newFilled = 0;
    for (let o = 0; o < this.option.tiers.length; o++) newFilled += state.newPosts[o]! * (1 - vacancyOption);
    state.recruited = Math.max(0, newFilled - redeployedTotal);
    categories[C.redundancy] = redundancy;
    categories[C.pensionStrain] = strain;
    categories[C.recruitment] = state.recruited * p[t.recruitmentPerPost]!;
    categories[C.doubleRunning] = p[t.doubleRunningShare]! * base.runCost * (p[t.doubleRunningMonths]! / 12);
    categories[C.agencyBridging] = 0;
  }

  /**
   * The workforce categories from the workforce flows (engine/workforce/flows.ts), costed month by month
   * (engine/workforce/flowCosts.ts): each flow tier's costs of one FTE from its salary (the option's, or
   * the baseline's for a tier that goes) and the option's rates.
   */
  private flowSpend(base: ModelState, opt: ModelState, baseInputs: Float64Array, p: Float64Array, state: ComparisonState, weeksPerLeaver: number, strainShare: number): void {
    const t = this.t;
    const plan = this.flowPlan!;
    const flows = state.flows!;
    const categories = state.categoryTotals;
    const vacancy = p[this.vacancyOptionSlot]!;
    this.posts(base, opt, baseInputs[this.vacancyBaseSlot]!, vacancy, state);
    const cover = p[t.agencyCoverShare]!;
    const premium = p[t.agencyPremium]!;
    const overheads = p[t.overheadsPerFte]!;
    const niRate = p[t.niRate]!;
    const niThreshold = p[t.niThreshold]!;
    const pensionRate = p[t.pensionRate]!;
    const levyRate = p[t.levyRate]!;
    const multiplier = p[t.multiplier]!;
    const cap = this.actualPay ? Infinity : p[t.weeklyPayCap]!;
    const strainPerSalary = p[t.strainPerSalary]!;
    const { from, to, holdsCases, redeployable, turnover } = flows.tiers;
    const unit = flows.unit;
    // the council states a turnover rate, or the flows would not run (flowsUnavailable)
    const socialWorkTurnover = p[t.turnover]!;
    const otherTurnover = socialWorkTurnover * p[plan.otherTurnover]!;
    for (let u = 0; u < plan.base.length; u++) {
      const b = plan.base[u]!;
      const o = plan.option[u]!;
      from[u] = b >= 0 ? base.fte[b]! : 0;
      to[u] = o >= 0 ? opt.fte[o]! : 0;
      holdsCases[u] = plan.holdsCases[u]!;
      // at least the share of its holders who fill new posts of their own grade
      redeployable[u] = b >= 0 ? redeployableShare(p[this.redeployedSlot[b]!]!, state.sameGrade[b]!, state.holders[b]!) : 0;
      turnover[u] = plan.socialWork[u] === 1 ? socialWorkTurnover : otherTurnover;
      const salary = o >= 0 ? opt.salary[o]! : base.salary[b]!;
      const onCost = onCostCore(salary, niRate, niThreshold, pensionRate);
      unit.employed[u] = onCost + levyRate * salary + overheads;
      unit.agencyBase[u] = onCost + overheads;
      unit.agencyPremium[u] = premium * onCost;
      // a holder made redundant leaves the post the baseline paid
      const leaving = b >= 0 ? base.salary[b]! : salary;
      unit.redundancy[u] = weeksPerLeaver * Math.min(leaving / 52, cap) * multiplier;
      unit.strain[u] = strainShare * strainPerSalary * leaving;
    }
    for (let y = 0; y < this.years; y++) flows.ramp[y] = p[this.rampSlots[y]!]!;
    const rates = flows.rates;
    rates.vacancyRate = vacancy;
    rates.agencyCoverShare = cover;
    rates.startersPerYear = plan.starters >= 0 ? p[plan.starters]! : Infinity;
    rates.monthsToFill = p[plan.monthsToFill]!;
    rates.redundancyMonth = p[plan.redundancyMonth]!;
    rates.children = p[plan.children]!;
    rates.turnoverChange = p[t.turnoverChange]!;
    rates.turnoverPhaseYears = p[t.phaseInYears]!;
    rates.agencyConversion = p[plan.agencyConversion]!;
    // the comparison reads only the costs: the months after a steady state are left unwritten
    flowsCore(flows.buffers, flows.tiers, flows.ramp, rates, true);
    const costs = flows.costs;
    flowCostsCore(flows.buffers, unit, vacancy, cover, p[t.recruitmentPerPost]!, rates.monthsToFill, rates.agencyConversion, costs);
    let recruited = 0;
    for (let u = 0; u < plan.base.length; u++) recruited += costs.recruited[u]!;
    state.recruited = recruited;
    for (let b = 0; b < this.baseline.tiers.length; b++) {
      // the baseline's tiers come first among the flow tiers
      state.redeployed[b] = costs.redeployedOut[b]!;
      state.leavers[b] = costs.redundant[b]!;
      flows.wastage[b] = Math.max(0, state.holders[b]! - costs.redeployedOut[b]! - costs.redundant[b]!);
    }
    const sum = (row: Float64Array) => {
      let total = 0;
      for (let y = 0; y < row.length; y++) total += row[y]!;
      return total;
    };
    categories[C.redundancy] = sum(costs.redundancy);
    categories[C.pensionStrain] = sum(costs.pensionStrain);
    categories[C.recruitment] = sum(costs.recruitment);
    categories[C.doubleRunning] = sum(costs.doubleRunning);
    categories[C.agencyBridging] = sum(costs.agencyBridging);
  }
}

const comparisonCache = new WeakMap<Scenario, WeakMap<Scenario, { baseline: ScenarioSnapshot; option: ScenarioSnapshot; model: ComparisonModel }>>();

/** The compiled comparison of two scenarios (compiled once per pair of scenario objects and their content; see compileScenario). */
export function compileComparison(baseline: Scenario, option: Scenario): ComparisonModel {
  assertObject(baseline);
  assertObject(option);
  let inner = comparisonCache.get(baseline);
  if (!inner) {
    inner = new WeakMap();
    comparisonCache.set(baseline, inner);
  }
  const cached = inner.get(option);
  if (cached && unchangedSince(baseline, cached.baseline) && unchangedSince(option, cached.option)) return cached.model;
  const taken = { baseline: snapshot(baseline), option: snapshot(option) };
  const model = new ComparisonModel(trusted(baseline), trusted(option));
  inner.set(option, { ...taken, model });
  return model;
}

export { discountFactors };
