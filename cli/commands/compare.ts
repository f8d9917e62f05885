import { CATEGORY_LABELS, compareOptions, comparisonOnlyFigures, teamDesign, type Comparison } from "../../engine/index.js";
import { loadPresetOrFile } from "../../node/files.js";
import { UsageError } from "../args.js";
import { COMMON_OPTIONS, type Command } from "../command.js";
import { formatByUnit, formatChangePercent, formatMoney, table } from "../format.js";
import { teamDesignCsvRows, teamDesignText } from "../teamDesignTable.js";

/** The headline figures of a comparison, in the order a director reads them. */
const HEADLINES = [
  "caseload.children",
  "caseload.caseHoldingFte",
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

export const compare: Command = {
  name: "compare",
  summary: "compare options with a baseline: changes, transition spend, appraisal",
  usage: "socialcare compare <baseline> <option> [<option> ...]",
  example: "socialcare compare baseline-2018 blueprint",
  options: [...COMMON_OPTIONS],
  run(args) {
    const [baselineName, ...optionNames] = args.positionals;
    if (!baselineName || optionNames.length === 0) throw new UsageError("compare needs a baseline and at least one option");
    const baseline = loadPresetOrFile(baselineName);
    const options = optionNames.map(loadPresetOrFile);
    const comparisons = compareOptions(baseline, options);
    const designs = [baseline, ...options].map(teamDesign);
    return { text: `${comparisons.map(describe).join("\n\n")}\n\n${teamDesignText(designs)}`, json: comparisons, csv: [...tidy(comparisons), ...teamDesignCsvRows(designs)] };
  },
};

function describe(c: Comparison): string {
  const lines: string[] = [];
  lines.push(`${c.option.scenario.name}\n  against ${c.baseline.scenario.name} (${c.option.scenario.year} prices)`);
  const rows = c.figures
    .filter((f) => HEADLINES.includes(f.figure))
    .sort((a, b) => HEADLINES.indexOf(a.figure) - HEADLINES.indexOf(b.figure))
    .map((f) => [f.label, formatByUnit(f.baseline, f.unit), formatByUnit(f.option, f.unit), f.change === null ? "" : formatChange(f.change, f.unit), formatChangePercent(f.changePct)]);
  lines.push("", table(["Figure", "Baseline", "Option", "Change", "% change"], rows));
  lines.push("", `Run cost ${c.change.runCost >= 0 ? "rises" : "falls"} by ${formatMoney(Math.abs(c.change.runCost))} (${formatChangePercent(c.change.runCostPct, 2)}): ${c.costNeutral ? "cost neutral" : "not cost neutral"} (tolerance ±${(c.appraisal.costNeutralTolerance * 100).toFixed(1)}%).`);
  if (c.transition.years.length > 0) {
    const categories = Object.entries(c.transition.byCategory);
    const header = ["Transition spend", ...c.transition.years, "Total"];
    const body = categories.map(([category, amount], i) => [CATEGORY_LABELS[category] ?? category, ...c.transition.table[i]!.map(formatMoney), formatMoney(amount)]);
    body.push(["Total", ...c.transition.byYear.map((y) => formatMoney(y.amount)), formatMoney(c.transition.total)]);
    lines.push("", table(header, body));
  } else {
    lines.push("", "No transition drivers: the option moves at no one-off cost.");
  }
  const a = c.appraisal;
  lines.push(
    "",
    `Appraisal over ${a.horizonYears} years in ${a.priceBaseYear} prices, Green Book discounting, optimism bias ${(a.optimismBias * 100).toFixed(0)}% on transition spend:`,
    `  net present value ${formatMoney(a.npv)} (positive is a saving); payback ${a.paybackYear ?? "not within the horizon"}.`,
  );
  const failed = c.checks.filter((k) => !k.ok);
  lines.push("", failed.length === 0 ? `Checks: all ${c.checks.length} pass.` : `Checks failing: ${failed.map((k) => `${k.name} (${k.detail ?? ""})`).join("; ")}`);
  return lines.join("\n");
}

function formatChange(change: number, unit: string): string {
  const text = formatByUnit(change, unit);
  return change > 0 ? `+${text}` : text;
}

function tidy(comparisons: Comparison[]): (string | number | boolean | null)[][] {
  const rows: (string | number | boolean | null)[][] = [["figure", "scenario", "value", "unit"]];
  comparisons.forEach((c, i) => {
    if (i === 0) for (const f of c.figures) rows.push([f.figure, c.baseline.scenario.id, f.baseline, f.unit]);
    for (const f of c.figures) rows.push([f.figure, c.option.scenario.id, f.option, f.unit]);
    for (const f of comparisonOnlyFigures(c)) rows.push([f.figure, `${c.option.scenario.id} vs ${c.baseline.scenario.id}`, f.value, f.unit]);
  });
  return rows;
}
