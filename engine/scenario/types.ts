/**
 * The scenario: one complete, validated set of inputs (the FAST standard's inputs sheet).
 *
 * A scenario file may write any number as a bare value or as `{ value, source }` (or
 * `{ value, assumption }`); loading strips those notes into `sources`, keyed by setting path, so the
 * calculations see plain numbers and every figure can still say where its inputs came from.
 */

import type { Correlation } from "../uncertainty/correlation.js";
import type { Distribution } from "../uncertainty/distributions.js";

/** A financial year, April to March, written "2025/26". */
export type FinancialYear = string;

/** Where an input came from: a published source, or an assumption with its rationale. */
export interface Provenance {
  /** The published source (title, publisher, date, address), or where the user set the value. */
  source?: string;
  /** For a modelling assumption with no published source: the one-line rationale. */
  assumption?: string;
}

/** The council: the facts of the place, kept apart from the structure so any structure can be run on it. */
export interface Council {
  name: string;
  /** Children open to social care (children in need, including child protection and looked-after). */
  children: number;
  /** Children per family, so that families = children ÷ childrenPerFamily. */
  childrenPerFamily: number;
  /** Share of established posts that are vacant. */
  vacancyRate: number;
  /** Share of vacant posts covered by agency workers. */
  agencyCoverShare: number;
  /** Cost of an agency worker above the employed cost of the post it covers, as a share. */
  agencyPremium: number;
  /** Share of the children open to social care on a child protection plan (for the team-design indicators); absent when not stated. */
  childProtectionShare?: number;
  /** Share of the children open to social care who are looked after (for the team-design indicators); absent when not stated. */
  lookedAfterShare?: number;
  /** Children and family social worker turnover: leavers in a year ÷ FTE in post (workforce flows); absent when not stated. */
  turnoverRate?: number;
  /** Social workers (FTE) starting in a year: the recruitment capacity of the workforce flows; absent when not stated. */
  startersPerYear?: number;
  /** Referrals to children's social care in a year (sizes a referral team); absent when not stated. */
  referralsPerYear?: number;
  /** Children looked after at 31 March; absent when not stated. */
  childrenLookedAfter?: number;
  /** The council's caseload today, children per case-holding FTE; sizes the case-holders of a structure with caseloadFromCouncil. */
  caseload?: number;
  /** Gross spend on children looked after, £ a year in the prices of finance.year; absent when not stated. */
  lookedAfterSpend?: number;
}

/** How a tier's FTE is set. Exactly one per tier. */
export type SizingRule =
  | { rule: "fixed"; fte: number }
  | { rule: "caseload"; childrenPerWorker: number; shareOfChildren: number }
  | { rule: "span"; of: string; per: number; fte: number }
  | { rule: "expression"; expression: string };

/** What a tier does, for the structure's indicators (management share, admin support per worker). */
export type TierRole = "practitioner" | "manager" | "support" | "clinician";

/** One role group in a structure. */
export interface Tier {
  id: string;
  name: string;
  /** The id of the tier it reports to, or null for the top of the structure. */
  reportsTo: string | null;
  holdsCases: boolean;
  role: TierRole;
  /** Annual salary of one FTE, in the prices of finance.salaryYear. */
  salary: number;
  size: SizingRule;
  /** Counts as senior and experienced staff, for the team-design indicators (managers do unless marked otherwise). */
  senior: boolean;
  /** The pay grade: in a move, holders of deleted posts fill new posts of the same grade first (engine/transition/sameGrade.ts). */
  grade?: string;
}

/** How teams are counted: case-holders of one tier grouped by a team size. */
export interface Teams {
  /** The tier whose FTE makes up the teams (for example family-facing social workers). */
  of: string;
  /** FTE of that tier in one team. */
  size: number;
  /** Whether a part team counts as a whole one ("up"), or teams are left fractional ("none"). */
  rounding: "up" | "none";
}

export interface Structure {
  name: string;
  teams: Teams;
  tiers: Tier[];
  /** A discretionary budget held by each team (the devolved-budget lever), £ a year; 0 for none. */
  teamBudget: number;
  /** The structure as the council runs it today: its case-holders carry council.caseload, where stated. */
  caseloadFromCouncil?: boolean;
}

/**
 * The activities of a case-holder's working week, as shares that sum to 1: the week as it was
 * measured (the starting week). The option's changes (TimeUseChanges) then move hours between them,
 * so the week after, and its direct contact share, are outputs of those drivers.
 */
export const TIME_USE_SHARES = ["directContact", "recording", "administration", "travel", "meetingsAndReporting", "supervision", "learning"] as const;
export type TimeUseShare = (typeof TIME_USE_SHARES)[number];

