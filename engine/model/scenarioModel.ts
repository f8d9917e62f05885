import { ScenarioError } from "../errors.js";
import { compileExpression, expressionNames } from "../expression/expression.js";
import { tierCostInto } from "../costs/employerCost.js";
import { payAwardCore } from "../costs/payAward.js";
import { caseloadCore, teamsCore } from "../structure/caseload.js";
import { contactHoursCore } from "../time/contactHours.js";
import { weekAfterCore } from "../time/weekAfter.js";
import { numericSettings, toScenarioInput } from "../scenario/settings.js";
import { isValidated, snapshot, unchangedSince, type ScenarioSnapshot } from "../scenario/snapshot.js";
import { RESERVED_QUANTITIES } from "../scenario/schema.js";
import { TIME_USE_SHARES, type Scenario, type Tier } from "../scenario/types.js";
import { sizingDependencies, validateInput } from "../scenario/validate.js";
import { addYears, yearsBetween } from "../years.js";
import { managementLayers } from "../structure/layers.js";
import { straightLineEvaluator, type Evaluator } from "./straightLine.js";

/**
 * A scenario compiled for evaluation: the shape (tiers, the order their sizing rules resolve in,
 * reporting lines, expressions turned into functions) is fixed once; the numbers live in an inputs
 * array (one slot per numeric setting) so an uncertainty analysis can change them and evaluate again
 * with no parsing and no allocation. `runScenario` uses exactly this path, so there is one model.
 */

/** Everything one evaluation computes, in preallocated arrays and fields (reused between evaluations). */
export class ModelState {
  readonly fte: Float64Array;
  /** Salary in the costed year (after pay awards). */
  readonly salary: Float64Array;
  readonly pay: Float64Array;
  readonly employerNi: Float64Array;
  readonly pension: Float64Array;
  readonly apprenticeshipLevy: Float64Array;
  readonly agencyPremium: Float64Array;
  readonly overheads: Float64Array;
  readonly cost: Float64Array;
  /** Quantities expressions and spans can name: the reserved ones, then each tier's FTE. */
  readonly scope: Float64Array;

  children = 0;
  families = 0;
  caseHoldingFte = 0;
  childrenPerCaseHolder = 0;
  /** Share of posts with someone at work in them: employed, or vacant and covered by agency. */
  atWorkShare = 0;
  /** Children per case-holding FTE at work (employed and agency), as the DfE counts a caseload. */
  childrenPerCaseHolderAtWork = 0;
  familiesPerCaseHolder = 0;
  /** Teams before rounding. */
  teamsExact = 0;
  teams = 0;
  totalFte = 0;
  hoursPerWeek = 0;
  /** The week after the structure's changes and the direct payments lever, as shares in TIME_USE_SHARES order. */
  readonly shares = new Float64Array(TIME_USE_SHARES.length);
  /** Direct contact share of the week after the changes and direct payments (the stated share when both are off). */
  directContactShare = 0;
  /** Administration share of the week after the changes and direct payments. */
  administrationShare = 0;
  /** Share of the week the structure's changes free per case-holder (negative: they add work), before it is shared out. */
  freedByChanges = 0;
  /** Case-holders' administration hours a week handed to support staff, all case-holders together (the quantity administrationHours). */
  administrationHoursToSupport = 0;
  /** Cases supported through direct payments, per case-holder. */
  directPaymentCasesPerCaseHolder = 0;
  /** Care-management hours a week the direct payments free per case-holder (negative: added). */
  hoursFreedPerCaseHolder = 0;
  /** The freed hours across all case-holders, as FTE of case-holding capacity. */
  capacityFreedFte = 0;
  contactHoursPerCaseHolder = 0;
  contactHoursPerChild = 0;
  /** Run cost components, summed over tiers. */
  totalPay = 0;
  totalEmployerNi = 0;
  totalPension = 0;
  totalApprenticeshipLevy = 0;
  totalAgencyPremium = 0;
  totalOverheads = 0;
  teamBudgets = 0;
  runCost = 0;
  managementFte = 0;
  managementPay = 0;
  supportFte = 0;
  clinicianFte = 0;
  practitionerFte = 0;

