import type { Command } from "../command.js";
import { compare } from "./compare.js";
import { exportCommand } from "./export.js";
import { healthcheck } from "./healthcheck.js";
import { importCommand } from "./import.js";

/** Every command of the CLI, in the order `socialcare --help` lists them. */
export const COMMANDS: Command[] = [compare, exportCommand, importCommand, healthcheck];
