import { runScenario } from "../model/result.js";
import { ScenarioError } from "../errors.js";
import type { Scenario } from "../scenario/types.js";
import { DEFAULT_MONTHS_TO_FILL } from "../scenario/validate.js";
import { isSocialWork, workforceFlows, type FlowTier, type Flows } from "./flows.js";
import { childrenHeldChange } from "./childrenHeld.js";
import { redeployableShare, sameGradeCore, sameGradeGroups } from "../transition/sameGrade.js";

/** The flows' own assumptions, in place of the option's transition.workforce settings. */
export interface FlowOptions {
  /** Months to fill a gap beyond the posts turnover vacates (default: the option's transition.workforce.monthsToFill, else 3). */
  monthsToFill?: number;
  /** The month (0-based) in which surplus holders still in post are made redundant (default: the option's transition.workforce.redundancyMonth, else the transition's last). */
  redundancyMonth?: number;
}

export { DEFAULT_MONTHS_TO_FILL };

/**
 * The workforce flows of a scenario (a steady state: its posts do not change) or of the move from a
 * baseline to an option (on one council and price base: rebase first), over the option's appraisal
 * horizon, from the option's council's turnover, starters, vacancy and agency cover and its
 * transition's ramp, redeployed shares, other staff's turnover, agency conversion and its retention and
 * demand levers (a move only: a steady state has no levers).
 */
export function scenarioFlows(option: Scenario, baseline?: Scenario, options: FlowOptions = {}): Flows {
  const council = option.council;
  if (council.turnoverRate === undefined) {
    throw new ScenarioError([{ path: "council.turnoverRate", reason: `${council.name} states no turnover rate, which the workforce flows need (a published council has it; give it as a share of FTE in post)` }]);
  }
  const to = runScenario(option);
  const from = baseline ? runScenario(baseline) : to;
  const transition = option.transition;
  const moving = baseline !== undefined && transition !== null;
  const years = moving ? transition!.years : 0;
  // a deleted tier may redeploy its share typed in, or its same-grade moves' share of its holders if more
  const holders = from.structure.tiers.map((t) => Math.max(0, t.fte - (to.structure.tiers.find((x) => x.id === t.id)?.fte ?? 0)) * (1 - (baseline ?? option).council.vacancyRate));
  const sameGrade = new Float64Array(from.structure.tiers.length);
  if (moving) {
    const newPosts = to.structure.tiers.map((t) => Math.max(0, t.fte - (from.structure.tiers.find((x) => x.id === t.id)?.fte ?? 0)));
    sameGradeCore(sameGradeGroups(baseline!.structure.tiers, option.structure.tiers), holders, newPosts, option.council.vacancyRate, sameGrade);
  }
  const redeployable = (id: string, b: number) => redeployableShare(transition ? (transition.redeployed[id] ?? transition.redeployedDefault ?? 0) : 0, sameGrade[b]!, holders[b]!);
  const socialWorkTurnover = council.turnoverRate;
  const turnoverOf = (role: string) => (isSocialWork(role) ? socialWorkTurnover : socialWorkTurnover * (transition?.workforce.otherTurnover ?? 1));
  const roleOf = (id: string, fallback: string) => (option.structure.tiers.find((x) => x.id === id) ?? { role: fallback }).role;
  const tiers: FlowTier[] = [];
  const seen = new Set<string>();
  for (const [b, t] of from.structure.tiers.entries()) {
    const match = to.structure.tiers.find((x) => x.id === t.id);
    const role = roleOf(t.id, (baseline ?? option).structure.tiers.find((x) => x.id === t.id)!.role);
    tiers.push({ id: t.id, name: t.name, from: t.fte, to: match ? match.fte : 0, holdsCases: t.holdsCases, redeployable: redeployable(t.id, b), turnoverRate: turnoverOf(role) });
    seen.add(t.id);
  }
  for (const t of to.structure.tiers) {
    if (!seen.has(t.id)) tiers.push({ id: t.id, name: t.name, from: 0, to: t.fte, holdsCases: t.holdsCases, redeployable: 0, turnoverRate: turnoverOf(roleOf(t.id, "practitioner")) });
  }
  const retention = moving ? transition!.retention : undefined;
  const demand = moving ? transition!.demand : undefined;
  return workforceFlows(tiers, {
    months: option.finance.appraisal.horizonYears * 12,
    ramp: moving ? transition!.ramp : [],
    turnoverRate: council.turnoverRate,
    vacancyRate: council.vacancyRate,
    agencyCoverShare: council.agencyCoverShare,
    startersPerYear: council.startersPerYear ?? Infinity,
    monthsToFill: options.monthsToFill ?? transition?.workforce.monthsToFill ?? DEFAULT_MONTHS_TO_FILL,
    redundancyMonth: options.redundancyMonth ?? (moving ? transition!.workforce.redundancyMonth : Math.max(0, years * 12 - 1)),
    children: council.children,
    turnoverChange: retention?.turnoverChange ?? 0,
    turnoverPhaseYears: retention?.phaseInYears ?? 1,
    agencyConversion: transition?.workforce.agencyConversion ?? 0,
    childrenChange: demand ? childrenHeldChange(council, demand).change : 0,
    childrenPhaseYears: demand?.phaseInYears ?? 1,
  });
}
