import fc from "fast-check";
import { applySettings, loadPreset } from "../../engine/index.js";
import { buildWorkbook, exportWorkbook } from "../../workbook/index.js";
import { expectations, mismatches } from "./expectations.js";
import { unusualOption } from "./fixtures.js";
import { hyperFormulaOf, loadWorkbook } from "./spreadsheets.js";

/**
 * Beyond the presets: scenarios with random inputs (the default comparison and the unusual option,
 * each with a dozen settings drawn at random), exported and recalculated by HyperFormula, give the
 * engine's figures to the penny every time.
 */

const DATE = new Date("2026-04-01T00:00:00Z");

const overrides = fc.record({
  baseline: fc.record({
    "council.children": fc.integer({ min: 300, max: 6000 }),
    "council.vacancyRate": fc.double({ min: 0, max: 0.4, noNaN: true }),
    "structure.tiers.teamManager.span.per": fc.double({ min: 3, max: 10, noNaN: true }),
    "structure.tiers.socialWorker.salary": fc.integer({ min: 25000, max: 50000 }),
    "finance.pensionRate": fc.double({ min: 0.1, max: 0.3, noNaN: true }),
  }),
  option: fc.record({
    "council.children": fc.integer({ min: 300, max: 6000 }),
    "council.agencyPremium": fc.double({ min: 0, max: 1, noNaN: true }),
    "structure.teams.size": fc.integer({ min: 4, max: 12 }),
    "structure.tiers.socialWorker.childrenPerWorker": fc.double({ min: 8, max: 25, noNaN: true }),
    "finance.appraisal.optimismBias": fc.double({ min: 0, max: 0.6, noNaN: true }),
    "transition.doubleRunning.months": fc.integer({ min: 0, max: 18 }),
    "transition.leavers.1.age": fc.integer({ min: 20, max: 64 }),
    "transition.leavers.1.yearsOfService": fc.integer({ min: 0, max: 4 }),
    "transition.redeployed.teamManager": fc.double({ min: 0, max: 1, noNaN: true }),
  }),
});

test.each([
  ["the default comparison", () => loadPreset("blueprint")],
  ["the unusual option", unusualOption],
])("%s with random inputs, recalculated by HyperFormula", async (_, option) => {
  const samples = fc.sample(overrides, { numRuns: 6, seed: 2026 });
  for (const sample of samples) {
    const baseline = applySettings(loadPreset("baseline-2018"), sample.baseline);
    const opt = applySettings(option(), sample.option);
    const list = expectations(buildWorkbook(baseline, [opt], { date: DATE }));
    const hf = hyperFormulaOf(await loadWorkbook(await exportWorkbook(baseline, [opt], { date: DATE })));
    expect([sample, mismatches(list, hf.read)]).toEqual([sample, []]);
  }
}, 120_000);

test("an option with no transition (and a tier sized by a fixed FTE instead of a span)", async () => {
  const baseline = loadPreset("england-2025");
  const option = applySettings(loadPreset("england-2025"), { "structure.tiers.serviceManager.fte": 4, "council.children": 2300 });
  expect(option.transition).toBeNull();
  const list = expectations(buildWorkbook(baseline, [option], { date: DATE }));
  const hf = hyperFormulaOf(await loadWorkbook(await exportWorkbook(baseline, [option], { date: DATE })));
  expect(mismatches(list, hf.read)).toEqual([]);
});
