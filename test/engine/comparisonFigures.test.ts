import { compareScenarios, comparisonFigures, loadPreset, loadScenario, resultFigures } from "../../engine/index.js";
import { smallOption, smallScenario } from "../fixtures/small.js";

/**
 * The side-by-side figures of a comparison: every figure of the baseline's result, then the option's it
 * lacks; a tier only one side has counts as 0 FTE and £0 on the other, and its salary there as no number.
 */
describe("a comparison's figures side by side", () => {
  const c = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"));

  test("each row is its two sides' figures, their change and its percent, worked from the results", () => {
    const base = new Map(resultFigures(c.baseline).map((f) => [f.figure, f.value as number]));
    const option = new Map(resultFigures(c.option).map((f) => [f.figure, f.value as number]));
    const names = [...base.keys(), ...[...option.keys()].filter((name) => !base.has(name))];
    expect(c.figures.map((f) => f.figure)).toEqual(names);
    // the two presets do not share every tier, so both kinds of absent side are met below
    expect(names.some((name) => !option.has(name) && name.endsWith(".salary"))).toBe(true);
    expect(names.some((name) => !base.has(name) && name.endsWith(".fte"))).toBe(true);
    for (const row of c.figures) {
      const absent = row.figure.endsWith(".salary") ? null : 0;
      const b = base.has(row.figure) ? base.get(row.figure)! : absent;
      const o = option.has(row.figure) ? option.get(row.figure)! : absent;
      const change = b === null || o === null ? null : o - b;
      expect([row.figure, row.baseline, row.option, row.change, row.changePct]).toEqual([row.figure, b, o, change, change === null || b === 0 ? null : o! / b! - 1]);
    }
  });

  test("labels and units are the results' own (the option's where both sides have the figure)", () => {
    const labels = new Map([...resultFigures(c.baseline), ...resultFigures(c.option)].map((f) => [f.figure, [f.label, f.unit]]));
    for (const row of c.figures) expect([row.figure, row.label, row.unit]).toEqual([row.figure, ...labels.get(row.figure)!]);
  });

  test("the figures are a plain list on the comparison, the same as worked out afresh from its two results", () => {
    // A getter defined on each comparison gave every comparison an object shape of its own, which kept
    // comparisons from being collected and made building one three times slower (issue 16).
    const descriptor = Object.getOwnPropertyDescriptor(c, "figures")!;
    expect(descriptor.get).toBeUndefined();
    expect(descriptor.enumerable).toBe(true);
    expect(descriptor.value).toEqual(comparisonFigures(c));
  });

  test("another pair of scenarios, with other tiers, gets its own layout", () => {
    const small = compareScenarios(loadScenario(smallScenario()), loadScenario(smallOption()));
    const tierRows = small.figures.filter((f) => f.figure.startsWith("structure.tiers.")).map((f) => f.figure);
    const tiers = new Set([...small.baseline.structure.tiers, ...small.option.structure.tiers].map((t) => t.id));
    expect(tierRows).toHaveLength(3 * tiers.size);
    expect(small.figures).toEqual(comparisonFigures(small));
    // and the first pair's layout still stands
    expect(compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint")).figures).toEqual(c.figures);
  });
});
