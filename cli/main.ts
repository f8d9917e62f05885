#!/usr/bin/env node
import { writeFileSync } from "node:fs";
import { MODEL_VERSION, SocialCareError } from "../engine/index.js";
import { parseArgs, UsageError } from "./args.js";
import type { Command, Output } from "./command.js";
import { COMMANDS } from "./commands/index.js";

/**
 * `socialcare`: the analyst's face of the model. Exit codes: 0 success; 1 a problem with the input
 * (an invalid scenario, an unknown preset or figure), with a message naming it; 2 wrong usage.
 * No stack trace reaches a user unless they ask with --debug.
 */

const USAGE = "usage: socialcare <command> [arguments] [options]   (socialcare --help lists the commands)";

export async function main(argv: readonly string[], io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) }): Promise<number> {
  const debug = argv.includes("--debug");
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.out(overview());
      return name === undefined ? 2 : 0;
    }
    if (name === "--version" || name === "-V") {
      io.out(`${MODEL_VERSION}\n`);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(", ")})`);
    const args = parseArgs(rest, command.options);
    if (args.options.help) {
      io.out(help(command));
      return 0;
    }
    const output = await command.run(args);
    const text = render(output, args.options);
    if (typeof args.options.out === "string") writeFileSync(args.options.out, text);
    else io.out(text);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`socialcare: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof SocialCareError) {
      io.err(`socialcare: ${error.message}\n`);
      if (debug) io.err(`${error.stack}\n`);
      return 1;
    }
    io.err(`socialcare: unexpected error: ${(error as Error).message}\n`);
    if (debug) io.err(`${(error as Error).stack}\n`);
    return 1;
  }
}

function render(output: Output, options: Record<string, string | boolean>): string {
  if (options.json && options.csv) throw new UsageError("choose one of --json and --csv");
  if (options.json) return `${JSON.stringify(output.json ?? null, null, 2)}\n`;
  if (options.csv) {
    if (!output.csv) throw new UsageError("this command has no CSV output");
    return `${output.csv.map((row) => row.map(csvCell).join(",")).join("\n")}\n`;
  }
  return `${output.text}\n`;
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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

// Run when executed as the `socialcare` binary (not when imported by a test).
const invokedAs = process.argv[1] ?? "";
if (/(?:main\.js|socialcare)$/.test(invokedAs)) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
