import type { SameGradeGroup } from "../transition/sameGrade.js";
import { paybackCore } from "../appraisal/discount.js";
import { employerCostCore } from "../costs/employerCost.js";
import { teamsCore } from "../structure/caseload.js";
import { weekAfterCore } from "../time/weekAfter.js";
import { redundancyWeeksCore } from "../transition/redundancy.js";
import type { ComparisonState, TransitionSlots } from "./comparisonModel.js";
import type { ModelState } from "./scenarioModel.js";

/**
 * A scenario's evaluation written out as straight-line JavaScript, once per compiled scenario: every
 * tier's sizing rule and cost in resolution order, with the positions of its numbers in the inputs
 * array as constants. It does exactly the arithmetic of `ScenarioModel.evaluate`, operation for
 * operation and in the same order, so its figures are identical to the last bit (a test runs both on
 * every preset and on random inputs); it only drops the loops over tiers and the lookups of which
 * rule and which slot each tier uses, which a Monte Carlo run would otherwise repeat every draw.
 *
 * Where something is wrong (a tier sized below zero, no one to hold the cases, direct payments that
 * free more time than the week has), it hands back to the general evaluation, which reports it.
 * Where a page forbids compiling code (a Content-Security-Policy without 'unsafe-eval'), there is no
 * straight-line version and the general evaluation is used throughout.
 */

/** What the general evaluation knows of a scenario's shape: the plan the source is written from. */
export interface StraightLinePlan {
  tierCount: number;
  order: ArrayLike<number>;
  /** 0 fixed, 1 caseload, 2 span, 3 expression (as ScenarioModel's Rule). */
  ruleKind: ArrayLike<number>;
  ruleA: ArrayLike<number>;
  ruleB: ArrayLike<number>;
  spanOf: ArrayLike<number>;
  salarySlot: ArrayLike<number>;
  holdsCases: ArrayLike<number>;
  role: ArrayLike<number>;
  awards: readonly { percent: number; flat: number; flatUpTo: number }[];
  /** Slots of the scenario-wide settings. */
  s: Readonly<Record<string, number>>;
  teamsOf: number;
  roundTeamsUp: boolean;
  scopeLength: number;
  /** Management layers of the structure (fixed by its reporting lines). */
  layers: number;
  q: { children: number; families: number; teams: number; caseHolders: number; totalFte: number; referrals: number; administrationHours: number; tierBase: number };
}

export type Evaluator = (inputs: Float64Array, state: ModelState) => boolean;

/** Turns source into a function of the named helpers; throws where the page forbids it. */
export type Compile = (parameters: string[], source: string) => (...helpers: unknown[]) => unknown;

/** How models compile their straight-line code: tests set a compiler that refuses, as a strict page would. */
export const straightLineCompiler: { compile: Compile } = {
  compile: (parameters, source) => new Function(...parameters, source) as (...helpers: unknown[]) => unknown,
};

type Expression = (scope: Float64Array) => number;

/**
 * The straight-line evaluator for a plan, or null where code cannot be compiled here. It returns
 * false, having changed nothing the caller relies on, when the general evaluation must take over.
 */
export function straightLineEvaluator(plan: StraightLinePlan, expressions: readonly (Expression | null)[]): Evaluator | null {
  try {
    return straightLineCompiler.compile(["expressions", "teamsCore", "weekAfterCore"], scenarioSource(plan))(expressions, teamsCore, weekAfterCore) as Evaluator;
  } catch {
    return null;
  }
}

