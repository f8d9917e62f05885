import { ScenarioError, UnknownNameError, type Issue } from "../errors.js";
import { checkExpression, ExpressionProblem, expressionNames } from "../expression/expression.js";
import { closeMatches } from "../names.js";
import { addYears, yearsBetween } from "../years.js";
import { apprenticeshipLevyRates, employerNiFor, employerNiYears, greenBookSchedule, redundancyCapFor, redundancyCapYears } from "./rates.js";
import { markValidated } from "./snapshot.js";
import { RESERVED_QUANTITIES, scenarioSpec } from "./schema.js";
import { read, Walk } from "./spec.js";
import { TIME_USE_SHARES, type Finance, type Scenario, type Tier, type TierRole, type Transition } from "./types.js";
import { checkUncertainInputs } from "../uncertainty/uncertainInputs.js";
import { managementLayers } from "../structure/layers.js";
import { payAwardCore } from "../costs/payAward.js";

export interface ValidateOptions {
  /** The scenario's id when the input has none (a preset's id, a file's name). */
  id?: string;
  /** Where bare numbers came from, for the trace (a file's path, "override"). */
  defaultSource?: string;
}

/** Sums of shares may differ from 1 by this much (rounding in a file written by hand). */
const SHARE_SUM_TOLERANCE = 1e-6;

/**
 * Checks a scenario input (extends already resolved) and returns the validated scenario, or throws a
 * ScenarioError listing every problem as path and reason.
 */
export function validateInput(input: unknown, options: ValidateOptions = {}): Scenario {
  const walk = new Walk(options.defaultSource ? { source: options.defaultSource } : undefined);
  const plain = read(scenarioSpec, input, walk) as Record<string, any> | undefined;
  const issues = walk.allIssues;
  if (plain && issues.length === 0) {
    checkTiers(plain, issues);
    checkTimeUse(plain, issues);
    checkQuantitiesStated(plain, issues);
    checkCouncil(plain, issues);
    applyRateDefaults(plain, walk.allSources, issues);
    checkFinance(plain, issues);
    if (plain.transition) checkTransition(plain, issues);
    if (plain.transition && issues.length === 0) applyWorkforceDefaults(plain, walk.allSources, issues);
    if (plain.transition && issues.length === 0) carryTransitionMoney(plain, walk.allSources, walk.allDistributions, issues);
    checkUncertainInputs(walk.allDistributions, plain.correlations ?? [], new Set([...walk.allNumberKeys, ...Object.keys(walk.allSources)]), issues);
  }
  if (issues.length > 0 || !plain) throw new ScenarioError(issues.length ? withTierIds(issues, input) : [{ path: "", reason: "is empty" }]);
  const scenario = assemble(plain, walk.allSources, options);
  if (Object.keys(walk.allDistributions).length > 0) scenario.distributions = walk.allDistributions;
  if (plain.correlations?.length) scenario.correlations = plain.correlations;
  return markValidated(scenario);
}

/**
 * Names the tier an issue is in. A path counts tiers in the merged list (a file that extends a preset
 * and changes one tier writes it as its first), so the reason says which tier it is by id.
 */
function withTierIds(issues: Issue[], input: unknown): Issue[] {
  const tiers = (input as { structure?: { tiers?: unknown } } | null)?.structure?.tiers;
  if (!Array.isArray(tiers)) return issues;
  return issues.map((issue) => {
    const m = /^structure\.tiers\[(\d+)\](\.|$)/.exec(issue.path);
    const id = m ? (tiers[Number(m[1])] as { id?: unknown } | undefined)?.id : undefined;
    if (typeof id !== "string" || issue.reason.includes(`"${id}"`)) return issue;
    return { path: issue.path, reason: `${issue.reason} (tier "${id}")` };
  });
}

