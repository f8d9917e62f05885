import { existsSync } from "node:fs";
import { readTextFile } from "../../node/files.js";
import { publishedCouncilTable, publishedTableYear, publishedTableYears } from "../../engine/councils/index.js";
import { listCouncilTables, loadCouncilTable, parseCouncilTable, ScenarioError, UnknownNameError, closeMatches, type CouncilTable, type SweepOptions, type SweepResult } from "../../engine/index.js";
import { sweepParallel } from "../../node/simulate.js";
import { UsageError } from "../args.js";
import { AS_GIVEN_OPTION, COMMON_OPTIONS, type Command } from "../command.js";
import { formatByUnit, table } from "../format.js";
import { BASELINE_OPTION, NO_DEFAULT_SPREADS_OPTION, CORRELATE_OPTION, correlations, DRAW_OPTIONS, list, loadOnBasis, number, parallel, percent, VARY_OPTION, vary, wholeNumber, withNote } from "../uncertainty.js";

export const sweep: Command = {
  name: "sweep",
  summary: "a national sweep: every council (published, or a CSV) × scenarios × draws, summarised per council",
  usage: "socialcare sweep <published|published-<year>|councils.csv> <scenario> [<scenario> ...] [--baseline <preset|file>] [--draws <n>] [--workers <n>]",
  example: "socialcare sweep published blueprint cluster reclaim --baseline traditional --draws 1000",
  options: [
    BASELINE_OPTION, AS_GIVEN_OPTION, NO_DEFAULT_SPREADS_OPTION,
    { name: "figure", value: true, placeholder: "f,...", help: "figures to summarise (default as for simulate)" },
    ...DRAW_OPTIONS,
    { name: "budget", value: true, placeholder: "£", help: "a transition budget: report the chance that each council's transition spend exceeds it" },
    VARY_OPTION,
    CORRELATE_OPTION,
    ...COMMON_OPTIONS,
  ],
  async run(args) {
    const [tableName, ...scenarioNames] = args.positionals;
    if (!tableName || scenarioNames.length === 0) throw new UsageError("sweep needs a council table (published for every council's latest figures, published-<year>, or a CSV file) and at least one scenario");
    const councils = readTable(tableName);
    const o = args.options;
    // each scenario on the baseline's council and year, unless --as-given (engine/compare/oneBasis.ts)
    const based = scenarioNames.map((n) => loadOnBasis(n, o));
    const scenarios = based.map((b) => b.scenario);
    const baseline = based[0]!.baseline;
    const notes = based.map((b) => b.note).filter((n): n is string => n !== undefined);
    const options: SweepOptions = {
      ...(args.options["no-default-spreads"] === true ? { defaultSpreads: false } : {}), 
      councils,
      scenarios,
      ...(baseline ? { baseline } : {}),
      ...(list(o, "figure") ? { figures: list(o, "figure")! } : {}),
      ...(wholeNumber(o, "draws") !== undefined ? { draws: wholeNumber(o, "draws")! } : {}),
      ...(wholeNumber(o, "seed") !== undefined ? { seed: wholeNumber(o, "seed")! } : {}),
      ...(number(o, "budget") !== undefined ? { budget: number(o, "budget")! } : {}),
      ...(vary(o) ? { vary: vary(o)! } : {}),
      ...(correlations(o) ? { correlations: correlations(o)! } : {}),
    };
    const run = parallel(o, "sweep", "council runs");
    let result: SweepResult;
    try {
      result = await sweepParallel(options, run.parallel);
    } finally {
      run.finish();
    }
    return { text: withNote(notes.join(" ") || undefined, describe(result)), json: result, csv: tidy(result) };
  },
};

/** The tables the CLI knows by name: the published councils of each year, then any shipped in models/council-tables. */
function tableNames(): string[] {
  return ["published", ...publishedTableYears().reverse().map((y) => `published-${y}`), ...listCouncilTables()];
}

/** A CSV file, the published councils of a year (`published`, `published-2024`), or a table shipped in models/council-tables. */
function readTable(name: string): CouncilTable {
  if (/[\\/]|\.csv$/i.test(name) || existsSync(name)) {
    return parseCouncilTable(readTextFile(name, "council table"), name);
  }
  const year = publishedTableYear(name);
  if (year !== undefined) return publishedCouncilTable(year);
  if (listCouncilTables().includes(name)) return loadCouncilTable(name);
  throw new UnknownNameError("council table", name, closeMatches(name, tableNames()));
}

function describe(r: SweepResult): string {
  const lines = [...r.table.notes.filter((n) => n.trim() !== "").slice(0, 2), `Sweep: ${r.table.councils} councils from ${r.table.source} × ${r.scenarios.join(", ")}${r.baseline ? ` against ${r.baseline}` : ""}, ${r.draws.toLocaleString("en-GB")} draws each, seed ${r.seed}`, ""];
  const figures = r.rows[0]?.figures ?? [];
  const header = ["Council", "Scenario", ...figures.map((f) => `${f.label}: mean (P5 to P95)`)];
  if (r.rows[0]?.probabilities) header.push("Cost neutral", "NPV > 0");
  const rows = r.rows.map((row) => {
    const cells = [row.council, row.scenario, ...row.figures.map((f) => `${formatByUnit(f.mean, f.unit)} (${formatByUnit(low(f), f.unit)} to ${formatByUnit(high(f), f.unit)})`)];
    if (row.probabilities) cells.push(percent(row.probabilities.costNeutral), percent(row.probabilities.npvPositive));
    return cells;
  });
  lines.push(table(header, rows));
  return lines.join("\n");
}

const low = (f: { percentiles: { percentile: number; value: number }[]; min: number }) => f.percentiles.find((p) => p.percentile === 5)?.value ?? f.min;
const high = (f: { percentiles: { percentile: number; value: number }[]; max: number }) => f.percentiles.find((p) => p.percentile === 95)?.value ?? f.max;

function tidy(r: SweepResult): (string | number | boolean | null)[][] {
  const percentiles = r.rows[0]?.figures[0]?.percentiles.map((p) => `p${p.percentile}`) ?? [];
  const out: (string | number | boolean | null)[][] = [["council", "scenario", "baseline", "figure", "unit", "central", "mean", "sd", "min", "max", ...percentiles]];
  for (const row of r.rows) {
    for (const f of row.figures) out.push([row.council, row.scenario, row.baseline, f.figure, f.unit, f.central, f.mean, f.sd, f.min, f.max, ...f.percentiles.map((p) => p.value)]);
    if (row.probabilities) {
      const p = row.probabilities;
      out.push([row.council, row.scenario, row.baseline, "probability.costNeutral", "share", null, p.costNeutral, null, null, null, ...percentiles.map(() => null)]);
      out.push([row.council, row.scenario, row.baseline, "probability.npvPositive", "share", null, p.npvPositive, null, null, null, ...percentiles.map(() => null)]);
      if (p.transitionOverBudget) out.push([row.council, row.scenario, row.baseline, "probability.transitionOverBudget", "share", null, p.transitionOverBudget.probability, null, null, null, ...percentiles.map(() => null)]);
    }
  }
  return out;
}
