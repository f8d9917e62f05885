import {
  applySettings,
  compareScenarios,
  compileComparison,
  employerCost,
  FlowBuffers,
  FlowCosts,
  flowCostsCore,
  flowsCore,
  loadPreset,
  onBaselineBasis,
  runScenario,
  scenarioFlows,
  type FlowUnitCosts,
} from "../../engine/index.js";
import { onCouncil } from "../../node/council.js";

/**
 * What the workforce flows cost (engine/workforce/flowCosts.ts), each rule worked by hand on one or
 * two tiers, then through the comparison on a published council.
 */

const unit = (n: number, over: Partial<Record<keyof FlowUnitCosts, number[]>> = {}): FlowUnitCosts => ({
  employed: Float64Array.from(over.employed ?? new Array(n).fill(60000)),
  agencyBase: Float64Array.from(over.agencyBase ?? new Array(n).fill(50000)),
  agencyPremium: Float64Array.from(over.agencyPremium ?? new Array(n).fill(20000)),
  redundancy: Float64Array.from(over.redundancy ?? new Array(n).fill(30000)),
  strain: Float64Array.from(over.strain ?? new Array(n).fill(10000)),
});

/** Flows of tiers (from, to, redeployable) over `months`, costed over `years` transition years. */
function run(tiers: [number, number, number][], s: { months: number; years: number; ramp?: number[]; turnover?: number; vacancy?: number; cover?: number; starters?: number; monthsToFill?: number; redundancyMonth?: number; recruitmentPerPost?: number; conversion?: number }, units = unit(tiers.length)) {
  const n = tiers.length;
  const buffers = new FlowBuffers(n, s.months);
  flowsCore(
    buffers,
    { from: Float64Array.from(tiers, (t) => t[0]), to: Float64Array.from(tiers, (t) => t[1]), holdsCases: new Uint8Array(n), redeployable: Float64Array.from(tiers, (t) => t[2]), turnover: new Float64Array(n).fill(s.turnover ?? 0) },
    s.ramp ?? [],
    {
      vacancyRate: s.vacancy ?? 0,
      agencyCoverShare: s.cover ?? 0,
      startersPerYear: s.starters ?? Infinity,
      monthsToFill: s.monthsToFill ?? 1,
      redundancyMonth: s.redundancyMonth ?? 0,
      children: 100,
      turnoverChange: 0,
      turnoverPhaseYears: 1,
      agencyConversion: s.conversion ?? 0,
      childrenChange: 0,
      childrenPhaseYears: 1,
    },
  );
  const costs = new FlowCosts(s.years, n, s.months);
  flowCostsCore(buffers, units, s.vacancy ?? 0, s.cover ?? 0, s.recruitmentPerPost ?? 5000, s.monthsToFill ?? 1, s.conversion ?? 0, costs);
  return { buffers, costs };
}

const total = (row: Float64Array) => row.reduce((a, b) => a + b, 0);

test("double running: holders of posts that go, paid at the employed cost until the redundancy month", () => {
  // 10 posts go at once; no turnover; the holders stay until month 6, when they are made redundant:
  // months 0 to 5 pay 10 × £60,000 ÷ 12 each = £300,000; then 10 × £30,000 redundancy and 10 × £10,000 strain.
  const { costs } = run([[10, 0, 0]], { months: 12, years: 1, redundancyMonth: 6 });
  expect(costs.doubleRunning[0]).toBeCloseTo(6 * 10 * 60000 / 12, 6);
  expect(costs.redundancy[0]).toBeCloseTo(10 * 30000, 6);
  expect(costs.pensionStrain[0]).toBeCloseTo(10 * 10000, 6);
  expect(costs.redundant[0]).toBeCloseTo(10, 9);
});

test("natural wastage: a turnover of 12% a year (1% a month) leaves 10 × 0.99^7 to be made redundant, and the redundancy bill falls with it", () => {
  const still = run([[10, 0, 0]], { months: 12, years: 1, redundancyMonth: 6 });
  const wasting = run([[10, 0, 0]], { months: 12, years: 1, redundancyMonth: 6, turnover: 0.12 });
  expect(wasting.costs.redundancy[0]).toBeCloseTo(10 * 0.99 ** 7 * 30000, 6);
  // 10 × (1 − 0.99^7) = 0.6793 FTE fewer made redundant, each £30,000 + £10,000 saved
  expect(still.costs.redundancy[0]! + still.costs.pensionStrain[0]! - (wasting.costs.redundancy[0]! + wasting.costs.pensionStrain[0]!)).toBeCloseTo(10 * (1 - 0.99 ** 7) * 40000, 6);
  // double running: month k's holders after leavers, 10 × 0.99^(k+1), for months 0 to 5
  let held = 0;
  for (let k = 0; k < 6; k++) held += 10 * 0.99 ** (k + 1);
  expect(wasting.costs.doubleRunning[0]).toBeCloseTo((held * 60000) / 12, 6);
});