function checkTiers(plain: Record<string, any>, issues: Issue[]): void {
  const tiers = plain.structure.tiers as Tier[];
  // A tier that could not be read (its problem is already listed) is left out of the checks across tiers.
  if (tiers.some((tier) => tier === undefined || tier === null)) return;
  const ids = new Map<string, number>();
  tiers.forEach((tier, i) => {
    if (ids.has(tier.id)) issues.push({ path: `structure.tiers[${i}].id`, reason: `"${tier.id}" is already the id of structure.tiers[${ids.get(tier.id)}]` });
    else ids.set(tier.id, i);
    if ((RESERVED_QUANTITIES as readonly string[]).includes(tier.id)) {
      issues.push({ path: `structure.tiers[${i}].id`, reason: `"${tier.id}" is the name of a quantity (${RESERVED_QUANTITIES.join(", ")}); choose another id` });
    }
  });
  const known = [...ids.keys()];
  tiers.forEach((tier, i) => {
    if (tier.reportsTo === null) return;
    if (tier.reportsTo === tier.id) issues.push({ path: `structure.tiers[${i}].reportsTo`, reason: "a tier cannot report to itself" });
    else if (!ids.has(tier.reportsTo)) issues.push({ path: `structure.tiers[${i}].reportsTo`, reason: unknownTier(tier.reportsTo, known) });
  });
  if (issues.length === 0) {
    const cycle = findCycle(known, (id) => {
      const reportsTo = tiers[ids.get(id)!]!.reportsTo;
      return reportsTo === null ? [] : [reportsTo];
    });
    if (cycle) issues.push({ path: "structure.tiers", reason: `reporting lines go round in a circle: ${cycle.join(" → ")}` });
  }
  if (!tiers.some((t) => t.holdsCases)) issues.push({ path: "structure.tiers", reason: "no tier holds cases; at least one must" });
  const shareSum = tiers.reduce((s, t) => s + (t.size.rule === "caseload" ? t.size.shareOfChildren : 0), 0);
  if (shareSum > 1 + SHARE_SUM_TOLERANCE) {
    issues.push({ path: "structure.tiers", reason: `the shares of children of the tiers sized by childrenPerWorker add up to ${round6(shareSum)}; they must not exceed 1` });
  }
  const teamsOf = plain.structure.teams.of as string;
  if (!ids.has(teamsOf) && teamsOf !== "caseHolders") issues.push({ path: "structure.teams.of", reason: `${unknownTier(teamsOf, known)}, or "caseHolders" for all case-holding tiers` });

  // Sizing rules: each name must exist, and the rules must not depend on each other in a circle.
  const quantities = [...RESERVED_QUANTITIES, ...known];
  const dependsOn = new Map<string, string[]>();
  tiers.forEach((tier, i) => {
    const size = tier.size;
    if (size.rule === "span") {
      if (!quantities.includes(size.of)) issues.push({ path: `structure.tiers[${i}].span.of`, reason: unknownQuantity(size.of, quantities) });
      if (size.of === tier.id) issues.push({ path: `structure.tiers[${i}].span.of`, reason: "a tier cannot be sized by its own FTE" });
      dependsOn.set(tier.id, [size.of]);
    } else if (size.rule === "expression") {
      try {
        const names = checkExpression(size.expression, quantities);
        if (names.includes(tier.id)) issues.push({ path: `structure.tiers[${i}].expression`, reason: "a tier cannot be sized by its own FTE" });
        dependsOn.set(tier.id, names);
      } catch (error) {
        if (!(error instanceof ExpressionProblem)) throw error;
        issues.push({ path: `structure.tiers[${i}].expression`, reason: `${JSON.stringify(size.expression)} ${error.message}` });
      }
    } else {
      dependsOn.set(tier.id, []);
    }
  });
  if (issues.length === 0) {
    const cycle = findCycle(known, (id) => sizingDependencies(dependsOn.get(id) ?? [], tiers, teamsOf));
    if (cycle) issues.push({ path: "structure.tiers", reason: `sizing rules depend on each other in a circle: ${cycle.join(" → ")}` });
  }
}

