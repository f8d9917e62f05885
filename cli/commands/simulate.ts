import type { SimulationOptions, SimulationResult } from "../../engine/index.js";
import { simulateParallel } from "../../node/simulate.js";
import { UsageError } from "../args.js";
import { AS_GIVEN_OPTION, COMMON_OPTIONS, type Command } from "../command.js";
import { formatMoney } from "../format.js";
import { BASELINE_OPTION, NO_DEFAULT_SPREADS_OPTION, CORRELATE_OPTION, correlations, describeInputs, DRAW_OPTIONS, histogramText, list, loadOnBasis, withNote, number, parallel, percent, summaryTable, VARY_OPTION, vary, wholeNumber } from "../uncertainty.js";

export const simulate: Command = {
  name: "simulate",
  summary: "Monte Carlo: how far the figures could move, from the uncertain inputs' distributions",
  usage: "socialcare simulate <scenario> [--baseline <preset|file>] [--figure <f,...>] [--draws <n>] [--seed <n>] [--workers <n>]",
  example: "socialcare simulate blueprint --baseline baseline-2018 --draws 20000 --budget 7000000",
  options: [
    BASELINE_OPTION, AS_GIVEN_OPTION, NO_DEFAULT_SPREADS_OPTION,
    { name: "figure", value: true, placeholder: "f,...", help: "figures to summarise (default: run cost and caseload; with a baseline: change.runCost, transition.total, appraisal.npv)" },
    ...DRAW_OPTIONS,
    { name: "budget", value: true, placeholder: "£", help: "a transition budget: report the chance that transition spend exceeds it" },
    { name: "percentiles", value: true, placeholder: "p,...", help: "percentiles to report (default 5,10,50,90,95)" },
    { name: "bins", value: true, placeholder: "n", help: "bins in each histogram (default 20)" },
    VARY_OPTION,
    CORRELATE_OPTION,
    ...COMMON_OPTIONS,
  ],
  async run(args) {
    if (args.positionals.length !== 1) throw new UsageError("simulate needs one scenario (a preset or a file)");
    const { scenario, baseline, note } = loadOnBasis(args.positionals[0]!, args.options);
    const o = args.options;
    const percentiles = list(o, "percentiles")?.map((p) => {
      const n = Number(p);
      if (!Number.isFinite(n)) throw new UsageError(`--percentiles must be numbers, got "${p}"`);
      return n;
    });
    const options: SimulationOptions = {
      ...(args.options["no-default-spreads"] === true ? { defaultSpreads: false } : {}), 
      ...(baseline ? { baseline } : {}),
      ...(list(o, "figure") ? { figures: list(o, "figure")! } : {}),
      ...(wholeNumber(o, "draws") !== undefined ? { draws: wholeNumber(o, "draws")! } : {}),
      ...(wholeNumber(o, "seed") !== undefined ? { seed: wholeNumber(o, "seed")! } : {}),
      ...(number(o, "budget") !== undefined ? { budget: number(o, "budget")! } : {}),
      ...(percentiles ? { percentiles } : {}),
      ...(wholeNumber(o, "bins") !== undefined ? { bins: wholeNumber(o, "bins")! } : {}),
      ...(vary(o) ? { vary: vary(o)! } : {}),
      ...(correlations(o) ? { correlations: correlations(o)! } : {}),
    };
    const run = parallel(o, "simulate", "draws");
    let result: SimulationResult;
    try {
      result = await simulateParallel(scenario, options, run.parallel);
    } finally {
      run.finish();
    }
    return { text: withNote(note, describe(result)), json: result, csv: tidy(result) };
  },
};

function describe(r: SimulationResult): string {
  const lines = [
    `Monte Carlo: ${r.scenario}${r.baseline ? ` against ${r.baseline}` : ""}, ${r.draws.toLocaleString("en-GB")} draws, seed ${r.seed}`,
    "",
    describeInputs(r.inputs, r.correlations),
    "",
    summaryTable(r.figures),
  ];
  if (r.probabilities) {
    const p = r.probabilities;
    lines.push("", `Chance the option is cost neutral: ${percent(p.costNeutral)}`, `Chance the net present value is positive: ${percent(p.npvPositive)}`);
    if (p.transitionOverBudget) lines.push(`Chance transition spend exceeds ${formatMoney(p.transitionOverBudget.budget)}: ${percent(p.transitionOverBudget.probability)}`);
  }
  for (const f of r.figures) lines.push("", histogramText(f));
  return lines.join("\n");
}

function tidy(r: SimulationResult): (string | number | boolean | null)[][] {
  const percentiles = r.figures[0]?.percentiles.map((p) => `p${p.percentile}`) ?? [];
  const rows: (string | number | boolean | null)[][] = [["figure", "label", "unit", "central", "mean", "sd", "min", "max", ...percentiles]];
  for (const f of r.figures) rows.push([f.figure, f.label, f.unit, f.central, f.mean, f.sd, f.min, f.max, ...f.percentiles.map((p) => p.value)]);
  return rows;
}
