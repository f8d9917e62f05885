import type { Command } from "../command.js";
import { calibrate } from "./calibrate.js";
import { claims } from "./claims.js";
import { flows } from "./flows.js";
import { compare } from "./compare.js";
import { council, councils } from "./councils.js";
import { breakeven } from "./breakeven.js";
import { explain } from "./explain.js";
import { exportCommand } from "./export.js";
import { healthcheck } from "./healthcheck.js";
import { importCommand } from "./import.js";
import { presets } from "./presets.js";
import { run } from "./run.js";
import { sensitivity } from "./sensitivity.js";
import { simulate } from "./simulate.js";
import { sweep } from "./sweep.js";
import { validate } from "./validate.js";

/** Every command of the CLI, in the order `socialcare --help` lists them. */
export const COMMANDS: Command[] = [presets, run, compare, explain, validate, simulate, sensitivity, breakeven, sweep, exportCommand, importCommand, healthcheck, councils, council, calibrate, claims, flows];
