// @ts-check
/**
 * Sweeps a structure's caseload target (children per case-holder at work) over a range and writes
 * one CSV row per target: the staff it needs, its run cost, and how it compares with a baseline.
 *
 *     node sweep-caseload.mjs                                   # blueprint, 10 to 20 children, to sweep.csv
 *     node sweep-caseload.mjs --from 12 --to 18 --step 0.5 --out targets.csv
 *     node sweep-caseload.mjs --option cluster --baseline england-2025
 *
 * The target is set on every tier sized by a caseload, through applySettings, so each point is an
 * ordinary validated scenario; every figure comes from the engine.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { applySettings, compareScenarios, loadPreset, runScenario } from "socialcare-model";

const { values } = parseArgs({
  options: {
    option: { type: "string", default: "blueprint" },
    baseline: { type: "string", default: "baseline-2018" },
    from: { type: "string", default: "10" },
    to: { type: "string", default: "20" },
    step: { type: "string", default: "1" },
    out: { type: "string", default: "sweep.csv" },
  },
});
const from = Number(values.from);
const to = Number(values.to);
const step = Number(values.step);
if (!(step > 0) || !(from > 0) || !(to >= from)) {
  console.error("sweep-caseload: need 0 < --from <= --to and --step > 0");
  process.exit(2);
}

const baseline = loadPreset(String(values.baseline));
const option = loadPreset(String(values.option));
// The settings to move: the caseload target of each tier sized by one.
const keys = option.structure.tiers.filter((t) => t.size.rule === "caseload").map((t) => `structure.tiers.${t.id}.childrenPerWorker`);
if (keys.length === 0) {
  console.error(`sweep-caseload: ${values.option} has no tier sized by a caseload target`);
  process.exit(1);
}

const header = ["caseloadTarget", "caseHoldingFte", "caseloadAtWork", "totalFte", "runCost", "runCostChange", "runCostChangePct", "costNeutral", "transitionTotal", "npv"];
const lines = [header.join(",")];
// Count steps rather than add them up, so 0.1 steps do not drift.
const count = Math.floor((to - from) / step + 1e-9);
for (let i = 0; i <= count; i++) {
  const target = Number((from + i * step).toFixed(10));
  const scenario = applySettings(option, Object.fromEntries(keys.map((k) => [k, target])), `sweep: ${target} children per worker`);
  const result = runScenario(scenario);
  const c = compareScenarios(baseline, scenario);
  lines.push(
    [target, result.caseload.caseHoldingFte, result.caseload.childrenPerCaseHolderAtWork, result.structure.totalFte, result.runCost.total, c.change.runCost, c.change.runCostPct, c.costNeutral, c.transition.total, c.appraisal.npv].join(","),
  );
}
writeFileSync(String(values.out), `${lines.join("\n")}\n`);
console.log(`wrote ${lines.length - 1} targets (${from} to ${to} by ${step}) to ${values.out}`);
