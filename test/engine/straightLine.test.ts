import fc from "fast-check";
import { applySettings, compileComparison, compileScenario, listPresets, loadPreset, type ModelState, type Scenario } from "../../engine/index.js";
import { ComparisonModel } from "../../engine/model/comparisonModel.js";
import { ScenarioModel } from "../../engine/model/scenarioModel.js";
import { onCouncil } from "../../node/council.js";
import { straightLineCompiler } from "../../engine/model/straightLine.js";

// The straight-line code must give the general evaluation's figures to the last bit (Object.is, so
// even the sign of a zero counts), on every preset and on inputs moved far from the presets' own, and
// hand back to the general evaluation, which reports the problem, wherever an input is wrong.

const presets = listPresets().map((p) => p.id);
const withTransition = presets.filter((id) => loadPreset(id).transition !== undefined);

/**
 * A preset with its transition's workforce categories from the shares typed in: a transition costed
 * from the workforce flows runs their month-by-month kernel in the general evaluation only, so the
 * straight-line code is held to the typed rules.
 */
function typed(id: string): Scenario {
  const scenario = loadPreset(id);
  return scenario.transition?.workforce.fromFlows ? applySettings(scenario, { "transition.workforce.fromFlows": false }) : scenario;
}

/** Every field of a state, typed arrays element by element, as [name, value] pairs. */
function figures(state: object, prefix = ""): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [key, value] of Object.entries(state)) {
    if (value === null) out.push([`${prefix}${key}`, value]);
    else if (value instanceof Float64Array) value.forEach((v, i) => out.push([`${prefix}${key}[${i}]`, v]));
    else if (Array.isArray(value) && value[0] instanceof Float64Array) value.forEach((row: Float64Array, r) => row.forEach((v, i) => out.push([`${prefix}${key}[${r}][${i}]`, v])));
    else if (value && typeof value === "object") out.push(...figures(value, `${prefix}${key}.`));
    else out.push([`${prefix}${key}`, value]);
  }
  return out;
}

function differences(a: object, b: object): string[] {
  const right = new Map(figures(b));
  return figures(a)
    .filter(([k, v]) => !Object.is(v, right.get(k)))
    .map(([k, v]) => `${k}: ${String(v)} against ${String(right.get(k))}`);
}

