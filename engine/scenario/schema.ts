import { read, show, unwrapAnnotated, type NumberSpec, type ObjectSpec, type Spec, type Walk } from "./spec.js";
import { TIME_USE_SHARES, TRANSITION_CATEGORIES, type PayAward, type SizingRule } from "./types.js";

/**
 * Every setting of a scenario, declared once: label, unit, legal range. The validator, the settings
 * list, the task pane's editor and the workbook's Inputs sheet all read this.
 */

/**
 * Upper bounds of counts, FTE and money: far above any English council (a typo's extra zeros are
 * caught, a real council never is), and low enough that every cost the model adds up stays within
 * what a double counts to the penny. A number past them is an input error naming its field.
 */
export const LIMITS = {
  /** Children in one council: more than all the children in need in England together. */
  children: 1_000_000,
  /** FTE of one tier, a team or a programme: more than the whole children's social work workforce of England. */
  fte: 100_000,
  /** One FTE's salary or overheads, £ a year. */
  salary: 10_000_000,
  /** Any other amount of money, £ (or £ a year). */
  amount: 10_000_000_000,
  /** Referrals or other events in a year. */
  count: 10_000_000,
  /** Caseload target, children per worker. */
  childrenPerWorker: 1_000,
  /** The smallest caseload target, team size and span: below a tenth, FTE grow past any workforce. */
  smallestRatio: 0.1,
} as const;

const share = (label: string, help?: string, extra: Partial<NumberSpec> = {}): NumberSpec => ({
  type: "number",
  unit: "share",
  min: 0,
  max: 1,
  label,
  ...(help ? { help } : {}),
  ...extra,
});
const money = (label: string, help?: string, extra: Partial<NumberSpec> = {}): NumberSpec => ({
  type: "number",
  unit: "£",
  min: 0,
  max: LIMITS.amount, maxIsLimit: true,
  label,
  ...(help ? { help } : {}),
  ...extra,
});

/** Names a tier id may not take, because expressions and spans use them for other quantities. */
export const RESERVED_QUANTITIES = ["children", "families", "teams", "caseHolders", "totalFte", "referrals", "administrationHours"] as const;

/** What each quantity a span or an expression may name counts, for messages and the editor. */
export const QUANTITY_MEANINGS: Readonly<Record<(typeof RESERVED_QUANTITIES)[number], string>> = {
  children: "children open to social care",
  families: "families (children ÷ children per family)",
  teams: "teams",
  caseHolders: "case-holding FTE",
  totalFte: "FTE of every tier",
  referrals: "referrals a year (council.referralsPerYear)",
  administrationHours: "case-holders' administration hours a week handed to support staff (timeUse.changes.administrationToSupport)",
};

const TIER_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

export const SIZING_KEYS = ["fte", "childrenPerWorker", "span", "expression"] as const;

export const tierFields: ObjectSpec["fields"] = {
  id: { type: "text", label: "Tier id", pattern: TIER_ID, patternHelp: "must start with a letter and hold only letters, digits and _" },
  name: { type: "text", label: "Tier name" },
  reportsTo: { type: "text", label: "Reports to (tier id)", nullable: true, help: "The tier it reports to; null for the top of the structure." },
  holdsCases: { type: "boolean", label: "Holds cases" },
  role: { type: "choice", label: "Role", optional: true, choices: ["practitioner", "manager", "support", "clinician"] },
  salary: money("Salary", "Annual salary of one FTE, in the prices of finance.salaryYear.", { unit: "£ a year", max: LIMITS.salary, maxIsLimit: true }),
  fte: { type: "number", unit: "FTE", min: 0, max: LIMITS.fte, maxIsLimit: true, label: "FTE (fixed)", optional: true },
  childrenPerWorker: { type: "number", unit: "children per worker", min: LIMITS.smallestRatio, max: LIMITS.childrenPerWorker, maxIsLimit: true, label: "Caseload target", optional: true },
  shareOfChildren: share("Share of children held by this tier", "When several tiers hold cases, the share of children each holds.", { above: 0, min: undefined, optional: true }),
  span: {
    type: "object",
    label: "Span",
    optional: true,
    help: "FTE per FTE of another tier or quantity: one team manager per 6 case-holders, one enabler per 2 teams.",
    fields: {
      of: { type: "text", label: "Of (tier id or quantity)" },
      per: { type: "number", unit: "FTE", min: LIMITS.smallestRatio, max: LIMITS.fte, maxIsLimit: true, label: "One post per" },
      fte: { type: "number", unit: "FTE", min: 0, max: LIMITS.fte, maxIsLimit: true, label: "FTE per span", optional: true },
    },
  },
  expression: { type: "text", label: "Sizing expression", optional: true },
  senior: { type: "boolean", label: "Senior and experienced staff", optional: true, help: "Counts as senior and experienced staff for the team-design indicators; managers do unless marked false." },
  grade: { type: "text", label: "Grade", optional: true, help: "The pay grade, such as \"social worker\" or \"business support\": in a move, holders of deleted posts fill new posts of the same grade before anyone is made redundant or recruited." },
};

