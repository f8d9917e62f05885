import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { applySettings, compareScenarios, listPresets, listSettings, loadPreset, loadScenario, ScenarioError, toScenarioInput, validateScenario } from "../../engine/index.js";
import { smallOption, smallScenario } from "../fixtures/small.js";

const MODELS = join(__dirname, "..", "..", "models");

function problems(input: unknown): string[] {
  const v = validateScenario(input);
  if (v.ok) throw new Error("expected the scenario to be refused");
  return v.issues.map((i) => `${i.path}: ${i.reason}`);
}

describe("a distribution beside a value makes a setting uncertain", () => {
  const uncertain = () => {
    const s = smallScenario();
    s.council.vacancyRate = { value: 0.1, source: "our HR return", distribution: "triangular(0.05, 0.1, 0.2)" };
    s.structure.tiers[0].salary = { value: 30000, distribution: { type: "normal", sd: 1000, min: 27000, max: 33000, assumption: "pay drift either way" } };
    return s;
  };

  test("the value stays the central case; the distribution and the source are recorded by setting key", () => {
    const scenario = loadScenario(uncertain());
    expect(scenario.council.vacancyRate).toBe(0.1);
    expect(scenario.sources["council.vacancyRate"]).toEqual({ source: "our HR return" });
    expect(scenario.distributions).toEqual({
      "council.vacancyRate": { type: "triangular", min: 0.05, mode: 0.1, max: 0.2 },
      "structure.tiers.worker.salary": { type: "normal", mean: 30000, sd: 1000, min: 27000, max: 33000, assumption: "pay drift either way" },
    });
    expect(listSettings(scenario).find((s) => s.key === "council.vacancyRate")!.distribution).toEqual({ type: "triangular", min: 0.05, mode: 0.1, max: 0.2 });
  });

  test("a scenario's deterministic results do not depend on its distributions", () => {
    const plain = smallScenario();
    plain.council.vacancyRate = 0.1;
    const certain = compareScenarios(loadScenario(plain), loadScenario(smallOption()));
    const withUncertainty = compareScenarios(loadScenario(uncertain()), loadScenario(smallOption()));
    expect(withUncertainty.baseline.runCost).toEqual(certain.baseline.runCost);
    expect(withUncertainty.transition.total).toBe(certain.transition.total);
    expect(withUncertainty.appraisal.npv).toBe(certain.appraisal.npv);
  });

  test("distributions survive a round trip through the scenario file form and an override of another setting", () => {
    const scenario = loadScenario(uncertain());
    expect(loadScenario(toScenarioInput(scenario, { withSources: true })).distributions).toEqual(scenario.distributions);
    expect(applySettings(scenario, { "council.children": 120 }).distributions).toEqual(scenario.distributions);
    // Overriding the value itself states it as known: its distribution goes with the old value.
    expect(applySettings(scenario, { "council.vacancyRate": 0.12 }).distributions).toEqual({ "structure.tiers.worker.salary": scenario.distributions!["structure.tiers.worker.salary"] });
  });

  test.each([
    [(s: any) => (s.council.vacancyRate = { value: 0.1, distribution: "triangular(0.05, 0.3, 0.2)" }), "council.vacancyRate.distribution.mode: must lie between min (0.05) and max (0.2), got 0.3"],
    [(s: any) => (s.council.vacancyRate = { value: 0.1, distribution: "uniform(0.05, 1)" }), "council.vacancyRate.distribution: reaches 1, above the most the setting allows (less than 1)"],
    [(s: any) => (s.council.name = { value: "Smalltown", distribution: "uniform(1, 2)" }), "council.name: only a single number can carry a distribution"],
    [(s: any) => (s.structure.tiers[0].salary = { value: 30000, distribution: "normal(30000, 1000)" }), "structure.tiers[0].salary.distribution: reaches minus infinity, below the least the setting allows (0); give min: 0 to cut it off there (tier \"worker\")"],
    [(s: any) => (s.finance.appraisal.horizonYears = { value: 5, distribution: "discrete(4:0.5, 5:0.5)" }), "finance.appraisal.horizonYears.distribution: cannot be uncertain: the appraisal horizon fixes the number of years appraised"],
    [(s: any) => (s.council.vacancyRate = { value: 0.1, distribution: "gamma(1, 2)" }), 'council.vacancyRate.distribution: unknown distribution "gamma" (known: triangular, pert, uniform, normal, lognormal, discrete)'],
  ])("a bad distribution is refused with its path and reason (%#)", (change, message) => {
    const s = smallScenario();
    change(s);
    expect(problems(s)).toContain(message);
  });

  test("a fixed-shape setting of a transition cannot be uncertain", () => {
    const s = smallOption();
    s.transition.years = { value: 2, distribution: "discrete(2:0.5, 3:0.5)" };
    expect(problems(s)).toContain("transition.years.distribution: cannot be uncertain: the number of transition years fixes the shape of the transition");
  });

  test("an integer setting takes only a discrete distribution of whole numbers", () => {
    const s = smallOption();
    s.transition.leavers[0].age = { value: 46, distribution: "uniform(40, 50)" };
    expect(problems(s)).toContain("transition.leavers[0].age.distribution: the setting is a whole number, so its distribution must be discrete with whole-number values");
    s.transition.leavers[0].age = { value: 46, distribution: "discrete(40:0.5, 46:0.5)" };
    expect(loadScenario(s).distributions).toEqual({ "transition.leavers.0.age": { type: "discrete", values: [40, 46], probabilities: [0.5, 0.5] } });
  });
});

