import { clone } from "../clone.js";
import { assertObject, trusted } from "../model/scenarioModel.js";
import { isFrozenScenario, markFrozen, markValidated } from "./snapshot.js";
import type { Scenario } from "./types.js";

/**
 * A scenario that cannot change: a checked copy with every group and list frozen. The engine keeps
 * each scenario's compiled model and, before using it again, compares the scenario with a copy of what
 * it was compiled from, so that an edit always shows (about 600 values for a comparison, much of the
 * time a repeated comparison takes). A frozen scenario cannot be edited, so that comparison is skipped:
 * an analyst who runs the same scenarios again and again and never edits them in place can freeze them
 * once. Changing one is then refused by JavaScript (in strict code, a TypeError); `applySettings` makes a
 * changed copy as it does of any scenario. The scenario given is checked as the engine checks any it
 * runs, and is left as it was.
 */
export function freezeScenario(scenario: Scenario): Scenario {
  assertObject(scenario);
  if (isFrozenScenario(scenario)) return scenario;
  const copy = deepFreeze(clone(trusted(scenario)));
  return markFrozen(markValidated(copy));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const part of Object.values(value)) deepFreeze(part);
    Object.freeze(value);
  }
  return value;
}