/** The source of the evaluator: the body of `ScenarioModel.evaluate`, unrolled over this scenario's tiers. */
export function scenarioSource(plan: StraightLinePlan): string {
  const { s, q } = plan;
  const at = (slot: number) => `inputs[${slot}]`;
  const lines: string[] = [];
  const emit = (line: string) => lines.push(line);
  emit(`return function evaluateStraight(inputs, state) {`);
  emit(`const scope = state.scope;`);
  emit(`const fteOf = state.fte;`);
  emit(`const children = ${at(s.children!)};`);
  emit(`state.children = children;`);
  emit(`state.families = children / ${at(s.childrenPerFamily!)};`);
  for (let k = 0; k < plan.scopeLength; k++) emit(`scope[${k}] = 0;`);
  emit(`scope[${q.children}] = children;`);
  emit(`scope[${q.families}] = state.families;`);
  emit(`scope[${q.referrals}] = ${s.referrals! >= 0 ? at(s.referrals!) : "0"};`);
  emit(`const hours = ${at(s.hoursPerWeek!)};`);
  emit(`const handedPerCaseHolder = hours * ${at(s.administration!)} * ${at(s.administrationToSupport!)};`);
  emit(`const atWork = 1 - ${at(s.vacancyRate!)} * (1 - ${at(s.agencyCoverShare!)});`);
  emit(`state.atWorkShare = atWork;`);
  emit(`const teamSize = ${at(s.teamSize!)};`);
  emit(`let caseHolders = 0;`);
  emit(`let totalFte = 0;`);
  emit(`let fte = 0;`);
  for (let k = 0; k < plan.tierCount; k++) {
    const i = plan.order[k]!;
    switch (plan.ruleKind[i]) {
      case 0:
        emit(`fte = ${at(plan.ruleA[i]!)};`);
        break;
      case 1:
        emit(`fte = (children * ${at(plan.ruleB[i]!)}) / (${at(plan.ruleA[i]!)} * atWork);`);
        break;
      case 2:
        emit(`fte = (scope[${plan.spanOf[i]!}] * ${at(plan.ruleB[i]!)}) / ${at(plan.ruleA[i]!)};`);
        break;
      default:
        emit(`fte = expressions[${i}](scope);`);
    }
    emit(`if (!(fte >= 0) || !Number.isFinite(fte)) return false;`);
    emit(`fteOf[${i}] = fte;`);
    emit(`scope[${q.tierBase + i}] = fte;`);
    emit(`totalFte += fte;`);
    emit(`scope[${q.totalFte}] = totalFte;`);
    if (plan.holdsCases[i]) {
      emit(`caseHolders += fte;`);
      emit(`scope[${q.caseHolders}] = caseHolders;`);
      emit(`scope[${q.administrationHours}] = caseHolders * handedPerCaseHolder;`);
    }
    if (i === plan.teamsOf || (plan.teamsOf < 0 && plan.holdsCases[i])) {
      const members = plan.teamsOf < 0 ? "caseHolders" : "fte";
      emit(`state.teamsExact = ${members} / teamSize;`);
      emit(`state.teams = teamsCore(${members}, teamSize, ${plan.roundTeamsUp});`);
      emit(`scope[${q.teams}] = state.teams;`);
    }
  }
  emit(`state.totalFte = totalFte;`);
  emit(`state.caseHoldingFte = caseHolders;`);
  emit(`if (!(caseHolders > 0)) return false;`);
  emit(`state.childrenPerCaseHolder = children / caseHolders;`);
  emit(`state.familiesPerCaseHolder = state.families / caseHolders;`);
  emit(`const atWorkFte = caseHolders * atWork;`);
  emit(`if (!(atWorkFte > 0)) return false;`);
  emit(`state.childrenPerCaseHolderAtWork = children / atWorkFte;`);
  // Time use: the week after the structure's changes (engine/time/weekAfter.ts), then direct payments.
  emit(`state.hoursPerWeek = hours;`);
  emit(`state.administrationHoursToSupport = caseHolders * handedPerCaseHolder;`);
  emit(`const dpCases = ${at(s.directPaymentsShare!)} * state.childrenPerCaseHolderAtWork;`);
  emit(`const freed = dpCases * ${at(s.hoursFreedPerCase!)};`);
  emit(`state.directPaymentCasesPerCaseHolder = dpCases;`);
  emit(`state.hoursFreedPerCaseHolder = freed;`);
  emit(`state.capacityFreedFte = (freed * atWorkFte) / hours;`);
  emit(`const shares = state.shares;`);
  emit(
    `state.freedByChanges = weekAfterCore(${["directContact", "recording", "administration", "travel", "meetingsAndReporting", "supervision", "learning", "administrationToSupport"].map((k) => at(s[k]!)).join(", ")}, ${at(s.managementLayersBefore!)} - ${plan.layers}, ${["reportingCutPerLayer", "travelCut", "supervisionChange", "freedToDirectContact"].map((k) => at(s[k]!)).join(", ")}, freed / hours, shares);`,
  );
  emit(`state.directContactShare = shares[0];`);
  emit(`state.administrationShare = shares[2];`);
  emit(`for (let k = 0; k < shares.length; k++) if (shares[k] < -1e-12) return false;`);
  emit(`state.contactHoursPerCaseHolder = hours * state.directContactShare;`);
  emit(`state.contactHoursPerChild = state.childrenPerCaseHolderAtWork > 0 ? (state.hoursPerWeek * state.directContactShare) / state.childrenPerCaseHolderAtWork : 0;`);
  // Run cost, tier by tier.
  for (const name of ["vacancyRate", "agencyCoverShare", "agencyPremium", "niRate", "niThreshold", "pensionRate", "levyRate", "overheadsPerFte"]) {
    emit(`const ${name} = ${at(s[name]!)};`);
  }
  emit(`const pay = state.pay, employerNi = state.employerNi, pension = state.pension, levy = state.apprenticeshipLevy, agency = state.agencyPremium, overheads = state.overheads, cost = state.cost, salaryOf = state.salary;`);
  emit(`let totalPay = 0, totalNi = 0, totalPension = 0, totalLevy = 0, totalAgency = 0, totalOverheads = 0;`);
  const roleTotals = [`practitionerFte`, `managementFte`, `supportFte`, `clinicianFte`];
  emit(`let managementFte = 0, managementPay = 0, supportFte = 0, clinicianFte = 0, practitionerFte = 0;`);
  emit(`let salary = 0;`);
  for (let i = 0; i < plan.tierCount; i++) {
    emit(`salary = ${at(plan.salarySlot[i]!)};`);
    for (const award of plan.awards) {
      const flat = award.flat >= 0 ? at(award.flat) : "0";
      const flatUpTo = award.flatUpTo >= 0 ? at(award.flatUpTo) : "Infinity";
      const percent = award.percent >= 0 ? at(award.percent) : "0";
      emit(`salary = ${flat} > 0 && salary <= ${flatUpTo} ? salary + ${flat} : salary * (1 + ${percent});`);
    }
    emit(`salaryOf[${i}] = salary;`);
    // tierCostInto's arithmetic, written in place (the same operations in the same order).
    emit(`{`);
    emit(`const fte = fteOf[${i}];`);
    emit(`const employed = fte * (1 - vacancyRate);`);
    emit(`const covered = fte * vacancyRate * agencyCoverShare;`);
    emit(`const inPost = employed + covered;`);
    emit(`const niEach = salary > niThreshold ? niRate * (salary - niThreshold) : 0;`);
    emit(`const pensionEach = pensionRate * salary;`);
    emit(`const tierPay = salary * inPost;`);
    emit(`const tierNi = niEach * inPost;`);
    emit(`const tierPension = pensionEach * inPost;`);
    emit(`const tierLevy = levyRate * salary * employed;`);
    emit(`const tierAgency = agencyPremium * (salary + niEach + pensionEach) * covered;`);
    emit(`const tierOverheads = overheadsPerFte * inPost;`);
    emit(`pay[${i}] = tierPay; employerNi[${i}] = tierNi; pension[${i}] = tierPension; levy[${i}] = tierLevy; agency[${i}] = tierAgency; overheads[${i}] = tierOverheads;`);
    emit(`totalPay += tierPay; totalNi += tierNi; totalPension += tierPension; totalLevy += tierLevy; totalAgency += tierAgency; totalOverheads += tierOverheads;`);
    const role = plan.role[i]!;
    const total = roleTotals[role] ?? "clinicianFte";
    emit(`${total} += fte;`);
    if (role === 1) emit(`managementPay += tierPay;`);
    emit(`}`);
  }
  emit(`const levyDue = Math.max(0, totalLevy - ${at(s.levyAllowance!)});`);
  emit(`const levyScale = totalLevy > 0 ? levyDue / totalLevy : 0;`);
  emit(`let runCost = 0;`);
  for (let i = 0; i < plan.tierCount; i++) {
    emit(`{ const levyDue = levy[${i}] * levyScale; levy[${i}] = levyDue; const tierCost = pay[${i}] + employerNi[${i}] + pension[${i}] + levyDue + agency[${i}] + overheads[${i}]; cost[${i}] = tierCost; runCost += tierCost; }`);
  }
  emit(`state.totalPay = totalPay;`);
  emit(`state.totalEmployerNi = totalNi;`);
  emit(`state.totalPension = totalPension;`);
  emit(`state.totalApprenticeshipLevy = levyDue;`);
  emit(`state.totalAgencyPremium = totalAgency;`);
  emit(`state.totalOverheads = totalOverheads;`);
  emit(`state.teamBudgets = state.teams * ${at(s.teamBudget!)};`);
  emit(`state.runCost = runCost + state.teamBudgets;`);
  emit(`state.managementFte = managementFte;`);
  emit(`state.managementPay = managementPay;`);
  emit(`state.supportFte = supportFte;`);
  emit(`state.clinicianFte = clinicianFte;`);
  emit(`state.practitionerFte = practitionerFte;`);
  emit(`return true;`);
  emit(`};`);
  return lines.join("\n");
}