/** The tiers a sizing rule needs first, with quantities expanded to the tiers they are made of. */
export function sizingDependencies(names: readonly string[], tiers: readonly Tier[], teamsOf: string): string[] {
  const out = new Set<string>();
  for (const name of names) {
    if (name === "teams" && teamsOf !== "caseHolders") out.add(teamsOf);
    else if (name === "caseHolders" || name === "teams") tiers.filter((t) => t.holdsCases).forEach((t) => out.add(t.id));
    else if (name === "totalFte") tiers.forEach((t) => out.add(t.id));
    // the administration handed to support is counted per case-holding FTE
    else if (name === "administrationHours") tiers.filter((t) => t.holdsCases).forEach((t) => out.add(t.id));
    else if (name !== "children" && name !== "families" && name !== "referrals") out.add(name);
  }
  return [...out];
}

/** A circle in a directed graph, as the list of nodes round it (first repeated at the end), or null. */
function findCycle(nodes: readonly string[], next: (node: string) => string[]): string[] | null {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === "done") return null;
    if (state.get(node) === "visiting") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "visiting");
    stack.push(node);
    for (const n of next(node)) {
      const found = visit(n);
      if (found) return found;
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of nodes) {
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

/** The names a tier's sizing reads, from its span or its expression. */
function sizingNames(tier: Tier): string[] {
  if (tier.size.rule === "span") return [tier.size.of];
  if (tier.size.rule === "expression") {
    try {
      return expressionNames(tier.size.expression);
    } catch {
      return [];
    }
  }
  return [];
}

/** A tier sized by referrals needs the council's referrals; one sized by administrationHours needs administration handed over. */
function checkQuantitiesStated(plain: Record<string, any>, issues: Issue[]): void {
  const tiers = plain.structure.tiers as Tier[];
  if (tiers.some((tier) => tier === undefined || tier === null)) return;
  tiers.forEach((tier, i) => {
    const names = sizingNames(tier);
    if (names.includes("referrals") && plain.council.referralsPerYear === undefined) {
      issues.push({ path: "council.referralsPerYear", reason: `tier "${tier.id}" (structure.tiers[${i}]) is sized by referrals a year, so the council must state them` });
    }
    if (names.includes("administrationHours") && !(plain.timeUse.changes?.administrationToSupport > 0)) {
      issues.push({ path: "timeUse.changes.administrationToSupport", reason: `tier "${tier.id}" (structure.tiers[${i}]) is sized by the administration handed to support staff, so this share must be stated and above 0` });
    }
  });
}

function checkTimeUse(plain: Record<string, any>, issues: Issue[]): void {
  const time = plain.timeUse as Record<string, number>;
  const sum = TIME_USE_SHARES.reduce((s, k) => s + time[k]!, 0);
  if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
    const parts = TIME_USE_SHARES.map((k) => `${k} ${time[k]}`).join(" + ");
    issues.push({ path: "timeUse", reason: `shares must sum to 1, got ${round6(sum)} (${parts})` });
  }
  // Group supervision is part of the supervision share of the week, so it cannot be more than all of it.
  const group = time.groupSupervisionHours;
  if (group !== undefined) {
    const supervisionHoursPerMonth = time.supervision! * time.hoursPerWeek! * WEEKS_PER_MONTH;
    if (group > supervisionHoursPerMonth + SHARE_SUM_TOLERANCE) {
      issues.push({
        path: "timeUse.groupSupervisionHours",
        reason: `${group} hours a month is more than the whole supervision share of the week (${round6(time.supervision!)} × ${time.hoursPerWeek} hours × 52 ÷ 12 = ${round6(supervisionHoursPerMonth)} hours a month)`,
      });
    }
  }
}

/** Weeks in an average month (52 ÷ 12), to turn hours a week into hours a month. */
export const WEEKS_PER_MONTH = 52 / 12;

function checkCouncil(plain: Record<string, any>, issues: Issue[]): void {
  const council = plain.council as Record<string, number | undefined>;
  const cp = council.childProtectionShare;
  const la = council.lookedAfterShare;
  if (cp !== undefined && la !== undefined && cp + la > 1 + SHARE_SUM_TOLERANCE) {
    issues.push({ path: "council", reason: `the shares of children on a child protection plan (${cp}) and looked after (${la}) add up to ${round6(cp + la)}; they must not exceed 1` });
  }
}