/** A tier: its fields, with the sizing rule read from whichever one of fte, childrenPerWorker, span or expression is given. */
const tierSpec: Spec = {
  type: "custom",
  label: "Tier",
  read(raw: unknown, at: Walk) {
    const fields = read({ type: "object", label: "Tier", fields: tierFields }, raw, at) as Record<string, unknown> | undefined;
    if (!fields) return undefined;
    // A sizing key left empty (null) is not a sizing rule: the tier then says it needs one.
    const given = SIZING_KEYS.filter((k) => (raw as Record<string, unknown>)[k] !== undefined && (raw as Record<string, unknown>)[k] !== null);
    if (given.length !== 1) {
      at.problem(
        given.length === 0
          ? `needs one sizing rule: ${SIZING_KEYS.join(", ")}`
          : `has ${given.length} sizing rules (${given.join(", ")}); give exactly one`,
      );
      return undefined;
    }
    if (fields.shareOfChildren !== undefined && given[0] !== "childrenPerWorker") {
      at.child("shareOfChildren").problem("only applies to a tier sized by childrenPerWorker");
    }
    let size: SizingRule | undefined;
    switch (given[0]) {
      case "fte":
        if (fields.fte !== undefined) size = { rule: "fixed", fte: fields.fte as number };
        break;
      case "childrenPerWorker":
        if (fields.childrenPerWorker !== undefined) {
          size = { rule: "caseload", childrenPerWorker: fields.childrenPerWorker as number, shareOfChildren: (fields.shareOfChildren as number | undefined) ?? 1 };
        }
        break;
      case "span": {
        const span = fields.span as { of?: string; per?: number; fte?: number } | undefined;
        if (span?.of !== undefined && span.per !== undefined) size = { rule: "span", of: span.of, per: span.per, fte: span.fte ?? 1 };
        break;
      }
      case "expression":
        if (fields.expression !== undefined) size = { rule: "expression", expression: fields.expression as string };
        break;
    }
    if (!size || fields.id === undefined || fields.name === undefined || fields.holdsCases === undefined || fields.salary === undefined) return undefined;
    if (!("reportsTo" in fields)) return undefined;
    return {
      id: fields.id,
      name: fields.name,
      reportsTo: fields.reportsTo ?? null,
      holdsCases: fields.holdsCases,
      role: fields.role,
      salary: fields.salary,
      size,
      senior: fields.senior,
      ...(fields.grade !== undefined ? { grade: fields.grade } : {}),
    };
  },
};

export const payAwardFields: ObjectSpec["fields"] = {
  percent: { type: "number", unit: "share", min: -0.5, max: 1, label: "Percentage award", optional: true },
  flat: money("Flat award", "A flat sum added to each salary at or below flatUpTo.", { unit: "£ a year", optional: true }),
  flatUpTo: money("Flat award applies up to", "The salary up to which the flat sum applies; above it, the percentage.", { unit: "£ a year", optional: true }),
};

