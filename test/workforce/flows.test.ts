import { applySettings, loadPreset, onBaselineBasis, runScenario, scenarioFlows, workforceFlows, flowsByYear, rampAt, ScenarioError, DomainError } from "../../engine/index.js";
import { settings, tier } from "./flowFixtures.js";
import { onCouncil } from "../../node/council.js";
import { socialcare } from "../cli/socialcare.js";

/**
 * The workforce flows (engine/workforce/flows.ts), each rule worked by hand on tiers small enough to
 * follow, then on presets and a published council.
 */


test("the corkscrew holds for every tier and month: closing = opening − leavers − out + in + starters − redundant, and the next month opens at it", () => {
  const f = workforceFlows(
    [tier("old", 40, 0, { redeployable: 0.5 }), tier("kept", 60, 75, { holdsCases: true }), tier("new", 0, 20, { holdsCases: true })],
    settings({ months: 60, ramp: [0.4, 0.8, 1], turnoverRate: 0.15, vacancyRate: 0.1, agencyCoverShare: 0.7, startersPerYear: 30, monthsToFill: 3, redundancyMonth: 35 }),
  );
  f.months.forEach((m, k) => {
    m.closing.forEach((c, i) => {
      expect(c).toBeCloseTo(m.opening[i]! - m.leavers[i]! - m.redeployedOut[i]! + m.redeployedIn[i]! + m.starters[i]! - m.redundancies[i]!, 9);
      if (k > 0) expect(m.opening[i]).toBe(f.months[k - 1]!.closing[i]);
      expect(m.vacancies[i]).toBeCloseTo(Math.max(0, m.establishment[i]! - c), 9);
      expect(m.agency[i]).toBeCloseTo(m.vacancies[i]! * 0.7, 9);
    });
    // redeployed out of some tiers is redeployed into others, no more
    expect(m.redeployedIn.reduce((a, b) => a + b, 0)).toBeCloseTo(m.redeployedOut.reduce((a, b) => a + b, 0), 9);
    // starters within the recruitment capacity, 30 a year
    expect(m.starters.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30 / 12 + 1e-9);
  });
  // by year: flows add up over the months, stocks are the last month's
  const years = flowsByYear(f);
  expect(years).toHaveLength(5);
  expect(years[1]!.starters[2]).toBeCloseTo(f.months.slice(12, 24).reduce((s, m) => s + m.starters[2]!, 0), 9);
  expect(years[1]!.closing[1]).toBe(f.months[23]!.closing[1]);
});

test("the establishment follows the ramp, straight between year ends", () => {
  // a third of the move by the end of year one, two thirds by year two: month 5 is half of the first third
  expect(rampAt([1 / 3, 2 / 3, 1], 5)).toBeCloseTo(1 / 6, 12);
  expect(rampAt([1 / 3, 2 / 3, 1], 11)).toBeCloseTo(1 / 3, 12);
  expect(rampAt([1 / 3, 2 / 3, 1], 17)).toBeCloseTo(1 / 2, 12);
  expect(rampAt([1 / 3, 2 / 3, 1], 40)).toBe(1);
  expect(rampAt([], 0)).toBe(1);
});

test("natural wastage: posts that go shed 1% a month of their holders before the redundancies in month 6", () => {
  // 10 in post, 12% turnover a year (1% a month), the posts gone at once: after months 0–6 leave,
  // 10 × 0.99^7 are left to be made redundant in month 6; with no turnover, all 10.
  const wasting = workforceFlows([tier("old", 10, 0)], settings({ turnoverRate: 0.12, redundancyMonth: 6 }));
  const redundant = wasting.months.reduce((s, m) => s + m.redundancies[0]!, 0);
  expect(redundant).toBeCloseTo(10 * 0.99 ** 7, 9);
  const still = workforceFlows([tier("old", 10, 0)], settings({ turnoverRate: 0, redundancyMonth: 6 }));
  expect(still.months.reduce((s, m) => s + m.redundancies[0]!, 0)).toBeCloseTo(10, 9);
  // the posts going recruit no one: a vacancy freeze
  expect(wasting.months.every((m) => m.starters[0] === 0)).toBe(true);
});

test("a recruitment capacity of 24 starters a year fills 12 new posts in 6 months; without a limit, in 1", () => {
  const limited = workforceFlows([tier("new", 0, 12)], settings({ startersPerYear: 24 }));
  expect(limited.months.slice(0, 6).map((m) => m.starters[0])).toEqual([2, 2, 2, 2, 2, 2].map((x) => expect.closeTo(x, 9)));
  expect(limited.monthsToFullStaffing).toBe(6);
  expect(workforceFlows([tier("new", 0, 12)], settings()).monthsToFullStaffing).toBe(1);
  // three months to fill: a third of the gap a month, so 12, 8, 5.33 … left; full staffing takes longer
  const slower = workforceFlows([tier("new", 0, 12)], settings({ monthsToFill: 3, months: 120 }));
  expect(slower.months[0]!.starters[0]).toBeCloseTo(4, 9);
  expect(slower.months[1]!.starters[0]).toBeCloseTo(8 / 3, 9);
});

