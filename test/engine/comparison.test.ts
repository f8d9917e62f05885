import fc from "fast-check";
import { applySettings, compareScenarios, explain, loadPreset, loadScenario, runScenario, toPennies } from "../../engine/index.js";
import { smallOption, smallScenario } from "../fixtures/small.js";

describe("a comparison worked by hand (the small scenarios)", () => {
  const baseline = loadScenario(smallScenario());
  const option = loadScenario(smallOption());
  const c = compareScenarios(baseline, option);

  test("run cost falls by £6,500 (−1.14%): outside the ±1% tolerance, so not cost neutral", () => {
    expect(c.baseline.runCost.total).toBe(572000);
    expect(c.option.runCost.total).toBe(565500); // 12.5 workers × £39,000 + head £78,000
    expect(c.change.runCost).toBe(-6500);
    expect(c.costNeutral).toBe(false);
  });

  test("posts: 2 manager posts deleted, 1 redeployed, 1 leaver; 2.5 new worker posts, 1.5 recruited", () => {
    expect(c.transition.posts).toMatchObject({ deleted: 2, holders: 2, redeployed: 1, leavers: 1, newPosts: 2.5, recruited: 1.5 });
  });

  test("transition categories from their drivers", () => {
    expect(c.transition.byCategory).toEqual({
      agencyBridging: 0, // no agency bridging from the shares typed in
      redundancy: 25384.62, // 16.5 weeks × £40,000/52 × multiplier 2
      pensionStrain: 0, // the leaver is 46, under the strain age
      recruitment: 1500, // 1.5 × £1,000
      training: 4250, // £100 × 12.5 workers + £1,000 × 3 teams
      doubleRunning: 28600, // 10% × £572,000 × 6/12
      systems: 5000,
      programmeTeam: 25000, // 1 FTE × (£20,000 + NI £1,000 + pension £4,000) × 1 year
    });
    expect(c.transition.total).toBe(89734.62);
    expect(c.transition.byYear.map((y) => y.year)).toEqual(["2025/26", "2026/27"]);
    expect(toPennies(c.transition.byYear[0]!.amount) + toPennies(c.transition.byYear[1]!.amount)).toBe(8973462);
  });

  test("cash flows, NPV at the Green Book rate, and no payback within five years", () => {
    const half = 89734.615384615 / 2;
    const flows = [-(half - 3250), -(half - 6500), 6500, 6500, 6500];
    expect(c.appraisal.cashFlows.map((f) => f.amount)).toEqual(flows.map((f) => Math.round(f * 100) / 100));
    const npv = flows.reduce((s, f, t) => s + f / 1.035 ** t, 0);
    expect(c.appraisal.npv).toBeCloseTo(npv, 2);
    expect(c.appraisal.paybackYear).toBeNull();
  });

  test("explain says how the redundancy was computed", () => {
    const e = explain(option, "transition.byCategory.redundancy", { baseline });
    expect(e.value).toBe(25384.62);
    expect(e.rule).toMatch(/statutory weeks/);
    expect(e.formula).toMatch(/manager: 1 leavers × 16.5 weeks/);
    expect(e.inputs.map((i) => i.name)).toContain("transition.redundancy.multiplier");
  });
});

describe("model properties", () => {
  const base = loadPreset("blueprint");
  const overrides = fc.record({
    "council.children": fc.integer({ min: 0, max: 20000 }),
    "council.vacancyRate": fc.double({ min: 0, max: 0.5, noNaN: true }),
    "council.agencyCoverShare": fc.double({ min: 0, max: 1, noNaN: true }),
    "structure.tiers.socialWorker.childrenPerWorker": fc.double({ min: 5, max: 30, noNaN: true }),
    "structure.tiers.strategy.fte": fc.double({ min: 0, max: 20, noNaN: true }),
    "structure.tiers.enabler.salary": fc.integer({ min: 0, max: 100000 }),
  });

  test("FTE never negative; parts sum to totals to the penny; children per case-holder × case-holders = children", () => {
    fc.assert(
      fc.property(overrides, (o) => {
        const r = runScenario(applySettings(base, o));
        for (const t of r.structure.tiers) expect(t.fte).toBeGreaterThanOrEqual(0);
        const components = Object.values(r.runCost.components).reduce((s, v) => s + toPennies(v), 0);
        expect(components).toBe(toPennies(r.runCost.total));
        const tiers = r.structure.tiers.reduce((s, t) => s + toPennies(t.annualCost), 0) + toPennies(r.runCost.components.teamBudgets);
        expect(tiers).toBe(toPennies(r.runCost.total));
        if (r.caseload.children > 0) expect(r.caseload.childrenPerCaseHolder * r.caseload.caseHoldingFte).toBeCloseTo(r.caseload.children, 6);
        expect(r.checks.filter((c) => !c.ok)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  test("cost rises with FTE", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), (fte, more) => {
        const low = runScenario(applySettings(base, { "structure.tiers.strategy.fte": fte }));
        const high = runScenario(applySettings(base, { "structure.tiers.strategy.fte": fte + more }));
        expect(high.runCost.total).toBeGreaterThan(low.runCost.total);
      }),
      { numRuns: 40 },
    );
  });

  test("transition parts sum to the total, by year and by category, under any drivers", () => {
    const baseline = loadPreset("baseline-2018");
    fc.assert(
      fc.property(
        fc.record({
          "transition.redundancy.multiplier": fc.double({ min: 0, max: 3, noNaN: true }),
          "transition.systems": fc.integer({ min: 0, max: 2_000_000 }),
          "transition.doubleRunning.months": fc.double({ min: 0, max: 24, noNaN: true }),
          "transition.profile.0": fc.double({ min: 0.01, max: 1, noNaN: true }),
        }),
        (o) => {
          const c = compareScenarios(baseline, applySettings(base, o));
          expect(c.checks.filter((k) => !k.ok)).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("comparing across structures", () => {
  test("an option whose transition names tiers the baseline lacks still compares; a check says which", () => {
    const c = compareScenarios(loadPreset("cluster"), loadPreset("reclaim"));
    const failed = c.checks.filter((k) => !k.ok);
    expect(failed.map((k) => k.name)).toEqual(["every tier the option's transition.redeployed names is a tier of the baseline"]);
    expect(failed[0]!.detail).toMatch(/: teamManager, businessSupport$/);
    expect(c.transition.total).toBeGreaterThan(0);
  });

  test("a price base year after the costed year is rejected with its path", () => {
    const input = smallScenario();
    input.finance.appraisal.priceBaseYear = "2030/31";
    expect(() => loadScenario(input)).toThrow(/finance.appraisal.priceBaseYear: must not be after finance.year/);
  });
});
