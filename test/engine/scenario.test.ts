import {
  applySettings,
  loadPreset,
  loadScenario,
  runScenario,
  ScenarioError,
  UnknownNameError,
  validateScenario,
} from "../../engine/index.js";
import { smallOption, smallScenario } from "../fixtures/small.js";

type Mutation = (s: Record<string, any>) => void;

describe("invalid scenarios are rejected with every problem as path and reason", () => {
  const cases: [string, Mutation, string, RegExp][] = [
    ["a negative fixed FTE", (s) => (s.structure.tiers[2].fte = -2), "structure.tiers[2].fte", /must be at least 0, got -2/],
    ["a string where a number belongs", (s) => (s.council.children = "lots"), "council.children", /must be a number \(children\), got "lots"/],
    ["a negative count of children", (s) => (s.council.children = -5), "council.children", /must be at least 0, got -5/],
    ["a vacancy rate of 1", (s) => (s.council.vacancyRate = 1), "council.vacancyRate", /must be less than 1/],
    ["a tier reporting to itself", (s) => (s.structure.tiers[1].reportsTo = "manager"), "structure.tiers[1].reportsTo", /cannot report to itself/],
    ["a tier reporting to no known tier", (s) => (s.structure.tiers[1].reportsTo = "haed"), "structure.tiers[1].reportsTo", /no tier has the id "haed"; did you mean "head"/],
    ["time-use shares summing to 1.3", (s) => (s.timeUse.directContact = 0.55), "timeUse", /shares must sum to 1, got 1.3/],
    ["two sizing rules on a tier", (s) => (s.structure.tiers[0].fte = 3), "structure.tiers[0]", /has 2 sizing rules \(fte, childrenPerWorker\)/],
    ["no sizing rule", (s) => delete s.structure.tiers[2].fte, "structure.tiers[2]", /needs one sizing rule/],
    ["a duplicate tier id", (s) => (s.structure.tiers[2].id = "worker"), "structure.tiers[2].id", /already the id of structure.tiers\[0\]/],
    ["a tier id that names a quantity", (s) => (s.structure.tiers[2].id = "teams"), "structure.tiers[2].id", /is the name of a quantity/],
    ["no tier holding cases", (s) => (s.structure.tiers[0].holdsCases = false), "structure.tiers", /no tier holds cases/],
    ["a span of an unknown tier", (s) => (s.structure.tiers[1].span.of = "workers"), "structure.tiers[1].span.of", /"workers" is not a tier or quantity/],
    ["a forbidden expression", (s) => { delete s.structure.tiers[1].span; s.structure.tiers[1].expression = "import({})"; }, "structure.tiers[1].expression", /may call min, max, ceil, floor, round only/],
    ["a sizing cycle", (s) => { s.structure.tiers[0] = { ...s.structure.tiers[0], childrenPerWorker: undefined, span: { of: "manager", per: 0.2 } }; delete s.structure.tiers[0].childrenPerWorker; }, "structure.tiers", /sizing rules depend on each other in a circle: (worker → manager → worker|manager → worker → manager)/],
    ["a reporting cycle", (s) => (s.structure.tiers[2].reportsTo = "worker"), "structure.tiers", /reporting lines go round in a circle/],
    ["an unknown setting", (s) => (s.council.childern = 3), "council.childern", /unknown setting; did you mean "children"/],
    ["a financial year written wrong", (s) => (s.finance.year = "2025-26"), "finance.year", /must be a financial year such as "2025\/26"/],
    ["a year the rates table lacks, with no NI set", (s) => { s.finance.year = "2017/18"; delete s.finance.employerNi; }, "finance.employerNi", /rates table has no employer NI for 2017\/18/],
    ["salaries stated years before with no pay awards", (s) => (s.finance.salaryYear = "2023/24"), "finance.payAwards", /no award for 2024\/25/],
    ["a profile of the wrong length", (s) => { Object.assign(s, { transition: { ...smallOption().transition, profile: [1] } }); }, "transition.profile", /one value for each of the 2 transition years, got 1/],
    ["leaver shares not summing to 1", (s) => { Object.assign(s, { transition: { ...smallOption().transition, leavers: [{ share: 0.5, age: 40, yearsOfService: 5 }] } }); }, "transition.leavers", /shares must sum to 1, got 0.5/],
    ["a bad note beside a value", (s) => (s.council.children = { value: 3, sauce: "x" }), "council.children", /unknown note "sauce"/],
  ];

  test.each(cases)("%s", (_name, mutate, path, reason) => {
    const input = smallScenario();
    mutate(input);
    const validation = validateScenario(input);
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    const issue = validation.issues.find((i) => i.path === path);
    expect(issue).toBeDefined();
    expect(issue!.reason).toMatch(reason);
  });

  test("every problem is listed, not just the first", () => {
    const input = smallScenario();
    input.council.children = -1;
    input.timeUse.hoursPerWeek = "forty";
    input.structure.tiers[2].salary = -3;
    try {
      loadScenario(input);
      throw new Error("expected a ScenarioError");
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      expect((error as ScenarioError).issues.map((i) => i.path).sort()).toEqual(["council.children", "structure.tiers[2].salary", "timeUse.hoursPerWeek"]);
      expect((error as ScenarioError).message).toMatch(/3 problems/);
    }
  });

  test("YAML and JSON syntax errors name the line", () => {
    expect(() => loadScenario("name: [unclosed\n", { source: "bad.yaml" })).toThrow(/bad.yaml: is not valid YAML: line \d+, column \d+: Flow sequence/);
    expect(() => loadScenario('{"name": }', { source: "bad.json" })).toThrow(/bad.json: is not valid JSON/);
  });
});

