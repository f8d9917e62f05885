import { DomainError } from "../errors.js";

/**
 * The workforce over time: a corkscrew per tier, month by month, against the establishment (the posts a
 * structure sizes). Each month, for each tier:
 *
 *   closing in post = opening − leavers − redeployed out + redeployed in + starters − redundancies
 *
 * - The establishment moves from the baseline's posts to the option's along the transition's ramp (the
 *   share of the new structure in place at the end of each year, straight between year ends).
 * - The council runs at its vacancy rate: a tier aims to have its establishment × (1 − vacancy rate) in
 *   post, and a share of its vacant posts is covered by agency workers.
 * - Leavers are the turnover rate's twelfth of those in post each month.
 * - A tier with more in post than it aims for (a post that will go) recruits no one (a vacancy freeze):
 *   its leavers shrink the surplus by natural wastage. Surplus holders may move to tiers short of staff
 *   before anyone is recruited, up to the tier's redeployable share (the transition's redeployed share)
 *   of the filled posts it has lost so far.
 * - A tier short of staff replaces its leavers as they go (the vacancy rate already counts posts being
 *   filled) and fills any further gap at one `monthsToFill`th a month, all tiers' starters together
 *   held within the council's recruitment capacity (starters a year ÷ 12), shared in proportion to need.
 * - In `redundancyMonth`, the surplus holders still in post are made redundant.
 *
 * A structure that does not change, with turnover replaced month by month, stays at its snapshot every
 * month: the flows are a view over time that agrees with the snapshot when nothing changes.
 */

export interface FlowTier {
  id: string;
  name: string;
  /** Posts in the baseline (0 for a tier the baseline lacks). */
  from: number;
  /** Posts in the option (0 for a tier the option deletes). */
  to: number;
  holdsCases: boolean;
  /** Share of surplus holders who can be redeployed to tiers short of staff. */
  redeployable: number;
}

export interface FlowSettings {
  /** Months to run (the appraisal horizon × 12). */
  months: number;
  /** Share of the new structure in place at the end of each transition year; after the last, all of it. */
  ramp: readonly number[];
  /** Leavers in a year ÷ FTE in post. */
  turnoverRate: number;
  vacancyRate: number;
  agencyCoverShare: number;
  /** Starters the council can recruit in a year, all tiers together; Infinity for no limit. */
  startersPerYear: number;
  /** Months to fill a gap beyond the posts turnover vacates (a month's share of the gap is 1 ÷ this). */
  monthsToFill: number;
  /** The month (0-based) in which surplus holders still in post are made redundant. */
  redundancyMonth: number;
  /** Children open to social care, for the caseload at work each month. */
  children: number;
}

export interface FlowMonth {
  /** Per tier, in the order given. */
  establishment: number[];
  opening: number[];
  leavers: number[];
  redeployedOut: number[];
  redeployedIn: number[];
  starters: number[];
  redundancies: number[];
  closing: number[];
  /** Posts without anyone employed in them at the month's end: max(0, establishment − closing). */
  vacancies: number[];
  /** Vacancies covered by agency workers. */
  agency: number[];
  /** Children ÷ case-holders at work (employed and agency) at the month's end; null when none are. */
  caseloadAtWork: number | null;
}

export interface Flows {
  tiers: { id: string; name: string; holdsCases: boolean }[];
  months: FlowMonth[];
  /** The first month (1-based count of months) by whose end every tier has at least its aim in post, or null. */
  monthsToFullStaffing: number | null;
}

/** The establishment of a tier in month m: the ramp's share of the move made by the end of the month. */
export function rampAt(ramp: readonly number[], m: number): number {
  if (ramp.length === 0) return 1;
  const year = Math.floor(m / 12);
  if (year >= ramp.length) return 1;
  const before = year === 0 ? 0 : ramp[year - 1]!;
  const after = ramp[year]!;
  return before + ((after - before) * ((m % 12) + 1)) / 12;
}

function check(settings: FlowSettings): void {
  const bad = (field: string, reason: string) => {
    throw new DomainError(field, reason);
  };
  if (!Number.isInteger(settings.months) || settings.months < 1 || settings.months > 1200) bad("months", `must be a whole number from 1 to 1200, got ${settings.months}`);
  for (const [k, v] of [["turnoverRate", settings.turnoverRate], ["vacancyRate", settings.vacancyRate], ["agencyCoverShare", settings.agencyCoverShare]] as const) {
    if (!(v >= 0 && v <= 1)) bad(k, `must be a share from 0 to 1, got ${v}`);
  }
  if (settings.vacancyRate >= 1) bad("vacancyRate", "must be below 1: no one would be in post");
  if (!(settings.startersPerYear >= 0)) bad("startersPerYear", `must be at least 0, got ${settings.startersPerYear}`);
  if (!(settings.monthsToFill >= 1)) bad("monthsToFill", `must be at least 1 month, got ${settings.monthsToFill}`);
  if (!Number.isInteger(settings.redundancyMonth) || settings.redundancyMonth < 0) bad("redundancyMonth", `must be a whole number of months from 0, got ${settings.redundancyMonth}`);
  if (!(settings.children >= 0)) bad("children", `must be at least 0, got ${settings.children}`);
}

