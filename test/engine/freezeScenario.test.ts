import {
  applySettings,
  claimsTable,
  compareOptions,
  compareScenarios,
  compileComparison,
  explain,
  freezeScenario,
  isFrozenScenario,
  listSettings,
  loadPreset,
  runScenario,
  ScenarioError,
  sensitivity,
  simulate,
  toScenarioInput,
} from "../../engine/index.js";
import * as snapshot from "../../engine/scenario/snapshot.js";

/**
 * A frozen scenario: a checked copy that cannot change, so the engine does not compare it with what it
 * was compiled from before using its compiled model again (issue 16).
 */
describe("freezeScenario", () => {
  const blueprint = loadPreset("blueprint");
  const frozen = freezeScenario(blueprint);

  test("is a copy holding what the scenario holds, frozen in every group and list; the scenario given stays editable", () => {
    expect(frozen).not.toBe(blueprint);
    expect(frozen).toEqual(blueprint);
    const groups: unknown[] = [];
    const walk = (value: unknown) => {
      if (value === null || typeof value !== "object") return;
      groups.push(value);
      Object.values(value).forEach(walk);
    };
    walk(frozen);
    expect(groups.length).toBeGreaterThan(50);
    expect(groups.filter((g) => !Object.isFrozen(g))).toEqual([]);
    expect(Object.isFrozen(blueprint.council)).toBe(false);
    expect(isFrozenScenario(frozen)).toBe(true);
    expect(isFrozenScenario(blueprint)).toBe(false);
    // a frozen scenario is its own frozen copy
    expect(freezeScenario(frozen)).toBe(frozen);
  });

  test("an edit is refused (the tests are ES modules, strict code), and nothing changes", () => {
    const children = frozen.council.children;
    expect(() => {
      (frozen.council as { children: number }).children = children + 1000;
    }).toThrow(TypeError);
    expect(() => {
      frozen.structure.tiers.push(frozen.structure.tiers[0]!);
    }).toThrow(TypeError);
    expect(frozen.council.children).toBe(children);
  });

  test("gives the same figures as the scenario it was made from, on every face of the engine", () => {
    const baseline = loadPreset("baseline-2018");
    const frozenBaseline = freezeScenario(baseline);
    expect(compareScenarios(frozenBaseline, frozen)).toEqual(compareScenarios(baseline, blueprint));
    expect(compareOptions(frozenBaseline, [frozen])).toEqual(compareOptions(baseline, [blueprint]));
    expect(runScenario(frozen)).toEqual(runScenario(blueprint));
    expect(explain(frozen, "runCost.total")).toEqual(explain(blueprint, "runCost.total"));
    expect(listSettings(frozen)).toEqual(listSettings(blueprint));
    expect(toScenarioInput(frozen, { withSources: true })).toEqual(toScenarioInput(blueprint, { withSources: true }));
    const draws = { figures: ["appraisal.npv"], draws: 200, seed: 4 };
    expect(simulate(frozen, { ...draws, baseline: frozenBaseline })).toEqual(simulate(blueprint, { ...draws, baseline }));
    expect(sensitivity(frozen, { baseline: frozenBaseline, figure: "transition.total" })).toEqual(sensitivity(blueprint, { baseline, figure: "transition.total" }));
    expect(claimsTable(frozenBaseline, frozen, { draws: 100, seed: 2 })).toEqual(claimsTable(baseline, blueprint, { draws: 100, seed: 2 }));
    // a changed copy is made as of any scenario, and is not frozen
    const changed = applySettings(frozen, { "council.children": 3000 });
    expect(changed.council.children).toBe(3000);
    expect(isFrozenScenario(changed)).toBe(false);
  });

  test("its compiled comparison is used again; a plain scenario's is compiled again once edited", () => {
    const baseline = freezeScenario(loadPreset("baseline-2018"));
    const model = compileComparison(baseline, frozen);
    expect(compileComparison(baseline, frozen)).toBe(model);
    const plain = loadPreset("blueprint");
    const plainModel = compileComparison(baseline, plain);
    expect(compileComparison(baseline, plain)).toBe(plainModel);
    (plain.council as { children: number }).children += 1000;
    expect(compileComparison(baseline, plain)).not.toBe(plainModel);
  });

  test("unchangedSince answers for a frozen scenario without reading it", () => {
    const taken = snapshot.snapshot(frozen);
    // a snapshot that no longer matches would be reported changed, were the scenario walked
    const other = snapshot.snapshot(loadPreset("cluster"));
    expect(snapshot.unchangedSince(frozen, taken)).toBe(true);
    expect(snapshot.unchangedSince(frozen, other)).toBe(true);
    expect(snapshot.unchangedSince(blueprint, other)).toBe(false);
  });

  test("a scenario with a problem is refused as any run would refuse it, naming the setting", () => {
    const bad = { ...loadPreset("blueprint"), council: { ...loadPreset("blueprint").council, children: -5 } };
    expect(() => freezeScenario(bad)).toThrow(ScenarioError);
    expect(() => freezeScenario(bad)).toThrow(/council\.children/);
    expect(() => freezeScenario(null as never)).toThrow(/must be a scenario, got null/);
  });
});
