import { compareScenarios, applySettings, DomainError, loadPreset, loadScenario, sensitivity, switchingValue } from "../../engine/index.js";
import { brent, scanForSignChange } from "../../engine/uncertainty/rootFinding.js";
import { smallOption, smallScenario } from "../fixtures/small.js";

/*
 * The small scenario by hand (test/fixtures/small.ts): NI 10% above £10,000, pension 20%, overheads
 * £1,000 per FTE, no vacancies. A worker costs 30,000 + 2,000 + 6,000 + 1,000 = £39,000; a manager
 * 40,000 + 3,000 + 8,000 + 1,000 = £52,000; the head 60,000 + 5,000 + 12,000 + 1,000 = £78,000.
 * With 100 children: 10 workers, 2 managers, 1 head; run cost £572,000 = 78,000 + 4,940 × children.
 */
function uncertainSmall() {
  const s = smallScenario();
  s.council.children = { value: 100, distribution: "uniform(80, 120)" };
  s.structure.tiers[0].salary = { value: 30000, distribution: "uniform(28000, 32000)" };
  s.structure.tiers[2].salary = { value: 60000, distribution: "uniform(50000, 70000)" };
  s.finance.overheadsPerFte = { value: 1000, distribution: "uniform(0, 3000)" };
  return loadScenario(s);
}

describe("a tornado worked by hand", () => {
  test("each input from its 10th to its 90th percentile, widest swing first", () => {
    const t = sensitivity(uncertainSmall());
    expect(t.figure).toBe("runCost.total");
    expect(t.central).toBe(572000);
    // Children 84 → 116: 4,940 a child. Worker salary 28,400 → 31,600: each £ of salary costs £1.30
    // (NI 10% and pension 20% on it) for 10 workers. Overheads 300 → 2,700 for 13 FTE. Head salary
    // 52,000 → 68,000: £1.30 a pound for one head.
    expect(t.bars.map((b) => [b.key, b.low, b.high, b.figureAtLow, b.figureAtHigh, b.swing])).toEqual([
      ["council.children", 84, 116, 78000 + 4940 * 84, 78000 + 4940 * 116, 4940 * 32],
      ["structure.tiers.worker.salary", 28400, 31600, 572000 - 13 * 1600, 572000 + 13 * 1600, 41600],
      ["finance.overheadsPerFte", 300, 2700, 572000 - 13 * 700, 572000 + 13 * 1700, 13 * 2400],
      ["structure.tiers.head.salary", 52000, 68000, 572000 - 1.3 * 8000, 572000 + 1.3 * 8000, 20800],
    ]);
  });

  test("other tails: the 25th and 75th percentiles", () => {
    const t = sensitivity(uncertainSmall(), { tail: 25 });
    expect(t.bars[0]).toMatchObject({ key: "council.children", low: 90, high: 110, swing: 4940 * 20 });
  });

  test("a comparison's tornado moves an input shared by both sides on both sides at once", () => {
    const option = loadScenario(smallOption());
    const baseline = uncertainSmall();
    const t = sensitivity(option, { baseline, figure: "change.runCost" });
    // Children move both sides: option run cost 78,000 + 3,900 × 1.25 × children (workers at 8 each).
    const change = (children: number) => 78000 + (39000 / 8) * children - (78000 + 4940 * children);
    const bar = t.bars.find((b) => b.key === "council.children")!;
    expect(bar.side).toBe("both");
    expect(bar.figureAtLow).toBeCloseTo(change(84), 2);
    expect(bar.figureAtHigh).toBeCloseTo(change(116), 2);
    // The head's salary is the same £60,000 in both scenarios, so it cancels out of the change.
    expect(t.bars.find((b) => b.key === "structure.tiers.head.salary")!.swing).toBe(0);
    // A full comparison at the low value agrees.
    const low = compareScenarios(applySettings(baseline, { "council.children": 84 }), applySettings(option, { "council.children": 84 }));
    expect(bar.figureAtLow).toBeCloseTo(low.change.runCost, 2);
  });
});

