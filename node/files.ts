import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, resolve } from "node:path";
import { closeMatches, isPreset, listParts, listPresets, loadPreset, loadScenario, parseScenarioText, ScenarioError, SocialCareError, UnknownNameError, type Issue, type Scenario, type Validation } from "../engine/index.js";

/**
 * Scenario files for Node: JSON or YAML on disk, whose `extends` may name a preset or another file
 * (relative paths resolve from the folder of the file that names them). Every error says which file
 * it is about, so a user with several files open knows where to look.
 */

/** True when `name` looks like a file path rather than a preset id. */
export function looksLikePath(name: string): boolean {
  return /[\\/]/.test(name) || /\.(ya?ml|json)$/i.test(name);
}

/** Reads and parses a scenario file; a missing or unreadable file is a ScenarioError naming it. */
export function readScenarioFile(path: string): unknown {
  const full = resolve(path);
  if (!existsSync(full)) throw new ScenarioError([{ path: "", reason: `${path}: no such file` }]);
  if (statSync(full).isDirectory()) throw new ScenarioError([{ path: "", reason: `${path}: is a folder, not a scenario file` }]);
  let text: string;
  try {
    text = readFileSync(full, "utf8");
  } catch (error) {
    throw new ScenarioError([{ path: "", reason: `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }]);
  }
  return parseScenarioText(text, path);
}

/**
 * Loads a scenario file, resolving `extends` through presets and other files. The scenario's id is
 * the file's name without its extension, unless the file gives one. A problem in the scenario is a
 * ScenarioError whose message starts with the file's path; an `extends` naming nothing that exists is
 * an UnknownNameError (with the close matches among presets) or a ScenarioError at `extends`.
 */
export function loadScenarioFile(path: string): Scenario {
  const raw = readScenarioFile(path);
  const ownId = raw !== null && typeof raw === "object" && typeof (raw as Record<string, unknown>).id === "string" ? ((raw as Record<string, unknown>).id as string) : undefined;
  try {
    return loadScenario(raw, {
      id: ownId ?? basename(path, extname(path)),
      source: path,
      resolve: (name, from) => resolveExtends(name, from, path),
    });
  } catch (error) {
    throw inFile(error, path);
  }
}

/**
 * What an `extends` names: a file (a path, or a name that is not a preset but is a file next to the
 * one naming it), or undefined for the engine to look up as a preset.
 */
function resolveExtends(name: string, from: string | undefined, top: string): { raw: unknown; source: string } | undefined {
  const base = from && !from.startsWith("preset ") ? dirname(resolve(from)) : process.cwd();
  const target = isAbsolute(name) ? name : resolve(base, name);
  if (!looksLikePath(name) && (isPreset(name) || !existsSync(target))) return undefined;
  if (!existsSync(target)) {
    const where = from && resolve(from) !== resolve(top) ? ` (in ${from})` : "";
    throw new ScenarioError([{ path: "extends", reason: `"${name}"${where} names no file: ${target} does not exist` }]);
  }
  try {
    return { raw: readScenarioFile(target), source: target };
  } catch (error) {
    if (error instanceof ScenarioError) namesItsFile.add(error);
    throw error;
  }
}

/** Errors about another file (one an `extends` names), whose messages already start with its path. */
const namesItsFile = new WeakSet<Error>();

/** The error, its message starting with the file it is about (unless it already names a file). */
function inFile(error: unknown, path: string): unknown {
  if (error instanceof ScenarioError) {
    if (namesItsFile.has(error)) return error;
    const wrapped = new ScenarioError(error.issues, path);
    wrapped.stack = error.stack;
    return wrapped;
  }
  if (error instanceof UnknownNameError) {
    const wrapped = new UnknownNameError(error.kind, error.unknown, error.suggestions);
    wrapped.message = `${path}: ${error.message}`;
    wrapped.stack = error.stack;
    return wrapped;
  }
  return error;
}

/**
 * Checks a scenario file without throwing: the scenario, or every problem as path and reason. A
 * file that cannot be read or parsed is one problem at path "" naming the file; an `extends` or a
 * shared part that names nothing is a problem at `extends`, `council` or `finance`.
 */
export function validateScenarioFile(path: string): Validation {
  try {
    return { ok: true, scenario: loadScenarioFile(path) };
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, issues: [...error.issues] };
    if (error instanceof UnknownNameError) return { ok: false, issues: [{ path: fieldOf(error, path), reason: error.message.replace(`${path}: `, "") }] };
    if (error instanceof SocialCareError) return { ok: false, issues: [{ path: "", reason: error.message }] };
    throw error;
  }
}

/** Which field of the file an unknown name came from: its `extends`, or a shared part it names. */
function fieldOf(error: UnknownNameError, path: string): Issue["path"] {
  if (error.kind === "preset") return "extends";
  if (error.kind === "part") {
    try {
      const raw = readScenarioFile(path) as Record<string, unknown>;
      for (const part of ["council", "finance"]) if (raw?.[part] === error.unknown) return part;
    } catch {
      // Unreadable now: say nothing about where.
    }
  }
  return "";
}

/**
 * A preset id or a scenario file path, loaded. An unknown name lists the close matches among presets
 * (and says that no file of that name exists either).
 */
export function loadPresetOrFile(name: string): Scenario {
  if (looksLikePath(name) || (!isPreset(name) && existsSync(name))) return loadScenarioFile(name);
  if (isPreset(name)) return loadPreset(name);
  throw new UnknownNameError("preset", name, closeMatches(name, listPresets().map((p) => p.id)));
}

/** The shared councils (models/councils) a structure may be run on, by id. */
export function listCouncils(): string[] {
  return listParts("council");
}