export function workforceFlows(tiers: readonly FlowTier[], settings: FlowSettings): Flows {
  check(settings);
  const n = tiers.length;
  const v = settings.vacancyRate;
  const monthlyTurnover = settings.turnoverRate / 12;
  const capacity = settings.startersPerYear / 12;
  let inPost = tiers.map((t) => t.from * (1 - v));
  // Holders who may still be redeployed: each tier's redeployable share of the filled posts it has lost so far, less those moved.
  let aimBefore = tiers.map((t) => t.from * (1 - v));
  const pool = tiers.map(() => 0);
  const months: FlowMonth[] = [];
  let full: number | null = null;
  for (let m = 0; m < settings.months; m++) {
    const share = rampAt(settings.ramp, m);
    const establishment = tiers.map((t) => t.from + (t.to - t.from) * share);
    const aim = establishment.map((e) => e * (1 - v));
    const opening = inPost;
    const leavers = opening.map((x) => x * monthlyTurnover);
    const afterLeavers = opening.map((x, i) => x - leavers[i]!);
    const surplus = afterLeavers.map((x, i) => Math.max(0, x - aim[i]!));
    const gap = afterLeavers.map((x, i) => Math.max(0, aim[i]! - x));
    // Redeployment: surplus holders who can move (within the tier's redeployable share of the filled
    // posts it has lost), shared across the tiers short of staff.
    for (let i = 0; i < n; i++) pool[i]! += tiers[i]!.redeployable * Math.max(0, aimBefore[i]! - aim[i]!);
    aimBefore = aim;
    const movable = surplus.map((s, i) => Math.min(s, pool[i]!));
    const movableTotal = movable.reduce((a, b) => a + b, 0);
    const gapTotal = gap.reduce((a, b) => a + b, 0);
    const moved = Math.min(movableTotal, gapTotal);
    const redeployedOut = movable.map((x) => (movableTotal > 0 ? (moved * x) / movableTotal : 0));
    const redeployedIn = gap.map((g) => (gapTotal > 0 ? (moved * g) / gapTotal : 0));
    for (let i = 0; i < n; i++) pool[i]! -= redeployedOut[i]!;
    // Starters: a tier short of staff replaces its leavers and fills the rest of its gap over monthsToFill.
    const wanted = gap.map((g, i) => {
      if (g <= 0) return 0;
      const left = g - redeployedIn[i]!;
      return Math.min(left, leavers[i]!) + Math.max(0, left - leavers[i]!) / settings.monthsToFill;
    });
    const wantedTotal = wanted.reduce((a, b) => a + b, 0);
    const scale = wantedTotal > capacity ? capacity / wantedTotal : 1;
    const starters = wanted.map((w) => w * scale);
    // Redundancy: in the chosen month, the surplus still in post after redeployment.
    const redundancies = surplus.map((s, i) => (m === settings.redundancyMonth ? s - redeployedOut[i]! : 0));
    const closing = opening.map((x, i) => x - leavers[i]! - redeployedOut[i]! + redeployedIn[i]! + starters[i]! - redundancies[i]!);
    const vacancies = establishment.map((e, i) => Math.max(0, e - closing[i]!));
    const agency = vacancies.map((x) => x * settings.agencyCoverShare);
    let atWork = 0;
    for (let i = 0; i < n; i++) if (tiers[i]!.holdsCases) atWork += closing[i]! + agency[i]!;
    months.push({
      establishment,
      opening,
      leavers,
      redeployedOut,
      redeployedIn,
      starters,
      redundancies,
      closing,
      vacancies,
      agency,
      caseloadAtWork: atWork > 0 ? settings.children / atWork : null,
    });
    // fully staffed once every tier has its aim in post (to a thousandth of an FTE), after the ramp is complete
    if (full === null && share === 1 && closing.every((x, i) => x >= aim[i]! - 1e-3)) full = m + 1;
    inPost = closing;
  }
  return { tiers: tiers.map((t) => ({ id: t.id, name: t.name, holdsCases: t.holdsCases })), months, monthsToFullStaffing: full };
}

/** A year of the flows: flows added over its months, stocks at its last month, agency averaged. */
export interface FlowYear {
  index: number;
  establishment: number[];
  closing: number[];
  vacancies: number[];
  agencyAverage: number[];
  leavers: number[];
  starters: number[];
  redeployedIn: number[];
  redeployedOut: number[];
  redundancies: number[];
}

export function flowsByYear(flows: Flows): FlowYear[] {
  const years: FlowYear[] = [];
  const n = flows.tiers.length;
  for (let y = 0; y * 12 < flows.months.length; y++) {
    const months = flows.months.slice(y * 12, y * 12 + 12);
    const last = months[months.length - 1]!;
    const add = (pick: (m: FlowMonth) => number[]) => Array.from({ length: n }, (_, i) => months.reduce((s, m) => s + pick(m)[i]!, 0));
    years.push({
      index: y,
      establishment: last.establishment,
      closing: last.closing,
      vacancies: last.vacancies,
      agencyAverage: add((m) => m.agency).map((x) => x / months.length),
      leavers: add((m) => m.leavers),
      starters: add((m) => m.starters),
      redeployedIn: add((m) => m.redeployedIn),
      redeployedOut: add((m) => m.redeployedOut),
      redundancies: add((m) => m.redundancies),
    });
  }
  return years;
}
