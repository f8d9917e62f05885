import type { OptionSpec, ParsedArgs } from "./args.js";

/** What a command produces; main.ts prints it as a table (default), JSON or CSV, or writes it to --out. */
export interface Output {
  /** The readable table. */
  text: string;
  /** The engine's objects, exactly, for --json. */
  json?: unknown;
  /** One tidy table for --csv: a header row, then rows (figure, scenario, value, unit). */
  csv?: (string | number | boolean | null)[][];
}

export interface Command {
  name: string;
  /** One line for `socialcare --help`. */
  summary: string;
  /** The usage line, e.g. `socialcare compare <baseline> <option> [<option> ...]`. */
  usage: string;
  /** A worked example for --help. */
  example: string;
  options: OptionSpec[];
  run(args: ParsedArgs): Output | Promise<Output>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: OptionSpec[] = [
  { name: "json", help: "print the engine's objects as JSON" },
  { name: "csv", help: "print one tidy table as CSV (figure, scenario, value, unit)" },
  { name: "out", value: true, placeholder: "file", help: "write the output to a file instead of printing it" },
  { name: "debug", help: "show the stack trace of an error" },
  { name: "help", help: "show this help" },
];
