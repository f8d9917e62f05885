import type { Command } from "../command.js";
import { compare } from "./compare.js";
import { simulate } from "./simulate.js";
import { sensitivity } from "./sensitivity.js";
import { breakeven } from "./breakeven.js";
import { sweep } from "./sweep.js";

/** Every command of the CLI, in the order `socialcare --help` lists them. */
export const COMMANDS: Command[] = [compare, simulate, sensitivity, breakeven, sweep];
