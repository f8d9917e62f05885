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
 * - Leavers are a twelfth of the tier's turnover rate of those in post each month (social work tiers the
 *   council's rate, other tiers theirs), changed by the retention lever as it phases in.
 * - A tier with more in post than it aims for (a post that will go) recruits no one (a vacancy freeze):
 *   its leavers shrink the surplus by natural wastage. Surplus holders may move to tiers short of staff
 *   before anyone is recruited, up to the tier's redeployable share (the transition's redeployed share)
 *   of the filled posts it has lost so far.
 * - A tier short of staff replaces its leavers as they go (the vacancy rate already counts posts being
 *   filled). Of any further gap, the agency workers bridging it (the gap × the share covered) take the
 *   post at the conversion rate's twelfth a month, and one `monthsToFill`th of what is left is recruited;
 *   recruited starters, all tiers together, are held within the council's recruitment capacity (starters
 *   a year ÷ 12), shared in proportion to need. A conversion is a starter the market need not supply.
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
  /** Leavers in a year ÷ FTE in post for this tier; the settings' turnoverRate when not given. */
  turnoverRate?: number;
}

/** The flows' rates and settings, held in one object an uncertainty analysis refills. */
export interface FlowRates {
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
  /** The retention lever: relative change in every tier's turnover once phased in. */
  turnoverChange: number;
  /** Years over which the turnover change phases in, a share more each year. */
  turnoverPhaseYears: number;
  /** Share of the agency workers bridging a gap who take the permanent post in a year. */
  agencyConversion: number;
  /** The demand lever: relative change in the children held once phased in. */
  childrenChange: number;
  /** Years over which the children's change phases in. */
  childrenPhaseYears: number;
}

/** The levers a caller may leave out, and what they are then: no change, no conversion, all in the first year. */
const LEVER_DEFAULTS = { turnoverChange: 0, turnoverPhaseYears: 1, agencyConversion: 0, childrenChange: 0, childrenPhaseYears: 1 } as const;
type Lever = keyof typeof LEVER_DEFAULTS;

export interface FlowSettings extends Omit<FlowRates, Lever>, Partial<Pick<FlowRates, Lever>> {
  /** Months to run (the appraisal horizon × 12). */
  months: number;
  /** Share of the new structure in place at the end of each transition year; after the last, all of it. */
  ramp: readonly number[];
  /** Leavers in a year ÷ FTE in post, for a tier that states none of its own. */
  turnoverRate: number;
}

export interface FlowMonth {
  /** Per tier, in the order given. */
  establishment: number[];
  opening: number[];
  leavers: number[];
  redeployedOut: number[];
  redeployedIn: number[];
  starters: number[];
  /** Of the starters, agency workers who took the permanent post. */
  converted: number[];
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

function check(settings: FlowSettings, r: FlowRates): void {
  const bad = (field: string, reason: string) => {
    throw new DomainError(field, reason);
  };
  if (!Number.isInteger(settings.months) || settings.months < 1 || settings.months > 1200) bad("months", `must be a whole number from 1 to 1200, got ${settings.months}`);
  for (const [k, v] of [["turnoverRate", settings.turnoverRate], ["vacancyRate", settings.vacancyRate], ["agencyCoverShare", settings.agencyCoverShare], ["agencyConversion", r.agencyConversion]] as const) {
    if (!(v >= 0 && v <= 1)) bad(k, `must be a share from 0 to 1, got ${v}`);
  }
  for (const [k, v] of [["turnoverChange", r.turnoverChange], ["childrenChange", r.childrenChange]] as const) {
    if (!(v >= -1 && v <= 1)) bad(k, `must be a relative change from −1 to 1, got ${v}`);
  }
  for (const [k, v] of [["turnoverPhaseYears", r.turnoverPhaseYears], ["childrenPhaseYears", r.childrenPhaseYears]] as const) {
    if (!(v >= 1)) bad(k, `must be at least 1 year, got ${v}`);
  }
  if (settings.vacancyRate >= 1) bad("vacancyRate", "must be below 1: no one would be in post");
  if (!(settings.startersPerYear >= 0)) bad("startersPerYear", `must be at least 0, got ${settings.startersPerYear}`);
  if (!(settings.monthsToFill >= 1)) bad("monthsToFill", `must be at least 1 month, got ${settings.monthsToFill}`);
  if (!Number.isInteger(settings.redundancyMonth) || settings.redundancyMonth < 0) bad("redundancyMonth", `must be a whole number of months from 0, got ${settings.redundancyMonth}`);
  if (!(settings.children >= 0)) bad("children", `must be at least 0, got ${settings.children}`);
}

/**
 * The flows of `n` tiers over `months` months in preallocated arrays, month k's figure for tier i at
 * k × n + i, so an uncertainty analysis can run them many times without allocating. workforceFlows
 * reads them out as months; the comparison model costs them (flowCosts.ts).
 */
export class FlowBuffers {
  readonly n: number;
  readonly months: number;
  readonly establishment: Float64Array;
  readonly opening: Float64Array;
  readonly leavers: Float64Array;
  readonly redeployedOut: Float64Array;
  readonly redeployedIn: Float64Array;
  readonly starters: Float64Array;
  readonly converted: Float64Array;
  readonly redundancies: Float64Array;
  readonly closing: Float64Array;
  readonly vacancies: Float64Array;
  readonly agency: Float64Array;
  /** Per month: children ÷ case-holders at work, NaN when none are. */
  readonly caseload: Float64Array;
  /** Per tier, working space of one month. */
  readonly aimBefore: Float64Array;
  readonly pool: Float64Array;
  readonly gap: Float64Array;
  readonly movable: Float64Array;
  readonly wanted: Float64Array;
  /** Months to full staffing (a count), or −1 when not within the months run. */
  monthsToFullStaffing = -1;
  /**
   * Months worked out one by one: all of them, or fewer when the flows stopped at a steady state (see
   * flowsCore's `stopWhenSteady`); the months after are that state's, month after month.
   */
  monthsRun = 0;

