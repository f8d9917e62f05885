import { closeMatches } from "../engine/index.js";

/**
 * Command-line arguments: positionals and `--flag` / `--flag value` / `--flag=value` options, checked
 * against what each command declares so that a misspelt option is a usage error, not silently ignored.
 */

export class UsageError extends Error {
  override name = "UsageError";
}

export interface OptionSpec {
  /** Long name without dashes. */
  name: string;
  /** Takes a value (`--out file`) rather than being a switch (`--json`). */
  value?: boolean;
  /** One line for --help. */
  help: string;
  /** Placeholder for the value in --help. */
  placeholder?: string;
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | boolean>;
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith("--")) {
      const [rawName, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const spec = specs.find((s) => s.name === rawName);
      if (!spec) {
        const known = specs.map((s) => `--${s.name}`).join(", ");
        const near = closeMatches(rawName, specs.map((s) => s.name)).map((n) => `"--${n}"`);
        throw new UsageError(`unknown option --${rawName}${near.length ? `; did you mean ${near.join(" or ")}?` : ""}${known ? ` (options: ${known})` : ""}`);
      }
      if (spec.value) {
        const value = inline ?? argv[++i];
        if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new UsageError(`--${spec.name} needs a value`);
        // The second would silently replace the first.
        if (spec.name in options) throw new UsageError(`--${spec.name} is given twice ("${options[spec.name]}" and "${value}"); give it once${spec.name === "vary" || spec.name === "correlate" ? ', with the pairs separated by ";"' : ""}`);
        options[spec.name] = value;
      } else {
        if (inline !== undefined) throw new UsageError(`--${spec.name} takes no value`);
        options[spec.name] = true;
      }
    } else if (arg.startsWith("-") && arg.length > 1 && arg !== "-") {
      const short: Record<string, string> = { h: "help", V: "version" };
      const name = short[arg.slice(1)];
      if (!name || !specs.some((s) => s.name === name)) throw new UsageError(`unknown option ${arg}`);
      options[name] = true;
    } else {
      positionals.push(arg);
    }
  }
  return { positionals, options };
}
