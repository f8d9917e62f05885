import type { Command } from "../command.js";
import { compare } from "./compare.js";
import { healthcheck } from "./healthcheck.js";

/** Every command of the CLI, in the order `socialcare --help` lists them. */
export const COMMANDS: Command[] = [compare, healthcheck];
