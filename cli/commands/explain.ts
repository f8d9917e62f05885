import { existsSync, realpathSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { comparisonOnlyFigures, compareScenarios, explain as explainFigure, onBaselineBasis, SOURCES_PAGE, UnknownNameError, type Explanation, type Scenario } from "../../engine/index.js";
import { UsageError } from "../args.js";
import { COMMON_OPTIONS, COUNCIL_OPTION, type Command } from "../command.js";
import { formatByUnit, withUnit, wrap } from "../format.js";
import { loadNamed, positionals } from "../scenarios.js";

/** `socialcare explain`: how one figure was computed, to audit it like a spreadsheet formula. */
export const explain: Command = {
  name: "explain",
  summary: "how one figure was computed: its rule, its formula with the numbers in, and every input with its source",
  usage: "socialcare explain <preset|file> <figure> [--baseline <preset|file>] [--council <council|preset|file>]",
  example: "socialcare explain blueprint transition.byCategory.redundancy --baseline baseline-2018",
  options: [
    { name: "baseline", value: true, placeholder: "preset|file", help: "the baseline, for a figure of the comparison (transition.*, appraisal.*, change.*, costNeutral)" },
    COUNCIL_OPTION,
    ...COMMON_OPTIONS,
  ],
  run(args) {
    const [name, figure] = positionals(args, ["preset|file", "figure"]);
    const loaded = loadNamed(name!, args);
    const baselineName = args.options.baseline;
    const baseline = typeof baselineName === "string" ? loadNamed(baselineName, args) : undefined;
    // Against a baseline, the option stands on the baseline's council, year and week, as compare puts it.
    const scenario = baseline ? onBaselineBasis(baseline, loaded).option : loaded;
    const explanation = baseline ? explainAgainst(scenario, baseline, figure!) : explainAlone(scenario, figure!);
    return {
      text: describe(explanation, scenario, baseline),
      json: explanation,
      csv: [
        ["figure", "scenario", "value", "unit", "source"],
        [explanation.figure, scenario.id, explanation.value, explanation.unit, "computed"],
        ...explanation.inputs.map((i) => [i.name, scenario.id, i.value, i.unit ?? "", i.source ?? (i.assumption ? `assumption: ${i.assumption}` : "")]),
      ],
    };
  },
};

/** A figure of the scenario's own result; a comparison's figure asks for --baseline. */
function explainAlone(scenario: Scenario, figure: string): Explanation {
  try {
    return explainFigure(scenario, figure);
  } catch (error) {
    if (error instanceof UnknownNameError && isComparisonFigure(scenario, figure)) {
      throw new UsageError(`${figure} is a figure of a comparison: name the baseline with --baseline <preset|file>`);
    }
    throw error;
  }
}

/** A figure of the comparison; a figure of a result alone is read as the option's. */
function explainAgainst(scenario: Scenario, baseline: Scenario, figure: string): Explanation {
  try {
    return explainFigure(scenario, figure, { baseline });
  } catch (error) {
    if (error instanceof UnknownNameError && !figure.startsWith("option.") && !figure.startsWith("baseline.")) {
      try {
        return explainFigure(scenario, `option.${figure}`, { baseline });
      } catch {
        // Not the option's either: the first error's close matches are the useful ones.
      }
    }
    throw error;
  }
}

/** The names a comparison adds (transition.*, appraisal.*, change.*, costNeutral), from the engine. */
function isComparisonFigure(scenario: Scenario, figure: string): boolean {
  if (figure.startsWith("baseline.") || figure.startsWith("option.") || figure.startsWith("transition.byYear.")) return true;
  // Against itself with no transition drivers: the comparison's figure names without its cost.
  return comparisonOnlyFigures(compareScenarios(scenario, { ...scenario, transition: null })).some((f) => f.figure === figure);
}

/**
 * docs/sources.md as it ships with the package (two folders above dist/cli/main.js), as a file URL a
 * terminal can open; the page's path in the repository where it is not there. Found from argv rather
 * than import.meta, which the tests' CommonJS lacks.
 */
function sourcesPage(): string {
  const main = process.argv[1];
  if (main) {
    try {
      const page = resolve(dirname(realpathSync(main)), "..", "..", SOURCES_PAGE);
      if (existsSync(page)) return pathToFileURL(page).href;
    } catch {
      // Not run as the socialcare command: the path in the repository will do.
    }
  }
  return SOURCES_PAGE;
}

function describe(e: Explanation, scenario: Scenario, baseline: Scenario | undefined): string {
  const lines: string[] = [];
  lines.push(`${e.label} (${e.figure}) = ${withUnit(e.value, e.unit)}`);
  lines.push(`  ${scenario.name}${baseline ? `, against ${baseline.name}` : ""}`);
  lines.push("", wrap(e.rule, 100, "         ", "Rule     "));
  lines.push(wrap(e.formula, 100, "         ", "Formula  "));
  if (e.inputs.length > 0) {
    lines.push("", "Inputs");
    for (const input of e.inputs) {
      lines.push(`  ${input.label} (${input.name}) = ${withUnit(input.value, input.unit)}`);
      if (input.source && input.source !== "computed") lines.push(wrap(input.source, 100, "      ", "    source: "));
      else if (input.source === "computed") lines.push("    computed by the model");
      if (input.assumption) lines.push(wrap(input.assumption, 100, "      ", "    assumption: "));
      if (!input.source && !input.assumption) lines.push("    no source recorded");
      for (const anchor of input.sourceAnchors ?? []) lines.push(`    see: ${sourcesPage()}#${anchor}`);
    }
  }
  return lines.join("\n");
}
