import type { FlowSettings, FlowTier } from "../../engine/index.js";

/** Flow settings small enough to work by hand: no turnover, vacancy or agency, no limit on starters, a month to fill. */
export const settings = (over: Partial<FlowSettings> = {}): FlowSettings => ({
  months: 24,
  ramp: [],
  turnoverRate: 0,
  vacancyRate: 0,
  agencyCoverShare: 0,
  startersPerYear: Infinity,
  monthsToFill: 1,
  redundancyMonth: 0,
  children: 100,
  ...over,
});

/** A tier of the flows with `from` posts before and `to` after, holding no cases, redeploying no one. */
export const tier = (id: string, from: number, to: number, over: Partial<FlowTier> = {}): FlowTier => ({ id, name: id, from, to, holdsCases: false, redeployable: 0, ...over });