/** Fills finance settings a scenario left out from the rates table for its year, with their sources. */
function applyRateDefaults(plain: Record<string, any>, sources: Record<string, { source?: string; assumption?: string }>, issues: Issue[]): void {
  const finance = plain.finance as Partial<Finance> & { year: string };
  if (!finance.employerNi) {
    try {
      const ni = employerNiFor(finance.year);
      finance.employerNi = { rate: ni.rate.value, threshold: ni.threshold.value };
      sources["finance.employerNi.rate"] = ni.rate.provenance;
      sources["finance.employerNi.threshold"] = ni.threshold.provenance;
    } catch (error) {
      if (!(error instanceof UnknownNameError)) throw error;
      issues.push({ path: "finance.employerNi", reason: `the rates table has no employer NI for ${finance.year} (it has ${employerNiYears().join(", ")}); set finance.employerNi` });
    }
  }
  if (!finance.apprenticeshipLevy) {
    const levy = apprenticeshipLevyRates();
    finance.apprenticeshipLevy = { rate: levy.rate.value, allowance: levy.allowance.value };
    sources["finance.apprenticeshipLevy.rate"] = levy.rate.provenance;
    sources["finance.apprenticeshipLevy.allowance"] = levy.allowance.provenance;
  }
  const appraisal = finance.appraisal as Partial<Finance["appraisal"]>;
  if (!appraisal.discountSchedule) {
    const schedule = greenBookSchedule();
    appraisal.discountSchedule = schedule.value;
    schedule.value.forEach((_, i) => {
      sources[`finance.appraisal.discountSchedule.${i}.rate`] = schedule.provenance;
      sources[`finance.appraisal.discountSchedule.${i}.fromYear`] = schedule.provenance;
    });
  }
  if (!appraisal.priceBaseYear) appraisal.priceBaseYear = finance.year;
  if (appraisal.optimismBiasRunCost === undefined) {
    appraisal.optimismBiasRunCost = 0;
    sources["finance.appraisal.optimismBiasRunCost"] ??= { assumption: "default: no optimism bias on the run cost change" };
  }
  if (!finance.salaryYear) finance.salaryYear = finance.year;
  if (!finance.payAwards) finance.payAwards = {};
  const transition = plain.transition as Partial<Transition> | undefined;
  if (transition?.redundancy && transition.redundancy.weeklyPayCap === undefined) {
    try {
      const cap = redundancyCapFor(finance.year);
      transition.redundancy.weeklyPayCap = cap.value;
      sources["transition.redundancy.weeklyPayCap"] = cap.provenance;
    } catch (error) {
      if (!(error instanceof UnknownNameError)) throw error;
      issues.push({ path: "transition.redundancy.weeklyPayCap", reason: `the rates table has no weekly pay cap for ${finance.year} (it has ${redundancyCapYears().join(", ")}); set it` });
    }
  }
}

function checkFinance(plain: Record<string, any>, issues: Issue[]): void {
  const finance = plain.finance as Finance;
  const gap = yearsBetween(finance.salaryYear, finance.year);
  for (let k = 1; k <= gap; k++) {
    const year = addYears(finance.salaryYear, k);
    if (!finance.payAwards[year]) {
      issues.push({ path: "finance.payAwards", reason: `has no award for ${year}, needed to carry salaries from ${finance.salaryYear} to ${finance.year}` });
    }
  }
  if (gap < 0) issues.push({ path: "finance.salaryYear", reason: `must not be after finance.year (${finance.year}), got "${finance.salaryYear}"` });
  if (yearsBetween(finance.appraisal.priceBaseYear, finance.year) < 0) {
    issues.push({ path: "finance.appraisal.priceBaseYear", reason: `must not be after finance.year (${finance.year}), the first year appraised, got "${finance.appraisal.priceBaseYear}"` });
  }
  const bands = finance.appraisal.discountSchedule;
  if (bands.length > 0 && bands[0]!.fromYear !== 0) issues.push({ path: "finance.appraisal.discountSchedule[0].fromYear", reason: `the first band must start at year 0, got ${bands[0]!.fromYear}` });
  for (let i = 1; i < bands.length; i++) {
    if (bands[i]!.fromYear <= bands[i - 1]!.fromYear) {
      issues.push({ path: `finance.appraisal.discountSchedule[${i}].fromYear`, reason: `must be later than the band before (${bands[i - 1]!.fromYear}), got ${bands[i]!.fromYear}` });
    }
  }
}

