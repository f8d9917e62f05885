import type { OptionSpec, ParsedArgs } from "./args.js";

/** What a command produces; main.ts prints it as a table (default), JSON or CSV, or writes it to --out. */
export interface Output {
  /** The readable table. */
  text: string;
  /** The engine's objects, exactly, for --json. */
  json?: unknown;
  /** One tidy table for --csv: a header row, then rows (figure, scenario, value, unit). */
  csv?: (string | number | boolean | null)[][];
  /**
   * The exit code when the command ran but its answer is "no" (`socialcare validate` of an invalid
   * file exits 1 after printing the problems). Absent means 0.
   */
  exitCode?: number;
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
  { name: "out", value: true, placeholder: "file", help: "write the output to a file instead of printing it (a .json or .csv file gets that format)" },
  { name: "debug", help: "show the stack trace of an error" },
  { name: "help", help: "show this help" },
];

/** Runs the scenarios on another council's figures (for run, compare, explain). */
export const AS_GIVEN_OPTION: OptionSpec = {
  name: "as-given",
  value: false,
  help: "compare an option on another council or year as it is given, with a warning above the verdict; by default it is run on the baseline's council and year",
};

export const COUNCIL_OPTION: OptionSpec = {
  name: "council",
  value: true,
  placeholder: "council|preset|file",
  help: "run on a council's figures: a published council (leeds, E08000035 or 383; \"leeds 2024\" for a year) in its data year's prices, a shared council (average-council-2025), a preset's or a file's",
};
