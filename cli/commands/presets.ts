import { listPresets, loadPreset } from "../../engine/index.js";
import { listCouncils } from "../../node/files.js";
import { COMMON_OPTIONS, type Command } from "../command.js";
import { table } from "../format.js";
import { positionals } from "../scenarios.js";

/** `socialcare presets`: what ships in models/, so a user knows what to name. */
export const presets: Command = {
  name: "presets",
  summary: "list the presets, each with a one-line description",
  usage: "socialcare presets",
  example: "socialcare presets --csv --out presets.csv",
  options: [...COMMON_OPTIONS],
  run(args) {
    positionals(args, []);
    const list = listPresets();
    const rows = list.map((p) => {
      const s = loadPreset(p.id);
      return { ...p, council: s.council.name, year: s.finance.year };
    });
    const text = [
      table(
        ["Preset", "What it is", "Council", "Year"],
        rows.map((p) => [p.id, p.name, p.council, p.year]),
        ["left", "left", "left", "left"],
      ),
      "",
      `Shared councils, for --council: ${listCouncils().join(", ")}.`,
      `Run one with "socialcare run <preset>"; "socialcare presets --json" gives each full description.`,
    ].join("\n");
    return {
      text,
      json: list,
      csv: [["preset", "name", "description", "council", "year"], ...rows.map((p) => [p.id, p.name, p.description, p.council, p.year])],
    };
  },
};