/** A pay award: a bare percentage (0.032), or `{ flat: 1925, flatUpTo: 49000, percent: 0.0388 }`. */
const payAwardSpec: Spec = {
  type: "custom",
  label: "Pay award",
  read(raw: unknown, at: Walk): PayAward | undefined {
    if (typeof raw === "number" || (raw !== null && typeof raw === "object" && "value" in raw)) {
      const percent = read({ type: "number", unit: "share", min: -0.5, max: 1, label: "Pay award" }, raw, at) as number | undefined;
      return percent === undefined ? undefined : { percent, flat: 0, flatUpTo: Infinity };
    }
    const fields = read({ type: "object", label: "Pay award", fields: payAwardFields }, raw, at) as { percent?: number; flat?: number; flatUpTo?: number } | undefined;
    if (!fields) return undefined;
    if (fields.flat === undefined && fields.percent === undefined) {
      at.problem("needs a percent, a flat sum, or both");
      return undefined;
    }
    if (fields.flatUpTo !== undefined && fields.flat === undefined) at.child("flatUpTo").problem("only applies with a flat sum");
    return { percent: fields.percent ?? 0, flat: fields.flat ?? 0, flatUpTo: fields.flatUpTo ?? Infinity };
  },
};

const discountBandSpec: ObjectSpec = {
  type: "object",
  label: "Discount band",
  fields: {
    fromYear: { type: "number", unit: "years", min: 0, integer: true, label: "From year of appraisal" },
    rate: { type: "number", unit: "share", min: 0, max: 0.5, label: "Discount rate" },
  },
};

const profile = (label: string, help: string): Spec => ({
  type: "list",
  label,
  help,
  minItems: 1,
  maxItems: 10,
  of: { type: "number", unit: "share", min: 0, max: 1, label },
});

export const councilSpec: ObjectSpec = {
  type: "object",
  label: "Council",
  fields: {
    name: { type: "text", label: "Council" },
    children: { type: "number", unit: "children", min: 0, max: LIMITS.children, maxIsLimit: true, label: "Children open to social care", help: "Children in need, including child protection and looked-after children, open at one time." },
    childrenPerFamily: { type: "number", unit: "children per family", min: 1, max: 20, maxIsLimit: true, label: "Children per family" },
    vacancyRate: share("Vacancy rate", "Share of established posts that are vacant.", { below: 1, max: undefined }),
    agencyCoverShare: share("Vacancies covered by agency", "Share of vacant posts filled by agency workers."),
    agencyPremium: { type: "number", unit: "share", min: 0, max: 5, label: "Agency premium", help: "Cost of an agency worker above the employed cost of the post, as a share." },
    childProtectionShare: share("Children on a child protection plan", "Share of the children open to social care on a child protection plan (for the team-design indicators).", { optional: true }),
    lookedAfterShare: share("Children looked after", "Share of the children open to social care who are looked after (for the team-design indicators).", { optional: true }),
    turnoverRate: share("Social worker turnover", "Leavers in a year ÷ FTE in post, for children and family social workers (DfE workforce statistics); for the workforce flows.", { optional: true }),
    startersPerYear: { type: "number", unit: "FTE", min: 0, max: LIMITS.fte, maxIsLimit: true, label: "Starters a year", optional: true, help: "Children and family social workers (FTE) who started in the year (DfE workforce statistics); the recruitment capacity of the workforce flows." },
    referralsPerYear: { type: "number", unit: "count", min: 0, max: LIMITS.count, maxIsLimit: true, label: "Referrals a year", optional: true, help: "Referrals to children's social care in the year (DfE children in need statistics); sizes a referral team." },
    childrenLookedAfter: { type: "number", unit: "children", min: 0, max: LIMITS.children, maxIsLimit: true, label: "Children looked after", optional: true, help: "Children looked after at 31 March (DfE children looked after statistics)." },
    caseload: { type: "number", unit: "children per worker", min: LIMITS.smallestRatio, max: LIMITS.childrenPerWorker, maxIsLimit: true, label: "Caseload today", optional: true, help: "The council's caseload as it is: children per case-holding FTE (DfE children's social work workforce). A structure marked caseloadFromCouncil (the traditional hierarchy) sizes its case-holders by it." },
    lookedAfterSpend: money("Spend on children looked after", "Gross expenditure on children looked after, £ a year (MHCLG RO3 outturn), for the unit cost of a child looked after.", { unit: "£ a year", optional: true }),
  },
};