/** What the general comparison knows of a pair's shape: the plan its straight-line source is written from. */
export interface ComparisonPlan {
  years: number;
  horizon: number;
  offset: number;
  categoryCount: number;
  /** Index of each transition category in the categories array. */
  category: Readonly<Record<string, number>>;
  /** Slots of the option's settings the comparison reads (−1 for the transition's when it has none). */
  t: Readonly<TransitionSlots>;
  vacancyBaseSlot: number;
  vacancyOptionSlot: number;
  actualPay: boolean;
  leaverSlots: readonly { share: number; age: number; service: number }[];
  matchInOption: ArrayLike<number>;
  matchInBaseline: ArrayLike<number>;
  redeployedSlot: ArrayLike<number>;
  sameGradeGroups: readonly SameGradeGroup[];
  /** Profile slots, category by category, `years` each. */
  profileSlots: ArrayLike<number>;
  rampSlots: readonly number[];
  rateSlotByYear: ArrayLike<number>;
}

export type ComparisonEvaluator = (base: ModelState, opt: ModelState, baseInputs: Float64Array, p: Float64Array, state: ComparisonState) => void;

/** The straight-line comparison (transition and appraisal) for a plan, or null where code cannot be compiled here. */
export function straightLineComparison(plan: ComparisonPlan): ComparisonEvaluator | null {
  try {
    return straightLineCompiler.compile(["redundancyWeeksCore", "employerCostCore", "paybackCore"], comparisonSource(plan))(redundancyWeeksCore, employerCostCore, paybackCore) as ComparisonEvaluator;
  } catch {
    return null;
  }
}