/** The transition's money settings: stated in `transition.priceYear` prices and carried to the costed year. */
export const TRANSITION_MONEY = ["recruitmentPerPost", "training.perWorker", "training.perTeam", "systems", "programmeTeam.salary"] as const;

/**
 * Transition money stated in an earlier year's prices (the Blueprint's, in 2019/20) is carried to the
 * costed year by the NJC pay awards as they apply to the programme team's salary: most of it pays for
 * people's time (recruiters, trainers and coaches, developers, the programme team). The values, their
 * distributions and their sources say so; the year becomes the costed year, so carrying happens once.
 */
function carryTransitionMoney(plain: Record<string, any>, sources: Record<string, { source?: string; assumption?: string }>, distributions: Record<string, any>, issues: Issue[]): void {
  const t = plain.transition as Record<string, any>;
  const finance = plain.finance as Finance;
  const from = t.priceYear as string | undefined;
  if (from === undefined || from === finance.year) {
    t.priceYear = finance.year;
    return;
  }
  const gap = yearsBetween(from, finance.year);
  // each money setting's source (or assumption) says what was done with it
  const annotate = (note: string) => {
    for (const key of TRANSITION_MONEY) {
      const full = `transition.${key}`;
      const said = sources[full];
      sources[full] = said?.source ? { ...said, source: `${said.source}; ${note}` } : { ...(said ?? {}), assumption: `${said?.assumption ?? "as stated"}; ${note}` };
    }
  };
  if (gap < 0) {
    // no pay awards run backwards: the money is used as stated
    annotate(`stated in ${from} prices and used as stated in ${finance.year}: pay awards are not run backwards`);
    t.priceYear = finance.year;
    return;
  }
  const reference = t.programmeTeam.salary as number;
  let carried = reference;
  for (let k = 1; k <= gap; k++) {
    const year = addYears(from, k);
    const award = finance.payAwards[year];
    if (!award) {
      issues.push({ path: "transition.priceYear", reason: `finance.payAwards has no award for ${year}, needed to carry the transition's money from ${from} to ${finance.year}` });
      return;
    }
    carried = payAwardCore(carried, award.flat, award.flatUpTo, award.percent);
  }
  const index = reference > 0 ? carried / reference : 1;
  annotate(`stated in ${from} prices, carried to ${finance.year} by the NJC pay awards as they apply to the programme team's salary (× ${index.toFixed(4)}; engine/scenario/validate.ts)`);
  for (const key of TRANSITION_MONEY) {
    const path = key.split(".");
    const holder = path.slice(0, -1).reduce<Record<string, any>>((o, p) => o[p], t);
    const last = path[path.length - 1]!;
    holder[last] = holder[last] * index;
    const d = distributions[`transition.${key}`];
    if (d) {
      for (const f of ["min", "mode", "max", "mean", "sd"]) if (typeof d[f] === "number") d[f] = d[f] * index;
      if (Array.isArray(d.values)) d.values = d.values.map((v: number) => v * index);
    }
  }
  t.priceYear = finance.year;
}

function checkTransition(plain: Record<string, any>, issues: Issue[]): void {
  const t = plain.transition as Transition;
  const lengths: [string, number[]][] = [
    ["transition.profile", t.profile],
    ["transition.ramp", t.ramp],
    ...Object.entries(t.categoryProfiles ?? {}).map(([k, v]): [string, number[]] => [`transition.categoryProfiles.${k}`, v!]),
  ];
  for (const [path, list] of lengths) {
    if (list.length !== t.years) issues.push({ path, reason: `must have one value for each of the ${t.years} transition years, got ${list.length}` });
  }
  for (const [path, list] of lengths.filter(([p]) => p !== "transition.ramp")) {
    if (list.reduce((s, v) => s + v, 0) <= 0) issues.push({ path, reason: "must have at least one year above 0" });
  }
  const leaverShares = t.leavers.reduce((s, g) => s + g.share, 0);
  if (Math.abs(leaverShares - 1) > SHARE_SUM_TOLERANCE) issues.push({ path: "transition.leavers", reason: `shares must sum to 1, got ${round6(leaverShares)}` });
}

