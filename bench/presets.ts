import { applySettings, loadPreset, type Scenario } from "../engine/index.js";

/**
 * The Blueprint with its workforce categories from the shares typed in: the arithmetic the
 * hand-written kernels of bench/engineKernel.ts reproduce. The flows have their own benchmark
 * (bench/flows.ts) against a hand-written corkscrew.
 */
export function typedBlueprint(): Scenario {
  const blueprint = loadPreset("blueprint");
  return blueprint.transition?.workforce.fromFlows ? applySettings(blueprint, { "transition.workforce.fromFlows": false }) : blueprint;
}
