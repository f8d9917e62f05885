import { typedBlueprint } from "./presets.js";
import { buildComparison, compareScenarios, compileComparison, freezeScenario, loadPreset } from "../engine/index.js";
import { kernel, kernelInputs } from "./engineKernel.js";
import { measure, report } from "./harness.js";

/**
 * Issue 2's benchmark: one full comparison of the default presets (baseline-2018 against blueprint)
 * through the engine, against the hand-written Float64Array kernel of the same arithmetic.
 */
/** Issue 16's goal for the full result, 20 µs, against the evaluation it measured beside it, 0.76 µs. */
const ISSUE_RATIO = 20 / 0.76;

export function engineBenchmark(): string {
  const baseline = loadPreset("baseline-2018");
  // the kernel works the workforce categories from the shares typed in (bench/flows.ts times the flows)
  const option = typedBlueprint();
  const frozenBaseline = freezeScenario(baseline);
  const frozenOption = freezeScenario(option);
  const model = compileComparison(baseline, option);
  const state = model.newState();
  const inputs = kernelInputs(baseline, option);
  const out = new Float64Array(6);
  const scratch = new Float64Array(16);

  // The kernel must compute what the engine computes, or the ratio means nothing.
  kernel(inputs, out, scratch);
  model.evaluate(model.baseline.inputs, model.option.inputs, state);
  const agree = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
  const checks: [string, number, number][] = [
    ["baseline run cost", out[0]!, state.baseline.runCost],
    ["option run cost", out[1]!, state.option.runCost],
    ["transition total", out[2]!, state.transitionTotal],
    ["NPV", out[3]!, state.npv],
    ["payback", out[4]!, state.payback],
    ["cost neutral", out[5]!, state.costNeutral ? 1 : 0],
  ];
  for (const [name, k, e] of checks) {
    if (!agree(k, e)) throw new Error(`kernel and engine disagree on ${name}: ${k} against ${e}`);
  }

  let sink = 0;
  const timings = measure(
    [
      {
        name: "hand-written Float64Array kernel",
        run: (n) => {
          for (let i = 0; i < n; i++) {
            inputs[0] = 2154 + (i & 7); // vary an input so nothing is hoisted out of the loop
            kernel(inputs, out, scratch);
            sink += out[3]!;
          }
          inputs[0] = 2154;
        },
      },
      {
        name: "engine: compiled evaluation (numbers only)",
        run: (n) => {
          const p = model.baseline.inputs;
          for (let i = 0; i < n; i++) {
            p[0] = 2154 + (i & 7);
            model.evaluate(p, model.option.inputs, state);
            sink += state.npv;
          }
          p[0] = 2154;
        },
      },
      {
        name: "engine: the full result of an evaluated comparison",
        run: (n) => {
          for (let i = 0; i < n; i++) sink += buildComparison(model, state).appraisal.npv;
        },
      },
      {
        name: "engine: compareScenarios, frozen scenarios",
        run: (n) => {
          for (let i = 0; i < n; i++) sink += compareScenarios(frozenBaseline, frozenOption).appraisal.npv;
        },
      },
      {
        name: "engine: compareScenarios, plain scenario objects",
        run: (n) => {
          for (let i = 0; i < n; i++) sink += compareScenarios(baseline, option).appraisal.npv;
        },
      },
    ],
    { iterations: 2000, rounds: 11 },
  );
  if (sink === 42) console.log("");
  const peer = timings[0]!.nsPerOp;
  const compiled = timings[1]!.nsPerOp;
  const result = timings[2]!.nsPerOp;
  const frozen = timings[3]!.nsPerOp;
  const plain = timings[4]!.nsPerOp;
  const us = (ns: number) => `${(ns / 1000).toFixed(1)} µs`;
  return report("Engine: one comparison, baseline-2018 against blueprint (kernel and engine agree on every figure)", timings, "hand-written Float64Array kernel", [
    // The evaluation is the arithmetic the kernel also does. The full result adds what the kernel does
    // not do at all: money rounded and reconciled to the penny in tables, the checks, every figure side
    // by side. compareScenarios also finds the compiled model, and for a scenario object that is not
    // frozen first compares it with a copy of what the model was compiled from, so that an edit shows.
    `goal: one comparison evaluated in ≤ 20 µs: ${compiled <= 20_000 ? "met" : "not met"} (${us(compiled)})`,
    `goal: within 2× of the kernel: ${compiled <= 2 * peer ? "met" : "not met"} (${(compiled / peer).toFixed(2)}×)`,
    // Issue 16 set 20 µs where the evaluation took 0.76 µs: 26× the evaluation, a measure that moves
    // with the machine as the evaluation does (this shared machine runs a third slower some hours).
    `goal: the full comparison result (rounded and reconciled money, checks, every figure) within 20 µs: ${frozen <= 20_000 ? "met" : "not met"} (compareScenarios on frozen scenarios ${us(frozen)}; the result alone ${us(result)})`,
    `  the same goal against the evaluation, as the issue measured it (20 µs against 0.76 µs, ${ISSUE_RATIO.toFixed(0)}×): ${frozen / compiled <= ISSUE_RATIO ? "met" : "not met"} (${(frozen / compiled).toFixed(0)}× the evaluation)`,
    `compareScenarios on plain scenario objects: ${us(plain)}, of which about ${us(Math.max(0, plain - frozen))} checks that neither object was edited since it was compiled`,
  ]);
}