/** Months to fill a post when a scenario does not say (an assumption: no published time to fill was found). */
export const DEFAULT_MONTHS_TO_FILL = 3;

/** The transition's optional parts, field by field: the value a scenario that leaves it out gets, and why. */
const TRANSITION_DEFAULTS: [part: "workforce" | "retention" | "demand", field: string, value: (t: Transition) => number | boolean, assumption: string][] = [
  ["workforce", "fromFlows", () => false, "the workforce categories from the shares typed in"],
  ["workforce", "monthsToFill", () => DEFAULT_MONTHS_TO_FILL, "three months to fill a post beyond those turnover vacates (notice, checks, induction); no published time to fill was found"],
  ["workforce", "redundancyMonth", (t) => t.years * 12 - 1, "the last month of the transition"],
  ["workforce", "otherTurnover", () => 1, "support staff and clinicians leave at the social workers' rate; the DfE publishes social workers' turnover only and no rate for children's services support staff was found"],
  ["workforce", "agencyConversion", () => 0, "no agency worker takes a permanent post"],
  ["retention", "turnoverChange", () => 0, "no change in turnover"],
  ["retention", "vacancyChange", () => 0, "no change in the vacancy rate"],
  ["retention", "phaseInYears", () => 1, "all in the first year"],
  ["demand", "lookedAfterChange", () => 0, "no change in children looked after"],
  ["demand", "inNeedChange", () => 0, "no change in other children in need"],
  ["demand", "onPlanChange", () => 0, "no change in children on a child protection plan"],
  ["demand", "phaseInYears", () => 1, "all in the first year"],
];

/**
 * The transition's workforce flows and retention and demand levers: their defaults filled in (off; three months to
 * fill a post; redundancies in the transition's last month; no change in turnover or vacancies), and
 * what costing from them needs checked.
 */
function applyWorkforceDefaults(plain: Record<string, any>, sources: Record<string, { source?: string; assumption?: string }>, issues: Issue[]): void {
  const t = plain.transition as Transition;
  for (const [part, field, value, assumption] of TRANSITION_DEFAULTS) {
    const group = ((t as unknown as Record<string, Record<string, unknown>>)[part] ??= {});
    if (group[field] !== undefined) continue;
    group[field] = value(t);
    sources[`transition.${part}.${field}`] ??= { assumption: `default: ${assumption}` };
  }
  const w = t.workforce;
  const months = (plain.finance as Finance).appraisal.horizonYears * 12;
  if (w.redundancyMonth >= months) issues.push({ path: "transition.workforce.redundancyMonth", reason: `must be a month of the ${months}-month appraisal (0 to ${months - 1}), got ${w.redundancyMonth}` });
}

/** Settings the validator fills in when a scenario leaves them out, with what the trace should say. */
function noteDefaults(plain: Record<string, any>, sources: Scenario["sources"]): void {
  const note = (key: string, assumption: string) => {
    if (!sources[key]) sources[key] = { assumption };
  };
  for (const tier of plain.structure.tiers as Tier[]) {
    const base = `structure.tiers.${tier.id}`;
    if (tier.size.rule === "span") note(`${base}.span.fte`, "default: one FTE for each span");
    if (tier.size.rule === "caseload") note(`${base}.shareOfChildren`, "default: this tier holds all the children");
  }
  note("structure.teamBudget", "default: no devolved team budgets");
  for (const tier of plain.structure.tiers as (Tier & { senior?: boolean })[]) {
    if (tier.senior === undefined) {
      note(`structure.tiers.${tier.id}.senior`, "default: managers count as senior and experienced staff, other tiers do not unless marked");
    }
  }
  note("timeUse.directPayments.shareOfFamilies", "default: no direct payments lever (no families counted)");
  note("timeUse.directPayments.hoursFreedPerCase", "default: no direct payments lever (no care-management time freed or added)");
  const changes = (plain.timeUse.changes ?? {}) as Record<string, number | undefined>;
  note("timeUse.changes.administrationToSupport", "default: no administration handed to support staff beyond the starting week");
  note("timeUse.changes.reportingCutPerLayer", "default: meetings and reporting do not change with the management layers");
  note("timeUse.changes.travelCut", "default: travel as in the starting week");
  note("timeUse.changes.supervisionChange", "default: supervision as in the starting week");
  note("timeUse.changes.freedToDirectContact", "default: every hour freed goes to direct contact");
  if (changes.managementLayersBefore === undefined) note("timeUse.changes.managementLayersBefore", "default: the starting week was measured in this structure (its own management layers)");
  note("timeUse.vulnerableCaseWeight", "default: a child protection or looked-after case takes as much time as any other (no published time-per-case ratio was found)");
}