  constructor(tierCount: number) {
    this.fte = new Float64Array(tierCount);
    this.salary = new Float64Array(tierCount);
    this.pay = new Float64Array(tierCount);
    this.employerNi = new Float64Array(tierCount);
    this.pension = new Float64Array(tierCount);
    this.apprenticeshipLevy = new Float64Array(tierCount);
    this.agencyPremium = new Float64Array(tierCount);
    this.overheads = new Float64Array(tierCount);
    this.cost = new Float64Array(tierCount);
    this.scope = new Float64Array(RESERVED_QUANTITIES.length + tierCount);
  }
}

const Q_CHILDREN = RESERVED_QUANTITIES.indexOf("children");
const Q_FAMILIES = RESERVED_QUANTITIES.indexOf("families");
const Q_TEAMS = RESERVED_QUANTITIES.indexOf("teams");
const Q_CASEHOLDERS = RESERVED_QUANTITIES.indexOf("caseHolders");
const Q_TOTALFTE = RESERVED_QUANTITIES.indexOf("totalFte");
const Q_REFERRALS = RESERVED_QUANTITIES.indexOf("referrals");
const Q_ADMINHOURS = RESERVED_QUANTITIES.indexOf("administrationHours");
const TIER_BASE = RESERVED_QUANTITIES.length;

const enum Rule {
  Fixed,
  Caseload,
  Span,
  Expression,
}

interface AwardSlots {
  percent: number;
  flat: number;
  flatUpTo: number;
}

/** Index of each numeric setting in the inputs array, by key. */
export type SlotMap = ReadonlyMap<string, number>;

export class ScenarioModel {
  readonly scenario: Scenario;
  readonly tiers: readonly Tier[];
  /** Keys of the numeric settings, in slot order. */
  readonly keys: readonly string[];
  readonly slots: SlotMap;
  /** Slots of settings the model holds but does not use (a case-holder's caseload while the structure takes the council's). */
  private readonly unusedSlots = new Set<number>();
  /** The scenario's own values of its numeric settings. */
  readonly inputs: Float64Array;
  /** The order the tiers' sizing rules resolve in. */
  readonly order: Int32Array;
  /** Management layers on the longest chain from a case-holding tier (structure only, not numbers). */
  readonly layers: number;
  readonly teamsOf: number;
  readonly roundTeamsUp: boolean;
  /** Per tier: the index of the tier it reports to, or −1 at the top. */
  readonly reportsToIndex: Int32Array;
  /** Per tier: 1 when any tier reports to it. */
  readonly hasReports: Uint8Array;

  private readonly ruleKind: Int32Array;
  /** Per tier: slot of its first sizing number (fte, childrenPerWorker, span.per). */
  private readonly ruleA: Int32Array;
  /** Per tier: slot of its second sizing number (shareOfChildren, span.fte). */
  private readonly ruleB: Int32Array;
  /** Per tier with a span: the scope index of what it spans. */
  private readonly spanOf: Int32Array;
  private readonly expressions: (((scope: Float64Array) => number) | null)[];
  private readonly salarySlot: Int32Array;
  private readonly holdsCases: Uint8Array;
  private readonly role: Uint8Array;
  private readonly awards: AwardSlots[];
  private readonly s: Record<string, number>;
  /** This scenario's evaluation as straight-line code (see straightLine.ts), or null where code cannot be compiled. */
  private readonly straight: Evaluator | null;

