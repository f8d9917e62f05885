import { CATEGORY_LABELS, compareOptions, comparisonFigure, resultFigure, teamDesign, type Comparison } from "../../engine/index.js";
import { AS_GIVEN_OPTION, COMMON_OPTIONS, COUNCIL_OPTION, type Command } from "../command.js";
import { onBaselineBasis } from "../../engine/compare/oneBasis.js";
import type { Scenario } from "../../engine/index.js";
import { formatByUnit, formatChange, formatChangePercent, formatMoney, formatNumber, table, wrap } from "../format.js";
import { loadNamed, positionals } from "../scenarios.js";
import { comparisonRows, TIDY_HEADER } from "../tidy.js";
import { teamDesignCsvRows, teamDesignText } from "../teamDesignTable.js";
import { councilInputsText } from "../councilInputs.js";

/** The headline figures of a comparison, in the order a director reads them. */
const HEADLINES = [
  "caseload.children",
  "caseload.caseHoldingFte",
  "caseload.childrenPerCaseHolderAtWork",
  "caseload.childrenPerCaseHolder",
  "caseload.familiesPerCaseHolder",
  "time.directContactShare",
  "time.directContactHoursPerChildPerWeek",
  "structure.totalFte",
  "structure.teams",
  "structure.layers",
  "structure.managementFte",
  "runCost.total",
];

/** The three-way verdict in words: a saving is never read as a failed "cost neutral". */
const VERDICT_WORDS: Record<Comparison["verdict"], string> = {
  saves: "saves more than the tolerance",
  neutral: "cost neutral, within the tolerance",
  costs: "costs more than the tolerance",
};

/** What a comparison adds, for the side-by-side overview of several options. */
const VERDICTS = ["change.runCostPct", "costNeutral", "transition.total", "appraisal.npv", "appraisal.paybackYear"];

export const compare: Command = {
  name: "compare",
  summary: "compare options with a baseline: changes, transition spend by year and category, appraisal",
  usage: "socialcare compare <baseline> <option> [<option> ...] [--council <council|preset|file>]",
  example: "socialcare compare baseline-2018 blueprint my-council.yaml --csv --out comparison.csv",
  options: [COUNCIL_OPTION, AS_GIVEN_OPTION, ...COMMON_OPTIONS],
  run(args) {
    const [baselineName, ...optionNames] = positionals(args, ["baseline", "option"], true);
    const baseline = loadNamed(baselineName!, args);
    const given = optionNames.map((name) => loadNamed(name, args));
    const comparisons = compareOptions(baseline, given, { basis: args.options["as-given"] === true ? "as given" : "rebase" });
    const options = comparisons.map((c, k) => (c.basis.rebased ? rebasedScenario(baseline, given[k]!) : given[k]!));
    const blocks = comparisons.map(describe);
    if (comparisons.length > 1) blocks.unshift(overview(comparisons));
    // where the place's figures came from, after the results they explain (each option's own where it differs)
    const councils = [baseline, ...options.filter((o) => o.council.name !== baseline.council.name)];
    blocks.push(councils.map(councilInputsText).join("\n"));
    // The team-design indicators of every scenario, side by side (issue 8).
    const designs = [baseline, ...options].map(teamDesign);
    blocks.push(teamDesignText(designs));
    return { text: blocks.join("\n\n"), json: comparisons, csv: [TIDY_HEADER, ...comparisonRows(comparisons), ...teamDesignCsvRows(designs)] };
  },
};

/** Several options side by side with the baseline: the headlines and each option's verdict. */
function overview(comparisons: Comparison[]): string {
  const first = comparisons[0]!;
  const header = ["Figure", first.baseline.scenario.id, ...comparisons.map((c) => c.option.scenario.id)];
  const rows = HEADLINES.map((name) => {
    const base = resultFigure(first.baseline, name);
    return [base.label, formatByUnit(base.value, base.unit), ...comparisons.map((c) => formatByUnit(resultFigure(c.option, name).value, base.unit))];
  });
  for (const name of VERDICTS) {
    const own = comparisons.map((c) => comparisonFigure(c, name));
    rows.push([own[0]!.label, "", ...own.map((f) => (f.unit === "share" ? formatChangePercent(f.value as number, 2) : formatByUnit(f.value, f.unit)))]);
  }
  const notes = comparisons.map(mismatch).filter((n): n is string => n !== undefined);
  return [`Options against ${first.baseline.scenario.name} (${first.baseline.scenario.year} prices)`, "", table(header, rows), ...notes.map((n) => `  ${n}`)].join("\n");
}

