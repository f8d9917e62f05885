import { stringify } from "../../engine/scenario/yaml.js";
import { toScenarioInput } from "../../engine/index.js";
import { UsageError } from "../args.js";
import { COMMON_OPTIONS, type Command } from "../command.js";

export const importCommand: Command = {
  name: "import",
  summary: "read a workbook made by export (its Inputs edited by hand) back into scenario files",
  usage: "socialcare import <file.xlsx> [--scenario <role or id>] [--out <file.yaml>]",
  example: "socialcare import blueprint.xlsx --scenario option --out our-blueprint.yaml",
  options: [{ name: "scenario", value: true, placeholder: "role or id", help: "only this scenario: baseline, option, option2, … or its id" }, ...COMMON_OPTIONS.filter((o) => o.name !== "csv")],
  async run(args) {
    const [file, ...extra] = args.positionals;
    if (!file) throw new UsageError("import needs a workbook (.xlsx) made by socialcare export");
    if (extra.length > 0) throw new UsageError(`import reads one workbook, got also ${extra.join(" ")}`);
    // exceljs is loaded only when a workbook is read, so other commands start faster.
    const { readWorkbookFile } = await import("../../node/workbookFiles.js");
    let imported = await readWorkbookFile(file);
    const wanted = args.options.scenario;
    if (typeof wanted === "string") {
      const chosen = imported.filter((s) => s.role === wanted || s.scenario.id === wanted);
      if (chosen.length === 0) throw new UsageError(`--scenario: the workbook has no "${wanted}" (it has ${imported.map((s) => `${s.role} (${s.scenario.id})`).join(", ")})`);
      imported = chosen;
    }
    const docs = imported.map(({ role, scenario, changes }) => {
      const head = [
        `# ${role}: ${scenario.name}, read from ${file}`,
        changes.length === 0 ? "# no inputs changed" : `# ${changes.length} input(s) changed:`,
        ...changes.map((c) => `#   ${c.key} (${c.cell}): ${JSON.stringify(c.from ?? null)} → ${JSON.stringify(c.to)}`),
      ];
      return `${head.join("\n")}\n${stringify(toScenarioInput(scenario, { withSources: true }), { lineWidth: 0 })}`;
    });
    return { text: docs.join("---\n").trimEnd(), json: imported };
  },
};