test("agency bridging: new posts not yet filled, covered by agency beyond the usual share, at the premium only", () => {
  // 12 new posts, a recruitment capacity of 24 a year (2 a month): in post 2, 4, … 12 by month 5.
  // No vacancy rate; 50% of vacancies covered by agency: the uncovered 10, 8, 6, 4, 2, 0 each cost
  // nothing, and the covered half pays the premium, £20,000 a year.
  const { costs } = run([[0, 12, 0]], { months: 12, years: 1, starters: 24, cover: 0.5 });
  const vacant = [10, 8, 6, 4, 2, 0];
  const agencyFteMonths = vacant.reduce((s, v) => s + v * 0.5, 0);
  expect(costs.extraAgencyFteMonths).toBeCloseTo(agencyFteMonths, 9);
  expect(costs.agencyBridging[0]).toBeCloseTo((agencyFteMonths * 20000) / 12, 6);
  // pay not spent: the vacant posts at £60,000 less the agency's base cost £50,000 on the covered half
  expect(costs.unfilledPayNotSpent).toBeCloseTo(vacant.reduce((s, v) => s + v * 60000 - v * 0.5 * 50000, 0) / 12, 6);
  // recruitment: the 12 starters, none replacing a leaver, at £5,000
  expect(costs.recruitment[0]).toBeCloseTo(12 * 5000, 6);
  expect(costs.recruited[0]).toBeCloseTo(12, 9);
});

test("recruitment counts only starters beyond those replacing leavers: a steady tier recruits every month but costs the transition nothing", () => {
  const { buffers, costs } = run([[20, 20, 0]], { months: 24, years: 2, turnover: 0.15, vacancy: 0.1, cover: 0.7 });
  expect(total(buffers.starters)).toBeGreaterThan(0);
  // (to a millionth of a penny: a leaver replaced is worked out twice, which floating point may differ in by 1e-16 FTE)
  expect(total(costs.recruitment) + total(costs.doubleRunning) + total(costs.agencyBridging) + total(costs.redundancy)).toBeCloseTo(0, 8);
});

test("costs after the last transition year are counted in the last year", () => {
  // the capacity is 1 a month: 24 new posts fill over 24 months, a one-year transition holds both years' recruitment
  const { costs } = run([[0, 24, 0]], { months: 36, years: 1, starters: 12 });
  expect(costs.recruitment[0]).toBeCloseTo(24 * 5000, 6);
});

test("the steady state agrees with the snapshot every month, to the penny: a structure that does not change pays its run cost a twelfth a month", () => {
  const s = onCouncil(loadPreset("traditional"), "leeds");
  const flowing = applySettings(s, {}); // the same structure as its own option, costed from its flows
  const option = { ...flowing, transition: { ...loadPreset("blueprint").transition!, workforce: { fromFlows: true, monthsToFill: 3, redundancyMonth: 35, otherTurnover: 1, agencyConversion: 0 } } };
  const model = compileComparison(s, option);
  expect(model.fromFlows).toBe(true);
  const state = model.evaluate();
  const r = runScenario(s);
  const months = state.flows!.costs.paidByMonth;
  for (const paid of months) expect(Math.round(paid * 12 * 100)).toBe(Math.round((r.runCost.total - r.runCost.components.teamBudgets) * 100));
  for (const c of ["redundancy", "pensionStrain", "recruitment", "doubleRunning", "agencyBridging"] as const) expect(total(state.flows!.costs[c])).toBeCloseTo(0, 6);
});

