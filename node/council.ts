import { applySettings, loadPreset, listParts, listSettings, loadScenario, toScenarioInput, UnknownNameError, closeMatches, isPreset, listPresets, type Scenario } from "../engine/index.js";
import { loadPresetOrFile, looksLikePath, readScenarioFile, type FileOptions } from "./files.js";
import { existsSync } from "node:fs";

/**
 * Running a structure on another council's figures. The engine keeps the council (children, families,
 * vacancies, agency cover and premium) apart from the structure, so moving a structure to another
 * council is changing the council.* settings, each keeping the source it had where it came from.
 */

/**
 * `scenario` with the council of `name`: a shared council in models/councils (`average-council-2025`),
 * a preset or a scenario file (its council), or a file holding a council alone (name, children, …).
 */
export function onCouncil(scenario: Scenario, name: string, options: FileOptions = {}): Scenario {
  const donor = councilDonor(scenario, name, options);
  const overrides = listSettings(donor)
    .filter((s) => s.key.startsWith("council."))
    .map((s) => [s.key, s.provenance ? { value: s.value, ...s.provenance } : s.value] as const);
  return applySettings(scenario, overrides, `council of ${name}`);
}

/** A scenario whose council is the one `name` names. */
function councilDonor(scenario: Scenario, name: string, options: FileOptions): Scenario {
  const parts = listParts("council");
  if (parts.includes(name)) return loadScenario({ ...toScenarioInput(scenario, { withSources: true }), council: name }, { id: scenario.id });
  if (looksLikePath(name) || (!isPreset(name) && existsSync(name))) {
    const raw = readScenarioFile(name);
    if (isCouncilAlone(raw)) return loadScenario({ ...toScenarioInput(scenario, { withSources: true }), council: raw }, { id: scenario.id, source: name });
    return loadPresetOrFile(name, options);
  }
  if (isPreset(name)) return loadPreset(name);
  const error = new UnknownNameError("part", name, closeMatches(name, [...parts, ...listPresets().map((p) => p.id)]));
  const hint = error.suggestions.length > 0 ? `; did you mean ${error.suggestions.map((s) => `"${s}"`).join(" or ")}?` : "";
  error.message = `unknown council "${name}": not a shared council (${parts.join(", ")}), a preset or a file${hint}`;
  throw error;
}

/** A file with a council's own fields and none of a scenario's parts. */
function isCouncilAlone(raw: unknown): boolean {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return false;
  const keys = Object.keys(raw);
  return keys.includes("children") && !keys.some((k) => ["structure", "extends", "council", "timeUse", "finance"].includes(k));
}