  constructor(scenario: Scenario) {
    this.scenario = scenario;
    const tiers = scenario.structure.tiers;
    this.tiers = tiers;
    const settings = numericSettings(scenario);
    this.keys = settings.map((s) => s.key);
    this.slots = new Map(this.keys.map((k, i) => [k, i]));
    this.inputs = Float64Array.from(settings.map((s) => s.value as number));
    const slot = (key: string): number => {
      const i = this.slots.get(key);
      if (i === undefined) throw new Error(`model has no setting ${key}`);
      return i;
    };
    this.s = {
      children: slot("council.children"),
      childrenPerFamily: slot("council.childrenPerFamily"),
      vacancyRate: slot("council.vacancyRate"),
      agencyCoverShare: slot("council.agencyCoverShare"),
      agencyPremium: slot("council.agencyPremium"),
      teamSize: slot("structure.teams.size"),
      teamBudget: slot("structure.teamBudget"),
      hoursPerWeek: slot("timeUse.hoursPerWeek"),
      directContact: slot("timeUse.directContact"),
      recording: slot("timeUse.recording"),
      administration: slot("timeUse.administration"),
      travel: slot("timeUse.travel"),
      meetingsAndReporting: slot("timeUse.meetingsAndReporting"),
      supervision: slot("timeUse.supervision"),
      learning: slot("timeUse.learning"),
      administrationToSupport: slot("timeUse.changes.administrationToSupport"),
      managementLayersBefore: slot("timeUse.changes.managementLayersBefore"),
      reportingCutPerLayer: slot("timeUse.changes.reportingCutPerLayer"),
      travelCut: slot("timeUse.changes.travelCut"),
      supervisionChange: slot("timeUse.changes.supervisionChange"),
      freedToDirectContact: slot("timeUse.changes.freedToDirectContact"),
      // −1: the council states no referrals (validation refuses a tier sized by them then)
      referrals: this.slots.get("council.referralsPerYear") ?? -1,
      directPaymentsShare: slot("timeUse.directPayments.shareOfFamilies"),
      hoursFreedPerCase: slot("timeUse.directPayments.hoursFreedPerCase"),
      niRate: slot("finance.employerNi.rate"),
      niThreshold: slot("finance.employerNi.threshold"),
      pensionRate: slot("finance.pensionRate"),
      levyRate: slot("finance.apprenticeshipLevy.rate"),
      levyAllowance: slot("finance.apprenticeshipLevy.allowance"),
      overheadsPerFte: slot("finance.overheadsPerFte"),
    };

    const index = new Map(tiers.map((t, i) => [t.id, i]));
    const scopeIndex = (name: string): number => {
      const reserved = (RESERVED_QUANTITIES as readonly string[]).indexOf(name);
      return reserved >= 0 ? reserved : TIER_BASE + index.get(name)!;
    };
    const n = tiers.length;
    this.ruleKind = new Int32Array(n);
    this.ruleA = new Int32Array(n).fill(-1);
    this.ruleB = new Int32Array(n).fill(-1);
    this.spanOf = new Int32Array(n).fill(-1);
    this.expressions = new Array(n).fill(null);
    this.salarySlot = new Int32Array(n);
    this.holdsCases = new Uint8Array(n);
    this.role = new Uint8Array(n);
    const deps: string[][] = [];
    tiers.forEach((tier, i) => {
      const base = `structure.tiers.${tier.id}`;
      this.salarySlot[i] = slot(`${base}.salary`);
      this.holdsCases[i] = tier.holdsCases ? 1 : 0;
      this.role[i] = ["practitioner", "manager", "support", "clinician"].indexOf(tier.role);
      const size = tier.size;
      switch (size.rule) {
        case "fixed":
          this.ruleKind[i] = Rule.Fixed;
          this.ruleA[i] = slot(`${base}.fte`);
          deps.push([]);
          break;
        case "caseload":
          this.ruleKind[i] = Rule.Caseload;
          // a structure run as the council runs it today sizes its case-holders by the council's caseload (validate.ts)
          if (tier.holdsCases && scenario.structure.caseloadFromCouncil === true && scenario.council.caseload !== undefined) {
            this.ruleA[i] = slot("council.caseload");
            this.unusedSlots.add(slot(`${base}.childrenPerWorker`));
          } else this.ruleA[i] = slot(`${base}.childrenPerWorker`);
          this.ruleB[i] = slot(`${base}.shareOfChildren`);
          deps.push([]);
          break;
        case "span":
          this.ruleKind[i] = Rule.Span;
          this.ruleA[i] = slot(`${base}.span.per`);
          this.ruleB[i] = slot(`${base}.span.fte`);
          this.spanOf[i] = scopeIndex(size.of);
          deps.push(sizingDependencies([size.of], tiers, scenario.structure.teams.of));
          break;
        case "expression":
          this.ruleKind[i] = Rule.Expression;
          this.expressions[i] = compileExpression(size.expression, scopeIndex);
          deps.push(sizingDependencies(expressionNames(size.expression), tiers, scenario.structure.teams.of));
          break;
      }
    });
    this.order = resolveOrder(tiers, deps, index);
    // -1: teams are made of all case-holding tiers together.
    this.teamsOf = scenario.structure.teams.of === "caseHolders" ? -1 : index.get(scenario.structure.teams.of)!;
    this.roundTeamsUp = scenario.structure.teams.rounding === "up";
    this.layers = managementLayers(tiers);
    this.reportsToIndex = Int32Array.from(tiers.map((t) => (t.reportsTo === null ? -1 : index.get(t.reportsTo)!)));
    this.hasReports = new Uint8Array(n);
    for (const up of this.reportsToIndex) if (up >= 0) this.hasReports[up] = 1;

    // Pay awards that carry salaries from the year they are stated in to the costed year.
    const finance = scenario.finance;
    this.awards = [];
    for (let k = 1; k <= yearsBetween(finance.salaryYear, finance.year); k++) {
      const year = addYears(finance.salaryYear, k);
      const base = `finance.payAwards.${year}`;
      this.awards.push(
        this.slots.has(base)
          ? { percent: slot(base), flat: -1, flatUpTo: -1 }
          : {
              percent: this.slots.get(`${base}.percent`) ?? -1,
              flat: this.slots.get(`${base}.flat`) ?? -1,
              flatUpTo: this.slots.get(`${base}.flatUpTo`) ?? -1,
            },
      );
    }
    this.straight = straightLineEvaluator(
      {
        tierCount: n,
        order: this.order,
        ruleKind: this.ruleKind,
        ruleA: this.ruleA,
        ruleB: this.ruleB,
        spanOf: this.spanOf,
        salarySlot: this.salarySlot,
        holdsCases: this.holdsCases,
        role: this.role,
        awards: this.awards,
        s: this.s,
        teamsOf: this.teamsOf,
        roundTeamsUp: this.roundTeamsUp,
        scopeLength: TIER_BASE + n,
        layers: this.layers,
        q: { children: Q_CHILDREN, families: Q_FAMILIES, teams: Q_TEAMS, caseHolders: Q_CASEHOLDERS, totalFte: Q_TOTALFTE, referrals: Q_REFERRALS, administrationHours: Q_ADMINHOURS, tierBase: TIER_BASE },
      },
      this.expressions,
    );
  }