  constructor(n: number, months: number) {
    this.n = n;
    this.months = months;
    const grid = () => new Float64Array(n * months);
    this.establishment = grid();
    this.opening = grid();
    this.leavers = grid();
    this.redeployedOut = grid();
    this.redeployedIn = grid();
    this.starters = grid();
    this.converted = grid();
    this.redundancies = grid();
    this.closing = grid();
    this.vacancies = grid();
    this.agency = grid();
    this.caseload = new Float64Array(months);
    const row = () => new Float64Array(n);
    this.aimBefore = row();
    this.pool = row();
    this.gap = row();
    this.movable = row();
    this.wanted = row();
  }
}

/** The flows' tiers as arrays (the comparison model fills them from its compiled scenarios). */
export interface FlowTierArrays {
  from: Float64Array;
  to: Float64Array;
  holdsCases: Uint8Array;
  redeployable: Float64Array;
  /** Leavers in a year ÷ FTE in post, before the retention lever. */
  turnover: Float64Array;
}

/**
 * Practitioners and managers are social workers: they leave at the council's published turnover (the
 * DfE counts every children's social worker, managers included). Support staff and clinicians are not
 * counted there: they leave at the other staff's rate (transition.workforce.otherTurnover).
 */
export function isSocialWork(role: string): boolean {
  return role === "practitioner" || role === "manager";
}

/** The share of a lever in force in month m, phased in an equal share more each year over `years`. */
export function phasedAt(m: number, years: number): number {
  const share = (((m / 12) | 0) + 1) / years;
  return share < 1 ? share : 1;
}

/** The month from which a lever phased in over `years` is whole (the first month of its last phase-in year). */
function wholeFrom(years: number): number {
  return 12 * (Math.ceil(years) - 1);
}

/**
 * The corkscrew, unchecked: the rules above, month by month, into `out` (sized for the tiers and the
 * months run). `ramp` holds the share of the move made by the end of each transition year (none: all
 * at once). A redundancy month that is not a whole number is rounded to the nearest month.
 *
 * After the move: once the ramp is complete, the redundancy month past, the levers whole, no tier above
 * its aim and the month's starters within the recruitment capacity, every later month follows one rule:
 * a tier short of its aim by δ replaces its leavers, converts c = cover × conversion ÷ 12 of δ from its
 * agency workers and recruits 1 ÷ monthsToFill of the rest, so its shortfall shrinks by the factor
 * r = (1 − c) × (1 − 1 ÷ monthsToFill) a month, and starters stay within the capacity (as long as a
 * month's fill, 1 ÷ monthsToFill, is at least a month's turnover). From there (`monthsRun`) the later
 * months are that rule's: with `stopWhenSteady` the corkscrew stops and leaves them unwritten (an
 * uncertainty analysis reads only the costs, which flowCostsCore sums in closed form); without it (the
 * faces, which show every month) they are written out by the rule.
 */
export function flowsCore(out: FlowBuffers, tiers: FlowTierArrays, ramp: ArrayLike<number>, rates: FlowRates, stopWhenSteady = false): void {
  const n = out.n;
  const months = out.months;
  const { from, to, holdsCases, redeployable, turnover } = tiers;
  const { establishment, opening, leavers, redeployedOut, redeployedIn, starters, converted, redundancies, closing, vacancies, agency, aimBefore, pool, gap, movable, wanted } = out;
  const keep = 1 - rates.vacancyRate;
  const agencyCoverShare = rates.agencyCoverShare;
  const fillShare = 1 / rates.monthsToFill;
  const convertShare = (agencyCoverShare * rates.agencyConversion) / 12;
  const capacity = rates.startersPerYear / 12;
  const redundancyAt = Math.round(rates.redundancyMonth);
  const rampYears = ramp.length;
  const turnoverChange = rates.turnoverChange;
  const turnoverPhase = rates.turnoverPhaseYears;
  const childrenChange = rates.childrenChange;
  const childrenPhase = rates.childrenPhaseYears;
  // the last month before which the tail's rule may not start: the ramp complete, the redundancy month
  // past and every lever whole in the months after it
  const settledFrom = Math.max(12 * rampYears - 1, redundancyAt, turnoverChange === 0 ? 0 : wholeFrom(turnoverPhase) - 1, childrenChange === 0 ? 0 : wholeFrom(childrenPhase) - 1);
  let fastestTurnover = 0;
  for (let i = 0; i < n; i++) {
    aimBefore[i] = from[i]! * keep;
    pool[i] = 0;
    if (turnover[i]! > fastestTurnover) fastestTurnover = turnover[i]!;
  }
  const tailFits = fillShare >= (fastestTurnover * (1 + (turnoverChange > 0 ? turnoverChange : 0))) / 12;
  out.monthsToFullStaffing = -1;
  out.monthsRun = months;
  for (let m = 0; m < months; m++) {
    // the ramp's share of the move made by the end of the month, straight between year ends
    const year = (m / 12) | 0;
    let share = 1;
    if (year < rampYears) {
      const before = year === 0 ? 0 : ramp[year - 1]!;
      share = before + ((ramp[year]! - before) * ((m % 12) + 1)) / 12;
    }
    const turnoverScale = turnoverChange === 0 ? 1 : 1 + turnoverChange * phasedAt(m, turnoverPhase);
    const at = m * n;
    let movableTotal = 0;
    let gapTotal = 0;
    for (let i = 0; i < n; i++) {
      const k = at + i;
      const e = from[i]! + (to[i]! - from[i]!) * share;
      const aim = e * keep;
      const open = m === 0 ? aimBefore[i]! : closing[k - n]!;
      const leaving = (open * turnover[i]! * turnoverScale) / 12;
      const after = open - leaving;
      // surplus holders who can move: the tier's redeployable share of the filled posts it has lost
      const lost = aimBefore[i]! - aim;
      let canMove = 0;
      if (lost > 0) pool[i]! += redeployable[i]! * lost;
      aimBefore[i] = aim;
      establishment[k] = e;
      opening[k] = open;
      leavers[k] = leaving;
      if (after > aim) {
        const surplus = after - aim;
        canMove = surplus < pool[i]! ? surplus : pool[i]!;
        gap[i] = 0;
        // kept for the redundancies below: the surplus after leavers
        redundancies[k] = surplus;
      } else {
        gap[i] = aim - after;
        gapTotal += aim - after;
        redundancies[k] = 0;
      }
      movable[i] = canMove;
      movableTotal += canMove;
    }
    const moved = movableTotal < gapTotal ? movableTotal : gapTotal;
    const outShare = movableTotal > 0 ? moved / movableTotal : 0;
    const inShare = gapTotal > 0 ? moved / gapTotal : 0;
    let wantedTotal = 0;
    for (let i = 0; i < n; i++) {
      const k = at + i;
      const outOf = outShare * movable[i]!;
      const into = inShare * gap[i]!;
      redeployedOut[k] = outOf;
      redeployedIn[k] = into;
      pool[i]! -= outOf;
      // a tier short of staff replaces its leavers; of the rest of its gap, agency workers convert and
      // a monthsToFill'th of what remains is recruited
      let want = 0;
      let convert = 0;
      if (gap[i]! > 0) {
        const left = gap[i]! - into;
        const leaving = leavers[k]!;
        if (left < leaving) want = left;
        else {
          convert = (left - leaving) * convertShare;
          want = leaving + (left - leaving - convert) * fillShare;
        }
      }
      converted[k] = convert;
      wanted[i] = want;
      wantedTotal += want;
    }
    const scale = wantedTotal > capacity ? capacity / wantedTotal : 1;
    let atWork = 0;
    let full = share === 1;
    const redundancyNow = m === redundancyAt;
    for (let i = 0; i < n; i++) {
      const k = at + i;
      const start = wanted[i]! * scale + converted[k]!;
      starters[k] = start;
      // in the redundancy month, the surplus still in post after redeployment goes
      const redundant = redundancyNow ? redundancies[k]! - redeployedOut[k]! : 0;
      redundancies[k] = redundant;
      const close = opening[k]! - leavers[k]! - redeployedOut[k]! + redeployedIn[k]! + start - redundant;
      closing[k] = close;
      const e = establishment[k]!;
      const vacantPosts = e > close ? e - close : 0;
      vacancies[k] = vacantPosts;
      const covered = vacantPosts * agencyCoverShare;
      agency[k] = covered;
      if (holdsCases[i] === 1) atWork += close + covered;
      // fully staffed once every tier has its aim in post (to a thousandth of an FTE)
      if (full && close < e * keep - 1e-3) full = false;
    }
    const children = childrenChange === 0 ? rates.children : rates.children * (1 + childrenChange * phasedAt(m, childrenPhase));
    out.caseload[m] = atWork > 0 ? children / atWork : NaN;
    if (full && out.monthsToFullStaffing < 0) out.monthsToFullStaffing = m + 1;
    if (m + 1 < months && share === 1 && m >= settledFrom && scale === 1 && tailFits && noneAbove(out, at, keep)) {
      out.monthsRun = m + 1;
      const r = (1 - convertShare) * (1 - fillShare);
      if (stopWhenSteady) {
        if (out.monthsToFullStaffing < 0) out.monthsToFullStaffing = fullStaffingAfter(out, m, keep, r);
      } else {
        writeTail(out, m, keep, turnover, 1 + turnoverChange, fillShare, convertShare, agencyCoverShare, holdsCases, rates.children * (1 + childrenChange));
      }
      return;
    }
  }
}

/** No tier of month `at` (its first index) above its aim in post (beyond 1e-9 FTE). */
function noneAbove(out: FlowBuffers, at: number, keep: number): boolean {
  for (let i = 0; i < out.n; i++) if (out.closing[at + i]! - out.establishment[at + i]! * keep > 1e-9) return false;
  return true;
}

/** The count of months to full staffing when the tail after month `last` shrinks each shortfall by `r` a month (or −1 within the months). */
function fullStaffingAfter(out: FlowBuffers, last: number, keep: number, r: number): number {
  let worst = 0;
  for (let i = 0; i < out.n; i++) {
    const k = last * out.n + i;
    const short = out.establishment[k]! * keep - out.closing[k]!;
    if (short > worst) worst = short;
  }
  for (let m = last + 1; m < out.months; m++) {
    worst *= r;
    if (worst <= 1e-3) return m + 1;
  }
  return -1;
}

/** The months after `last` written out by the tail's rule (see flowsCore): the levers whole, the children settled. */
function writeTail(out: FlowBuffers, last: number, keep: number, turnover: Float64Array, turnoverScale: number, fillShare: number, convertShare: number, agencyCoverShare: number, holdsCases: Uint8Array, children: number): void {
  const n = out.n;
  for (let m = last + 1; m < out.months; m++) {
    const at = m * n;
    let atWork = 0;
    let full = true;
    for (let i = 0; i < n; i++) {
      const k = at + i;
      const e = out.establishment[k - n]!;
      const aim = e * keep;
      const open = out.closing[k - n]!;
      const short = aim > open ? aim - open : 0;
      const leaving = (open * turnover[i]! * turnoverScale) / 12;
      const convert = short * convertShare;
      const start = leaving + convert + (short - convert) * fillShare;
      const close = open - leaving + start;
      out.establishment[k] = e;
      out.opening[k] = open;
      out.leavers[k] = leaving;
      out.starters[k] = start;
      out.converted[k] = convert;
      out.redeployedOut[k] = 0;
      out.redeployedIn[k] = 0;
      out.redundancies[k] = 0;
      out.closing[k] = close;
      const vacantPosts = e > close ? e - close : 0;
      out.vacancies[k] = vacantPosts;
      out.agency[k] = vacantPosts * agencyCoverShare;
      if (holdsCases[i] === 1) atWork += close + vacantPosts * agencyCoverShare;
      if (close < aim - 1e-3) full = false;
    }
    out.caseload[m] = atWork > 0 ? children / atWork : NaN;
    if (full && out.monthsToFullStaffing < 0) out.monthsToFullStaffing = m + 1;
  }
}

export function workforceFlows(tiers: readonly FlowTier[], settings: FlowSettings): Flows {
  const settled = rates(settings);
  check(settings, settled);
  const n = tiers.length;
  const out = new FlowBuffers(n, settings.months);
  flowsCore(
    out,
    {
      from: Float64Array.from(tiers, (t) => t.from),
      to: Float64Array.from(tiers, (t) => t.to),
      holdsCases: Uint8Array.from(tiers, (t) => (t.holdsCases ? 1 : 0)),
      redeployable: Float64Array.from(tiers, (t) => t.redeployable),
      turnover: Float64Array.from(tiers, (t) => t.turnoverRate ?? settings.turnoverRate),
    },
    settings.ramp,
    settled,
  );
  return flowsOf(out, tiers);
}

/** The settings as the kernel takes them, the levers left out at their defaults. */
function rates(settings: FlowSettings): FlowRates {
  const { vacancyRate, agencyCoverShare, startersPerYear, monthsToFill, redundancyMonth, children } = settings;
  const lever = (k: Lever) => settings[k] ?? LEVER_DEFAULTS[k];
  return {
    vacancyRate,
    agencyCoverShare,
    startersPerYear,
    monthsToFill,
    redundancyMonth,
    children,
    turnoverChange: lever("turnoverChange"),
    turnoverPhaseYears: lever("turnoverPhaseYears"),
    agencyConversion: lever("agencyConversion"),
    childrenChange: lever("childrenChange"),
    childrenPhaseYears: lever("childrenPhaseYears"),
  };
}

/** The buffers read out month by month. */
export function flowsOf(out: FlowBuffers, tiers: readonly { id: string; name: string; holdsCases: boolean }[]): Flows {
  const n = out.n;
  const months: FlowMonth[] = [];
  for (let m = 0; m < out.months; m++) {
    const pick = (a: Float64Array) => Array.from(a.subarray(m * n, m * n + n));
    const caseload = out.caseload[m]!;
    months.push({
      establishment: pick(out.establishment),
      opening: pick(out.opening),
      leavers: pick(out.leavers),
      redeployedOut: pick(out.redeployedOut),
      redeployedIn: pick(out.redeployedIn),
      starters: pick(out.starters),
      converted: pick(out.converted),
      redundancies: pick(out.redundancies),
      closing: pick(out.closing),
      vacancies: pick(out.vacancies),
      agency: pick(out.agency),
      caseloadAtWork: Number.isNaN(caseload) ? null : caseload,
    });
  }
  return { tiers: tiers.map((t) => ({ id: t.id, name: t.name, holdsCases: t.holdsCases })), months, monthsToFullStaffing: out.monthsToFullStaffing < 0 ? null : out.monthsToFullStaffing };
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
  /** Of the starters, agency workers who took the post. */
  converted: number[];
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
      converted: add((m) => m.converted),
      redeployedIn: add((m) => m.redeployedIn),
      redeployedOut: add((m) => m.redeployedOut),
      redundancies: add((m) => m.redundancies),
    });
  }
  return years;
}

