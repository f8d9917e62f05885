import {
  applySettings,
  CancelledError,
  compareScenarios,
  comparisonFigures,
  comparisonOnlyFigures,
  createSimulation,
  DomainError,
  listPresets,
  loadPreset,
  loadScenario,
  numericSettings,
  resultFigures,
  runScenario,
  ScenarioError,
  simulate,
  simulateAsync,
  UnknownNameError,
  type Scenario,
} from "../../engine/index.js";
import { compileComparison } from "../../engine/model/comparisonModel.js";
import { compileScenario } from "../../engine/model/scenarioModel.js";
import { comparisonFigureReaders, scenarioFigureReaders } from "../../engine/uncertainty/figureReaders.js";
import { streamOf, uniformAt } from "../../engine/uncertainty/random.js";
import { fixedShapeReason } from "../../engine/uncertainty/uncertainInputs.js";
import { smallOption, smallScenario } from "../fixtures/small.js";

/** Excel's PERCENTILE.INC, written out independently of the engine. */
function percentileInc(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * (p / 100);
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo]! + (h - lo) * (sorted[lo + 1]! - sorted[lo]!) : sorted[lo]!;
}

const near = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));

describe("figures read from a draw are the figures of the full result", () => {
  test.each(listPresets().map((p) => p.id))("every numeric figure of %s", (id) => {
    const scenario = loadPreset(id);
    const model = compileScenario(scenario);
    const figures = resultFigures(runScenario(scenario)).filter((f) => typeof f.value === "number");
    const readers = scenarioFigureReaders(model, figures.map((f) => f.figure));
    const state = model.evaluate(model.inputs, model.newState());
    figures.forEach((f, i) => expect([f.figure, near(readers[i]!.read(state), f.value as number, 1e-9) || Math.abs(readers[i]!.read(state) - (f.value as number)) < 0.01]).toEqual([f.figure, true]));
  });

  test.each([
    ["baseline-2018", "blueprint"],
    ["england-2025", "cluster"],
    ["england-2025", "reclaim"],
  ])("every numeric figure of %s against %s (money to the penny)", (b, o) => {
    const baseline = loadPreset(b);
    const option = loadPreset(o);
    const comparison = compareScenarios(baseline, option);
    const own = comparisonOnlyFigures(comparison).filter((f) => typeof f.value === "number" || typeof f.value === "boolean");
    const sides = comparisonFigures(comparison).flatMap((f) => [
      ...(f.baseline !== null ? [{ figure: `baseline.${f.figure}`, value: f.baseline }] : []),
      ...(f.option !== null ? [{ figure: `option.${f.figure}`, value: f.option }] : []),
    ]);
    // A side's figure exists only if that side has it (a tier only one structure has).
    const names = new Set([...resultFigures(comparison.baseline).map((f) => `baseline.${f.figure}`), ...resultFigures(comparison.option).map((f) => `option.${f.figure}`)]);
    const all = [...own.map((f) => ({ figure: f.figure, value: f.value === true ? 1 : f.value === false ? 0 : (f.value as number) })), ...sides.filter((f) => names.has(f.figure))];
    const model = compileComparison(baseline, option);
    const readers = comparisonFigureReaders(model, all.map((f) => f.figure));
    const state = model.evaluate(undefined, undefined, model.newState());
    const wrong = all.filter((f, i) => {
      const read = readers[i]!.read(state);
      return !(near(read, f.value, 1e-9) || Math.abs(read - f.value) <= 0.011);
    });
    expect(wrong).toEqual([]);
    expect(all.length).toBeGreaterThan(60);
  });
});