  private scratchState: ModelState | undefined;

  /** A state kept for callers that copy the figures out at once (runScenario). */
  get scratch(): ModelState {
    return (this.scratchState ??= this.newState());
  }

  newState(): ModelState {
    return new ModelState(this.tiers.length);
  }

  /**
   * The slot of a numeric setting, or undefined when the scenario has no such setting, or has it but it
   * does nothing (a case-holder's own caseload while the structure takes the council's): varying it in a
   * sweep or a simulation would change nothing without a word.
   */
  slotOf(key: string): number | undefined {
    const slot = this.slots.get(key);
    return slot !== undefined && this.unusedSlots.has(slot) ? undefined : slot;
  }

  /**
   * Evaluates the model at `inputs` into `state`. Plain arithmetic over arrays: no allocation, no
   * parsing. Throws a ScenarioError only for inputs that leave no one to hold the cases.
   */
  /** True when this scenario evaluates through straight-line code (false where the page forbids compiling it). */
  get straightLine(): boolean {
    return this.straight !== null;
  }

  evaluate(inputs: Float64Array = this.inputs, state: ModelState = this.newState()): ModelState {
    if (this.straight !== null && this.straight(inputs, state)) return state;
    return this.evaluateGeneral(inputs, state);
  }

  /**
   * The general evaluation, rule by rule over the tiers: what the straight-line code does, written
   * once for every scenario. It also reports what is wrong where the straight-line code hands back.
   */
  evaluateGeneral(inputs: Float64Array = this.inputs, state: ModelState = this.newState()): ModelState {
    const s = this.s;
    const tiers = this.tiers.length;
    const scope = state.scope;
    const children = inputs[s.children!]!;
    state.children = children;
    state.families = children / inputs[s.childrenPerFamily!]!;
    for (let q = 0; q < scope.length; q++) scope[q] = 0; // a loop: fill()'s call costs more on arrays this small
    scope[Q_CHILDREN] = children;
    scope[Q_FAMILIES] = state.families;
    scope[Q_REFERRALS] = s.referrals! >= 0 ? inputs[s.referrals!]! : 0;
    // Administration handed to support staff, hours a week per case-holding FTE: the quantity
    // administrationHours is this times the case-holding FTE, kept current as case-holders resolve.
    const hours = inputs[s.hoursPerWeek!]!;
    const handedPerCaseHolder = hours * inputs[s.administration!]! * inputs[s.administrationToSupport!]!;
    // A caseload target is children per case-holder at work, as the DfE counts it (cases ÷ case-holding
    // FTE, employed and agency): the posts it sizes include the vacancies no agency worker covers.
    const atWork = 1 - inputs[s.vacancyRate!]! * (1 - inputs[s.agencyCoverShare!]!);
    state.atWorkShare = atWork;

    // Sizing, in dependency order. Quantities built from tiers (teams, case-holders, total FTE) are
    // kept current as tiers resolve; the order guarantees a rule reads them only once complete.
    const teamSize = inputs[s.teamSize!]!;
    let caseHolders = 0;
    let totalFte = 0;
    for (let k = 0; k < tiers; k++) {
      const i = this.order[k]!;
      let fte: number;
      switch (this.ruleKind[i]) {
        case Rule.Fixed:
          fte = inputs[this.ruleA[i]!]!;
          break;
        case Rule.Caseload:
          fte = (children * inputs[this.ruleB[i]!]!) / (inputs[this.ruleA[i]!]! * atWork);
          break;
        case Rule.Span:
          fte = (scope[this.spanOf[i]!]! * inputs[this.ruleB[i]!]!) / inputs[this.ruleA[i]!]!;
          break;
        default:
          fte = this.expressions[i]!(scope);
      }
      if (!(fte >= 0) || !Number.isFinite(fte)) {
        throw new ScenarioError([{ path: `structure.tiers[${i}]`, reason: `sizing gives ${fte} FTE for "${this.tiers[i]!.id}"; it must be a number at least 0` }]);
      }
      state.fte[i] = fte;
      scope[TIER_BASE + i] = fte;
      totalFte += fte;
      scope[Q_TOTALFTE] = totalFte;
      if (this.holdsCases[i]) {
        caseHolders += fte;
        scope[Q_CASEHOLDERS] = caseHolders;
        scope[Q_ADMINHOURS] = caseHolders * handedPerCaseHolder;
      }
      if (i === this.teamsOf || (this.teamsOf < 0 && this.holdsCases[i])) {
        const members = this.teamsOf < 0 ? caseHolders : fte;
        state.teamsExact = members / teamSize;
        state.teams = teamsCore(members, teamSize, this.roundTeamsUp);
        scope[Q_TEAMS] = state.teams;
      }
    }
    state.totalFte = totalFte;
    state.caseHoldingFte = caseHolders;
    if (caseHolders > 0) {
      state.childrenPerCaseHolder = caseloadCore(children, caseHolders);
      state.familiesPerCaseHolder = caseloadCore(state.families, caseHolders);
    } else if (children === 0) {
      state.childrenPerCaseHolder = 0;
      state.familiesPerCaseHolder = 0;
    } else {
      throw new ScenarioError([{ path: "structure.tiers", reason: `the case-holding tiers have 0 FTE, so no one holds the ${children} children` }]);
    }
    const atWorkFte = caseHolders * atWork;
    state.childrenPerCaseHolderAtWork = atWorkFte > 0 ? children / atWorkFte : 0;
    if (atWorkFte === 0 && children > 0) {
      throw new ScenarioError([{ path: "council.vacancyRate", reason: `every case-holding post is vacant and none is covered by agency, so no one at work holds the ${children} children` }]);
    }

    // Time use: the starting week, changed by the structure's drivers (time-use rule in
    // engine/time/weekAfter.ts), then the direct payments lever, whose care-management time sits in
    // administration and moves to direct contact.
    state.hoursPerWeek = hours;
    state.administrationHoursToSupport = caseHolders * handedPerCaseHolder;
    // a case-holder at work holds the caseload as the DfE counts it
    const dpCases = inputs[s.directPaymentsShare!]! * state.childrenPerCaseHolderAtWork;
    const freed = dpCases * inputs[s.hoursFreedPerCase!]!;
    state.directPaymentCasesPerCaseHolder = dpCases;
    state.hoursFreedPerCaseHolder = freed;
    state.capacityFreedFte = (freed * atWorkFte) / hours;
    const shares = state.shares;
    state.freedByChanges = weekAfterCore(
      inputs[s.directContact!]!, inputs[s.recording!]!, inputs[s.administration!]!, inputs[s.travel!]!, inputs[s.meetingsAndReporting!]!, inputs[s.supervision!]!, inputs[s.learning!]!,
      inputs[s.administrationToSupport!]!, inputs[s.managementLayersBefore!]! - this.layers, inputs[s.reportingCutPerLayer!]!, inputs[s.travelCut!]!, inputs[s.supervisionChange!]!, inputs[s.freedToDirectContact!]!,
      freed / hours,
      shares,
    );
    state.directContactShare = shares[0]!;
    state.administrationShare = shares[2]!;
    for (let k = 0; k < shares.length; k++) {
      if (shares[k]! < -1e-12) throw new ScenarioError([weekProblem(k, shares, state, inputs[s.hoursFreedPerCase!]!)]);
    }
    state.contactHoursPerCaseHolder = hours * state.directContactShare;
    state.contactHoursPerChild = state.childrenPerCaseHolderAtWork > 0 ? contactHoursCore(state.hoursPerWeek, state.directContactShare, state.childrenPerCaseHolderAtWork) : 0;

    // Run cost, tier by tier.
    const vacancy = inputs[s.vacancyRate!]!;
    const agencyShare = inputs[s.agencyCoverShare!]!;
    const agencyPremium = inputs[s.agencyPremium!]!;
    const niRate = inputs[s.niRate!]!;
    const niThreshold = inputs[s.niThreshold!]!;
    const pensionRate = inputs[s.pensionRate!]!;
    const levyRate = inputs[s.levyRate!]!;
    const overheadsPerFte = inputs[s.overheadsPerFte!]!;
    let pay = 0, ni = 0, pension = 0, levy = 0, agency = 0, overheads = 0;
    let managementFte = 0, managementPay = 0, supportFte = 0, clinicianFte = 0, practitionerFte = 0;
    for (let i = 0; i < tiers; i++) {
      const salary = this.upliftedSalary(inputs, inputs[this.salarySlot[i]!]!);
      state.salary[i] = salary;
      tierCostInto(state, i, state.fte[i]!, salary, vacancy, agencyShare, agencyPremium, niRate, niThreshold, pensionRate, levyRate, overheadsPerFte);
      pay += state.pay[i]!;
      ni += state.employerNi[i]!;
      pension += state.pension[i]!;
      levy += state.apprenticeshipLevy[i]!;
      agency += state.agencyPremium[i]!;
      overheads += state.overheads[i]!;
      switch (this.role[i]) {
        case 0:
          practitionerFte += state.fte[i]!;
          break;
        case 1:
          managementFte += state.fte[i]!;
          managementPay += state.pay[i]!;
          break;
        case 2:
          supportFte += state.fte[i]!;
          break;
        default:
          clinicianFte += state.fte[i]!;
      }
    }
    // The levy allowance is set against the whole pay bill's levy, shared across tiers pro rata.
    const allowance = inputs[s.levyAllowance!]!;
    const levyDue = Math.max(0, levy - allowance);
    const levyScale = levy > 0 ? levyDue / levy : 0;
    let runCost = 0;
    const { pay: tierPay, employerNi, pension: tierPension, apprenticeshipLevy, agencyPremium: tierAgency, overheads: tierOverheads, cost } = state;
    for (let i = 0; i < tiers; i++) {
      const levyDueHere = apprenticeshipLevy[i]! * levyScale;
      apprenticeshipLevy[i] = levyDueHere;
      const tierCost = tierPay[i]! + employerNi[i]! + tierPension[i]! + levyDueHere + tierAgency[i]! + tierOverheads[i]!;
      cost[i] = tierCost;
      runCost += tierCost;
    }
    state.totalPay = pay;
    state.totalEmployerNi = ni;
    state.totalPension = pension;
    state.totalApprenticeshipLevy = levyDue;
    state.totalAgencyPremium = agency;
    state.totalOverheads = overheads;
    state.teamBudgets = state.teams * inputs[s.teamBudget!]!;
    state.runCost = runCost + state.teamBudgets;
    state.managementFte = managementFte;
    state.managementPay = managementPay;
    state.supportFte = supportFte;
    state.clinicianFte = clinicianFte;
    state.practitionerFte = practitionerFte;
    return state;
  }