export const structureSpec: ObjectSpec = {
  type: "object",
  label: "Structure",
  fields: {
    name: { type: "text", label: "Structure" },
    teams: {
      type: "object",
      label: "Teams",
      fields: {
        of: { type: "text", label: "Teams are made of", help: "The case-holding tier whose FTE make up the teams (its id in a file)." },
        size: { type: "number", unit: "FTE", min: LIMITS.smallestRatio, max: LIMITS.fte, maxIsLimit: true, label: "Team size" },
        rounding: { type: "choice", choices: ["up", "none"], label: "A part team", optional: true, help: "up: a part team counts as a whole one; none: teams are left as fractions." },
      },
    },
    caseloadFromCouncil: { type: "boolean", label: "Case-holders carry the council's caseload today", optional: true, help: "On for a structure as the council runs it today (a council baseline): every case-holding tier sized by childrenPerWorker takes council.caseload, where the council states one, in place of its own figure." },
    teamBudget: money("Devolved budget per team", "A discretionary budget each team holds and spends on families as it judges (the Buurtzorg lever), £ a year in the prices of finance.year; its own line in the run cost.", { unit: "£ a year", optional: true }),
    tiers: { type: "list", label: "Tiers", minItems: 1, of: tierSpec, keyedBy: "id" },
  },
};

export const timeUseSpec: ObjectSpec = {
  type: "object",
  label: "Time use",
  retired: {
    recordingAndAdmin: "is now two activities: recording (stays with the case-holder) and administration (support staff could take it on); split the share between them",
  },
  fields: {
    hoursPerWeek: { type: "number", unit: "hours a week", above: 0, max: 80, label: "Contracted hours a week" },
    directContact: share("Direct contact with children and families", "Share of the starting week spent with children and families (the week as measured, before the changes below)."),
    recording: share("Recording", "Case recording, assessments and reports: stays with the case-holder."),
    administration: share("Administration", "Arranging, booking, forms, chasing and other administration that support staff could take on."),
    travel: share("Travel"),
    meetingsAndReporting: share("Meetings and reporting to managers", "Internal meetings, performance returns and reporting up the management line."),
    supervision: share("Supervision", "Individual and group supervision and reflection."),
    learning: share("Learning and other", "Learning and development, and the rest of the week."),
    changes: {
      type: "object",
      label: "Changes to the week",
      optional: true,
      help: "What the structure changes in the starting week, each a driver: the week after, and its direct contact share, follow from them. Hours freed go to direct contact (the share below) and to learning and other work.",
      fields: {
        administrationToSupport: share("Administration taken over by support staff", "Share of the case-holders' administration that support staff take over; a support tier sized by the quantity administrationHours does it.", { optional: true }),
        managementLayersBefore: { type: "number", unit: "layers", min: 0, max: 20, integer: true, optional: true, label: "Management layers when the week was measured", help: "Management layers above case-holders in the structure the starting week was measured in; meetings and reporting change with the layers this structure removes or adds." },
        reportingCutPerLayer: share("Reporting cut per management layer removed", "Share of meetings and reporting to managers that falls with each management layer removed (and rises with each added).", { optional: true }),
        travelCut: { type: "number", unit: "share", min: -1, max: 1, optional: true, label: "Travel cut", help: "Share of travel time cut (neighbourhood patches); negative adds travel." },
        supervisionChange: { type: "number", unit: "share", min: -1, max: 3, optional: true, label: "Change in supervision time", help: "Relative change in the case-holder's supervision time (group supervision added to or replacing individual)." },
        freedToDirectContact: share("Freed time that goes to direct contact", "Share of the hours freed that go to direct contact with children and families; the rest goes to learning and other work.", { optional: true }),
      },
    },
    directPayments: {
      type: "object",
      label: "Direct payments",
      optional: true,
      help: "Families supported through direct payments or individual budgets, and the care-management time each such case frees (or adds); the time moves between administration and direct contact.",
      fields: {
        shareOfFamilies: share("Families supported through direct payments", "Share of families supported through direct payments or individual budgets.", { optional: true }),
        hoursFreedPerCase: {
          type: "number",
          unit: "hours a week per case",
          min: -10,
          max: 10,
          optional: true,
          label: "Care-management hours freed per case",
          help: "Care-management hours a week each case supported through direct payments frees for direct contact; negative when it adds care management.",
        },
      },
    },
    groupSupervisionHours: {
      type: "number",
      unit: "hours a month",
      min: 0,
      max: 744,
      maxIsLimit: true,
      optional: true,
      label: "Group supervision and reflection",
      help: "Hours a month each case-holder spends in group supervision and reflection, within the supervision share (for the team-design indicators).",
    },
    vulnerableCaseWeight: {
      type: "number",
      unit: "multiple",
      above: 0,
      max: 20,
      optional: true,
      label: "Time on a child protection or looked-after case, relative to another case",
      help: "How much more (or less) time a child protection or looked-after case takes than another child in need (1: the same).",
    },
  },
};