describe("a draw is an evaluation of the one model", () => {
  /** A value a little away from the setting's own, inside its legal range. */
  function nudged(value: number, setting: { min?: number; max?: number; integer?: boolean; minExclusive?: boolean; maxExclusive?: boolean }): number[] {
    const candidates = setting.integer ? [value + 1, value - 1] : [value * 1.1 + 0.01, value * 0.9 - 0.01, value + 0.05, value - 0.05];
    return candidates.filter((x) => (setting.min === undefined || x > setting.min || (!setting.minExclusive && x === setting.min)) && (setting.max === undefined || x < setting.max || (!setting.maxExclusive && x === setting.max)));
  }

  test.each([
    ["baseline-2018", "blueprint"],
    ["england-2025", "reclaim"],
  ])("every numeric setting of %s and %s not fixed by the model's shape moves the compiled model exactly as a re-validated scenario does", (b, o) => {
    const baseline = loadPreset(b);
    const option = loadPreset(o);
    const model = compileComparison(baseline, option);
    const state = model.newState();
    let checked = 0;
    const mismatched: string[] = [];
    for (const [side, scenario] of [["baseline", baseline], ["option", option]] as const) {
      const settings = numericSettings(scenario);
      for (const [slot, setting] of settings.entries()) {
        if (fixedShapeReason(setting.key)) continue;
        for (const value of nudged(setting.value as number, setting)) {
          let slow: ReturnType<typeof compareScenarios>;
          try {
            const changed = applySettings(scenario, { [setting.key]: value });
            slow = side === "baseline" ? compareScenarios(changed, option) : compareScenarios(baseline, changed);
          } catch (error) {
            if (error instanceof ScenarioError) continue; // the value breaks a rule across settings (shares must sum to 1): try another
            throw error;
          }
          const inputs = [Float64Array.from(model.baseline.inputs), Float64Array.from(model.option.inputs)];
          inputs[side === "baseline" ? 0 : 1]![slot] = value;
          model.evaluate(inputs[0], inputs[1], state);
          const pairs: [number, number][] = [
            [state.baseline.runCost, slow.baseline.runCost.total],
            [state.option.runCost, slow.option.runCost.total],
            [state.transitionTotal, slow.transition.total],
            [state.npv, slow.appraisal.npv],
          ];
          if (pairs.some(([fast, full]) => Math.abs(fast - full) > 0.05)) mismatched.push(`${side}.${setting.key} = ${value}`);
          checked++;
          break;
        }
      }
    }
    expect(mismatched).toEqual([]);
    expect(checked).toBeGreaterThan(80);
  });
});