/** A year of the whole workforce: every tier added (stocks at the year's end, flows over it). */
export interface FlowYearTotal {
  index: number;
  posts: number;
  inPost: number;
  /** Vacant posts at the year's end, and those of them agency workers cover. */
  vacant: number;
  agency: number;
  /** Agency workers, the year's average. */
  agencyAverage: number;
  starters: number;
  /** Of the starters, agency workers who took the post. */
  converted: number;
  leavers: number;
  redeployedIn: number;
  redeployedOut: number;
  redundancies: number;
}

/** The flows year by year, all tiers added: what a chart of the whole workforce or a spilled table shows. */
export function flowTotalsByYear(flows: Flows): FlowYearTotal[] {
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  return flowsByYear(flows).map((y) => {
    const last = flows.months[Math.min(flows.months.length, y.index * 12 + 12) - 1]!;
    return {
      index: y.index,
      posts: sum(y.establishment),
      inPost: sum(y.closing),
      vacant: sum(y.vacancies),
      agency: sum(last.agency),
      agencyAverage: sum(y.agencyAverage),
      starters: sum(y.starters),
      converted: sum(y.converted),
      leavers: sum(y.leavers),
      redeployedIn: sum(y.redeployedIn),
      redeployedOut: sum(y.redeployedOut),
      redundancies: sum(y.redundancies),
    };
  });
}