export const appraisalSpec: ObjectSpec = {
  type: "object",
  label: "Appraisal",
  fields: {
    horizonYears: { type: "number", unit: "years", min: 1, max: 60, integer: true, label: "Appraisal horizon" },
    priceBaseYear: { type: "year", label: "Price base year", optional: true },
    discountSchedule: { type: "list", label: "Discount schedule", optional: true, minItems: 1, of: discountBandSpec },
    gdpDeflator: { type: "number", unit: "share", min: -0.2, max: 0.5, label: "GDP deflator (general inflation)" },
    optimismBias: { type: "number", unit: "share", min: 0, max: 5, label: "Optimism bias on transition spend" },
    optimismBiasRunCost: { type: "number", unit: "share", min: 0, max: 5, optional: true, label: "Optimism bias on the run cost change", help: "A share of the run cost change's size added against the option each year (a rise grows, a saving shrinks), as HM Treasury's guidance applies optimism bias to operating costs." },
    costNeutralTolerance: share("Cost-neutral tolerance", "The run cost change, as a share of the baseline, within which an option is cost neutral."),
  },
};

export const financeSpec: ObjectSpec = {
  type: "object",
  label: "Finance",
  fields: {
    year: { type: "year", label: "Financial year" },
    salaryYear: { type: "year", label: "Salaries stated in", optional: true },
    payAwards: { type: "map", key: "year", label: "Pay awards", optional: true, of: payAwardSpec },
    futurePayAward: { type: "number", unit: "share", min: -0.5, max: 1, label: "Pay award in later years" },
    employerNi: {
      type: "object",
      label: "Employer National Insurance",
      optional: true,
      fields: {
        rate: share("Employer NI rate"),
        threshold: money("Secondary threshold", "Employer NI is paid on salary above this, per employee.", { unit: "£ a year" }),
      },
    },
    pensionRate: share("Employer pension rate"),
    apprenticeshipLevy: {
      type: "object",
      label: "Apprenticeship levy",
      optional: true,
      fields: {
        rate: share("Apprenticeship levy rate"),
        allowance: money("Levy allowance", "Levy allowance set against this pay bill.", { unit: "£ a year" }),
      },
    },
    overheadsPerFte: money("Non-pay overheads per FTE", "Accommodation, IT, travel and training, per FTE in post.", { unit: "£ a year", max: LIMITS.salary, maxIsLimit: true }),
    appraisal: appraisalSpec,
  },
};

const leaverSpec: ObjectSpec = {
  type: "object",
  label: "Leaver group",
  fields: {
    share: share("Share of leavers"),
    age: { type: "number", unit: "age", min: 16, max: 80, integer: true, label: "Age" },
    yearsOfService: { type: "number", unit: "years", min: 0, max: 64, integer: true, label: "Years of service" },
  },
};