describe("Monte Carlo on a model small enough to work by hand", () => {
  // Small scenario: workers = children/10 at £39,000 each all in, managers = children/50 at £52,000,
  // one head at £78,000: run cost = 78,000 + 4,940 × children (see test/fixtures/small.ts).
  const scenario = () => {
    const s = smallScenario();
    s.council.children = { value: 100, distribution: "uniform(80, 120)" };
    return loadScenario(s);
  };

  test("the central case is the hand-worked run cost, and the percentiles follow the children drawn", () => {
    const draws = 5000;
    const result = simulate(scenario(), { draws, seed: 9, figures: ["runCost.total"], percentiles: [5, 10, 50, 90, 95, 37.5] });
    const f = result.figures[0]!;
    expect(f.central).toBe(78000 + 4940 * 100);
    // The same children, drawn here from the generator directly (keyed by seed, input, draw).
    const children = Array.from({ length: draws }, (_, d) => 80 + 40 * uniformAt(9, streamOf("council.children"), d));
    const cost = (c: number) => 78000 + 4940 * c;
    for (const p of f.percentiles) expect(p.value).toBeCloseTo(cost(percentileInc(children, p.percentile)), 1);
    expect(f.mean).toBeCloseTo(children.reduce((s, c) => s + cost(c), 0) / draws, 1);
    expect(f.min).toBeCloseTo(cost(Math.min(...children)), 1);
    expect(f.max).toBeCloseTo(cost(Math.max(...children)), 1);
    // And near the theory of a uniform: mean £572,000, sd 4,940 × 40/√12.
    expect(Math.abs(f.mean - 572000)).toBeLessThan((5 * 4940 * 40) / Math.sqrt(12 * draws));
    expect(Math.abs(f.sd / ((4940 * 40) / Math.sqrt(12)) - 1)).toBeLessThan(0.05);
    expect(f.histogram.counts.reduce((s, c) => s + c, 0)).toBe(draws);
    expect(f.histogram.edges[0]).toBe(f.min);
    expect(f.histogram.edges.at(-1)).toBe(f.max);
    expect(f.cdf).toHaveLength(101);
    expect(f.cdf[0]).toBe(f.min);
    expect(f.cdf[100]).toBe(f.max);
    for (let i = 1; i < 101; i++) expect(f.cdf[i]!).toBeGreaterThanOrEqual(f.cdf[i - 1]!);
    expect(result.inputs).toEqual([{ key: "council.children", label: "Children open to social care", unit: "children", side: "scenario", distribution: "uniform(80, 120)", central: 100, correlated: false }]);
  });

  test("probabilities count the draws: each draw checked against the full comparison of the same values", () => {
    // The run cost change is −65 × children, −1.13% of the baseline at about 96 children: with a
    // tolerance of 1.13%, draws below that are cost neutral and draws above are not.
    const o = smallOption();
    o.finance.appraisal.costNeutralTolerance = 0.0113;
    const option = loadScenario(o);
    const baseline = scenario();
    const draws = 300;
    // A budget at the central case's transition spend: about half the draws exceed it.
    const budget = compareScenarios(baseline, option).transition.total;
    const result = simulate(option, { baseline, draws, seed: 4, budget, figures: ["change.runCost", "transition.total", "appraisal.npv"] });
    let neutral = 0;
    let noCost = 0;
    let positive = 0;
    let over = 0;
    for (let d = 0; d < draws; d++) {
      const children = 80 + 40 * uniformAt(4, streamOf("council.children"), d);
      // Both scenarios hold 100 children, so the baseline's distribution varies both (one council).
      const c = compareScenarios(applySettings(baseline, { "council.children": children }), applySettings(option, { "council.children": children }));
      if (c.costNeutral) neutral++;
      if (c.verdict !== "costs") noCost++;
      if (c.appraisal.npv > 0) positive++;
      if (c.transition.total > budget) over++;
    }
    expect(result.probabilities).toEqual({ costNeutral: neutral / draws, savesOrNeutral: noCost / draws, npvPositive: positive / draws, transitionOverBudget: { budget, probability: over / draws } });
    expect(result.inputs[0]!.side).toBe("both");
    expect(neutral / draws).toBeGreaterThan(0.2);
    expect(neutral / draws).toBeLessThan(0.6);
    // The draws that save more than the tolerance are no cost either: counted beside the neutral ones.
    expect(noCost).toBeGreaterThan(neutral);
    expect(over / draws).toBeGreaterThan(0.3);
    expect(over / draws).toBeLessThan(0.7);
  });
});