describe("switching values", () => {
  test("found where it is known: run cost reaches £600,000 at (600,000 − 78,000) / 4,940 children", () => {
    const s = switchingValue(uncertainSmall(), { input: "council.children", target: 600000 });
    expect(s.found).toBe(true);
    expect(s.kind).toBe("crossing");
    expect(s.value!).toBeCloseTo((600000 - 78000) / 4940, 9);
    expect(s.range).toEqual([80, 120]); // the input's own distribution
    expect(s.message).toBe(`runCost.total reaches £600,000 when council.children is ${Number(((600000 - 78000) / 4940).toPrecision(10))} (it is 100 now)`);
  });

  test('"no crossing in range" where there is none, with the figure at both ends', () => {
    const s = switchingValue(uncertainSmall(), { input: "council.children", target: 1_000_000, range: [50, 150] });
    expect(s).toMatchObject({ found: false, kind: "none", value: null, figureAtLow: 78000 + 4940 * 50, figureAtHigh: 78000 + 4940 * 150, crossings: 0 });
    expect(s.message).toBe("no crossing in range: runCost.total stays between £325,000 and £819,000, never £1,000,000, while council.children runs from 50 to 150");
  });

  test("a figure that jumps (teams round up) is reported as a step at the jump", () => {
    // The small option has teams of 5 workers at 8 children each: 3 teams once children exceed 80.
    const option = loadScenario(smallOption());
    const s = switchingValue(option, { input: "council.children", figure: "structure.teams", target: 2.5, range: [50, 150] });
    expect(s.kind).toBe("step");
    expect(s.value!).toBeCloseTo(80, 6);
    expect(s.figureAtValue).toEqual([2, 3]);
    expect(s.crossings).toBe(1);
  });

  test("the Blueprint's caseload target at which it is cost neutral, checked by a full comparison", () => {
    const baseline = loadPreset("baseline-2018");
    const option = loadPreset("blueprint");
    const s = switchingValue(option, { baseline, input: "option.structure.tiers.socialWorker.childrenPerWorker", figure: "change.runCost" });
    expect(s.found).toBe(true);
    const at = compareScenarios(baseline, applySettings(option, { "structure.tiers.socialWorker.childrenPerWorker": s.value! }));
    expect(Math.abs(at.change.runCost)).toBeLessThan(0.01);
    // Below it the option costs more, above it less.
    expect(compareScenarios(baseline, applySettings(option, { "structure.tiers.socialWorker.childrenPerWorker": s.value! - 0.1 })).change.runCost).toBeGreaterThan(0);
    expect(compareScenarios(baseline, applySettings(option, { "structure.tiers.socialWorker.childrenPerWorker": s.value! + 0.1 })).change.runCost).toBeLessThan(0);
  });

  test("bad requests", () => {
    const scenario = uncertainSmall();
    expect(() => switchingValue(scenario, { input: "council.children", range: [120, 80] })).toThrow(/range: must be two finite numbers, the first below the second/);
    expect(() => switchingValue(scenario, { input: "council.vacancyRate", range: [0, 1.5] })).toThrow(/goes outside what council.vacancyRate allows/);
    expect(() => switchingValue(scenario, { input: "council.childen" })).toThrow(/unknown setting "council.childen"; did you mean "council.children"/);
    expect(() => switchingValue(scenario, { input: "council.children", target: NaN })).toThrow(DomainError);
  });
});

describe("the root finder", () => {
  test.each([
    ["x³ − 2x − 5 (Wallis's equation)", (x: number) => x ** 3 - 2 * x - 5, 2, 3, 2.0945514815423265],
    ["cos x − x", (x: number) => Math.cos(x) - x, 0, 1, 0.7390851332151607],
    ["a root at an end", (x: number) => x - 1, 1, 2, 1],
  ])("Brent's method finds the root of %s", (_name, g, lo, hi, root) => {
    const scan = scanForSignChange(g, lo, hi, 8);
    const found = brent(g, scan.bracket!, 1e-14);
    expect(found.x).toBeCloseTo(root, 12);
  });

  test("the scan counts every change of sign and brackets the first", () => {
    const scan = scanForSignChange((x) => Math.sin(x), 0.5, 10, 64);
    expect(scan.crossings).toBe(3); // π, 2π, 3π
    expect(scan.bracket!.lo).toBeLessThan(Math.PI);
    expect(scan.bracket!.hi).toBeGreaterThan(Math.PI);
  });
});