export const transitionSpec: ObjectSpec = {
  type: "object",
  label: "Transition",
  optional: true,
  fields: {
    years: { type: "number", unit: "years", min: 1, max: 10, integer: true, label: "Transition years" },
    priceYear: { type: "year", label: "Transition money stated in", optional: true, help: "The financial year whose prices the transition's money (recruitment, training, systems, programme team pay) is stated in; it is carried to the costed year by the NJC pay awards. Default: the costed year." },
    profile: profile("Spend profile", "Share of each category's spend in each transition year."),
    categoryProfiles: { type: "map", key: "name", keys: TRANSITION_CATEGORIES, label: "Profiles by category", optional: true, of: profile("Category profile", "Share of this category's spend in each transition year.") },
    ramp: { type: "list", label: "Run cost ramp", minItems: 1, maxItems: 10, of: share("Run cost change realised") },
    redeployed: { type: "map", key: "name", label: "Redeployed share by deleted tier", optional: true, of: share("Share redeployed") },
    redeployedDefault: share("Share redeployed (other deleted tiers)"),
    leavers: { type: "list", label: "Leavers", minItems: 1, of: leaverSpec },
    redundancy: {
      type: "object",
      label: "Redundancy",
      fields: {
        multiplier: { type: "number", unit: "multiple", min: 0, max: 10, label: "Multiplier on statutory redundancy" },
        actualPay: { type: "boolean", label: "Pay weeks at actual pay" },
        weeklyPayCap: money("Weekly pay cap", "The statutory cap on a week's pay.", { optional: true }),
        strainAge: { type: "number", unit: "age", min: 50, max: 75, integer: true, label: "Pension strain from age" },
        strainPerSalary: { type: "number", unit: "multiple", min: 0, max: 10, label: "Pension strain per leaver (× salary)" },
      },
    },
    recruitmentPerPost: money("Recruitment cost per new post"),
    training: {
      type: "object",
      label: "Training and coaching",
      fields: {
        perWorker: money("Training per case-holding worker"),
        perTeam: money("Coaching per team"),
      },
    },
    doubleRunning: {
      type: "object",
      label: "Double running",
      fields: {
        share: share("Share of the old structure kept running"),
        months: { type: "number", unit: "months", min: 0, max: 60, label: "Months of double running" },
      },
    },
    systems: money("Systems"),
    programmeTeam: {
      type: "object",
      label: "Programme team",
      fields: {
        fte: { type: "number", unit: "FTE", min: 0, max: LIMITS.fte, maxIsLimit: true, label: "Programme team FTE" },
        salary: money("Programme team salary", undefined, { unit: "£ a year", max: LIMITS.salary, maxIsLimit: true }),
        years: { type: "number", unit: "years", min: 0, max: 10, label: "Programme team years" },
      },
    },
    retention: {
      type: "object",
      label: "Retention",
      optional: true,
      help: "The option's turnover and vacancy rates against the council's, once phased in: the Blueprint's argument that better jobs keep people. What it saves is its own line of the appraisal.",
      fields: {
        turnoverChange: { type: "number", unit: "share", min: -1, max: 1, label: "Change in turnover", optional: true, help: "Relative change in the turnover rate once phased in: −0.1 is a tenth fewer leavers. Default 0." },
        vacancyChange: { type: "number", unit: "share", min: -1, max: 1, label: "Change in the vacancy rate", optional: true, help: "Relative change in the vacancy rate once phased in: −0.1 is a tenth fewer vacant posts. Default 0." },
        phaseInYears: { type: "number", unit: "years", min: 1, max: 10, label: "Years to phase in", optional: true, help: "Years over which the changes phase in, an equal share more each year. Default 1 (all in the first year)." },
      },
    },
    demand: {
      type: "object",
      label: "Demand",
      optional: true,
      help: "Children looked after, on a plan and otherwise in need against the council's today, once phased in: they change the caseload at work. With the council's unit cost of a child looked after (RO3 spend ÷ children looked after), the cashable benefit of fewer children looked after is shown beside the cost-only NPV.",
      fields: {
        lookedAfterChange: { type: "number", unit: "share", min: -1, max: 1, label: "Change in children looked after", optional: true, help: "Relative change once phased in: −0.05 is a twentieth fewer. Default 0." },
        inNeedChange: { type: "number", unit: "share", min: -1, max: 1, label: "Change in other children in need", optional: true, help: "Relative change once phased in in children in need who are neither looked after nor on a child protection plan: it changes the caseload at work, not the cost. Default 0." },
        onPlanChange: { type: "number", unit: "share", min: -1, max: 1, label: "Change in children on a child protection plan", optional: true, help: "Relative change once phased in in children on a child protection plan: it changes the caseload at work, not the cost. Needs the council's share of children on a plan; without it, children on a plan move with other children in need. Default 0." },
        phaseInYears: { type: "number", unit: "years", min: 1, max: 10, label: "Years to phase in", optional: true, help: "Years over which the change phases in, an equal share more each year. Default 1." },
      },
    },
    workforce: {
      type: "object",
      label: "Workforce flows",
      optional: true,
      help: "The workforce month by month through the move: starters within the council's recruitment capacity, leavers at its turnover, holders of posts that go redeployed, leaving by natural wastage or made redundant.",
      fields: {
        fromFlows: { type: "boolean", label: "Cost the workforce's transition from the flows", optional: true, help: "On: redundancy, pension strain, recruitment, double running and agency bridging are costed from the flows month by month, in place of the redeployed shares' leavers, the new posts count and the double running share typed in. Off (the default): the typed shares." },
        monthsToFill: { type: "number", unit: "months", min: 1, max: 36, label: "Months to fill a post", optional: true, help: "Months to fill a post beyond those turnover vacates: each month a tier short of staff fills this fraction of its gap. Default 3, an assumption." },
        redundancyMonth: { type: "number", unit: "months", min: 0, max: 599, integer: true, label: "Month of redundancies", optional: true, help: "The month of the appraisal, counted from 0, in which holders of posts that go who are still in post are made redundant. Default: the last month of the transition." },
        otherTurnover: { type: "number", unit: "multiple", min: 0, max: 5, label: "Other staff's turnover against social workers'", optional: true, help: "Turnover of support staff and clinicians as a multiple of the council's social worker turnover (the DfE publishes social workers' only). Default 1, an assumption." },
        agencyConversion: { type: "number", unit: "share", min: 0, max: 1, label: "Agency workers taking the post", optional: true, help: "Share of the agency workers bridging a new post who take it as a permanent post in a year: starters the market need not supply, with no recruitment cost. Default 0." },
      },
    },
  },
};

