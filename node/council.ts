import { applySettings, loadPreset, listParts, listSettings, loadScenario, toScenarioInput, UnknownNameError, closeMatches, isPreset, listPresets, type Scenario } from "../engine/index.js";
import { councilAndYear, findCouncil, listCouncils as listPublishedCouncils, onPublishedCouncilInput } from "../engine/councils/index.js";
import "./publishedCouncils.js";
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
  const published = publishedCouncilNamed(name);
  if (published) return onPublishedCouncil(scenario, published.name, published.year);
  const donor = councilDonor(scenario, name, options);
  const overrides = listSettings(donor)
    .filter((s) => s.key.startsWith("council."))
    .map((s) => [s.key, s.provenance ? { value: s.value, ...s.provenance } : s.value] as const);
  return applySettings(scenario, overrides, `council of ${name}`);
}

/**
 * A published council named on the command line: "leeds", "E08000035", "383", with a data year after a
 * space or comma ("leeds 2024"); undefined when the name is a shared council, a preset or a file.
 */
export function publishedCouncilNamed(text: string): { name: string; year?: number } | undefined {
  if (listParts("council").includes(text) || isPreset(text) || looksLikePath(text) || existsSync(text)) return undefined;
  const found = councilAndYear(text);
  return found ? { name: found.council.dfe, ...(found.year !== undefined ? { year: found.year } : {}) } : undefined;
}

/**
 * `scenario` run on a published council: the council's figures for the data year, and that year's prices
 * (the scenario's finance becomes the data year's); a structure as councils run it today (the traditional
 * hierarchy) also takes the council's caseload. The structure and everything else stay as they were.
 */
export function onPublishedCouncil(scenario: Scenario, name: string, year?: number): Scenario {
  const input = onPublishedCouncilInput(toScenarioInput(scenario, { withSources: true }), findCouncil(name), year);
  return loadScenario(input, { id: scenario.id });
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
  const error = new UnknownNameError("part", name, closeMatches(name, [...parts, ...listPresets().map((p) => p.id), ...listPublishedCouncils().map((c) => c.name)]));
  const hint = error.suggestions.length > 0 ? `; did you mean ${error.suggestions.map((s) => `"${s}"`).join(" or ")}?` : "";
  error.message = `unknown council "${name}": not a published council (socialcare councils lists them), a shared council (${parts.join(", ")}), a preset or a file${hint}`;
  throw error;
}

/** A file with a council's own fields and none of a scenario's parts. */
function isCouncilAlone(raw: unknown): boolean {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return false;
  const keys = Object.keys(raw);
  return keys.includes("children") && !keys.some((k) => ["structure", "extends", "council", "timeUse", "finance"].includes(k));
}