test("holders of deleted posts fill new posts before anyone is recruited, up to their redeployable share; the rest are made redundant", () => {
  // 10 old posts go and 10 new ones come at once; half the old holders may move: 5 move, 5 are
  // recruited, 5 made redundant in month 0.
  const f = workforceFlows([tier("old", 10, 0, { redeployable: 0.5 }), tier("new", 0, 10)], settings());
  const m = f.months[0]!;
  expect(m.redeployedOut[0]).toBeCloseTo(5, 9);
  expect(m.redeployedIn[1]).toBeCloseTo(5, 9);
  expect(m.starters[1]).toBeCloseTo(5, 9);
  expect(m.redundancies[0]).toBeCloseTo(5, 9);
  expect(f.months.slice(1).every((x) => x.redeployedOut[0] === 0)).toBe(true);
});

test("the steady state agrees with the snapshot every month: a structure that does not change keeps its posts filled at the vacancy rate", () => {
  const s = onCouncil(loadPreset("traditional"), "leeds");
  const r = runScenario(s);
  const f = scenarioFlows(s);
  expect(f.months).toHaveLength(s.finance.appraisal.horizonYears * 12);
  for (const m of f.months) {
    r.structure.tiers.forEach((t, i) => {
      expect(m.establishment[i]).toBeCloseTo(t.fte, 9);
      expect(m.closing[i]).toBeCloseTo(t.fte * (1 - s.council.vacancyRate), 9);
      // leavers replaced as they go
      expect(m.starters[i]).toBeCloseTo(m.leavers[i]!, 9);
    });
    expect(m.caseloadAtWork).toBeCloseTo(r.caseload.childrenPerCaseHolderAtWork, 9);
  }
});

test("the Blueprint on a published council: the move from its own structure, on its turnover and starters", () => {
  const baseline = onCouncil(loadPreset("traditional"), "leeds");
  const option = onBaselineBasis(baseline, onCouncil(loadPreset("blueprint"), "leeds")).option;
  const f = scenarioFlows(option, baseline);
  const last = f.months.at(-1)!;
  const to = runScenario(option);
  // by the end, every tier at the option's posts, filled at the vacancy rate, the deleted tiers empty
  f.tiers.forEach((t, i) => {
    const fte = to.structure.tiers.find((x) => x.id === t.id)?.fte ?? 0;
    expect(last.establishment[i]).toBeCloseTo(fte, 9);
    expect(last.closing[i]).toBeCloseTo(fte * (1 - option.council.vacancyRate), 6);
  });
  expect(f.monthsToFullStaffing).not.toBeNull();
});

test("bad settings are refused naming the field; a council without turnover is refused naming the setting", () => {
  expect(() => workforceFlows([tier("a", 1, 1)], settings({ turnoverRate: 2 }))).toThrow(DomainError);
  expect(() => workforceFlows([tier("a", 1, 1)], settings({ monthsToFill: 0 }))).toThrow(/monthsToFill/);
  const without = applySettings(loadPreset("baseline-2018"), {});
  const bare = { ...without, council: { ...without.council, turnoverRate: undefined } };
  expect(() => scenarioFlows(bare)).toThrow(ScenarioError);
  expect(() => scenarioFlows(bare)).toThrow(/council\.turnoverRate/);
});

test("socialcare flows: by year, tier by tier, the engine's flows; a bad flag is named, with the usage, exit 2", () => {
  const run = socialcare(["flows", "blueprint", "--baseline", "traditional", "--council", "leeds", "--json"]);
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout) as { rows: { period: string; tier: string; inPost: number; redundant: number }[]; monthsToFullStaffing: number | null };
  const baseline = onCouncil(loadPreset("traditional"), "leeds");
  const option = onBaselineBasis(baseline, onCouncil(loadPreset("blueprint"), "leeds")).option;
  const f = scenarioFlows(option, baseline);
  const years = flowsByYear(f);
  expect(json.monthsToFullStaffing).toBe(f.monthsToFullStaffing);
  const sw = f.tiers.findIndex((t) => t.id === "socialWorker");
  expect(json.rows.filter((r) => r.tier === "socialWorker").map((r) => r.inPost)).toEqual(years.map((y) => y.closing[sw]));
  const text = socialcare(["flows", "blueprint", "--baseline", "traditional", "--council", "leeds"]);
  expect(text.stdout).toMatch(/^Workforce flows: /);
  const bad = socialcare(["flows", "blueprint", "--months-to-fill", "0"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr.split("\n")[0]).toBe('socialcare flows: --months-to-fill must be a whole number from 1, got "0"');
});