test("the Blueprint on a published council: the transition's workforce categories are the flows' costs, worked from the flows month by month", () => {
  const baseline = onCouncil(loadPreset("traditional"), "leeds");
  const option = onBaselineBasis(baseline, onCouncil(loadPreset("blueprint"), "leeds")).option;
  const c = compareScenarios(baseline, option);
  const f = scenarioFlows(option, baseline);
  const to = runScenario(option);
  const from = runScenario(baseline);
  const v = option.council.vacancyRate;
  const fin = option.finance;
  // double running by hand: every month, each tier's holders above its aim at the employed cost
  let double = 0;
  f.tiers.forEach((t, i) => {
    const tier = to.structure.tiers.find((x) => x.id === t.id) ?? from.structure.tiers.find((x) => x.id === t.id)!;
    const employed = employerCost(tier.salary, { year: fin.year, pensionRate: fin.pensionRate, levyRate: fin.apprenticeshipLevy.rate }) + fin.overheadsPerFte;
    for (const m of f.months) double += (Math.max(0, m.closing[i]! - m.establishment[i]! * (1 - v)) * employed) / 12;
  });
  // to the pound: the result's salaries are shown to the penny, the model's are exact
  expect(Math.abs(c.transition.byCategory.doubleRunning - double)).toBeLessThan(1);
  // computed, not typed: a slower time to fill changes the agency bridging and the months to full staffing
  const slower = compareScenarios(baseline, applySettings(option, { "transition.workforce.monthsToFill": 6 }));
  expect(slower.transition.workforce!.monthsToFullStaffing).toBeGreaterThanOrEqual(c.transition.workforce!.monthsToFullStaffing!);
  expect(slower.transition.byCategory.agencyBridging).toBeGreaterThan(c.transition.byCategory.agencyBridging);
  // holders of deleted posts are redeployed, leave by natural wastage or are made redundant
  const p = c.transition.posts;
  expect(p.redeployed + p.naturalWastage + p.leavers).toBeCloseTo(p.holders, 6);
  expect(c.checks.every((k) => k.ok)).toBe(true);
});

test("a council without a turnover rate: the workforce categories come from the shares typed in, and the comparison says why", () => {
  const b = loadPreset("baseline-2018");
  const bare = { ...b, council: { ...b.council, turnoverRate: undefined } };
  const option = { ...loadPreset("blueprint"), council: bare.council };
  const c = compareScenarios(bare, option);
  expect(c.transition.workforce).toBeNull();
  expect(c.transition.workforceUnavailable).toMatch(/turnover rate \(council\.turnoverRate\)/);
  expect(c.transition.byCategory.agencyBridging).toBe(0);
});

test("after the move, each shortfall shrinks by 1 − 1 ÷ months to fill a month: the tail's costs in closed form equal the months worked one by one", () => {
  // 12 new posts and 20 kept, 3 months to fill, 15% turnover, 10% vacancy, 70% cover, the move in a year
  const units = unit(2);
  const s = { months: 60, years: 1, ramp: [1], turnover: 0.15, vacancy: 0.1, cover: 0.7, starters: 40, monthsToFill: 3, redundancyMonth: 11 };
  const { buffers, costs } = run([[20, 20, 0], [0, 12, 0]], s, units);
  expect(buffers.monthsRun).toBeLessThan(buffers.months);
  // the months after monthsRun, written out by the rule: the shortfall shrinks by 2/3 a month
  const k = buffers.monthsRun * 2 + 1;
  const short = (m: number) => buffers.establishment[m * 2 + 1]! * 0.9 - buffers.closing[m * 2 + 1]!;
  expect(short(buffers.monthsRun)).toBeCloseTo(short(buffers.monthsRun - 1) * (2 / 3), 12);
  expect(buffers.starters[k]).toBeCloseTo(buffers.leavers[k]! + short(buffers.monthsRun - 1) / 3, 12);
  // the same flows, every month worked one by one
  const byMonth = new FlowCosts(1, 2, 60);
  buffers.monthsRun = buffers.months;
  flowCostsCore(buffers, units, 0.1, 0.7, 5000, 3, 0, byMonth);
  for (const c of ["recruitment", "agencyBridging", "doubleRunning"] as const) expect(costs[c][0]).toBeCloseTo(byMonth[c][0]!, 6);
  expect(costs.unfilledPayNotSpent).toBeCloseTo(byMonth.unfilledPayNotSpent, 6);
  expect(costs.extraAgencyFteMonths).toBeCloseTo(byMonth.extraAgencyFteMonths, 9);
  costs.paidByMonth.forEach((paid, m) => expect(paid).toBeCloseTo(byMonth.paidByMonth[m]!, 6));
});
