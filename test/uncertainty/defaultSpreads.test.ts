import { applySettings, loadPreset, listSettings, numericSettings, sensitivity, simulate, type Setting } from "../../engine/index.js";
import { defaultSpread, noDefaultSpread, DEFAULT_SPREAD_WIDTH } from "../../engine/uncertainty/defaultSpreads.js";

/**
 * Every assumption carries its doubt: a labelled assumption with no distribution of its own gets a
 * triangular spread, ±20% on money and ±25% otherwise, cut to the setting's limits; a sourced figure
 * gets none; a distribution given wins; the defaults can be turned off. Worked by hand.
 */

const blueprint = loadPreset("blueprint");
const baseline = loadPreset("baseline-2018");
/** The ends to 12 significant figures, as the rule writes them (0.8 × 0.75 is 0.6, not 0.6000000000000001). */
const tidy = (x: number) => Number(x.toPrecision(12));
const setting = (s: typeof blueprint, key: string) => listSettings(s).find((x) => x.key === key)!;

describe("the rule", () => {
  test("a structural ratio typed as an assumption: triangular ±25% (one enabler per 2 teams: 1.5–2–2.5)", () => {
    const per = setting(blueprint, "structure.tiers.enabler.span.per");
    expect(per.provenance?.assumption).toBeDefined();
    expect(defaultSpread(per)).toMatchObject({ type: "triangular", min: tidy((per.value as number) * 0.75), mode: per.value, max: tidy((per.value as number) * 1.25) });
  });

  test("money typed as an assumption: triangular ±20% (an enabler's £22,000: £17,600–£26,400)", () => {
    const pay = setting(blueprint, "structure.tiers.enabler.salary");
    expect(DEFAULT_SPREAD_WIDTH.money).toBe(0.2);
    expect(defaultSpread(pay)).toMatchObject({ type: "triangular", min: tidy((pay.value as number) * 0.8), mode: pay.value, max: tidy((pay.value as number) * 1.2) });
  });

  test("cut to the setting's limits: a share near 1 stays at or below its most", () => {
    const s: Setting = { key: "transition.doubleRunning.share", path: "", label: "", kind: "number", unit: "share", value: 0.9, min: 0, max: 1, group: "transition", provenance: { assumption: "x" } };
    expect(defaultSpread(s)).toMatchObject({ min: 0.675, mode: 0.9, max: 1 });
  });

  test("none for a sourced figure, a whole number, a share of a whole, a choice of the analysis, a span's FTE, or 0", () => {
    const sourced = setting(blueprint, "structure.tiers.socialWorker.salary");
    expect(sourced.provenance?.source).toBeDefined();
    expect(defaultSpread(sourced)).toBeNull();
    const base: Setting = { key: "x", path: "", label: "", kind: "number", value: 2, group: "structure", provenance: { assumption: "y" } };
    expect(defaultSpread({ ...base, integer: true })).toBeNull();
    expect(noDefaultSpread({ ...base, key: "timeUse.travel" })).toMatch(/sum to one/);
    expect(noDefaultSpread({ ...base, key: "structure.tiers.socialWorker.shareOfChildren" })).toMatch(/share of the children/);
    expect(noDefaultSpread({ ...base, key: "finance.appraisal.costNeutralTolerance" })).toMatch(/choice of the analysis/);
    expect(noDefaultSpread({ ...base, key: "structure.tiers.enabler.span.fte" })).toMatch(/span\.per/);
    expect(defaultSpread({ ...base, value: 0 })).toBeNull();
  });
});

describe("in the Monte Carlo", () => {
  const draws = 300;
  const withDefaults = simulate(blueprint, { baseline, draws, seed: 2 });
  const without = simulate(blueprint, { baseline, draws, seed: 2, defaultSpreads: false });

  test("the structural assumptions vary, marked as default spreads; turned off, only stated distributions vary", () => {
    const keys = withDefaults.inputs.map((i) => i.key);
    expect(keys).toContain("structure.tiers.enabler.span.per");
    expect(keys).toContain("structure.tiers.strategy.fte");
    expect(withDefaults.inputs.find((i) => i.key === "structure.tiers.enabler.span.per")!.defaultSpread).toBe(true);
    expect(withDefaults.inputs.find((i) => i.key === "council.vacancyRate")!.defaultSpread).toBeUndefined();
    const stated = new Set([...Object.keys(blueprint.distributions ?? {}), ...Object.keys(baseline.distributions ?? {})]);
    for (const i of without.inputs) expect(stated.has(i.key)).toBe(true);
  });

  test("a setting both sides hold at one value is drawn once for both", () => {
    const shared = withDefaults.inputs.find((i) => i.key === "finance.futurePayAward");
    if (shared) expect(shared.side).toBe("both");
  });

  test("a distribution the user gives wins over the default", () => {
    const r = simulate(blueprint, { baseline, draws: 100, seed: 2, vary: { "option.structure.tiers.enabler.span.per": "uniform(3, 7)" } });
    const input = r.inputs.find((i) => i.key === "structure.tiers.enabler.span.per")!;
    expect(input.distribution).toMatch(/^uniform/);
    expect(input.defaultSpread).toBeUndefined();
  });

  test("a scenario's own distribution stays its own", () => {
    const own = applySettings(blueprint, { "structure.tiers.enabler.span.per": { value: 5, distribution: { type: "uniform", min: 4, max: 6 } } } as never);
    const r = simulate(own, { baseline, draws: 100, seed: 2 });
    expect(r.inputs.find((i) => i.key === "structure.tiers.enabler.span.per")!.distribution).toMatch(/^uniform/);
  });

  test("the tornado has a bar for a structural assumption", () => {
    const t = sensitivity(blueprint, { baseline });
    expect(t.bars.some((b) => b.key === "structure.tiers.enabler.span.per" || b.key === "option.structure.tiers.enabler.span.per")).toBe(true);
  });

  test("every numeric assumption without a distribution that may vary does", () => {
    const varied = new Set(withDefaults.inputs.map((i) => i.key));
    for (const s of numericSettings(blueprint)) {
      if (defaultSpread(s)) expect(varied.has(s.key) ? s.key : `not varied: ${s.key}`).toBe(s.key);
    }
  });
});