/** The outcome of an evaluation: its state's figures, or the error it threw. */
function outcome(run: () => object): { figures?: object; error?: string } {
  try {
    return { figures: run() };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

/** Inputs moved from a preset's own: each scaled by its own factor, some set to zero. */
const moved = (count: number) =>
  fc.array(
    fc.oneof({ weight: 8, arbitrary: fc.double({ min: 0.3, max: 2, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(1) }),
    { minLength: count, maxLength: count },
  );

describe("straight-line evaluation", () => {
  test("is what every preset and comparison here runs on (Node can compile code)", () => {
    for (const id of presets) expect(compileScenario(loadPreset(id)).straightLine).toBe(true);
    for (const id of withTransition) expect(compileComparison(loadPreset("baseline-2018"), typed(id)).straightLine).toBe(true);
    // costed from the workforce flows: the general evaluation, which runs them
    const flowing = withTransition.filter((id) => loadPreset(id).transition?.workforce.fromFlows);
    for (const id of flowing) expect(compileComparison(loadPreset("baseline-2018"), loadPreset(id)).straightLine).toBe(false);
  });

  test.each(presets)("%s: the same figures as the general evaluation at the preset's inputs", (id) => {
    const model = compileScenario(loadPreset(id));
    const straight = model.evaluate(model.inputs, model.newState());
    const general = model.evaluateGeneral(model.inputs, model.newState());
    expect(differences(straight, general)).toEqual([]);
    expect(figures(straight).length).toBeGreaterThan(40);
  });

  test.each(presets)("%s: the same figures, or the same error, at inputs moved far from the preset's", (id) => {
    const model = compileScenario(loadPreset(id));
    fc.assert(
      fc.property(moved(model.inputs.length), (factors) => {
        const inputs = model.inputs.map((v, i) => v * factors[i]!);
        const straight = outcome(() => model.evaluate(inputs, model.newState()));
        const general = outcome(() => model.evaluateGeneral(inputs, model.newState()));
        if (general.error !== undefined || straight.error !== undefined) return straight.error === general.error;
        return differences(straight.figures!, general.figures!).length === 0;
      }),
      { numRuns: 150, seed: 20261124 },
    );
  });

  test.each(withTransition.flatMap((option) => presets.map((baseline) => [option, baseline] as const)))("%s against %s: the same transition and appraisal, to the bit", (optionId, baselineId) => {
    const model = compileComparison(loadPreset(baselineId), typed(optionId));
    const straight = model.evaluate(model.baseline.inputs, model.option.inputs, model.newState());
    const general = model.evaluateGeneral(model.baseline.inputs, model.option.inputs, model.newState());
    expect(differences(straight, general)).toEqual([]);
    fc.assert(
      fc.property(moved(model.baseline.inputs.length), moved(model.option.inputs.length), (bf, of) => {
        const b = model.baseline.inputs.map((v, i) => v * bf[i]!);
        const o = model.option.inputs.map((v, i) => v * of[i]!);
        const s = outcome(() => model.evaluate(b, o, model.newState()));
        const g = outcome(() => model.evaluateGeneral(b, o, model.newState()));
        if (g.error !== undefined || s.error !== undefined) return s.error === g.error;
        return differences(s.figures!, g.figures!).length === 0;
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  test("a tier sized below zero is reported by the general evaluation, with its message", () => {
    const model = compileScenario(loadPreset("blueprint"));
    const inputs = model.inputs.slice();
    inputs[model.slotOf("council.children")!] = -100;
    expect(() => model.evaluate(inputs)).toThrow(/sizing gives -?[\d.]+ FTE for "socialWorker"; it must be a number at least 0/);
  });

  test("where the page forbids compiling code, the general evaluation runs instead and gives the same figures", () => {
    const saved = straightLineCompiler.compile;
    straightLineCompiler.compile = () => {
      throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not an allowed source");
    };
    try {
      const baseline = new ScenarioModel(loadPreset("baseline-2018"));
      expect(baseline.straightLine).toBe(false);
      const option = typed("blueprint");
      const comparison = new ComparisonModel(loadPreset("baseline-2018"), option);
      expect(comparison.straightLine).toBe(false);
      const strict = comparison.evaluate();
      const usual = compileComparison(loadPreset("baseline-2018"), option).evaluate();
      expect(differences(strict, usual)).toEqual([]);
      expect(differences(baseline.evaluate() as ModelState, compileScenario(loadPreset("baseline-2018")).evaluate())).toEqual([]);
    } finally {
      straightLineCompiler.compile = saved;
    }
  });
});

test("the retention and demand levers: the straight-line code gives the general evaluation's figures to the bit", () => {
  const leeds = onCouncil(loadPreset("traditional"), "leeds");
  const option = applySettings(onCouncil(typed("reclaim"), "leeds"), {
    "transition.retention.turnoverChange": -0.15,
    "transition.retention.vacancyChange": -0.25,
    "transition.retention.phaseInYears": 3,
    "transition.demand.lookedAfterChange": -0.03,
    "transition.demand.phaseInYears": 2,
  });
  const model = compileComparison(leeds, option);
  expect(model.straightLine).toBe(true);
  const straight = model.evaluate(model.baseline.inputs, model.option.inputs, model.newState());
  const general = model.evaluateGeneral(model.baseline.inputs, model.option.inputs, model.newState());
  expect(straight.cashRetention.some((x) => x !== 0)).toBe(true);
  expect(straight.cashBenefit.some((x) => x !== 0)).toBe(true);
  expect(differences(straight, general)).toEqual([]);
});
