#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { extname, resolve } from "node:path";
import "../node/publishedCouncils.js";
import { closeMatches, MODEL_VERSION, SocialCareError } from "../engine/index.js";
import { writeFileAtomic } from "../node/atomicWrite.js";
import { parseArgs, UsageError } from "./args.js";
import { csvCell } from "./csv.js";
import type { Command, Output } from "./command.js";
import { COMMANDS } from "./commands/index.js";

/**
 * `socialcare`: the analyst's face of the model. Exit codes: 0 success; 1 a problem with the input
 * (an invalid scenario, an unknown preset or figure, a file that cannot be read or written), with a
 * message naming it; 2 wrong usage, with the usage line. No stack trace reaches a user unless they
 * ask with --debug.
 */

const USAGE = "usage: socialcare <command> [arguments] [options]   (socialcare --help lists the commands)";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const processIo: Io = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) };

/** A file that could not be written: the user's problem to put right (exit 1), not a usage error. */
class OutputError extends Error {
  override name = "OutputError";
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const debug = argv.includes("--debug");
  let command: Command | undefined;
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.err(overview());
      return 2;
    }
    if (name === "--help" || name === "-h") {
      io.out(overview());
      return 0;
    }
    if (name === "--version" || name === "-V") {
      io.out(`${MODEL_VERSION}\n`);
      return 0;
    }
    if (name === "help") {
      const topic = rest[0];
      const about = topic === undefined ? undefined : findCommand(topic);
      io.out(about ? help(about) : overview());
      return 0;
    }
    command = findCommand(name);
    const args = parseArgs(rest, command.options);
    if (args.options.help) {
      io.out(help(command));
      return 0;
    }
    const format = outputFormat(args.options);
    const output = await command.run(args);
    const text = render(output, format);
    if (typeof args.options.out === "string") write(args.options.out, text);
    else io.out(text);
    return output.exitCode ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`socialcare${command ? ` ${command.name}` : ""}: ${error.message}\n${command ? `usage: ${command.usage}\n(socialcare ${command.name} --help for more)` : USAGE}\n`);
      if (debug) io.err(`${error.stack}\n`);
      return 2;
    }
    if (error instanceof SocialCareError || error instanceof OutputError) {
      io.err(`socialcare: ${error.message}\n`);
      if (debug) io.err(`${error.stack}\n`);
      return 1;
    }
    io.err(`socialcare: unexpected error: ${(error as Error)?.message ?? String(error)}${debug ? "" : " (run again with --debug for the stack trace)"}\n`);
    if (debug) io.err(`${(error as Error)?.stack}\n`);
    return 1;
  }
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  const names = COMMANDS.map((c) => c.name);
  const near = closeMatches(name, names);
  throw new UsageError(`unknown command "${name}"${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : ""} (commands: ${names.join(", ")})`);
}

type Format = "text" | "json" | "csv";

/** --json or --csv, or else the format --out's extension asks for (.json, .csv), or else text. */
function outputFormat(options: Record<string, string | boolean>): Format {
  if (options.json && options.csv) throw new UsageError("choose one of --json and --csv");
  if (options.json) return "json";
  if (options.csv) return "csv";
  if (typeof options.out === "string") {
    const ext = extname(options.out).toLowerCase();
    if (ext === ".json") return "json";
    if (ext === ".csv") return "csv";
  }
  return "text";
}

function render(output: Output, format: Format): string {
  if (format === "json") {
    if (output.json === undefined) throw new UsageError("this command has no JSON output");
    return `${JSON.stringify(output.json, null, 2)}\n`;
  }
  if (format === "csv") {
    if (!output.csv) throw new UsageError("this command has no CSV output");
    return `${output.csv.map((row) => row.map(csvCell).join(",")).join("\n")}\n`;
  }
  return `${output.text}\n`;
}

function write(path: string, text: string): void {
  try {
    writeFileAtomic(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "its folder does not exist" : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EISDIR" ? "it is a folder" : code === "ENOSPC" ? "the disk is full; the old file is unchanged" : code === "EFBIG" ? "the file is larger than allowed; the old file is unchanged" : (error as Error).message;
    throw new OutputError(`--out ${path}: cannot write the file (${reason}; ${resolve(path)})`);
  }
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `socialcare ${MODEL_VERSION}: what would restructuring children's social work cost?`,
    "",
    USAGE,
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options for every command: --json, --csv, --out <file>, --debug, --help",
    "A scenario is a preset's id (socialcare presets) or a JSON or YAML file, which may `extends` a preset.",
    "Exit codes: 0 done; 1 a problem with the input (the message names it); 2 wrong usage.",
    "",
    "Example:",
    "  socialcare compare baseline-2018 blueprint",
    "",
  ].join("\n");
}

function help(command: Command): string {
  const width = Math.max(...command.options.map((o) => o.name.length + (o.placeholder ? o.placeholder.length + 3 : 0)));
  return [
    `usage: ${command.usage}`,
    "",
    command.summary,
    "",
    "Options:",
    ...command.options.map((o) => `  ${`--${o.name}${o.placeholder ? ` <${o.placeholder}>` : ""}`.padEnd(width + 2)}  ${o.help}`),
    "",
    `Example:\n  ${command.example}`,
    "",
  ].join("\n");
}

/**
 * True when node was asked to run this file (main.js; socialcare.mjs, the same bundled into one file by
 * scripts/bundle-cli.mjs; or the `socialcare` bin that links to it), not when a test imports it. Read
 * from argv rather than import.meta, which the tests' CommonJS lacks.
 */
function isEntryPoint(): boolean {
  const invokedAs = process.argv[1];
  if (!invokedAs) return false;
  let real = invokedAs;
  try {
    real = realpathSync(invokedAs);
  } catch {
    // A path that cannot be resolved is judged by its name alone.
  }
  return /[\\/]cli[\\/](main\.js|socialcare\.mjs)$/.test(real) || /socialcare$/.test(invokedAs);
}

if (isEntryPoint()) {
  // A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