/** The source: `ComparisonModel.evaluate` after the two scenarios are evaluated, unrolled over this pair's tiers, categories and years. */
export function comparisonSource(plan: ComparisonPlan): string {
  const { t, category: C } = plan;
  const lines: string[] = [];
  const emit = (line: string) => lines.push(line);
  const at = (slot: number) => `p[${slot}]`;
  emit(`return function compareStraight(base, opt, baseInputs, p, state) {`);
  emit(`state.runCostChange = opt.runCost - base.runCost;`);
  emit(`state.runCostChangeShare = base.runCost > 0 ? state.runCostChange / base.runCost : 0;`);
  emit(`state.costNeutral = Math.abs(state.runCostChange) <= ${at(t.tolerance)} * base.runCost;`);
  emit(`const categories = state.categoryTotals;`);
  for (let c = 0; c < plan.categoryCount; c++) emit(`categories[${c}] = 0;`);
  if (plan.years > 0) {
    emit(`const vacancyBase = baseInputs[${plan.vacancyBaseSlot}];`);
    emit(`const vacancyOption = ${at(plan.vacancyOptionSlot)};`);
    emit(`const multiplier = ${at(t.multiplier)};`);
    emit(`const cap = ${plan.actualPay ? "Infinity" : at(t.weeklyPayCap)};`);
    emit(`const strainAge = ${at(t.strainAge)};`);
    emit(`const strainPerSalary = ${at(t.strainPerSalary)};`);
    emit(`let weeksPerLeaver = 0;`);
    emit(`let strainShare = 0;`);
    plan.leaverSlots.forEach((g, k) => {
      emit(`const share${k} = ${at(g.share)};`);
      emit(`const age${k} = ${at(g.age)};`);
      emit(`weeksPerLeaver += share${k} * redundancyWeeksCore(age${k}, ${at(g.service)});`);
      emit(`if (age${k} >= strainAge) strainShare += share${k};`);
    });
    emit(`let redundancy = 0;`);
    emit(`let strain = 0;`);
    emit(`let redeployedTotal = 0;`);
    emit(`const baseFte = base.fte, optFte = opt.fte, baseSalary = base.salary;`);
    emit(`const deletedOf = state.deleted, holdersOf = state.holders, redeployedOf = state.redeployed, leaversOf = state.leavers, newPostsOf = state.newPosts, sameGradeOf = state.sameGrade;`);
    for (let b = 0; b < plan.matchInOption.length; b++) {
      const match = plan.matchInOption[b]!;
      emit(`{`);
      emit(`const deleted = Math.max(0, baseFte[${b}] - ${match >= 0 ? `optFte[${match}]` : "0"});`);
      emit(`deletedOf[${b}] = deleted; holdersOf[${b}] = deleted * (1 - vacancyBase); sameGradeOf[${b}] = 0;`);
      emit(`}`);
    }
    emit(`let newFilled = 0;`);
    for (let o = 0; o < plan.matchInBaseline.length; o++) {
      const match = plan.matchInBaseline[o]!;
      emit(`{`);
      emit(`const gained = Math.max(0, optFte[${o}] - ${match >= 0 ? `baseFte[${match}]` : "0"});`);
      emit(`newPostsOf[${o}] = gained;`);
      emit(`newFilled += gained * (1 - vacancyOption);`);
      emit(`}`);
    }
    // Same-grade moves (engine/transition/sameGrade.ts), grade by grade.
    for (const group of plan.sameGradeGroups) {
      emit(`{`);
      emit(`let held = 0;`);
      for (const b of group.base) emit(`held += holdersOf[${b}];`);
      emit(`let filled = 0;`);
      for (const o of group.option) emit(`filled += newPostsOf[${o}] * (1 - vacancyOption);`);
      emit(`const moves = held < filled ? held : filled;`);
      for (const b of group.base) emit(`sameGradeOf[${b}] = held > 0 ? (moves * holdersOf[${b}]) / held : 0;`);
      emit(`}`);
    }
    for (let b = 0; b < plan.matchInOption.length; b++) {
      emit(`{`);
      emit(`const holders = holdersOf[${b}];`);
      emit(`const redeployed = Math.max(holders * ${at(plan.redeployedSlot[b]!)}, sameGradeOf[${b}]);`);
      emit(`const leavers = holders - redeployed;`);
      emit(`redeployedOf[${b}] = redeployed; leaversOf[${b}] = leavers;`);
      emit(`redeployedTotal += redeployed;`);
      emit(`const salary = baseSalary[${b}];`);
      emit(`const weekly = Math.min(salary / 52, cap);`);
      emit(`redundancy += leavers * weeksPerLeaver * weekly * multiplier;`);
      emit(`strain += leavers * strainShare * strainPerSalary * salary;`);
      emit(`}`);
    }
    emit(`state.recruited = Math.max(0, newFilled - redeployedTotal);`);
    emit(`categories[${C.redundancy}] = redundancy;`);
    emit(`categories[${C.pensionStrain}] = strain;`);
    emit(`categories[${C.recruitment}] = state.recruited * ${at(t.recruitmentPerPost)};`);
    emit(`categories[${C.training}] = ${at(t.trainingPerWorker)} * opt.caseHoldingFte + ${at(t.trainingPerTeam)} * opt.teams;`);
    emit(`categories[${C.doubleRunning}] = ${at(t.doubleRunningShare)} * base.runCost * (${at(t.doubleRunningMonths)} / 12);`);
    emit(`categories[${C.systems}] = ${at(t.systems)};`);
    emit(`const programmeCost = employerCostCore(${at(t.programmeSalary)}, ${at(t.niRate)}, ${at(t.niThreshold)}, ${at(t.pensionRate)}, ${at(t.levyRate)});`);
    emit(`categories[${C.programmeTeam}] = ${at(t.programmeFte)} * programmeCost * ${at(t.programmeYears)};`);
  } else {
    emit(`state.recruited = 0;`);
  }
  // Each category spread over the years by its profile.
  const years = plan.years;
  emit(`const yearTotals = state.yearTotals;`);
  for (let y = 0; y < years; y++) emit(`yearTotals[${y}] = 0;`);
  emit(`let total = 0;`);
  for (let c = 0; c < plan.categoryCount; c++) {
    emit(`{`);
    emit(`const row = state.transition[${c}];`);
    emit(`const amount = categories[${c}];`);
    emit(`let weightSum = 0;`);
    for (let y = 0; y < years; y++) emit(`weightSum += ${at(plan.profileSlots[c * years + y]!)};`);
    for (let y = 0; y < years; y++) {
      emit(`{ const spend = weightSum > 0 ? (amount * ${at(plan.profileSlots[c * years + y]!)}) / weightSum : 0; row[${y}] = spend; yearTotals[${y}] += spend; }`);
    }
    emit(`total += amount;`);
    emit(`}`);
  }
  emit(`state.transitionTotal = total;`);
  // The retention lever's full-year saving (ComparisonModel.retentionSaving), unrolled over the option's tiers.
  emit(`let retention = 0;`);
  if (plan.years > 0) {
    emit(`{`);
    emit(`const turnoverCut = -${at(t.turnoverChange)}; const vacancyCut = -${at(t.vacancyChange)};`);
    emit(`const v = ${at(plan.vacancyOptionSlot)}; const cover = ${at(t.agencyCoverShare)}; const premium = ${at(t.agencyPremium)}; const overheads = ${at(t.overheadsPerFte)};`);
    emit(`const niRate = ${at(t.niRate)}; const niThreshold = ${at(t.niThreshold)}; const pensionRate = ${at(t.pensionRate)}; const levyRate = ${at(t.levyRate)};`);
    emit(`let inPost = 0; let premiumAll = 0; let payAll = 0; const optFte = opt.fte, optSalary = opt.salary;`);
    for (let o = 0; o < plan.matchInBaseline.length; o++) {
      emit(`{ const fte = optFte[${o}]; const salary = optSalary[${o}]; const onCost = salary + (salary > niThreshold ? niRate * (salary - niThreshold) : 0) + pensionRate * salary;`);
      emit(`inPost += fte * (1 - v); premiumAll += fte * cover * premium * onCost; payAll += fte * ((1 - cover) * (onCost + levyRate * salary + overheads) + cover * levyRate * salary); }`);
    }
    emit(`const turnover = ${t.turnover >= 0 ? at(t.turnover) : "0"};`);
    emit(`state.retentionRecruitment = turnover * turnoverCut * inPost * ${at(t.recruitmentPerPost)};`);
    emit(`state.retentionPremium = v * vacancyCut * premiumAll;`);
    emit(`state.retentionPay = v * vacancyCut * payAll;`);
    emit(`retention = state.retentionRecruitment + state.retentionPremium - state.retentionPay;`);
    emit(`}`);
  } else {
    emit(`state.retentionRecruitment = state.retentionPremium = state.retentionPay = 0;`);
  }
  emit(`const phaseIn = ${plan.years > 0 ? at(t.phaseInYears) : "1"};`);
  // The demand lever's cashable benefit (ComparisonModel.compareGeneral).
  emit(`const children = ${t.childrenLookedAfter >= 0 ? at(t.childrenLookedAfter) : "0"};`);
  emit(`const unitCost = ${t.childrenLookedAfter >= 0 && t.lookedAfterSpend >= 0 ? `children > 0 ? ${at(t.lookedAfterSpend)} / children : 0` : "0"};`);
  emit(`const benefit = ${plan.years > 0 ? `children * -${at(t.lookedAfterChange)} * unitCost` : "0"};`);
  emit(`const demandPhaseIn = ${plan.years > 0 ? at(t.demandPhaseInYears) : "1"};`);
  emit(`state.lookedAfterUnitCost = unitCost; state.benefitFullYear = benefit; state.demandPhaseIn = demandPhaseIn;`);
  // The children held (engine/workforce/childrenHeld.ts): a share the council does not state moves with the other children in need.
  if (plan.years > 0) {
    const parts = [[t.onPlanShare, t.onPlanChange], [t.lookedAfterShare, t.lookedAfterChange]].filter(([share]) => share! >= 0);
    const rest = ["1", ...parts.map(([share]) => at(share!))].join(" - ");
    emit(`state.childrenHeldChange = ${parts.map(([share, own]) => `${at(share!)} * ${at(own!)} + `).join("")}(${rest}) * ${at(t.inNeedChange)};`);
  } else {
    emit(`state.childrenHeldChange = 0;`);
  }
  emit(`let npvWithBenefits = 0;`);
  emit(`const cashBenefit = state.cashBenefit;`);
  // Appraisal.
  emit(`const growth = (1 + ${at(t.futurePayAward)}) / (1 + ${at(t.gdpDeflator)});`);
  emit(`const bias = 1 + ${at(t.optimismBias)};`);
  emit(`const runBias = ${at(t.optimismBiasRunCost)};`);
  emit(`let factor = 1;`);
  for (let k = 1; k <= plan.offset; k++) emit(`factor /= 1 + ${at(plan.rateSlotByYear[k]!)};`);
  emit(`let real = 1;`);
  emit(`let npv = 0;`);
  emit(`const cashTransition = state.cashTransition, cashRunCost = state.cashRunCost, cashRunCostBias = state.cashRunCostBias, cashRetention = state.cashRetention, cashAmount = state.cashAmount, discount = state.discount, presentValue = state.presentValue;`);
  emit(`const runCostChange = state.runCostChange;`);
  for (let y = 0; y < plan.horizon; y++) {
    emit(`{`);
    if (y > 0) {
      emit(`real *= growth;`);
      emit(`factor /= 1 + ${at(plan.rateSlotByYear[plan.offset + y]!)};`);
    }
    const ramp = y < years ? at(plan.rampSlots[y]!) : "1";
    const spend = y < years ? `yearTotals[${y}] * bias` : "0";
    emit(`const spend = ${spend};`);
    emit(`const runChange = runCostChange * ${ramp} * real;`);
    emit(`const runChangeBias = runBias * Math.abs(runChange);`);
    emit(`const phased = retention * Math.min(1, ${y + 1} / phaseIn) * real;`);
    emit(`const kept = phased - runBias * Math.abs(phased);`);
    emit(`cashTransition[${y}] = spend; cashRunCost[${y}] = runChange; cashRunCostBias[${y}] = runChangeBias; cashRetention[${y}] = kept;`);
    emit(`const amount = -(spend + runChange + runChangeBias) + kept;`);
    emit(`cashAmount[${y}] = amount; discount[${y}] = factor;`);
    emit(`const present = amount * factor;`);
    emit(`presentValue[${y}] = present;`);
    emit(`npv += present;`);
    emit(`const phasedBenefit = benefit * Math.min(1, ${y + 1} / demandPhaseIn);`);
    emit(`const keptBenefit = phasedBenefit - runBias * Math.abs(phasedBenefit);`);
    emit(`cashBenefit[${y}] = keptBenefit;`);
    emit(`npvWithBenefits += (amount + keptBenefit) * factor;`);
    emit(`}`);
  }
  emit(`state.npv = npv;`);
  emit(`state.npvWithBenefits = npvWithBenefits;`);
  emit(`const payback = paybackCore(cashAmount, ${plan.horizon});`);
  emit(`state.payback = payback === null ? -1 : payback;`);
  emit(`};`);
  return lines.join("\n");
}
