import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, resolve } from "node:path";
import { closeMatches, isPreset, listPresets, loadPreset, loadScenario, parseScenarioText, ScenarioError, UnknownNameError, type Scenario } from "../engine/index.js";

/**
 * Scenario files for Node: JSON or YAML on disk, whose `extends` may name a preset or another file
 * (relative paths resolve from the folder of the file that names them).
 */

/** True when `name` looks like a file path rather than a preset id. */
export function looksLikePath(name: string): boolean {
  return /[\\/]/.test(name) || /\.(ya?ml|json)$/i.test(name);
}

/** Reads and parses a scenario file; a missing or unreadable file is a ScenarioError naming it. */
export function readScenarioFile(path: string): unknown {
  const full = resolve(path);
  if (!existsSync(full)) throw new ScenarioError([{ path: "", reason: `${path}: no such file` }]);
  let text: string;
  try {
    text = readFileSync(full, "utf8");
  } catch (error) {
    throw new ScenarioError([{ path: "", reason: `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }]);
  }
  return parseScenarioText(text, path);
}

/** Loads a scenario file, resolving `extends` through presets and other files. */
export function loadScenarioFile(path: string): Scenario {
  const raw = readScenarioFile(path);
  const id = basename(path, extname(path));
  return loadScenario(raw, {
    id,
    source: path,
    resolve: (name, from) => {
      // A preset's name is the engine's to find; only paths are files.
      if (!looksLikePath(name)) return undefined;
      const base = from && looksLikePath(from) ? dirname(resolve(from)) : process.cwd();
      const target = isAbsolute(name) ? name : resolve(base, name);
      return { raw: readScenarioFile(target), source: target };
    },
  });
}

/** A preset id or a scenario file path, loaded. Unknown names list the close matches among presets. */
export function loadPresetOrFile(name: string): Scenario {
  if (looksLikePath(name) || existsSync(name)) return loadScenarioFile(name);
  if (isPreset(name)) return loadPreset(name);
  throw new UnknownNameError("preset", name, closeMatches(name, listPresets().map((p) => p.id)));
}