describe("extends and overrides", () => {
  test("a file extends a preset and overrides parts of it; tiers merge by id", () => {
    const s = loadScenario({
      extends: "blueprint",
      name: "Our council",
      council: { children: 3000 },
      structure: { tiers: [{ id: "strategy", fte: 5 }] },
    }, { source: "ours.yaml", id: "ours" });
    expect(s.name).toBe("Our council");
    expect(s.council.children).toBe(3000);
    expect(s.council.vacancyRate).toBe(loadPreset("blueprint").council.vacancyRate);
    expect(s.structure.tiers.find((t) => t.id === "strategy")!.size).toEqual({ rule: "fixed", fte: 5 });
    expect(s.structure.tiers.length).toBe(loadPreset("blueprint").structure.tiers.length);
    expect(s.sources["council.children"]).toEqual({ source: "ours.yaml" });
    expect(s.sources["council.vacancyRate"]!.source).toMatch(/DfE/);
  });

  test("a tier given a new sizing rule loses its old one; remove drops a tier", () => {
    const s = loadScenario({ extends: "baseline-2018", structure: { tiers: [{ id: "teamManager", fte: 10 }, { id: "businessSupport", remove: true }] } });
    expect(s.structure.tiers.find((t) => t.id === "teamManager")!.size).toEqual({ rule: "fixed", fte: 10 });
    expect(s.structure.tiers.some((t) => t.id === "businessSupport")).toBe(false);
  });

  test("a problem in an overridden tier names the tier, whose place in the merged list differs from the file's", () => {
    const enablerAt = loadPreset("blueprint").structure.tiers.findIndex((t) => t.id === "enabler");
    expect(enablerAt).toBeGreaterThan(0);
    let caught: unknown;
    try {
      loadScenario({ extends: "blueprint", structure: { tiers: [{ id: "enabler", salary: -5 }] } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    expect((caught as ScenarioError).issues).toEqual([{ path: `structure.tiers[${enablerAt}].salary`, reason: 'must be at least 0, got -5 (tier "enabler")' }]);
    // Every rule about a tier names it the same way.
    expect(() => loadScenario({ extends: "blueprint", structure: { tiers: [{ id: "enabler", reportsTo: "enabler" }] } })).toThrow(/reportsTo: a tier cannot report to itself \(tier "enabler"\)/);
  });

  test("extending a missing preset names it and the close matches", () => {
    expect(() => loadScenario({ extends: "bluepint" })).toThrow(UnknownNameError);
    expect(() => loadScenario({ extends: "bluepint" })).toThrow(/unknown preset "bluepint"; did you mean "blueprint"/);
  });

  test("settings can be overridden by key, including tiers by id", () => {
    const base = loadPreset("blueprint");
    const changed = applySettings(base, { "council.children": 3000, "structure.tiers.socialWorker.childrenPerWorker": 12 });
    expect(changed.council.children).toBe(3000);
    const sw = changed.structure.tiers.find((t) => t.id === "socialWorker")!;
    expect(sw.size).toMatchObject({ rule: "caseload", childrenPerWorker: 12 });
    expect(changed.sources["council.children"]).toEqual({ source: "override" });
    // The sources of everything else survive.
    expect(changed.sources["council.vacancyRate"]).toEqual(base.sources["council.vacancyRate"]);
  });

  test("an unknown override key lists the close matches", () => {
    expect(() => applySettings(loadPreset("blueprint"), { "council.childern": 1 })).toThrow(/unknown setting "council.childern"; did you mean "council.children"/);
  });

  test("an override that makes the scenario invalid is reported with its path", () => {
    expect(() => applySettings(loadPreset("blueprint"), { "council.children": -1 })).toThrow(/council.children: must be at least 0/);
  });

  test("small scenario by hand", () => {
    const r = runScenario(loadScenario(smallScenario()));
    expect(r.structure.tiers.map((t) => t.fte)).toEqual([10, 2, 1]);
    // worker: 10 × (30,000 + NI 2,000 + pension 6,000 + overheads 1,000) = 390,000
    // manager: 2 × (40,000 + 3,000 + 8,000 + 1,000) = 104,000; head: 60,000 + 5,000 + 12,000 + 1,000 = 78,000
    expect(r.structure.tiers.map((t) => t.annualCost)).toEqual([390000, 104000, 78000]);
    expect(r.runCost.total).toBe(572000);
    expect(r.caseload.childrenPerCaseHolder).toBe(10);
    expect(r.caseload.familiesPerCaseHolder).toBe(5);
    expect(r.time.directContactHoursPerChildPerWeek).toBe(1);
    expect(r.structure.layers).toBe(2);
    expect(r.structure.spanOfControl).toBeCloseTo((10 + 2) / (2 + 1), 12);
    expect(r.checks.every((c) => c.ok)).toBe(true);
  });
});
