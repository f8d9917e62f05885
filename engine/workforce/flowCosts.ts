import type { FlowBuffers } from "./flows.js";

/**
 * What the move costs while the workforce moves, from the flows, month by month: the transition's
 * workforce categories when a scenario asks for them from the flows (`transition.workforce.fromFlows`).
 *
 * The run cost already pays each tier's posts as they are established, staffed at the council's usual
 * vacancy rate with its usual agency cover (the snapshot's rule, applied to the ramp). Against that:
 *
 * - double running: holders of posts that are going, still in post above their tier's aim (the posts
 *   established × (1 − vacancy rate)), each at the employed cost of the post (pay, NI, pension, levy,
 *   overheads) for the month;
 * - agency bridging: agency workers covering vacancies beyond the usual (the new posts not yet filled),
 *   each at the agency premium on the employed cost (pay, NI, pension) for the month: the rest of their
 *   cost is the post's, which the run cost pays;
 * - recruitment: starters beyond those replacing the month's leavers (replacing leavers is the usual
 *   business of any year) and beyond the agency workers who took the post (no advert, no interviews),
 *   each at the recruitment cost per post;
 * - redundancy and pension strain: the holders made redundant, at the redundancy pay and strain of an
 *   average leaver of their tier.
 *
 * Pay not spent on new posts not yet filled (less the base cost of the agency workers covering them)
 * is worked out and shown beside the transition, not set against it: a council may bank the underspend,
 * but the families in those posts' caseloads are seen by fewer workers meanwhile.
 *
 * Each month's cost falls in its transition year; costs after the last transition year (a slow
 * recruitment's tail) are counted in the last year, so the transition holds all of them.
 */

/** A year's cost of one FTE of each tier (the flows' tier order). */
export interface FlowUnitCosts {
  /** Employed: pay, employer NI, pension, apprenticeship levy and overheads. */
  employed: Float64Array;
  /** An agency worker's base: pay, NI and pension of the post, and overheads. */
  agencyBase: Float64Array;
  /** The agency premium on one agency FTE: premium × (pay + NI + pension). */
  agencyPremium: Float64Array;
  /** Redundancy pay of one FTE made redundant (the average leaver's weeks × a week's pay × multiplier). */
  redundancy: Float64Array;
  /** Pension strain of one FTE made redundant (share old enough × strain per salary × salary). */
  strain: Float64Array;
}

/** The flows' costs by transition year, and the counts behind them. */
export class FlowCosts {
  readonly doubleRunning: Float64Array;
  readonly agencyBridging: Float64Array;
  readonly recruitment: Float64Array;
  readonly redundancy: Float64Array;
  readonly pensionStrain: Float64Array;
  /** Per month: what the workforce in post and agency cover cost that month (pay, NI, pension, levy, overheads, agency premium), £. */
  readonly paidByMonth: Float64Array;
  /** Per tier: FTE recruited beyond the replacement of leavers, redeployed out, made redundant. */
  readonly recruited: Float64Array;
  readonly redeployedOut: Float64Array;
  readonly redundant: Float64Array;
  /** Pay not spent on posts short of their aim, less the base cost of the extra agency cover, £ (all months). */
  unfilledPayNotSpent = 0;
  /** Agency FTE-months beyond the usual cover, added over the months. */
  extraAgencyFteMonths = 0;
  /** Starters who were agency workers taking the post, FTE over all months. */
  convertedFromAgency = 0;

  constructor(years: number, tiers: number, months: number) {
    this.paidByMonth = new Float64Array(months);
    this.doubleRunning = new Float64Array(years);
    this.agencyBridging = new Float64Array(years);
    this.recruitment = new Float64Array(years);
    this.redundancy = new Float64Array(years);
    this.pensionStrain = new Float64Array(years);
    this.recruited = new Float64Array(tiers);
    this.redeployedOut = new Float64Array(tiers);
    this.redundant = new Float64Array(tiers);
  }
}