/** A rank correlation between two uncertain inputs of the scenario. */
const correlationSpec: ObjectSpec = {
  type: "object",
  label: "Correlation",
  fields: {
    between: { type: "list", label: "Between (two setting keys)", minItems: 2, maxItems: 2, of: { type: "text", label: "Setting key" } },
    rank: { type: "number", unit: "rank correlation", min: -1, max: 1, label: "Rank correlation", help: "Spearman's rank correlation between the two inputs, from -1 to 1." },
  },
};

export const scenarioSpec: ObjectSpec = {
  type: "object",
  label: "Scenario",
  fields: {
    id: { type: "text", label: "Id", optional: true },
    name: { type: "text", label: "Name" },
    shortName: {
      type: "text",
      label: "Short name",
      optional: true,
      pattern: /^.{1,24}$/,
      patternHelp: "must be 1 to 24 characters (it heads narrow table columns; the full name is the name)",
      help: "A short name for table headers and lists where the full name does not fit, such as \"Blueprint\".",
    },
    description: { type: "text", label: "Description", optional: true },
    council: councilSpec,
    structure: structureSpec,
    timeUse: timeUseSpec,
    finance: financeSpec,
    transition: transitionSpec,
    correlations: { type: "list", label: "Correlations", optional: true, of: correlationSpec, help: "Rank correlations between inputs that carry a distribution." },
  },
};

export { TIME_USE_SHARES, show, unwrapAnnotated };