  /** A salary stated in finance.salaryYear carried to finance.year by the pay awards between. */
  upliftedSalary(inputs: Float64Array, salary: number): number {
    for (const award of this.awards) {
      const flat = award.flat >= 0 ? inputs[award.flat]! : 0;
      const flatUpTo = award.flatUpTo >= 0 ? inputs[award.flatUpTo]! : Infinity;
      const percent = award.percent >= 0 ? inputs[award.percent]! : 0;
      salary = payAwardCore(salary, flat, flatUpTo, percent);
    }
    return salary;
  }
}

/** Tiers in an order where every sizing rule comes after the tiers it reads (validation has ruled out circles). */
function resolveOrder(tiers: readonly Tier[], deps: string[][], index: Map<string, number>): Int32Array {
  const order: number[] = [];
  const placed = new Uint8Array(tiers.length);
  const visit = (i: number): void => {
    if (placed[i]) return;
    placed[i] = 1;
    for (const dep of deps[i]!) visit(index.get(dep)!);
    order.push(i);
  };
  tiers.forEach((_, i) => visit(i));
  return Int32Array.from(order);
}

const modelCache = new WeakMap<Scenario, { taken: ScenarioSnapshot; model: ScenarioModel }>();

/**
 * The compiled model of a scenario: compiled once per scenario object and content, so a change made
 * to the object after it was loaded shows in the next run. An object the validator did not produce
 * as it now is (edited, or built by hand) is validated first: bad content throws ScenarioError, never
 * a figure.
 */