describe("correlations between uncertain inputs", () => {
  const base = () => {
    const s = smallScenario();
    s.council.vacancyRate = { value: 0.1, distribution: "triangular(0.05, 0.1, 0.2)" };
    s.council.agencyCoverShare = { value: 0.5, distribution: "uniform(0.3, 0.7)" };
    s.council.agencyPremium = { value: 0.4, distribution: "uniform(0.2, 0.6)" };
    return s;
  };

  test("are kept with the scenario, their strength sourced like any number", () => {
    const s: any = base();
    s.correlations = [{ between: ["council.vacancyRate", "council.agencyCoverShare"], rank: { value: 0.5, assumption: "they move together" } }];
    const scenario = loadScenario(s);
    expect(scenario.correlations).toEqual([{ between: ["council.vacancyRate", "council.agencyCoverShare"], rank: 0.5 }]);
    expect(scenario.sources["correlations.0.rank"]).toEqual({ assumption: "they move together" });
    expect(loadScenario(toScenarioInput(scenario, { withSources: true })).correlations).toEqual(scenario.correlations);
  });

  test("a correlation with a setting that carries no distribution is kept, and acts once both are uncertain", () => {
    const s: any = base();
    s.correlations = [{ between: ["council.vacancyRate", "council.children"], rank: 0.5 }];
    expect(loadScenario(s).correlations).toEqual([{ between: ["council.vacancyRate", "council.children"], rank: 0.5 }]);
    // A preset's correlated input stated as a known value: the scenario still loads.
    const known = applySettings(loadPreset("england-2025"), { "council.vacancyRate": 0.12 });
    expect(known.distributions?.["council.vacancyRate"]).toBeUndefined();
    expect(known.correlations).toHaveLength(1);
  });

  test.each([
    [[{ between: ["council.vacancyRate", "council.childen"], rank: 0.5 }], 'correlations[0].between[1]: "council.childen" is not a numeric setting of this scenario; did you mean "council.children"?'],
    [[{ between: ["council.vacancyRate", "council.name"], rank: 0.5 }], 'correlations[0].between[1]: "council.name" is not a numeric setting of this scenario'],
    [[{ between: ["council.vacancyRate", "council.vacancyRate"], rank: 0.5 }], 'correlations[0].between: names "council.vacancyRate" twice; a correlation is between two different inputs'],
    [[{ between: ["council.vacancyRate"], rank: 0.5 }], "correlations[0].between: must have at least 2 item(s), got 1"],
    [[{ between: ["council.vacancyRate", "council.agencyPremium"], rank: 1.5 }], "correlations[0].rank: must be at most 1, got 1.5"],
    [
      [
        { between: ["council.vacancyRate", "council.agencyCoverShare"], rank: 0.9 },
        { between: ["council.vacancyRate", "council.agencyPremium"], rank: 0.9 },
        { between: ["council.agencyCoverShare", "council.agencyPremium"], rank: -0.9 },
      ],
      "correlations: the rank correlations between council.vacancyRate, council.agencyCoverShare, council.agencyPremium cannot all hold at once (together they do not form a valid correlation matrix)",
    ],
    [
      [
        { between: ["council.vacancyRate", "council.agencyCoverShare"], rank: 0.5 },
        { between: ["council.agencyCoverShare", "council.vacancyRate"], rank: 0.2 },
      ],
      "correlations[1].between: council.agencyCoverShare and council.vacancyRate are already correlated by correlations[0]",
    ],
  ])("are checked: %j", (correlations, message) => {
    const s: any = base();
    s.correlations = correlations;
    expect(problems(s)).toContain(message);
  });
});