function assemble(plain: Record<string, any>, sources: Scenario["sources"], options: ValidateOptions): Scenario {
  noteDefaults(plain, sources);
  const tiers = (plain.structure.tiers as (Omit<Tier, "role" | "senior"> & { role?: TierRole; senior?: boolean })[]).map((tier, _i, all): Tier => {
    const role = tier.role ?? (tier.holdsCases ? "practitioner" : all.some((t) => t.reportsTo === tier.id) ? "manager" : "support");
    return { ...tier, role, senior: tier.senior ?? role === "manager" };
  });
  takeCouncilCaseload(plain, tiers, sources);
  const time = plain.timeUse as Record<string, any>;
  const timeUse = {
    ...time,
    changes: {
      administrationToSupport: 0,
      managementLayersBefore: managementLayers(tiers),
      reportingCutPerLayer: 0,
      travelCut: 0,
      supervisionChange: 0,
      freedToDirectContact: 1,
      ...(time.changes ?? {}),
    },
    directPayments: { shareOfFamilies: 0, hoursFreedPerCase: 0, ...(time.directPayments ?? {}) },
    vulnerableCaseWeight: time.vulnerableCaseWeight ?? 1,
  };
  const transition = plain.transition
    ? ({ categoryProfiles: {}, redeployed: {}, ...plain.transition } as Transition)
    : null;
  return {
    id: (plain.id as string | undefined) ?? options.id ?? "scenario",
    name: plain.name,
    ...(typeof plain.shortName === "string" ? { shortName: plain.shortName } : {}),
    description: plain.description ?? "",
    council: plain.council,
    structure: { ...plain.structure, teams: { rounding: "up", ...plain.structure.teams }, teamBudget: plain.structure.teamBudget ?? 0, tiers },
    timeUse: timeUse as Scenario["timeUse"],
    finance: plain.finance,
    transition,
    sources,
  };
}

/**
 * A council baseline: a structure as the council runs it today (structure.caseloadFromCouncil) sizes its
 * case-holders by the council's own caseload, where the council states one (a published council does),
 * so the structure's tier figures stand only for a council without one.
 */
function takeCouncilCaseload(plain: Record<string, any>, tiers: Tier[], sources: Scenario["sources"]): void {
  const caseload = (plain.council as { caseload?: number }).caseload;
  if (plain.structure.caseloadFromCouncil !== true || caseload === undefined) return;
  const from = sources["council.caseload"];
  const said = from?.source ?? from?.assumption;
  tiers.forEach((tier, i) => {
    if (!tier.holdsCases || tier.size.rule !== "caseload") return;
    tiers[i] = { ...tier, size: { ...tier.size, childrenPerWorker: caseload } };
    sources[`structure.tiers.${tier.id}.childrenPerWorker`] = { source: `council.caseload, as structure.caseloadFromCouncil says${said ? `: ${said}` : ""}` };
  });
}

function unknownTier(name: string, known: string[]): string {
  const near = closeMatches(name, known);
  return `no tier has the id "${name}"${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : ""} (tiers: ${known.join(", ")})`;
}

function unknownQuantity(name: string, known: string[]): string {
  return `"${name}" is not a tier or quantity (known: ${known.join(", ")})`;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export { expressionNames };
