import "../node/publishedCouncils.js";
import type { Scenario } from "../engine/index.js";
import { onCouncil } from "../node/council.js";
import { dirname, resolve } from "node:path";
import { loadPresetOrFile, type FileOptions } from "../node/files.js";
import { UsageError, type ParsedArgs } from "./args.js";

/**
 * Scenarios as the commands name them: a preset id or a scenario file, put on another council's
 * figures when --council asks.
 */

/** The scenario `name` names, on the council of --council if given. */
export function loadNamed(name: string, args: ParsedArgs): Scenario {
  const scenario = loadScenarioArgument(name);
  const council = args.options.council;
  return typeof council === "string" ? onCouncil(scenario, council, fileOptions(council)) : scenario;
}

/**
 * What the CLI lets a named file read: its `extends` may name files in the file's own folder (and
 * below), as the library allows only when told (see FileOptions).
 */
export function fileOptions(name: string): FileOptions {
  return { folder: dirname(resolve(name)) };
}

/** A preset id or a scenario file named on the command line. */
export function loadScenarioArgument(name: string): Scenario {
  return loadPresetOrFile(name, fileOptions(name));
}

/** The positional arguments, checked for number: too few or too many is wrong usage. */
export function positionals(args: ParsedArgs, names: readonly string[], more = false): string[] {
  const given = args.positionals;
  if (given.length < names.length) throw new UsageError(`missing ${names.slice(given.length).map((n) => `<${n}>`).join(" ")}`);
  if (!more && given.length > names.length) throw new UsageError(`unexpected argument "${given[names.length]}"`);
  return given;
}
