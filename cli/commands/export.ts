import { claimsTable, compareScenarios, onBaselineBasis, runScenario } from "../../engine/index.js";
import { calibrationTable } from "../../engine/councils/index.js";
import { loadNamed } from "../scenarios.js";
import { UsageError } from "../args.js";
import { COMMON_OPTIONS, COUNCIL_OPTION, type Command } from "../command.js";

/** Monte Carlo draws behind the chances on the Claims sheet (socialcare claims gives more on request). */
const CLAIMS_DRAWS = 1000;

export const exportCommand: Command = {
  name: "export",
  summary: "write a scenario, or options compared with a baseline, as an .xlsx workbook of live formulas",
  usage: "socialcare export <baseline> [<option> ...] --xlsx <file> [--council <council|preset|file>]",
  example: "socialcare export baseline-2018 blueprint --xlsx blueprint.xlsx",
  options: [{ name: "xlsx", value: true, placeholder: "file", help: "the workbook to write (.xlsx)" }, COUNCIL_OPTION, ...COMMON_OPTIONS.filter((o) => o.name !== "csv" && o.name !== "out")],
  async run(args) {
    const [baselineName, ...optionNames] = args.positionals;
    if (!baselineName) throw new UsageError("export needs a scenario (a preset or a scenario file), and options to compare with it if any");
    const file = args.options.xlsx;
    if (typeof file !== "string") throw new UsageError("export needs --xlsx <file>");
    if (!/\.xlsx$/i.test(file)) throw new UsageError(`--xlsx must name an .xlsx file, got "${file}"`);
    const baseline = loadNamed(baselineName, args);
    const options = optionNames.map((n) => loadNamed(n, args));
    try {
      // exceljs is loaded only when a workbook is written, so other commands start faster.
      const { writeWorkbookFile } = await import("../../node/workbookFiles.js");
      // every council's modelled spend beside its published spend, for judging the model (socialcare
      // calibrate), and each option's claims tested against the baseline (socialcare claims)
      const claims = options.map((o) => claimsTable(baseline, onBaselineBasis(baseline, o).option, { draws: CLAIMS_DRAWS }));
      await writeWorkbookFile(file, baseline, options, { calibration: calibrationTable(), claims });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const { WorkbookError } = await import("../../workbook/index.js");
      if (code) throw new WorkbookError([{ sheet: "(file)", cell: "", reason: `${file} cannot be written (${code})` }]);
      throw error;
    }
    const checksPass = options.length === 0 ? runScenario(baseline).checks.every((k) => k.ok) : options.every((o) => compareScenarios(baseline, o).checks.every((k) => k.ok));
    const what = options.length === 0 ? `${baseline.name}` : options.map((o) => `${o.name} against ${baseline.name}`).join("; ");
    const text = `Wrote ${file}: ${what}.\nSheets: Cover, Inputs, Calculations, Rounding, Outputs, Checks, Scenario files, ${options.length > 0 ? "Claims, " : ""}Calibration. The engine's checks ${checksPass ? "all pass" : "do not all pass"}.`;
    return { text, json: { file, baseline: baseline.id, options: options.map((o) => o.id), checksPass } };
  },
};
