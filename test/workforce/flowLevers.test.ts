import {
  applySettings,
  childrenHeldChange,
  compareScenarios,
  compileComparison,
  explainComparison,
  FlowCosts,
  flowCostsCore,
  loadPreset,
  onBaselineBasis,
  scenarioFlows,
  workforceFlows,
  type FlowUnitCosts,
} from "../../engine/index.js";
import { settings, tier } from "./flowFixtures.js";
import { onCouncil } from "../../node/council.js";

/**
 * The flows' levers, each worked by hand: turnover by tier (social workers at the council's rate,
 * other staff at a multiple of it), the retention lever's turnover change phasing into the leavers,
 * agency workers taking the posts they bridge, and the demand lever's change in the children held.
 */


test("turnover by tier: a tier with its own rate loses a twelfth of it a month, the others the settings' rate", () => {
  // 12 in post each, no change: the social work tier loses 12 × 0.15 ÷ 12 = 0.15 in month 0, the support tier 12 × 0.3 ÷ 12 = 0.3
  const f = workforceFlows([tier("sw", 12, 12), tier("support", 12, 12, { turnoverRate: 0.3 })], settings({ turnoverRate: 0.15 }));
  expect(f.months[0]!.leavers[0]).toBeCloseTo(0.15, 12);
  expect(f.months[0]!.leavers[1]).toBeCloseTo(0.3, 12);
  // each replaced as it goes: the tiers stay at 12
  expect(f.months[5]!.closing[1]).toBeCloseTo(12, 12);
});

test("the comparison's flows give practitioners and managers the council's turnover, support staff and clinicians the other staff's multiple of it", () => {
  const baseline = onCouncil(loadPreset("traditional"), "leeds");
  const option = applySettings(onBaselineBasis(baseline, onCouncil(loadPreset("blueprint"), "leeds")).option, { "transition.workforce.otherTurnover": 1.5 });
  const model = compileComparison(baseline, option);
  const state = model.evaluate();
  const rate = option.council.turnoverRate!;
  const ids = [...baseline.structure.tiers.map((t) => t.id), ...option.structure.tiers.filter((t) => !baseline.structure.tiers.some((b) => b.id === t.id)).map((t) => t.id)];
  ids.forEach((id, u) => {
    const t = option.structure.tiers.find((x) => x.id === id) ?? baseline.structure.tiers.find((x) => x.id === id)!;
    const social = t.role === "practitioner" || t.role === "manager";
    expect(state.flows!.tiers.turnover[u]).toBeCloseTo(social ? rate : rate * 1.5, 12);
  });
  // the option has at least one tier of each kind, or the test would test nothing
  expect(option.structure.tiers.some((t) => t.role === "support")).toBe(true);
});

test("the retention lever's turnover change phases into the leavers: −25% over two years is −12.5% in year 0 and −25% from year 1", () => {
  // 10 posts going, no one recruited, redundancies only at the end: leavers are natural wastage
  const f = workforceFlows([tier("old", 10, 0)], settings({ months: 36, turnoverRate: 0.12, turnoverChange: -0.25, turnoverPhaseYears: 2, redundancyMonth: 35 }));
  expect(f.months[0]!.leavers[0]).toBeCloseTo((10 * 0.12 * 0.875) / 12, 12);
  const open12 = f.months[12]!.opening[0]!;
  expect(f.months[12]!.leavers[0]).toBeCloseTo((open12 * 0.12 * 0.75) / 12, 12);
  expect(f.months[30]!.leavers[0]).toBeCloseTo((f.months[30]!.opening[0]! * 0.12 * 0.75) / 12, 12);
  // fewer leavers by natural wastage, so more made redundant than without the lever
  const without = workforceFlows([tier("old", 10, 0)], settings({ months: 36, turnoverRate: 0.12, redundancyMonth: 35 }));
  const redundant = (x: typeof f) => x.months.reduce((s, m) => s + m.redundancies[0]!, 0);
  expect(redundant(f)).toBeGreaterThan(redundant(without));
  // made redundant in month 35, after its leavers: 10 × (1 − 0.12 × 0.875 ÷ 12)^12 (year 0) × (1 − 0.12 × 0.75 ÷ 12)^24 (months 12 to 35)
  const stay = 10 * (1 - (0.12 * 0.875) / 12) ** 12 * (1 - (0.12 * 0.75) / 12) ** 24;
  expect(redundant(f)).toBeCloseTo(stay, 9);
});

