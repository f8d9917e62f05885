import { addYears, applySettings, CATEGORY_LABELS, compareScenarios, DEFAULT_MONTHS_TO_FILL, FLOW_CATEGORIES, flowsByYear, onBaselineBasis, scenarioFlows, TRANSITION_CATEGORIES, type Comparison, type Flows } from "../../engine/index.js";
import { UsageError } from "../args.js";
import { COMMON_OPTIONS, COUNCIL_OPTION, type Command } from "../command.js";
import { formatChangePercent, formatMoney, formatNumber, table } from "../format.js";
import { loadNamed } from "../scenarios.js";

/**
 * `socialcare flows <scenario> [--baseline <scenario>]`: the workforce month by month (by year unless
 * --monthly), tier by tier: posts, in post, vacancies, agency, starters, leavers, redeployed and made
 * redundant, from the council's turnover, starters, vacancy and agency cover and the transition's ramp.
 */
export const flows: Command = {
  name: "flows",
  summary: "the workforce over time: posts, in post, vacancies, agency, starters, leavers, redeployed and redundant, by tier and year",
  usage: "socialcare flows <scenario> [--baseline <scenario>] [--council <name>] [--monthly] [--months-to-fill <n>] [--redundancy-month <n>]",
  example: "socialcare flows blueprint --baseline traditional --council leeds",
  options: [
    { name: "baseline", value: true, placeholder: "scenario", help: "the structure the move starts from (the option is run on its council and prices)" },
    COUNCIL_OPTION,
    { name: "monthly", value: false, help: "one row a month rather than a year" },
    { name: "months-to-fill", value: true, placeholder: "n", help: `months to fill a gap beyond the posts turnover vacates (default ${DEFAULT_MONTHS_TO_FILL}, an assumption)` },
    { name: "redundancy-month", value: true, placeholder: "n", help: "the month (from 0) surplus holders still in post are made redundant (default: the transition's last)" },
    ...COMMON_OPTIONS,
  ],
  run(args) {
    const [name, ...rest] = args.positionals;
    if (!name || rest.length > 0) throw new UsageError("flows takes one scenario (a preset or a scenario file), and --baseline for the move to it");
    const baselineName = args.options.baseline;
    if (baselineName !== undefined && typeof baselineName !== "string") throw new UsageError("--baseline needs a scenario");
    const number = (flag: string, min: number): number | undefined => {
      const v = args.options[flag];
      if (v === undefined) return undefined;
      const n = Number(v);
      if (typeof v !== "string" || !Number.isInteger(n) || n < min) throw new UsageError(`--${flag} must be a whole number from ${min}, got "${String(v)}"`);
      return n;
    };
    const monthsToFill = number("months-to-fill", 1);
    const redundancyMonth = number("redundancy-month", 0);
    const baseline = baselineName ? loadNamed(baselineName, args) : undefined;
    const loaded = baseline ? onBaselineBasis(baseline, loadNamed(name, args)).option : loadNamed(name, args);
    // The flags are the option's transition.workforce settings, so the transition costed below uses them too.
    const overrides: Record<string, number> = {};
    if (loaded.transition && monthsToFill !== undefined) overrides["transition.workforce.monthsToFill"] = monthsToFill;
    if (loaded.transition && redundancyMonth !== undefined) overrides["transition.workforce.redundancyMonth"] = redundancyMonth;
    const option = applySettings(loaded, overrides, "command line");
    const f = scenarioFlows(option, baseline, { ...(monthsToFill !== undefined ? { monthsToFill } : {}), ...(redundancyMonth !== undefined ? { redundancyMonth } : {}) });
    const costed = baseline && option.transition ? compareScenarios(baseline, option) : undefined;
    const monthly = args.options.monthly === true;
    const firstYear = option.finance.year;
    const periods = monthly ? monthRows(f, firstYear) : yearRows(f, firstYear);
    const header = ["Period", "Tier", "Posts", "In post", "Vacant", "Agency", "Starters", "From agency", "Leavers", "Redeployed in", "Redeployed out", "Redundant"];
    const fmt = (x: number) => formatNumber(x, 1, 1);
    const rows = periods.map((r) => [r.period, r.tier, fmt(r.posts), fmt(r.inPost), fmt(r.vacant), fmt(r.agency), fmt(r.starters), fmt(r.fromAgency), fmt(r.leavers), fmt(r.redeployedIn), fmt(r.redeployedOut), fmt(r.redundant)]);
    const w = option.transition?.workforce;
    const levers = [
      w && w.otherTurnover !== 1 ? `support staff and clinicians leave at ${formatNumber(w.otherTurnover, 2, 0)} × the social workers' rate` : "",
      baseline && w && w.agencyConversion > 0 ? `${formatNumber(w.agencyConversion * 100, 1, 0)}% a year of the agency workers bridging a gap take the post` : "",
      baseline && option.transition && option.transition.retention.turnoverChange !== 0 ? `turnover ${formatChangePercent(option.transition.retention.turnoverChange, 0)} once phased in over ${formatNumber(option.transition.retention.phaseInYears, 1, 0)} years (the retention lever)` : "",
    ].filter((x) => x !== "");
    const redundant = periods.reduce((s, r) => s + r.redundant, 0);
    const text = [
      `Workforce flows: ${option.name}${baseline ? ` from ${baseline.name}` : " (no change: a steady state)"}, on ${option.council.name}`,
      `Turnover ${formatNumber(option.council.turnoverRate! * 100, 1, 1)}% a year; recruitment capacity ${option.council.startersPerYear === undefined ? "unlimited" : `${formatNumber(option.council.startersPerYear, 1, 1)} starters a year`}; vacancy rate ${formatNumber(option.council.vacancyRate * 100, 1, 1)}%, ${formatNumber(option.council.agencyCoverShare * 100, 1, 1)}% of vacancies covered by agency; ${monthsToFill ?? option.transition?.workforce.monthsToFill ?? DEFAULT_MONTHS_TO_FILL} months to fill a post (an assumption).${levers.length > 0 ? ` ${levers.join("; ").replace(/^./, (c) => c.toUpperCase())}.` : ""}`,
      "",
      table(header, rows, ["left", "left", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right"]),
      "",
      `Fully staffed: ${f.monthsToFullStaffing === null ? "not within the horizon" : `by the end of month ${f.monthsToFullStaffing}`}. Made redundant in all: ${fmt(redundant)} FTE.`,
      "Agency is the average over the period (a year's, by year); stocks are at the period's end.",
      ...(costed ? ["", ...transitionLines(costed)] : []),
    ].join("\n");
    return {
      text,
      json: {
        scenario: option.id,
        baseline: baseline?.id ?? null,
        council: option.council.name,
        monthsToFullStaffing: f.monthsToFullStaffing,
        rows: periods,
        transition: costed ? { fromFlows: costed.transition.workforce !== null, byCategory: costed.transition.byCategory, years: costed.transition.years, table: costed.transition.table, workforce: costed.transition.workforce } : null,
      },
      csv: [["period", "tier", "posts", "inPost", "vacant", "agency", "starters", "fromAgency", "leavers", "redeployedIn", "redeployedOut", "redundant"], ...periods.map((r) => [r.period, r.tier, r.posts, r.inPost, r.vacant, r.agency, r.starters, r.fromAgency, r.leavers, r.redeployedIn, r.redeployedOut, r.redundant])],
    };
  },
};

/** The transition the flows cost (or, when the option does not ask for it, a line saying the shares typed in cost it). */
function transitionLines(c: Comparison): string[] {
  const w = c.transition.workforce;
  if (!w) {
    return [c.transition.workforceUnavailable ? `${c.transition.workforceUnavailable}.` : "The option's transition costs its workforce from the shares typed in; set transition.workforce.fromFlows to cost it from these flows."];
  }
  const header = ["Transition from the flows", ...c.transition.years, "Total"];
  const body = FLOW_CATEGORIES.map((category) => {
    const i = TRANSITION_CATEGORIES.indexOf(category);
    return [CATEGORY_LABELS[category] ?? category, ...c.transition.table[i]!.map(formatMoney), formatMoney(c.transition.byCategory[category])];
  });
  return [
    table(header, body),
    `Pay not spent on posts not yet filled, ${formatMoney(w.unfilledPayNotSpent)}, is not set against the transition. The whole transition (training, systems, programme team too): socialcare compare.`,
  ];
}

interface Row {
  period: string;
  tier: string;
  posts: number;
  inPost: number;
  vacant: number;
  agency: number;
  starters: number;
  /** Of the starters, agency workers who took the post. */
  fromAgency: number;
  leavers: number;
  redeployedIn: number;
  redeployedOut: number;
  redundant: number;
}

/** One row a tier for a period: its stocks at the period's end and its flows over it. */
function tierRows(f: Flows, period: string, p: { posts: number[]; inPost: number[]; vacant: number[]; agency: number[]; starters: number[]; fromAgency: number[]; leavers: number[]; redeployedIn: number[]; redeployedOut: number[]; redundant: number[] }): Row[] {
  return f.tiers.map((t, i) => ({
    period,
    tier: t.id,
    posts: p.posts[i]!,
    inPost: p.inPost[i]!,
    vacant: p.vacant[i]!,
    agency: p.agency[i]!,
    starters: p.starters[i]!,
    fromAgency: p.fromAgency[i]!,
    leavers: p.leavers[i]!,
    redeployedIn: p.redeployedIn[i]!,
    redeployedOut: p.redeployedOut[i]!,
    redundant: p.redundant[i]!,
  }));
}

function yearRows(f: Flows, firstYear: string): Row[] {
  return flowsByYear(f).flatMap((y) =>
    tierRows(f, addYears(firstYear, y.index), { posts: y.establishment, inPost: y.closing, vacant: y.vacancies, agency: y.agencyAverage, starters: y.starters, fromAgency: y.converted, leavers: y.leavers, redeployedIn: y.redeployedIn, redeployedOut: y.redeployedOut, redundant: y.redundancies }),
  );
}

function monthRows(f: Flows, firstYear: string): Row[] {
  return f.months.flatMap((m, k) =>
    tierRows(f, `${addYears(firstYear, Math.floor(k / 12))} month ${(k % 12) + 1}`, { posts: m.establishment, inPost: m.closing, vacant: m.vacancies, agency: m.agency, starters: m.starters, fromAgency: m.converted, leavers: m.leavers, redeployedIn: m.redeployedIn, redeployedOut: m.redeployedOut, redundant: m.redundancies }),
  );
}