/** The rules above over the flows in `f`, into `out` (whose years are the transition's, at least one). */
export function flowCostsCore(f: FlowBuffers, unit: FlowUnitCosts, vacancyRate: number, agencyCoverShare: number, recruitmentPerPost: number, monthsToFill: number, agencyConversion: number, out: FlowCosts): void {
  const fillShare = 1 / monthsToFill;
  const convertShare = (agencyCoverShare * agencyConversion) / 12;
  const n = f.n;
  const years = out.doubleRunning.length;
  const { doubleRunning, agencyBridging, recruitment, redundancy, pensionStrain, recruited, redeployedOut, redundant } = out;
  for (let y = 0; y < years; y++) {
    doubleRunning[y] = 0;
    agencyBridging[y] = 0;
    recruitment[y] = 0;
    redundancy[y] = 0;
    pensionStrain[y] = 0;
  }
  for (let i = 0; i < n; i++) {
    recruited[i] = 0;
    redeployedOut[i] = 0;
    redundant[i] = 0;
  }
  let notSpent = 0;
  let extraAgency = 0;
  let convertedTotal = 0;
  const usualCover = vacancyRate * agencyCoverShare;
  // Months after a steady state cost the transition nothing and pay the steady month's cost (flowsCore).
  for (let m = 0; m < f.monthsRun; m++) {
    const year = Math.floor(m / 12);
    const y = year < years ? year : years - 1;
    const at = m * n;
    let surplusCost = 0;
    let bridging = 0;
    let recruits = 0;
    let redundancyPay = 0;
    let strain = 0;
    let paid = 0;
    for (let i = 0; i < n; i++) {
      const k = at + i;
      paid += f.closing[k]! * unit.employed[i]! + f.agency[k]! * (unit.agencyBase[i]! + unit.agencyPremium[i]!);
      const e = f.establishment[k]!;
      const aim = e * (1 - vacancyRate);
      const inPost = f.closing[k]!;
      const agencyOver = f.agency[k]! - e * usualCover;
      if (inPost > aim) surplusCost += (inPost - aim) * unit.employed[i]!;
      else notSpent += (aim - inPost) * unit.employed[i]!;
      if (agencyOver > 0) {
        bridging += agencyOver * unit.agencyPremium[i]!;
        notSpent -= agencyOver * unit.agencyBase[i]!;
        extraAgency += agencyOver;
      }
      convertedTotal += f.converted[k]!;
      const beyond = f.starters[k]! - f.leavers[k]! - f.converted[k]!;
      if (beyond > 0) {
        recruits += beyond;
        recruited[i]! += beyond;
      }
      const gone = f.redundancies[k]!;
      if (gone !== 0) {
        redundancyPay += gone * unit.redundancy[i]!;
        strain += gone * unit.strain[i]!;
        redundant[i]! += gone;
      }
      redeployedOut[i]! += f.redeployedOut[k]!;
    }
    out.paidByMonth[m] = paid / 12;
    doubleRunning[y]! += surplusCost / 12;
    agencyBridging[y]! += bridging / 12;
    recruitment[y]! += recruits * recruitmentPerPost;
    redundancy[y]! += redundancyPay;
    pensionStrain[y]! += strain;
  }
  // The tail after the months run (flowsCore): each tier's shortfall δ shrinks by r a month, so its
  // costs are geometric sums. Every tail month falls after the ramp, in the last transition year.
  const tail = f.months - f.monthsRun;
  if (tail > 0) {
    const last = (f.monthsRun - 1) * n;
    const r = (1 - convertShare) * (1 - fillShare);
    // Σ r^j for j = 1 … tail (the shortfalls at the tail months' ends) and j = 0 … tail − 1 (at their starts)
    let power = 1;
    let atEnds = 0;
    for (let j = 1; j <= tail; j++) {
      power *= r;
      atEnds += power;
    }
    const atStarts = 1 + atEnds - power;
    let steadyPaid = 0;
    let shortPaid = 0;
    for (let i = 0; i < n; i++) {
      const e = f.establishment[last + i]!;
      const aim = e * (1 - vacancyRate);
      const short = aim > f.closing[last + i]! ? aim - f.closing[last + i]! : 0;
      const agencyEach = unit.agencyBase[i]! + unit.agencyPremium[i]!;
      steadyPaid += aim * unit.employed[i]! + e * usualCover * agencyEach;
      shortPaid += short * (unit.employed[i]! - agencyCoverShare * agencyEach);
      agencyBridging[years - 1]! += (short * atEnds * agencyCoverShare * unit.agencyPremium[i]!) / 12;
      // of a month's opening shortfall s, c × s converts from agency and (1 − c) × s ÷ monthsToFill is recruited
      const recruits = short * (1 - convertShare) * fillShare * atStarts;
      recruitment[years - 1]! += recruits * recruitmentPerPost;
      recruited[i]! += recruits;
      convertedTotal += short * convertShare * atStarts;
      notSpent += short * atEnds * (unit.employed[i]! - agencyCoverShare * unit.agencyBase[i]!);
      extraAgency += short * atEnds * agencyCoverShare;
    }
    let shrink = 1;
    for (let m = f.monthsRun; m < f.months; m++) {
      shrink *= r;
      out.paidByMonth[m] = (steadyPaid - shortPaid * shrink) / 12;
    }
  }
  out.unfilledPayNotSpent = notSpent / 12;
  out.extraAgencyFteMonths = extraAgency;
  out.convertedFromAgency = convertedTotal;
}