export function compileScenario(scenario: Scenario): ScenarioModel {
  assertObject(scenario);
  const cached = modelCache.get(scenario);
  if (cached && unchangedSince(scenario, cached.taken)) return cached.model;
  const taken = snapshot(scenario);
  const model = new ScenarioModel(trusted(scenario));
  modelCache.set(scenario, { taken, model });
  return model;
}

/** The scenario as the validator gives it: itself when the validator produced it unchanged, else validated again. */
export function trusted(scenario: Scenario): Scenario {
  if (isValidated(scenario)) return scenario;
  // The validator reads the scenario written out as a file would be, where NaN and Infinity cannot be
  // written: they are named here first.
  const issues: { path: string; reason: string }[] = [];
  findNonFinite(scenario, "", issues);
  if (issues.length > 0) throw new ScenarioError(issues);
  let input: Record<string, unknown>;
  try {
    input = toScenarioInput({ ...scenario, sources: scenario.sources ?? {} }, { withSources: true });
  } catch {
    // A part missing or of another kind (tiers that are not a list): not something to run.
    throw new ScenarioError([{ path: "", reason: "is not a scenario as loadScenario or loadPreset gives it (a part is missing or of the wrong kind)" }]);
  }
  return validateInput(input, { id: scenario.id });
}

/** Refuses what is not an object at all before anything reads it. */
export function assertObject(scenario: unknown): asserts scenario is Scenario {
  if (scenario === null || typeof scenario !== "object" || Array.isArray(scenario)) {
    throw new ScenarioError([{ path: "", reason: `must be a scenario, got ${scenario === null ? "null" : Array.isArray(scenario) ? "a list" : typeof scenario}` }]);
  }
}