describe("the presets' uncertain inputs", () => {
  test("every distribution in models/ carries its own source or assumption for its range", () => {
    const missing: string[] = [];
    const visit = (value: unknown, path: string) => {
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
      else if (value && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if ("distribution" in record) {
          const d = record.distribution as Record<string, unknown>;
          if (typeof d !== "object" || (typeof d.source !== "string" && typeof d.assumption !== "string")) missing.push(path);
        }
        for (const [k, v] of Object.entries(record)) visit(v, path ? `${path}.${k}` : k);
      }
    };
    let found = 0;
    for (const folder of ["presets", "councils", "finance"]) {
      for (const file of readdirSync(join(MODELS, folder)).filter((f) => f.endsWith(".yaml"))) {
        const text = readFileSync(join(MODELS, folder, file), "utf8");
        found += (text.match(/distribution:/g) ?? []).length;
        visit(parse(text), `${folder}/${file}`);
      }
    }
    expect(found).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });

  test.each(listPresets().map((p) => p.id))("%s carries uncertain council figures, correlated vacancy and agency cover", (id) => {
    const scenario = loadPreset(id);
    expect(Object.keys(scenario.distributions ?? {})).toEqual(expect.arrayContaining(["council.vacancyRate", "council.agencyCoverShare", "council.agencyPremium"]));
    expect(scenario.correlations).toEqual([{ between: ["council.vacancyRate", "council.agencyCoverShare"], rank: 0.5 }]);
  });

  test("the default comparison is unchanged by the presets' distributions: the central values are what is costed", () => {
    const c = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"));
    // the same presets with every distribution left out (the values only)
    const plain = (id: string) => {
      const s = loadPreset(id);
      return loadScenario({ ...toScenarioInput({ ...s, distributions: undefined, correlations: undefined }), id });
    };
    const without = compareScenarios(plain("baseline-2018"), plain("blueprint"));
    expect(c.baseline.runCost.total).toBe(without.baseline.runCost.total);
    expect(c.option.runCost.total).toBe(without.option.runCost.total);
    expect(c.transition.total).toBe(without.transition.total);
  });

  test("a ScenarioError names every bad distribution, not just the first", () => {
    const s = smallScenario();
    s.council.vacancyRate = { value: 0.1, distribution: "uniform(0.2, 0.1)" };
    s.council.agencyPremium = { value: 0.1, distribution: "normal(0.1, -1)" };
    try {
      loadScenario(s);
      throw new Error("not refused");
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      expect((error as ScenarioError).issues.map((i) => i.path)).toEqual(["council.vacancyRate.distribution.max", "council.agencyPremium.distribution.sd"]);
    }
  });
});
