import { buildWorkbook, CLAIMS_SHEET } from "../../workbook/build.js";
import { applySettings, CLAIM_KIND_WORDS, claimsTable, compareScenarios, loadPreset, loadScenario, simulate, onBaselineBasis, toScenarioInput, type Scenario } from "../../engine/index.js";
import { onCouncil } from "../../node/council.js";
import { socialcare } from "../cli/socialcare.js";

/**
 * The claims table reports what the model computes for each claim, by the test stated with it: the
 * figure is the comparison's, "holds" is the test applied to it, the chance is the share of draws that
 * pass it. Nothing here says whether a claim holds: correcting an input must never fail this file.
 */

const baseline = loadPreset("baseline-2018");
const option = loadPreset("blueprint");
const draws = 400;
const t = claimsTable(baseline, option, { draws, seed: 3 });
const c = compareScenarios(baseline, option);
const row = (id: string) => t.rows.find((r) => r.id === id)!;

/** The option without the enabler tier sized by administration handed over (nothing is handed over to size it by). */
function withoutHandedAdministration(s: Scenario): Scenario {
  const input = toScenarioInput(s) as { structure: { tiers: { id: string }[] } };
  input.structure.tiers = input.structure.tiers.filter((tier) => tier.id !== "enablerAdministration");
  return loadScenario(input);
}

test("each figure is the comparison's own, worked from the two results", () => {
  expect(row("caseloads").value).toBeCloseTo(c.option.caseload.childrenPerCaseHolder / c.baseline.caseload.childrenPerCaseHolder - 1, 12);
  expect(row("directContact").value).toBe(c.option.time.directContactShare);
  expect(row("moreTime").value).toBeCloseTo(c.option.time.directContactShare / c.baseline.time.directContactShare - 1, 12);
  expect(row("costNeutral").value).toBe(c.change.runCostPct);
  expect(row("transition").value).toBe(c.transition.total);
});

test("'holds' is the stated test applied to the figure", () => {
  expect(row("caseloads").holds).toBe(row("caseloads").value <= -0.195);
  expect(row("directContact").holds).toBe(row("directContact").value >= 0.245);
  expect(row("moreTime").holds).toBe(row("moreTime").value >= 0.595);
  expect(row("costNeutral").holds).toBe(c.verdict === "neutral");
  expect(row("transition").holds).toBe(c.transition.total >= 5e6 && c.transition.total <= 7e6 && c.transition.years.length === 3);
});

test("a figure that restates a setting typed in is called an input, and one computed from drivers an output", () => {
  // the Blueprint's week is the starting week changed by its drivers, so its direct contact is an output
  expect(row("directContact").kind).toBe("output");
  expect(row("moreTime").kind).toBe("output");
  expect(row("caseloads").kind).toBe("input");
  // with its changes switched off, the option's direct contact is its starting share restated
  const still = applySettings(withoutHandedAdministration(option), {
    "timeUse.changes.administrationToSupport": 0,
    "timeUse.changes.reportingCutPerLayer": 0,
    "timeUse.changes.travelCut": 0,
    "timeUse.changes.supervisionChange": 0,
  });
  const table = claimsTable(baseline, still, { draws: 50 });
  const off = (id: string) => table.rows.find((r) => r.id === id)!;
  expect(off("directContact").value).toBe(option.timeUse.directContact);
  expect(off("directContact").kind).toBe("input");
  expect(off("moreTime").kind).toBe("from inputs");
  expect(row("costNeutral").kind).toBe("output");
  expect(row("transition").kind).toBe("output");
});

test("the chances are the simulation's: cost neutral its probability; the transition range P(> £5m) − P(> £7m)", () => {
  const at7 = simulate(option, { baseline, draws, seed: 3, figures: ["transition.total"], budget: 7e6 });
  const at5 = simulate(option, { baseline, draws, seed: 3, figures: ["transition.total"], budget: 5e6 });
  expect(row("costNeutral").chance).toBe(at7.probabilities!.costNeutral);
  expect(row("transition").chance).toBeCloseTo(Math.max(0, at5.probabilities!.transitionOverBudget!.probability - at7.probabilities!.transitionOverBudget!.probability), 12);
  for (const r of t.rows) if (r.chance !== null) expect(r.chance).toBeGreaterThanOrEqual(0);
});

test("on a council: the council as it is against the Blueprint on it, one price base", () => {
  const b = onCouncil(loadPreset("traditional"), "leeds");
  const o = onBaselineBasis(b, onCouncil(loadPreset("blueprint"), "leeds")).option;
  const onLeeds = claimsTable(b, o, { draws: 200 });
  expect(onLeeds.council).toBe(b.council.name);
  expect(onLeeds.rows.find((r) => r.id === "caseloads")!.value).toBeCloseTo(compareScenarios(b, o).change.childrenPerCaseHolderPct, 12);
});

test("socialcare claims, and socialcare claims --council leeds", () => {
  const run = socialcare(["claims", "--draws", "200", "--json"]);
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout) as { baseline: string; rows: unknown[] };
  expect(json.baseline).toBe("baseline-2018");
  expect(json.rows).toHaveLength(5);
  const leeds = socialcare(["claims", "--council", "leeds", "--draws", "200"]);
  expect(leeds.code).toBe(0);
  expect(leeds.stdout).toContain("on Leeds, 2025");
  expect(leeds.stdout).toContain("an input restated");
  expect(socialcare(["claims", "blueprint"]).code).toBe(2);
});

test("the Claims sheet holds each option's claims table as values: the claim, the figure, its kind, holds and the chance", () => {
  const small = claimsTable(baseline, option, { draws: 200, seed: 5 });
  const { book } = buildWorkbook(baseline, [option], { claims: [small] });
  const sheet = book.sheet(CLAIMS_SHEET);
  const rows = new Map<string, (string | number | boolean | null | undefined)[]>();
  for (const cell of sheet.cells.values()) {
    if (cell.col !== 0 || typeof cell.value !== "string") continue;
    const row = [0, 1, 2, 3, 4, 5].map((c) => sheet.cells.get(`${cell.row},${c}`)?.value as string | number | undefined);
    rows.set(cell.value, row);
  }
  for (const r of small.rows) {
    const row = rows.get(r.claim)!;
    expect(row[1]).toBe(r.value);
    expect(row[3]).toBe(CLAIM_KIND_WORDS[r.kind]);
    expect(row[4]).toBe(r.holds ? "yes" : "no");
    expect(row[5]).toBe(r.chance === null ? "nothing varies" : r.chance);
  }
  // without tables there is no such sheet
  expect(buildWorkbook(baseline, [option]).book.sheets.map((x) => x.name)).not.toContain(CLAIMS_SHEET);
});