/** Every NaN or infinite number in a scenario object (a pay award's open-ended flatUpTo apart), by path. */
function findNonFinite(value: unknown, path: string, issues: { path: string; reason: string }[]): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value) && !(value === Infinity && path.endsWith(".flatUpTo"))) issues.push({ path, reason: `must be a finite number, got ${value}` });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findNonFinite(item, `${path}[${i}]`, issues));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) if (key !== "sources") findNonFinite(item, path ? `${path}.${key}` : key, issues);
  }
}

const WEEK_LABELS = ["direct contact", "recording", "administration", "travel", "meetings and reporting", "supervision", "learning and other work"];

/** Why the week after has an activity below none: the direct payments lever, or the structure's changes. */
function weekProblem(k: number, shares: Float64Array, state: ModelState, hoursFreedPerCase: number) {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const hours = state.hoursPerWeek;
  const freed = state.hoursFreedPerCaseHolder;
  if (k === 2 || (k === 0 && state.freedByChanges >= 0)) {
    return {
      path: "timeUse.directPayments.hoursFreedPerCase",
      reason: `direct payments would ${freed > 0 ? "free" : "add"} ${r2(Math.abs(freed))} care-management hours a week per case-holder (${r2(state.directPaymentCasesPerCaseHolder)} cases × ${hoursFreedPerCase} hours), more than the ${r2((shares[k]! + (k === 2 ? freed : -freed) / hours) * hours)} hours of ${WEEK_LABELS[k]} left in the week`,
    };
  }
  return {
    path: "timeUse.changes",
    reason: `the changes to the week add ${r2(-state.freedByChanges * hours)} hours a week per case-holder, more than the ${WEEK_LABELS[k]} they would come out of; ${WEEK_LABELS[k]} would be ${r2(shares[k]! * hours)} hours`,
  };
}