test("agency workers take the posts they bridge: a month's conversions are the gap beyond leavers × share covered × rate ÷ 12, and cost no recruitment", () => {
  // 12 new posts at once, half of vacancies covered, 60% of those agency workers a year take the post, four months to fill
  const f = workforceFlows([tier("new", 0, 12)], settings({ months: 24, agencyCoverShare: 0.5, agencyConversion: 0.6, monthsToFill: 4 }));
  const m0 = f.months[0]!;
  expect(m0.converted[0]).toBeCloseTo((12 * 0.5 * 0.6) / 12, 12); // 0.3
  expect(m0.starters[0]).toBeCloseTo(0.3 + (12 - 0.3) / 4, 12); // 3.225
  // month 1: the gap 8.775 shrinks by (1 − 0.025) × (1 − 1/4)
  expect(12 - f.months[1]!.closing[0]!).toBeCloseTo((12 - m0.closing[0]!) * 0.975 * 0.75, 12);
  // recruitment counts the recruited starters, not the conversions
  const unit: FlowUnitCosts = { employed: Float64Array.of(60000), agencyBase: Float64Array.of(50000), agencyPremium: Float64Array.of(20000), redundancy: Float64Array.of(0), strain: Float64Array.of(0) };
  const buffers = flowBuffersOf(f);
  const costs = new FlowCosts(2, 1, 24);
  flowCostsCore(buffers, unit, 0, 0.5, 1000, 4, 0.6, costs);
  const recruited = f.months.reduce((s, m) => s + m.starters[0]! - m.converted[0]! - m.leavers[0]!, 0);
  expect(costs.recruitment[0]! + costs.recruitment[1]!).toBeCloseTo(recruited * 1000, 6);
  expect(costs.recruited[0]).toBeCloseTo(recruited, 9);
});

test("with conversion, the tail summed in closed form equals the months worked one by one", () => {
  const baseline = onCouncil(loadPreset("traditional"), "leeds");
  const option = applySettings(onBaselineBasis(baseline, onCouncil(loadPreset("blueprint"), "leeds")).option, { "transition.workforce.agencyConversion": 0.3, "transition.retention.turnoverChange": -0.2 });
  const model = compileComparison(baseline, option);
  const state = model.evaluate();
  const flows = state.flows!;
  expect(flows.buffers.monthsRun).toBeLessThan(flows.buffers.months);
  // the faces' flows write out every month by the rule; costing them month by month gives the same costs
  const f = scenarioFlows(option, baseline);
  const every = flowBuffersOf(f);
  const byMonth = new FlowCosts(model.years, f.tiers.length, f.months.length);
  const p = model.option.inputs;
  const at = (key: string) => p[model.option.slotOf(key)!]!;
  flowCostsCore(every, flows.unit, at("council.vacancyRate"), at("council.agencyCoverShare"), at("transition.recruitmentPerPost"), at("transition.workforce.monthsToFill"), 0.3, byMonth);
  for (const c of ["recruitment", "agencyBridging", "doubleRunning", "redundancy"] as const) {
    const sum = (row: Float64Array) => row.reduce((a, b) => a + b, 0);
    expect(sum(flows.costs[c])).toBeCloseTo(sum(byMonth[c]), 4);
  }
});

test("the children held: each group's change weighted by its share; a group the council gives no share moves with the other children in need", () => {
  // 10% on a plan, 20% looked after: 0.7 × −10% + 0.1 × −20% + 0.2 × +5% = −8%
  const both = childrenHeldChange({ name: "A", childProtectionShare: 0.1, lookedAfterShare: 0.2 }, { inNeedChange: -0.1, onPlanChange: -0.2, lookedAfterChange: 0.05 });
  expect(both.change).toBeCloseTo(-0.08, 12);
  expect(both.note).toBeNull();
  // no plan share: 0.8 × −10% + 0.2 × +5% = −7%, and the note names the plan change not applied
  const noPlans = childrenHeldChange({ name: "B", lookedAfterShare: 0.2 }, { inNeedChange: -0.1, onPlanChange: -0.2, lookedAfterChange: 0.05 });
  expect(noPlans.change).toBeCloseTo(-0.07, 12);
  expect(noPlans.note).toMatch(/B states no share of children on a child protection plan/);
  // the same change for both: nothing to say
  expect(childrenHeldChange({ name: "C" }, { inNeedChange: -0.1, onPlanChange: -0.1, lookedAfterChange: -0.1 })).toEqual({ change: expect.closeTo(-0.1, 12), note: null });
});

