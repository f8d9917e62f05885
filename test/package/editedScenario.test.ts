import { applySettings, compareScenarios, explain, loadPreset, runScenario, ScenarioError, type Scenario } from "socialcare-model";

/**
 * The library with a scenario object changed after it was loaded (issue 18): the compiled model was
 * cached per object, so an edit gave the old figures without a word, and nothing checked an object the
 * loader had not produced (children NaN gave a run cost with every check passing).
 */

/** The same change made through the loader: what an edit of the object must give. */
const changed = (id: string, key: string, value: number): Scenario => applySettings(loadPreset(id), { [key]: value });

describe("an edit to a loaded scenario shows in the next call", () => {
  test("runScenario", () => {
    const s = loadPreset("blueprint");
    const before = runScenario(s);
    s.council.children = before.caseload.children + 846;
    const after = runScenario(s);
    expect(after.caseload.children).toBe(before.caseload.children + 846);
    expect(after.runCost.total).toBe(runScenario(changed("blueprint", "council.children", before.caseload.children + 846)).runCost.total);
  });

  test("compareScenarios, edits to either side", () => {
    const baseline = loadPreset("baseline-2018");
    const option = loadPreset("blueprint");
    compareScenarios(baseline, option);
    option.structure.tiers.find((t) => t.id === "socialWorker")!.salary = 40000;
    baseline.council.children = 3000;
    const expected = compareScenarios(changed("baseline-2018", "council.children", 3000), changed("blueprint", "structure.tiers.socialWorker.salary", 40000));
    const after = compareScenarios(baseline, option);
    expect(after.baseline.caseload.children).toBe(3000);
    expect(after.change.runCost).toBe(expected.change.runCost);
    expect(after.appraisal.npv).toBe(expected.appraisal.npv);
  });

  test("a setting added after a run is read, so an unknown one is refused rather than ignored", () => {
    const s = loadPreset("blueprint");
    runScenario(s);
    (s.council as unknown as Record<string, unknown>).childern = 3000;
    expect(() => runScenario(s)).toThrow(ScenarioError);
    expect(() => runScenario(s)).toThrow(/childern/);
  });

  test("a number changed to NaN and back runs as before, and a group made to hold itself is refused, not a crash", () => {
    const s = loadPreset("blueprint");
    const before = runScenario(s).runCost.total;
    const children = s.council.children;
    s.council.children = Number.NaN;
    expect(() => runScenario(s)).toThrow(ScenarioError);
    s.council.children = children;
    expect(runScenario(s).runCost.total).toBe(before);
    const council = { ...s.council } as unknown as Record<string, unknown>;
    council.itself = council;
    s.council = council as unknown as Scenario["council"];
    expect(() => runScenario(s)).toThrow(ScenarioError);
  });

  test("explain", () => {
    const s = loadPreset("blueprint");
    explain(s, "runCost.total");
    s.council.children = 3000;
    expect(explain(s, "runCost.total").value).toBe(runScenario(changed("blueprint", "council.children", 3000)).runCost.total);
  });
});

describe("every entry point validates what it is given", () => {
  const cases: [string, (s: Scenario) => void, string][] = [
    ["children NaN", (s) => (s.council.children = Number.NaN), "council.children: must be a finite number, got NaN"],
    ["a vacancy rate of 2", (s) => (s.council.vacancyRate = 2), "council.vacancyRate: must be less than 1, got 2"],
    ["an infinite salary", (s) => (s.structure.tiers[0]!.salary = Infinity), "structure.tiers[0].salary: must be a finite number, got Infinity"],
    ["children 1e20", (s) => (s.council.children = 1e20), "council.children: must be at most"],
  ];
  test.each(cases)("%s is a ScenarioError naming the field, from runScenario, compareScenarios and explain", (_, spoil, message) => {
    const calls = [(s: Scenario) => runScenario(s), (s: Scenario) => compareScenarios(loadPreset("baseline-2018"), s), (s: Scenario) => compareScenarios(s, loadPreset("blueprint")), (s: Scenario) => explain(s, "runCost.total")];
    for (const call of calls) {
      const s = loadPreset("blueprint");
      delete s.distributions; // a spoilt value outside its own distribution is a second problem
      call(s);
      spoil(s);
      expect(() => call(s)).toThrow(ScenarioError);
      expect(() => call(s)).toThrow(message);
    }
  });

  test.each([
    ["null", null, "must be a scenario, got null"],
    ["a number", 5, "must be a scenario, got number"],
    ["a list", [], "must be a scenario, got a list"],
    ["an empty object", {}, "is not a scenario as loadScenario or loadPreset gives it"],
    ["tiers that are not a list", { ...loadPreset("blueprint"), structure: { ...loadPreset("blueprint").structure, tiers: "x" } }, "is not a scenario as loadScenario or loadPreset gives it"],
  ])("%s is a ScenarioError from each entry point, not a TypeError", (_, value, message) => {
    const bad = value as unknown as Scenario;
    for (const call of [() => runScenario(bad), () => compareScenarios(loadPreset("baseline-2018"), bad), () => compareScenarios(bad, loadPreset("blueprint")), () => explain(bad, "runCost.total")]) {
      expect(call).toThrow(ScenarioError);
      expect(call).toThrow(message);
    }
  });

  test("an object built by hand with a field missing is refused, not run", () => {
    const { council: _dropped, ...rest } = loadPreset("blueprint");
    expect(() => runScenario(rest as Scenario)).toThrow(ScenarioError);
    expect(() => runScenario(rest as Scenario)).toThrow(/council/);
  });
});
