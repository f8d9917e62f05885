import { ScenarioError } from "../errors.js";
import type { Scenario } from "./types.js";

/**
 * A scenario's fingerprint: everything the compiled model reads of it, as one string. Scenario
 * objects are plain and can be changed after they are loaded (`s.council.children = 3000`), so a
 * compiled model is kept only while the fingerprint it was compiled from still matches: an edit always
 * shows. The description and the sources are left out (the model never reads them, and the sources
 * are most of the text); NaN and Infinity both write as null, so a number turned into either differs.
 */
export function fingerprint(scenario: Scenario): string {
  const s = scenario as Partial<Scenario>;
  try {
    return JSON.stringify([s.id, s.name, s.council, s.structure, s.timeUse, s.finance, s.transition, s.distributions, s.correlations]);
  } catch (error) {
    // A scenario object changed by hand can hold anything: nesting too deep to write out (or a cycle)
    // is a problem in the scenario, named as such, not a crash.
    if (error instanceof RangeError || error instanceof TypeError) throw new ScenarioError([{ path: "", reason: "holds groups nested too deep (or inside themselves) to be a scenario" }]);
    throw error;
  }
}

/** Scenarios the validator produced, with their fingerprint then: the same content needs no second check. */
const validated = new WeakMap<Scenario, string>();

/** Records that the validator produced this scenario as it is now. */
export function markValidated(scenario: Scenario): Scenario {
  validated.set(scenario, fingerprint(scenario));
  return scenario;
}

/** True when the validator produced this scenario and it has not changed since. */
export function isValidatedAs(scenario: Scenario, print: string): boolean {
  return validated.get(scenario) === print;
}