test("the children held change the flows' caseload at work as the lever phases in, and the comparison's caseload once whole", () => {
  const f = workforceFlows([tier("sw", 10, 10, { holdsCases: true })], settings({ months: 36, children: 150, childrenChange: -0.1, childrenPhaseYears: 2 }));
  expect(f.months[0]!.caseloadAtWork).toBeCloseTo((150 * 0.95) / 10, 12);
  expect(f.months[12]!.caseloadAtWork).toBeCloseTo((150 * 0.9) / 10, 12);
  expect(f.months[35]!.caseloadAtWork).toBeCloseTo((150 * 0.9) / 10, 12);
  const baseline = onCouncil(loadPreset("traditional"), "leeds");
  const option = applySettings(onBaselineBasis(baseline, onCouncil(loadPreset("blueprint"), "leeds")).option, { "transition.demand.inNeedChange": -0.1, "transition.demand.lookedAfterChange": -0.05 });
  const c = compareScenarios(baseline, option);
  const la = option.council.lookedAfterShare!;
  // Leeds states no children on a plan (the published files hold no plan counts): they move with the other children in need, and the comparison says so
  expect(c.demand!.childrenHeldChange).toBeCloseTo((1 - la) * -0.1 + la * -0.05, 12);
  expect(c.demand!.caseloadAfterDemand).toBeCloseTo(c.option.caseload.childrenPerCaseHolderAtWork * (1 + c.demand!.childrenHeldChange), 9);
  expect(c.demand!.childrenHeldNote).toMatch(/no share of children on a child protection plan, so they move with the other children in need \(−10%\), though no change was set for them/);
});

/** The months of `f` back in the buffers flowCostsCore reads (every month worked). */
function flowBuffersOf(f: ReturnType<typeof workforceFlows>) {
  const n = f.tiers.length;
  const months = f.months.length;
  const grid = (pick: (m: (typeof f.months)[number]) => number[]) => {
    const a = new Float64Array(n * months);
    f.months.forEach((m, k) => pick(m).forEach((v, i) => (a[k * n + i] = v)));
    return a;
  };
  return {
    n,
    months,
    monthsRun: months,
    establishment: grid((m) => m.establishment),
    opening: grid((m) => m.opening),
    leavers: grid((m) => m.leavers),
    starters: grid((m) => m.starters),
    converted: grid((m) => m.converted),
    redundancies: grid((m) => m.redundancies),
    closing: grid((m) => m.closing),
    agency: grid((m) => m.agency),
    redeployedOut: grid((m) => m.redeployedOut),
  } as unknown as Parameters<typeof flowCostsCore>[0];
}

test("explain gives the flows' own figures a rule and the settings they read", () => {
  const baseline = onCouncil(loadPreset("traditional"), "leeds");
  const option = onBaselineBasis(baseline, onCouncil(loadPreset("blueprint"), "leeds")).option;
  const c = compareScenarios(baseline, option);
  for (const figure of ["transition.workforce.monthsToFullStaffing", "transition.workforce.extraAgencyFteMonths", "transition.workforce.unfilledPayNotSpent", "transition.workforce.convertedFromAgency"]) {
    const e = explainComparison(baseline, option, c, figure);
    expect(e.rule).toMatch(/workforce flows month by month/);
    expect(e.inputs.map((i) => i.name)).toEqual(expect.arrayContaining(["transition.workforce.agencyConversion", "council.turnoverRate"]));
  }
  const formula = explainComparison(baseline, option, c, "transition.workforce.convertedFromAgency").formula;
  expect(formula).toMatch(/ FTE$/);
  expect(parseFloat(formula)).toBeCloseTo(c.transition.workforce!.convertedFromAgency, 1);
});
