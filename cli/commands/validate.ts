import { isPreset, loadPreset, problemLines, type Validation } from "../../engine/index.js";
import { looksLikePath, validateScenarioFile } from "../../node/files.js";
import { fileOptions } from "../scenarios.js";
import { COMMON_OPTIONS, type Command } from "../command.js";
import { positionals } from "../scenarios.js";

/**
 * `socialcare validate`: every problem in a scenario file at once, as path and reason, so a user
 * fixes them in one pass. Exits 1 when there is any.
 */
export const validate: Command = {
  name: "validate",
  summary: "check a scenario file and list every problem, as path and reason",
  usage: "socialcare validate <file>",
  example: "socialcare validate my-council.yaml",
  options: [...COMMON_OPTIONS],
  run(args) {
    const [name] = positionals(args, ["file"]);
    const validation: Validation = !looksLikePath(name!) && isPreset(name!) ? { ok: true, scenario: loadPreset(name!) } : validateScenarioFile(name!, fileOptions(name!));
    if (validation.ok) {
      const s = validation.scenario;
      return {
        text: `${name}: valid. ${s.name}: ${s.structure.tiers.length} tiers, on ${s.council.name}, in ${s.finance.year} prices${s.transition ? `, with a ${s.transition.years}-year transition` : ""}.`,
        json: validation,
        csv: [["path", "reason"]],
      };
    }
    const count = validation.issues.length;
    return {
      text: [`${name}: ${count} problem${count === 1 ? "" : "s"}`, ...problemLines(validation.issues.map((i) => `${i.path ? `${i.path}: ` : ""}${i.reason}`))].join("\n"),
      json: validation,
      csv: [["path", "reason"], ...validation.issues.map((i) => [i.path, i.reason])],
      exitCode: 1,
    };
  },
};