function describe(c: Comparison): string {
  const lines: string[] = [];
  lines.push(`${c.option.scenario.name}\n  against ${c.baseline.scenario.name}, on ${c.option.scenario.council} (${c.option.scenario.year} prices)`);
  const note = mismatch(c);
  if (note) lines.push(`  ${note}`);
  const rows = c.figures
    .filter((f) => HEADLINES.includes(f.figure))
    .sort((a, b) => HEADLINES.indexOf(a.figure) - HEADLINES.indexOf(b.figure))
    .map((f) => [f.label, formatByUnit(f.baseline, f.unit), formatByUnit(f.option, f.unit), formatChange(f.change, f.unit), formatChangePercent(f.changePct)]);
  lines.push("", table(["Figure", "Baseline", "Option", "Change", "% change"], rows));
  lines.push(
    "",
    `Run cost ${c.change.runCost >= 0 ? "rises" : "falls"} by ${formatMoney(Math.abs(c.change.runCost))} (${formatChangePercent(c.change.runCostPct, 2)}): ${VERDICT_WORDS[c.verdict]} (tolerance ±${formatNumber(c.appraisal.costNeutralTolerance * 100, 1)}%).`,
  );
  if (c.transition.years.length > 0) {
    const categories = Object.entries(c.transition.byCategory);
    const header = ["Transition spend", ...c.transition.years, "Total"];
    const body = categories.map(([category, amount], i) => [CATEGORY_LABELS[category] ?? category, ...c.transition.table[i]!.map(formatMoney), formatMoney(amount)]);
    body.push(["Total", ...c.transition.byYear.map((y) => formatMoney(y.amount)), formatMoney(c.transition.total)]);
    lines.push("", table(header, body));
    const p = c.transition.posts;
    const w = c.transition.workforce;
    lines.push(
      `  Posts deleted ${formatNumber(p.deleted)} FTE (${formatNumber(p.redeployed)} redeployed, ${w ? `${formatNumber(p.naturalWastage)} left by natural wastage, ` : ""}${formatNumber(p.leavers)} made redundant); new posts ${formatNumber(p.newPosts)} FTE, ${formatNumber(p.recruited)} recruited.`,
    );
    if (c.transition.workforceUnavailable) lines.push(`  ${c.transition.workforceUnavailable}.`);
    if (w) {
      lines.push(
        `  From the workforce flows (${formatNumber(w.monthsToFill, 1, 0)} months to fill a post, redundancies in month ${w.redundancyMonth + 1}): ${w.monthsToFullStaffing === null ? "not fully staffed within the horizon" : `fully staffed by month ${w.monthsToFullStaffing}`}; agency bridged ${formatNumber(w.extraAgencyFteMonths / 12, 1, 1)} FTE-years beyond the usual cover${w.agencyConversion > 0 ? `, and ${formatNumber(w.convertedFromAgency, 1, 1)} FTE of agency workers took the post (${formatNumber(w.agencyConversion * 100, 1, 0)}% a year, no recruitment cost)` : ""}. Pay not spent on posts not yet filled, ${formatMoney(w.unfilledPayNotSpent)}, is not set against the transition (socialcare flows shows the months).`,
      );
    }
  } else {
    lines.push("", "No transition drivers: the option moves at no one-off cost.");
  }
  const a = c.appraisal;
  lines.push(
    "",
    `Appraisal over ${a.horizonYears} years in ${a.priceBaseYear} prices, Green Book discounting, optimism bias ${formatNumber(a.optimismBias * 100, 1, 0)}% on transition spend and ${formatNumber(a.optimismBiasRunCost * 100, 1, 0)}% on the run cost change:`,
  );
  // The retention lever's saving is its own column when the option sets one (never part of the run cost).
  const retaining = a.cashFlows.some((f) => f.retention !== 0);
  lines.push(
    table(
      ["Year", "Transition", "Run cost change", "Optimism bias on it", ...(retaining ? ["Retention saving"] : []), "Cash flow", "Discount factor", "Present value"],
      [
        ...a.cashFlows.map((f) => [
          f.year,
          formatMoney(f.transition),
          formatMoney(f.runCostChange),
          formatMoney(f.runCostOptimismBias),
          ...(retaining ? [formatMoney(f.retention)] : []),
          formatMoney(f.amount),
          formatNumber(f.discountFactor, 4),
          formatMoney(f.presentValue),
        ]),
        ["Net present value", "", "", "", ...(retaining ? [""] : []), "", "", formatMoney(a.npv)],
      ],
    ),
  );
  const r = c.retention;
  if (r && retaining) {
    lines.push(
      `  Retention (turnover ${formatChangePercent(r.turnoverChange, 0)}, vacancies ${formatChangePercent(r.vacancyChange, 0)}, phased in over ${formatNumber(r.phaseInYears, 1, 0)} years): once phased in, ${formatMoney(r.recruitmentAvoided)} recruitment and ${formatMoney(r.agencyPremiumAvoided)} agency premium avoided, less ${formatMoney(r.payOfPostsFilled)} pay of posts filled that stood empty = ${formatMoney(r.saving)} a year, before optimism bias.`,
    );
  }
  lines.push(`  NPV ${formatMoney(a.npv)} (positive is a saving); payback ${a.paybackYear ?? "not within the horizon"}.`);
  const d = c.demand;
  if (d && d.unitCost !== null) {
    const share = d.childrenLookedAfter && d.fewerLookedAfterToBreakEven !== null ? ` (${formatNumber((d.fewerLookedAfterToBreakEven / d.childrenLookedAfter) * 100, 1, 1)}% of its ${formatNumber(d.childrenLookedAfter, 1, 0)})` : "";
    lines.push(
      `  Children looked after cost the council ${formatMoney(d.unitCost)} a year each (RO3 spend ÷ children looked after). ${d.lookedAfterChange !== 0 ? `With ${formatChangePercent(d.lookedAfterChange, 1)} of them, phased in over ${formatNumber(d.phaseInYears, 1, 0)} years, the NPV with cashable benefits is ${formatMoney(a.npvWithBenefits)} (cost-only ${formatMoney(a.npv)}). ` : ""}Fewer children looked after that would bring the NPV to zero: ${formatNumber(d.fewerLookedAfterToBreakEven ?? 0, 1, 1)}${share}.`,
    );
  }
  if (d && d.childrenHeldChange !== 0) {
    lines.push(
      `  Demand (children in need ${formatChangePercent(d.inNeedChange, 1)}, on a plan ${formatChangePercent(d.onPlanChange, 1)}, looked after ${formatChangePercent(d.lookedAfterChange, 1)}, phased in over ${formatNumber(d.phaseInYears, 1, 0)} years): the children held change by ${formatChangePercent(d.childrenHeldChange, 1)}, so the option's caseload at work becomes ${formatNumber(d.caseloadAfterDemand, 1, 1)} with its posts as sized.${d.childrenHeldNote ? ` ${d.childrenHeldNote}` : ""}`,
    );
  }
  const failed = c.checks.filter((k) => !k.ok);
  lines.push("", failed.length === 0 ? `Checks: all ${c.checks.length} pass.` : `Checks failing: ${failed.map((k) => `${k.name} (${k.detail ?? ""})`).join("; ")}`);
  return lines.join("\n");
}

/**
 * A warning when the two sides are not on the same council or in the same year's prices: the
 * difference then mixes the structure with the place or the year (--council puts them on one council).
 */
function mismatch(c: Comparison): string | undefined {
  const b = c.baseline.scenario;
  const o = c.option.scenario;
  if (c.basis.rebased) return wrap(`Note: ${c.basis.rebased} (--as-given compares them as they are).`, 100, "    ");
  const differences: string[] = [];
  if (b.council !== o.council) differences.push(`councils (${b.council}; ${o.council})`);
  if (b.year !== o.year) differences.push(`years (${b.year}; ${o.year})`);
  if (differences.length === 0) return undefined;
  return wrap(`WARNING, not one price base: ${o.id} and ${b.id} differ in ${differences.join(" and ")}, as asked (--as-given), so the changes and the verdict below are not the structure's alone; without --as-given the option is run on the baseline's council and year.`, 100, "    ");
}

/** The option as compared, rebased onto the baseline's council and year (for its team-design indicators). */
function rebasedScenario(baseline: Scenario, option: Scenario): Scenario {
  return onBaselineBasis(baseline, option).option;
}
