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

/**
 * The typed Blueprint without the spreads of the levers the hand-written kernel leaves out: retention
 * and demand (their lines sit beside the run cost; at their central value, no change, they add nothing)
 * and the flows' agency conversion (the typed shares do not read it). For the Monte Carlo benchmark,
 * whose kernel must draw every input the engine draws.
 */
export function typedBlueprintWithoutLevers(): Scenario {
  const s = typedBlueprint();
  const lever = /^transition\.(retention|demand)\.|^transition\.workforce\.agencyConversion$/;
  const distributions = Object.fromEntries(Object.entries(s.distributions ?? {}).filter(([key]) => !lever.test(key)));
  return { ...s, distributions } as Scenario;
}
