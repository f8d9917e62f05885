import type { Scenario } from "../engine/index.js";
import { onCouncil } from "../node/council.js";
import { loadPresetOrFile } from "../node/files.js";
import { UsageError, type ParsedArgs } from "./args.js";

/**
 * Scenarios as the commands name them: a preset id or a scenario file, put on another council's
 * figures when --council asks.
 */

/** The scenario `name` names, on the council of --council if given. */
export function loadNamed(name: string, args: ParsedArgs): Scenario {
  const scenario = loadPresetOrFile(name);
  const council = args.options.council;
  return typeof council === "string" ? onCouncil(scenario, council) : scenario;
}

/** The positional arguments, checked for number: too few or too many is wrong usage. */
export function positionals(args: ParsedArgs, names: readonly string[], more = false): string[] {
  const given = args.positionals;
  if (given.length < names.length) throw new UsageError(`missing ${names.slice(given.length).map((n) => `<${n}>`).join(" ")}`);
  if (!more && given.length > names.length) throw new UsageError(`unexpected argument "${given[names.length]}"`);
  return given;
}
