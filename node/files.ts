import { closeSync, existsSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from "node:path";
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

/** A scenario file larger than this is refused unread: real ones are a few kilobytes. */
export const MOST_SCENARIO_BYTES = 4 * 1024 * 1024;

/**
 * Reads and parses a scenario file; a missing or unreadable file is a ScenarioError naming it. Only a
 * regular file is read (not a device such as /dev/zero, a pipe or a folder), and at most
 * MOST_SCENARIO_BYTES of it.
 */
export function readScenarioFile(path: string): unknown {
  return parseScenarioText(readTextFile(path, "scenario file"), path);
}

/** The text of a regular file of at most MOST_SCENARIO_BYTES, or a ScenarioError naming the file and the problem. */
export function readTextFile(path: string, what: string, most = MOST_SCENARIO_BYTES): string {
  const full = resolve(path);
  const refuse = (reason: string): never => {
    throw new ScenarioError([{ path: "", reason: `${path}: ${reason}` }]);
  };
  if (!existsSync(full)) refuse("no such file");
  const stat = statSync(full);
  if (stat.isDirectory()) refuse(`is a folder, not a ${what}`);
  if (!stat.isFile()) refuse(`is not a regular file (a device, a pipe or a socket), so it is not read as a ${what}`);
  if (stat.size > most) refuse(`is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a ${what} of more than ${most / 1024 / 1024} MB is refused`);
  let fd: number | undefined;
  try {
    // Read no more than the limit, even if the file grew since it was measured.
    fd = openSync(full, "r");
    const buffer = Buffer.alloc(most + 1);
    let length = 0;
    for (let n = 1; n > 0 && length <= most; length += n) n = readSync(fd, buffer, length, most + 1 - length, null);
    if (length > most) refuse(`is larger than ${most / 1024 / 1024} MB; a ${what} of more than that is refused`);
    return buffer.toString("utf8", 0, length);
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    return refuse(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Where a scenario file's `extends` may read other files from. */
export interface FileOptions {
  /**
   * The folder `extends` may read files from (and its subfolders, symbolic links resolved). Without
   * it, an `extends` that names a file is refused: a library that loads scenarios from other people
   * (a web service) reads nothing but the file it was given. Presets by name always work. The CLI
   * passes the folder of the scenario file named on its command line.
   */
  folder?: string;
}

/**
 * Loads a scenario file, resolving `extends` through presets and other files. The scenario's id is
 * the file's name without its extension, unless the file gives one. A problem in the scenario is a
 * ScenarioError whose message starts with the file's path; an `extends` naming nothing that exists is
 * an UnknownNameError (with the close matches among presets) or a ScenarioError at `extends`.
 */
export function loadScenarioFile(path: string, options: FileOptions = {}): Scenario {
  const raw = readScenarioFile(path);
  const ownId = raw !== null && typeof raw === "object" && typeof (raw as Record<string, unknown>).id === "string" ? ((raw as Record<string, unknown>).id as string) : undefined;
  try {
    return loadScenario(raw, {
      id: ownId ?? basename(path, extname(path)),
      source: path,
      resolve: (name, from) => resolveExtends(name, from, path, options.folder),
    });
  } catch (error) {
    throw inFile(error, path);
  }
}

/**
 * What an `extends` names: a file (a path, or a name that is not a preset but is a file next to the
 * one naming it), or undefined for the engine to look up as a preset.
 */
function resolveExtends(name: string, from: string | undefined, top: string, folder: string | undefined): { raw: unknown; source: string } | undefined {
  const base = from && !from.startsWith("preset ") ? dirname(resolve(from)) : process.cwd();
  const target = isAbsolute(name) ? name : resolve(base, name);
  if (!looksLikePath(name) && (isPreset(name) || folder === undefined || !existsSync(target))) return undefined;
  const where = from && resolve(from) !== resolve(top) ? ` (in ${from})` : "";
  if (folder === undefined) {
    throw new ScenarioError([{ path: "extends", reason: `"${name}"${where} names a file, and files are read only from a folder the caller allows (loadScenarioFile(path, { folder })); a preset may be named instead` }]);
  }
  if (!existsSync(target)) {
    throw new ScenarioError([{ path: "extends", reason: `"${name}"${where} names no file: ${target} does not exist` }]);
  }
  // Symbolic links resolved on both sides, so a link inside the folder cannot lead out of it.
  const root = realpathSync(folder);
  const real = realpathSync(target);
  const inside = relative(root, real);
  if (inside === "" || inside.startsWith(`..${sep}`) || inside === ".." || isAbsolute(inside)) {
    throw new ScenarioError([{ path: "extends", reason: `"${name}"${where} is outside ${root}, the folder scenario files are read from; put the file it extends in that folder` }]);
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
export function validateScenarioFile(path: string, options: FileOptions = {}): Validation {
  try {
    return { ok: true, scenario: loadScenarioFile(path, options) };
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
export function loadPresetOrFile(name: string, options: FileOptions = {}): Scenario {
  if (looksLikePath(name) || (!isPreset(name) && existsSync(name))) return loadScenarioFile(name, options);
  if (isPreset(name)) return loadPreset(name);
  throw new UnknownNameError("preset", name, closeMatches(name, listPresets().map((p) => p.id)));
}

/** The shared councils (models/councils) a structure may be run on, by id. */
export function listCouncils(): string[] {
  return listParts("council");
}