/**
 * The direct payments (individual budgets) lever: families who arrange their own support with a
 * direct payment need less (or more) care management from their social worker. The time moves
 * between administration (where arranging care sits) and direct contact.
 */
export interface DirectPayments {
  /** Share of families supported through direct payments or individual budgets. */
  shareOfFamilies: number;
  /** Care-management hours a week each such case frees (negative: adds). */
  hoursFreedPerCase: number;
}

/**
 * What a structure changes in the starting week, each a driver. Hours freed from an activity (or,
 * negative, added to it) are shared between direct contact and learning and other work.
 */
export interface TimeUseChanges {
  /** Share of the case-holders' administration that support staff take over (sized by the quantity administrationHours). */
  administrationToSupport: number;
  /** Management layers above case-holders in the structure the starting week was measured in. */
  managementLayersBefore: number;
  /** Share of meetings and reporting to managers that falls with each management layer removed (rises with each added). */
  reportingCutPerLayer: number;
  /** Share of travel time cut (neighbourhood patches); negative adds travel. */
  travelCut: number;
  /** Relative change in supervision time (group supervision replacing or adding to individual). */
  supervisionChange: number;
  /** Share of the hours freed that go to direct contact; the rest to learning and other work. */
  freedToDirectContact: number;
}

export interface TimeUse {
  /** Contracted hours in a full-time week. */
  hoursPerWeek: number;
  directContact: number;
  recording: number;
  administration: number;
  travel: number;
  meetingsAndReporting: number;
  supervision: number;
  learning: number;
  changes: TimeUseChanges;
  directPayments: DirectPayments;
  /** Group supervision and reflection, hours a month per case-holder (within the supervision share); absent when not stated. */
  groupSupervisionHours?: number;
  /** Time a child protection or looked-after case takes relative to another case (1: the same). */
  vulnerableCaseWeight: number;
}

/** A pay award: a percentage, or a flat sum up to a salary and a percentage above it. */
export interface PayAward {
  percent: number;
  flat: number;
  /** Salaries at or below this get the flat sum; above it, `percent`. Infinity when the award is flat for all. */
  flatUpTo: number;
}

export interface DiscountBand {
  fromYear: number;
  rate: number;
}

export interface Appraisal {
  /** Years appraised, counting the first transition year as year 0. */
  horizonYears: number;
  /** The price base year; cash flows are in its real prices. */
  priceBaseYear: FinancialYear;
  /** Green Book discount rates by year of the appraisal. */
  discountSchedule: DiscountBand[];
  /** General inflation (GDP deflator) used to turn projected pay into real terms. */
  gdpDeflator: number;
  /** Optimism bias added to transition spend in the appraisal. */
  optimismBias: number;
  /** Optimism bias on the run cost change, a share of its size (costs rise, savings shrink). */
  optimismBiasRunCost: number;
  /** The run cost change, as a share of the baseline, within which an option counts as cost neutral. */
  costNeutralTolerance: number;
}

export interface Finance {
  /** The financial year the run cost is for (and the first year of any transition). */
  year: FinancialYear;
  /** The year the tier salaries are stated in; pay awards carry them to `year`. */
  salaryYear: FinancialYear;
  /** Pay awards by financial year (from April of that year). */
  payAwards: Record<FinancialYear, PayAward>;
  /** Pay award assumed for years after the last one listed. */
  futurePayAward: number;
  employerNi: { rate: number; threshold: number };
  /** Employer pension contribution, share of salary. */
  pensionRate: number;
  apprenticeshipLevy: { rate: number; allowance: number };
  /** Non-pay overheads (accommodation, IT, travel, training) per FTE in post, £ a year. */
  overheadsPerFte: number;
  appraisal: Appraisal;
}

/** One group of leavers made redundant: their share of leavers, age and service. */
export interface LeaverGroup {
  share: number;
  age: number;
  yearsOfService: number;
}

export const TRANSITION_CATEGORIES = [
  "redundancy",
  "pensionStrain",
  "recruitment",
  "training",
  "doubleRunning",
  "agencyBridging",
  "systems",
  "programmeTeam",
] as const;
export type TransitionCategory = (typeof TRANSITION_CATEGORIES)[number];

/**
 * The workforce flows of a move (engine/workforce/flows.ts): their assumptions, and whether they cost
 * the transition's workforce categories (redundancy, pension strain, recruitment, double running and
 * agency bridging) in place of the shares typed in `redeployed`, `recruitmentPerPost`'s post count and
 * `doubleRunning`.
 */
export interface TransitionWorkforce {
  fromFlows: boolean;
  /** Months to fill a post beyond those turnover vacates (a month's share of the gap is 1 ÷ this). */
  monthsToFill: number;
  /** The month of the appraisal (from 0) in which holders of posts that go, still in post, are made redundant. */
  redundancyMonth: number;
  /** Turnover of staff who are not social workers (support staff, clinicians) as a multiple of the council's social worker turnover. */
  otherTurnover: number;
  /** Share of the agency workers bridging a gap who take the permanent post in a year. */
  agencyConversion: number;
}