describe("reproducible: the same seed gives the same figures however the draws are split", () => {
  const baseline = loadPreset("baseline-2018");
  const option = loadPreset("blueprint");

  test("the same seed twice, and chunks run in any order, give bit-identical results", () => {
    const options = { baseline, draws: 3000, seed: 77, budget: 6_000_000 };
    const whole = simulate(option, options);
    expect(simulate(option, options)).toEqual(whole);
    const simulation = createSimulation(option, options);
    const chunks = [[2000, 3000], [0, 1], [1, 999], [999, 2000]].map(([a, b]) => simulation.runChunk(a!, b!));
    expect(JSON.stringify(simulation.combine(chunks))).toBe(JSON.stringify(whole));
  });

  test("another seed gives other draws", () => {
    const a = simulate(option, { baseline, draws: 500, seed: 1 });
    const b = simulate(option, { baseline, draws: 500, seed: 2 });
    expect(a.figures[1]!.mean).not.toBe(b.figures[1]!.mean);
  });

  test("adding an uncertain input leaves the draws of the others as they were", () => {
    const only = createSimulation(option, { baseline, draws: 10, seed: 5 });
    const more = createSimulation(option, { baseline, draws: 10, seed: 5, vary: { "finance.pensionRate": "uniform(0.15, 0.2)" } });
    const slot = only.subject.slotOf(1, "transition.systems")!;
    for (let d = 0; d < 10; d++) {
      only.subject.drawInputs(5, d);
      more.subject.drawInputs(5, d);
      expect(more.subject.work[1]![slot]).toBe(only.subject.work[1]![slot]);
    }
  });

  test("simulateAsync reports progress, gives the same figures, and stops when cancelled", async () => {
    const progress: number[] = [];
    const result = await simulateAsync(option, { baseline, draws: 2500, seed: 3 }, { chunkSize: 1000, onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(result).toEqual(simulate(option, { baseline, draws: 2500, seed: 3 }));
    const controller = new AbortController();
    await expect(simulateAsync(option, { baseline, draws: 5000 }, { chunkSize: 500, signal: controller.signal, onProgress: () => controller.abort() })).rejects.toBeInstanceOf(CancelledError);
  });
});

describe("bad requests are refused with a reason", () => {
  const baseline = loadPreset("baseline-2018");
  const option = loadPreset("blueprint");
  const certain = (): Scenario => loadScenario(smallScenario());

  test.each([
    [() => simulate(certain()), DomainError, /nothing is uncertain: no setting of small carries a distribution/],
    [() => simulate(option, { baseline, draws: 0 }), DomainError, /draws: must be a whole number from 1 to 5,000,000, got 0/],
    [() => simulate(option, { baseline, seed: -1 }), DomainError, /seed: must be a whole number from 0 to 4,294,967,295, got -1/],
    [() => simulate(option, { baseline, seed: 1.5 }), DomainError, /seed: must be a whole number/],
    [() => simulate(option, { baseline, figures: ["transition.totl"] }), UnknownNameError, /unknown figure "transition.totl"; did you mean "transition.total"\?/],
    [() => simulate(option, { baseline, figures: ["runCost.total"] }), UnknownNameError, /did you mean "baseline.runCost.total" or "option.runCost.total"/],
    [() => simulate(option, { baseline, figures: ["appraisal.paybackYear"] }), DomainError, /appraisal.paybackYear \(payback year\) is a year, not a number/],
    [() => simulate(option, { budget: 5e6 }), DomainError, /budget: a transition budget applies to a comparison; give a baseline/],
    [() => simulate(option, { baseline, vary: { "council.vacancyRat": "uniform(0.1, 0.2)" } }), UnknownNameError, /unknown setting "council.vacancyRat"; did you mean "council.vacancyRate"/],
    [() => simulate(option, { baseline, vary: { "timeUse.groupSupervisionHours": "uniform(1, 3)" } }), ScenarioError, /differs between the baseline \(1.5\) and the option \(2.25\); name the one to vary: baseline.timeUse.groupSupervisionHours or option.timeUse.groupSupervisionHours/],
    // the baseline's case-holders carry the council's caseload (structure.caseloadFromCouncil), so its own tier caseload is not a setting to vary
    [() => simulate(option, { baseline, vary: { "baseline.structure.tiers.socialWorker.childrenPerWorker": "uniform(12, 16)" } }), UnknownNameError, /baseline.structure.tiers.socialWorker.childrenPerWorker/],
    [() => simulate(option, { baseline, vary: { "transition.years": "discrete(2:0.5, 3:0.5)" } }), ScenarioError, /vary.transition.years: cannot be uncertain/],
    [() => simulate(option, { baseline, vary: { "council.vacancyRate": "uniform(0.5, 1.5)" } }), ScenarioError, /vary.council.vacancyRate: reaches 1.5, above the most the setting allows \(less than 1\)/],
    [() => simulate(option, { baseline, correlations: [{ between: ["council.vacancyRate", "council.children"], rank: 0.3 }] }), ScenarioError, /"council.children" is not an uncertain input here/],
  ])("%#", (run, type, message) => {
    expect(run).toThrow(type as unknown as ErrorConstructor);
    expect(run).toThrow(message);
  });

  test("a draw the model cannot evaluate names the draw and its values", () => {
    const s = smallScenario();
    s.structure.tiers[2] = { id: "head", name: "Head", reportsTo: null, holdsCases: false, salary: 60000, expression: "worker - 9" };
    const scenario = loadScenario(s);
    expect(() => simulate(scenario, { draws: 200, vary: { "council.children": "uniform(10, 200)" } })).toThrow(/draw \d+: structure.tiers\[2\]: sizing gives -?\d.* FTE for "head".*\(with council.children = \d/);
  });
});
