import { ScenarioError } from "../errors.js";
import type { Scenario } from "./types.js";

/**
 * Whether a scenario object still holds what it held when a model was compiled from it. Scenario
 * objects are plain and can be changed after they are loaded (`s.council.children = 3000`), so a
 * compiled model is kept only while the scenario still matches the copy taken when it was compiled: an
 * edit always shows. The copy holds only what the model reads (the description and the sources, most of
 * a scenario's text, are left out).
 *
 * Comparing the object with a copy, rather than writing both out as text, is what lets a repeated
 * comparison of the same two scenarios cost a few microseconds instead of tens (issue 16): nothing is
 * built when nothing has changed.
 */
export interface ScenarioSnapshot {
  readonly parts: readonly unknown[];
}

/** The parts of a scenario a compiled model reads. */
function modelParts(scenario: Scenario): unknown[] {
  const s = scenario as Partial<Scenario>;
  return [s.id, s.name, s.council, s.structure, s.timeUse, s.finance, s.transition, s.distributions, s.correlations];
}

/** A copy of what the model reads of a scenario, to compare it with later (see `unchangedSince`). */
export function snapshot(scenario: Scenario): ScenarioSnapshot {
  try {
    return { parts: modelParts(scenario).map(copy) };
  } catch (error) {
    // A scenario object changed by hand can hold anything: nesting too deep to copy (or a cycle) is a
    // problem in the scenario, named as such, not a crash.
    if (error instanceof RangeError) throw new ScenarioError([{ path: "", reason: "holds groups nested too deep (or inside themselves) to be a scenario" }]);
    throw error;
  }
}

/**
 * Scenarios deep-frozen by `freezeScenario`: nothing in them can change, so a snapshot taken of one
 * always still holds and is not compared again.
 */
const frozen = new WeakSet<Scenario>();

/** Records a scenario every group and list of which is frozen (freezeScenario does the freezing). */
export function markFrozen(scenario: Scenario): Scenario {
  frozen.add(scenario);
  return scenario;
}

/** True when the scenario was frozen whole by `freezeScenario`. */
export function isFrozenScenario(scenario: Scenario): boolean {
  return frozen.has(scenario);
}

/**
 * True when the scenario holds exactly what it held when the snapshot was taken. Every snapshot is of
 * the object it is compared with (the caches are keyed by the object), so a frozen one needs no walk.
 */
export function unchangedSince(scenario: Scenario, taken: ScenarioSnapshot): boolean {
  if (frozen.has(scenario)) return true;
  const parts = modelParts(scenario);
  for (let i = 0; i < parts.length; i++) if (!same(parts[i], taken.parts[i])) return false;
  return true;
}

function copy(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(copy);
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = copy((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * Deep equality of a value against its copy. The walk follows the copy, which has no cycles, so a value
 * changed to hold itself ends the walk at the copy's depth rather than going round.
 */
function same(value: unknown, taken: unknown): boolean {
  if (value === taken) return true;
  if (typeof value === "number") return typeof taken === "number" && value !== value && taken !== taken; // NaN
  if (value === null || taken === null || typeof value !== "object" || typeof taken !== "object") return false;
  if (Array.isArray(taken)) {
    if (!Array.isArray(value) || value.length !== taken.length) return false;
    for (let i = 0; i < taken.length; i++) if (!same(value[i], taken[i])) return false;
    return true;
  }
  if (Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const t = taken as Record<string, unknown>;
  let keys = 0;
  for (const key in t) {
    keys++;
    if (!same(v[key], t[key])) return false;
  }
  for (const _ in v) keys--;
  return keys === 0;
}

/** Scenarios the validator produced, with a copy of them then: the same content needs no second check. */
const validated = new WeakMap<Scenario, ScenarioSnapshot>();

/** Records that the validator produced this scenario as it is now. */
export function markValidated(scenario: Scenario): Scenario {
  validated.set(scenario, snapshot(scenario));
  return scenario;
}

/** True when the validator produced this scenario and it has not changed since. */
export function isValidated(scenario: Scenario): boolean {
  const taken = validated.get(scenario);
  return taken !== undefined && unchangedSince(scenario, taken);
}
