import { applySettings, compareScenarios, comparisonOnlyFigures, loadPreset, onBaselineBasis } from "../../engine/index.js";
import { onCouncil } from "../../node/council.js";

/**
 * The demand lever: fewer children looked after at the council's unit cost (RO3 spend ÷ children looked
 * after), a cashable benefit beside the cost-only NPV; and its switching value.
 */

const baseline = onCouncil(loadPreset("traditional"), "leeds");
const blueprint = onBaselineBasis(baseline, onCouncil(loadPreset("blueprint"), "leeds")).option;
const option = applySettings(blueprint, { "transition.demand.lookedAfterChange": -0.05, "transition.demand.phaseInYears": 3 });

test("the unit cost is the council's spend on children looked after ÷ its children looked after; the benefit a year, children × the cut × unit cost", () => {
  const c = compareScenarios(baseline, option);
  const council = option.council;
  const unit = council.lookedAfterSpend! / council.childrenLookedAfter!;
  expect(c.demand!.unitCost).toBeCloseTo(unit, 2);
  expect(c.demand!.benefitFullYear).toBeCloseTo(council.childrenLookedAfter! * 0.05 * unit, 2);
});

test("the cost-only NPV is unchanged; the NPV with benefits adds each year's phased benefit, after optimism bias, discounted", () => {
  const c = compareScenarios(baseline, option);
  const without = compareScenarios(baseline, blueprint);
  expect(c.appraisal.npv).toBe(without.appraisal.npv);
  const bias = option.finance.appraisal.optimismBiasRunCost;
  let added = 0;
  let benefits = 0;
  c.appraisal.cashFlows.forEach((f, y) => {
    const kept = c.demand!.benefitFullYear * Math.min(1, (y + 1) / 3) * (1 - bias);
    added += kept * f.discountFactor;
    benefits += kept;
  });
  expect(c.appraisal.npvWithBenefits).toBeCloseTo(c.appraisal.npv + added, 0);
  expect(c.appraisal.cashableBenefits).toBeCloseTo(benefits, 0);
});

test("the switching value: that many fewer children looked after bring the NPV with benefits to zero", () => {
  const c = compareScenarios(baseline, blueprint);
  const n = c.demand!.fewerLookedAfterToBreakEven!;
  expect(c.appraisal.npv).toBeLessThan(0);
  expect(n).toBeGreaterThan(0);
  const atSwitch = compareScenarios(baseline, applySettings(blueprint, { "transition.demand.lookedAfterChange": -n / blueprint.council.childrenLookedAfter! }));
  expect(Math.abs(atSwitch.appraisal.npvWithBenefits)).toBeLessThan(1);
});

test("a council that states no spend on children looked after has no unit cost: no benefit, no switching value, no figures for them", () => {
  const c = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"));
  expect(c.demand!.unitCost).toBeNull();
  expect(c.demand!.fewerLookedAfterToBreakEven).toBeNull();
  expect(c.appraisal.npvWithBenefits).toBe(c.appraisal.npv);
  expect(comparisonOnlyFigures(c).some((f) => f.figure === "appraisal.npvWithBenefits")).toBe(false);
  // and one that does has them
  expect(comparisonOnlyFigures(compareScenarios(baseline, option)).some((f) => f.figure === "appraisal.npvWithBenefits")).toBe(true);
});
