// @ts-check
/**
 * Compares two presets and prints the figures a director asks about first, as a table.
 *
 *     node compare-presets.mjs                       # baseline-2018 against blueprint
 *     node compare-presets.mjs england-2025 cluster  # any two presets (`socialcare presets` lists them)
 *
 * Every number comes from the engine; this script only chooses and lays them out.
 */
import { compareScenarios, explain, loadPreset } from "socialcare-model";

const [baselineId = "baseline-2018", optionId = "blueprint"] = process.argv.slice(2);
const baseline = loadPreset(baselineId);
const option = loadPreset(optionId);
const comparison = compareScenarios(baseline, option);

/** @param {number} value */
const money = (value) => `${value < 0 ? "-" : ""}£${Math.abs(value).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** @param {number} value */
const percent = (value) => `${(value * 100).toFixed(1)}%`;
/** @param {number} value */
const number = (value) => value.toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const b = comparison.baseline;
const o = comparison.option;
/** @type {[string, string, string][]} */
const rows = [
  ["Children per case-holder", number(b.caseload.childrenPerCaseHolder), number(o.caseload.childrenPerCaseHolder)],
  ["Direct contact share of the week", percent(b.time.directContactShare), percent(o.time.directContactShare)],
  ["Total FTE", number(b.structure.totalFte), number(o.structure.totalFte)],
  ["Management layers", String(b.structure.layers), String(o.structure.layers)],
  ["Run cost", money(b.runCost.total), money(o.runCost.total)],
];

const header = /** @type {[string, string, string]} */ (["Figure", baselineId, optionId]);
const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
const line = (/** @type {string[]} */ cells) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of rows) console.log(line(row));
console.log("");
console.log(`Change in run cost: ${money(comparison.change.runCost)} (${percent(comparison.change.runCostPct)}), ${comparison.costNeutral ? "cost neutral" : "not cost neutral"}`);
console.log(`Transition spend: ${money(comparison.transition.total)} over ${comparison.transition.years.join(", ") || "no years"}`);
console.log(`Net present value: ${money(comparison.appraisal.npv)}; payback: ${comparison.appraisal.paybackYear ?? "not within the horizon"}`);

// How one figure was worked out, as a finance officer would audit it.
const how = explain(option, "caseload.childrenPerCaseHolder");
console.log("");
console.log(`How ${optionId}'s caseload is worked out: ${how.rule}`);
console.log(`  ${how.formula}`);
