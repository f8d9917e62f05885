import { applySettings, compareScenarios, compileComparison, loadPreset, sameGradeCore, sameGradeGroups } from "../../engine/index.js";

/**
 * Same-grade moves (engine/transition/sameGrade.ts): holders of deleted posts fill new posts of their own
 * grade before anyone is made redundant or recruited, worked by hand.
 */

test("grades match ignoring case and spaces; a grade only one side names makes no group", () => {
  const groups = sameGradeGroups([{ grade: "Business support" }, { grade: "team manager" }, {}], [{ grade: " business SUPPORT " }, { grade: "social worker" }]);
  expect(groups).toEqual([{ grade: "Business support", base: [0], option: [0] }]);
});

test("the moves are the lesser of the grade's holders and its new posts filled, shared by holders", () => {
  // holders 10 and 5; new posts 6 and 3 at a 10% vacancy rate: 9 × 0.9 = 8.1 filled, fewer than the 15 holders
  const out = new Float64Array(3);
  sameGradeCore([{ grade: "admin", base: [0, 1], option: [0, 1] }], [10, 5, 7], [6, 3], 0.1, out);
  expect(out[0]).toBeCloseTo((8.1 * 10) / 15, 12); // 5.4
  expect(out[1]).toBeCloseTo((8.1 * 5) / 15, 12); // 2.7
  expect(out[2]).toBe(0);
  // more posts than holders: every holder moves
  sameGradeCore([{ grade: "admin", base: [0, 1], option: [0] }], [10, 5, 7], [40], 0.1, out);
  expect([out[0], out[1]]).toEqual([10, 5]);
});

test("a deleted tier redeploys at least its same-grade moves: the share typed in says more, never less", () => {
  // baseline-2018's business support is deleted; the Blueprint's enablers are new posts of the same grade
  const baseline = loadPreset("baseline-2018");
  const typed = (share: number) => applySettings(loadPreset("blueprint"), { "transition.workforce.fromFlows": false, "transition.redeployed.businessSupport": share });
  const model = compileComparison(baseline, typed(0));
  const state = model.evaluate();
  const b = model.baseline.tiers.findIndex((t) => t.id === "businessSupport");
  const enablers = ["enabler", "enablerAdministration"].map((id) => model.option.tiers.findIndex((t) => t.id === id));
  const vacancy = typed(0).council.vacancyRate;
  const filled = enablers.reduce((s, o) => s + state.newPosts[o]! * (1 - vacancy), 0);
  const holders = state.holders[b]!;
  expect(holders).toBeGreaterThan(0);
  expect(state.sameGrade[b]).toBeCloseTo(Math.min(holders, filled), 9);
  // share 0: the same-grade moves alone
  expect(state.redeployed[b]).toBeCloseTo(Math.min(holders, filled), 9);
  // share 1: all the holders, more than the moves when the posts are fewer
  const all = compileComparison(baseline, typed(1)).evaluate();
  expect(all.redeployed[b]).toBeCloseTo(holders, 9);
  // a tier whose grade the option does not name keeps its share: team managers
  const tm = model.baseline.tiers.findIndex((t) => t.id === "teamManager");
  expect(state.sameGrade[tm]).toBe(0);
  expect(state.redeployed[tm]).toBeCloseTo(state.holders[tm]! * typed(0).transition!.redeployed.teamManager!, 9);
  // recruitment is of the new posts filled beyond all the redeployed
  const c = compareScenarios(baseline, typed(0));
  const redeployed = c.transition.posts.byTier.reduce((s, t) => s + t.redeployed, 0);
  const newFilled = model.option.tiers.reduce((s, _t, o) => s + state.newPosts[o]! * (1 - vacancy), 0);
  expect(c.transition.posts.recruited).toBeCloseTo(Math.max(0, newFilled - redeployed), 9);
});

test("costed from the flows, a tier may redeploy at least its same-grade share of its holders", () => {
  const baseline = loadPreset("baseline-2018");
  const option = applySettings(loadPreset("blueprint"), { "transition.redeployed.businessSupport": 0 });
  const model = compileComparison(baseline, option);
  const state = model.evaluate();
  const b = model.baseline.tiers.findIndex((t) => t.id === "businessSupport");
  // the flows' tiers are the baseline's first, in order
  expect(state.flows!.tiers.redeployable[b]).toBeCloseTo(state.sameGrade[b]! / state.holders[b]!, 12);
  expect(state.flows!.tiers.redeployable[b]).toBeGreaterThan(0);
});