/**
 * The retention lever: the Blueprint's argument that better jobs keep people. Once phased in, the
 * option's turnover and vacancy rates differ from the council's by these relative changes; what that
 * saves (recruitment and agency premium avoided, less the pay of posts filled that stood empty) is its
 * own line of the appraisal, never folded into the run cost.
 */
export interface Retention {
  /** Relative change in turnover once phased in (−0.1: a tenth fewer leavers). */
  turnoverChange: number;
  /** Relative change in the vacancy rate once phased in (−0.1: a tenth fewer vacancies). */
  vacancyChange: number;
  /** Years over which the changes phase in, a share more each year (1: all in year 0). */
  phaseInYears: number;
}

/**
 * The demand lever: fewer (or more) children looked after, on a plan and otherwise in need once phased
 * in, each a relative change. With the council's unit cost of a child looked after (its RO3 spend ÷ its
 * children looked after), the cashable benefit of fewer children looked after is shown beside the
 * appraisal's cost-only NPV, never inside it; all three change the children the case-holders hold, so
 * the caseload at work (the option's posts stay as sized).
 */
export interface Demand {
  /** Relative change in children looked after once phased in (−0.05: a twentieth fewer). */
  lookedAfterChange: number;
  /** Relative change in children in need who are neither looked after nor on a child protection plan. */
  inNeedChange: number;
  /** Relative change in children on a child protection plan. */
  onPlanChange: number;
  /** Years over which the change phases in, a share more each year. */
  phaseInYears: number;
}

/** The drivers of one-off transition spend; the total is always computed, never typed in. */
export interface Transition {
  /** Number of financial years the transition takes; year 0 is finance.year. */
  years: number;
  /** The year whose prices the transition's money is stated in (after validation, the costed year: the money is carried to it). */
  priceYear?: string;
  /** Default share of each category's spend in each transition year (normalised). */
  profile: number[];
  /** Category-specific profiles, where a category's spend falls differently. */
  categoryProfiles: Partial<Record<TransitionCategory, number[]>>;
  /** Share of the run cost change realised in each transition year; 1 from then on. */
  ramp: number[];
  /** Share of the holders of deleted posts redeployed (into practice or a new post), by baseline tier id. */
  redeployed: Record<string, number>;
  /** Share redeployed for a deleted tier not listed in `redeployed`. */
  redeployedDefault: number;
  leavers: LeaverGroup[];
  redundancy: {
    /** The council's multiplier on statutory redundancy pay (discretionary compensation). */
    multiplier: number;
    /** Whether weeks are paid at actual pay (as councils may, reg 5 of SI 2006/2914) or capped. */
    actualPay: boolean;
    /** The statutory cap on a week's pay, used when `actualPay` is false. */
    weeklyPayCap: number;
    /** Age from which a leaver's pension is released unreduced, so the employer pays the strain. */
    strainAge: number;
    /** Pension strain cost for such a leaver, as a multiple of annual salary. */
    strainPerSalary: number;
  };
  /** Recruitment cost of each new post not filled by redeployment, £. */
  recruitmentPerPost: number;
  /** Training and coaching: per case-holding worker in the new structure, and per team. */
  training: { perWorker: number; perTeam: number };
  /** Share of the baseline run cost kept running alongside the new teams, and for how many months. */
  doubleRunning: { share: number; months: number };
  /** Case management and other systems changes, £. */
  systems: number;
  /** The programme team that runs the change: FTE, salary, and years. */
  programmeTeam: { fte: number; salary: number; years: number };
  /** The workforce flows of the move (filled with defaults when a scenario leaves them out). */
  workforce: TransitionWorkforce;
  /** The retention lever (no change unless a scenario sets one). */
  retention: Retention;
  /** The demand lever (no change unless a scenario sets one). */
  demand: Demand;
}

export interface Scenario {
  /** Preset id, or a name for a scenario from a file. */
  id: string;
  name: string;
  /** A name of at most 24 characters for table headers and lists (the full name on hover); absent when the name is short already. */
  shortName?: string;
  description: string;
  council: Council;
  structure: Structure;
  timeUse: TimeUse;
  finance: Finance;
  /** Only on an option that moves from a baseline. */
  transition: Transition | null;
  /** Where each input came from, keyed by setting path (tiers by id: `structure.tiers.socialWorker.salary`). */
  sources: Record<string, Provenance>;
  /** Uncertain inputs: the distribution of each setting that has one, keyed like `sources`. */
  distributions?: Record<string, Distribution>;
  /** Rank correlations between uncertain inputs. */
  correlations?: Correlation[];
}
