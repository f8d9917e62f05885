import { formatDistribution, type Correlation, type Distribution, type FigureDistribution, type FigureSummary, type Scenario, type UncertainInput } from "../engine/index.js";
import { loadScenarioArgument } from "./scenarios.js";
import type { ParallelOptions } from "../node/simulate.js";
import { UsageError, type OptionSpec } from "./args.js";
import { formatByUnit, formatMoney, formatPercent, table, wrap } from "./format.js";
import { onBaselineBasis, onOneBasis } from "../engine/compare/oneBasis.js";
import { progressBar } from "./progress.js";

/**
 * What the uncertainty commands (simulate, sensitivity, breakeven, sweep) share: their options, how
 * they read them, and how their results are shown. Reading only: every figure comes from the engine.
 */

export const NO_DEFAULT_SPREADS_OPTION: OptionSpec = { name: "no-default-spreads", value: false, help: "vary only the inputs given a distribution, not the default spreads of assumptions" };

export const BASELINE_OPTION: OptionSpec = { name: "baseline", value: true, placeholder: "preset|file", help: "compare against this baseline (for comparison figures such as change.runCost, transition.total, appraisal.npv)" };
export const VARY_OPTION: OptionSpec = {
  name: "vary",
  value: true,
  placeholder: "key=dist;...",
  help: 'more uncertain inputs, or new distributions: "council.vacancyRate=triangular(0.10,0.142,0.20); option.transition.systems=pert(250000,500000,1000000)"',
};
export const CORRELATE_OPTION: OptionSpec = { name: "correlate", value: true, placeholder: "a~b=rank;...", help: 'rank correlations between uncertain inputs: "council.vacancyRate~council.agencyCoverShare=0.5"' };
export const DRAW_OPTIONS: OptionSpec[] = [
  { name: "draws", value: true, placeholder: "n", help: "number of draws (default 10,000; 1,000 per council for sweep)" },
  { name: "seed", value: true, placeholder: "n", help: "the seed, a whole number (default 1): the same seed gives the same figures" },
  { name: "workers", value: true, placeholder: "n", help: "threads to use, counting this one (default: the number of cores)" },
  { name: "progress", help: "draw the progress bar on stderr even when it is not a terminal" },
];

/** A whole number option, with thousands separators allowed (10,000 or 10_000). */
export function wholeNumber(options: Record<string, string | boolean>, name: string): number | undefined {
  const raw = options[name];
  if (raw === undefined) return undefined;
  const text = String(raw).replace(/[,_]/g, "");
  if (!/^-?\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number, got "${String(raw)}"`);
  return Number(text);
}

/** A number option: 7000000, 7,000,000, £7,000,000 or 7e6. */
export function number(options: Record<string, string | boolean>, name: string): number | undefined {
  const raw = options[name];
  if (raw === undefined) return undefined;
  const text = String(raw).replace(/[£,_\s]/g, "");
  const value = text === "" ? NaN : Number(text);
  if (!Number.isFinite(value)) throw new UsageError(`--${name} must be a number, got "${String(raw)}"`);
  return value;
}

export function list(options: Record<string, string | boolean>, name: string): string[] | undefined {
  const raw = options[name];
  if (raw === undefined) return undefined;
  const items = String(raw)
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (items.length === 0) throw new UsageError(`--${name} needs at least one value`);
  return items;
}

/** `--vary "a=triangular(1,2,3); b=uniform(0,1)"`: the engine checks each distribution against its setting. */
export function vary(options: Record<string, string | boolean>): Record<string, string> | undefined {
  const raw = options.vary;
  if (raw === undefined) return undefined;
  const pairs = new Map<string, string>();
  for (const part of String(raw).split(";")) {
    if (part.trim() === "") continue;
    const at = part.indexOf("=");
    if (at <= 0) throw new UsageError(`--vary takes key=distribution pairs separated by ";", got "${part.trim()}"`);
    const key = part.slice(0, at).trim();
    // The last of two would silently win: which one the user meant is theirs to say.
    if (pairs.has(key)) throw new UsageError(`--vary gives ${key} twice ("${pairs.get(key)}" and "${part.slice(at + 1).trim()}"); give each setting one distribution`);
    pairs.set(key, part.slice(at + 1).trim());
  }
  return Object.fromEntries(pairs);
}

/** `--correlate "a~b=0.5; c~d=-0.3"`. */
export function correlations(options: Record<string, string | boolean>): Correlation[] | undefined {
  const raw = options.correlate;
  if (raw === undefined) return undefined;
  const out: Correlation[] = [];
  for (const part of String(raw).split(";")) {
    if (part.trim() === "") continue;
    const match = /^\s*([^~=]+?)\s*~\s*([^=]+?)\s*=\s*(\S+)\s*$/.exec(part);
    if (!match || !Number.isFinite(Number(match[3]))) throw new UsageError(`--correlate takes a~b=rank pairs separated by ";", got "${part.trim()}"`);
    out.push({ between: [match[1]!, match[2]!], rank: Number(match[3]) });
  }
  return out;
}

export function loadBaseline(options: Record<string, string | boolean>): Scenario | undefined {
  return typeof options.baseline === "string" ? loadScenarioArgument(options.baseline) : undefined;
}

/**
 * The scenario, and the baseline if one is given, on one council and one price base: the scenario is
 * run on the baseline's council and year unless --as-given (engine/compare/oneBasis.ts); `note` says
 * what was moved, or warns that they differ, for the output to print above its figures.
 */
export function loadOnBasis(name: string, options: Record<string, string | boolean>): { scenario: Scenario; baseline?: Scenario; note?: string } {
  const given = loadScenarioArgument(name);
  const baseline = loadBaseline(options);
  if (!baseline) return { scenario: given };
  if (options["as-given"] === true) {
    if (onOneBasis(baseline, given)) return { scenario: given, baseline };
    return { scenario: given, baseline, note: `WARNING, not one price base: ${given.id} is on ${given.council.name} in ${given.finance.year} prices and ${baseline.id} on ${baseline.council.name} in ${baseline.finance.year} prices, as asked (--as-given); the figures mix the structure with the place and the year.` };
  }
  const { option, rebased } = onBaselineBasis(baseline, given);
  if (rebased === null) return { scenario: given, baseline };
  return { scenario: option, baseline, note: `Note: ${rebased} (--as-given compares them as they are).` };
}

/** Text with a note above it, wrapped. */
export function withNote(note: string | undefined, text: string): string {
  return note ? `${wrap(note, 100, "  ")}\n\n${text}` : text;
}

/** The threads and the progress bar for a long run. */
export function parallel(options: Record<string, string | boolean>, label: string, unit: string): { parallel: ParallelOptions; finish: () => void } {
  const bar = progressBar(label, unit, { force: options.progress === true });
  const workers = wholeNumber(options, "workers");
  return {
    parallel: { ...(workers !== undefined ? { workers } : {}), onProgress: (done, total) => bar.update(done, total) },
    finish: () => bar.finish(),
  };
}

export function describeInputs(inputs: readonly UncertainInput[], correlated: readonly Correlation[]): string {
  const rows = inputs.map((i) => [i.label, i.key, i.side, `${i.distribution}${i.defaultSpread ? " *" : ""}`, formatByUnit(i.central, unitOf(i.unit))]);
  const lines = [table(["Uncertain input", "Setting", "Varies in", "Distribution", "Central"], rows, ["left", "left", "left", "left", "right"])];
  if (inputs.some((i) => i.defaultSpread)) lines.push("", "* the default spread of an assumption no source gives (±20% on money, ±25% otherwise; docs/model.md); --no-default-spreads leaves them out");
  if (correlated.length > 0) lines.push("", `Rank correlations: ${correlated.map((c) => `${c.between[0]} ~ ${c.between[1]} ${c.rank}`).join("; ")}`);
  return lines.join("\n");
}

/** Setting units as the figure formatter knows them. */
function unitOf(unit: string): string {
  return unit === "£ a year" || unit === "£" ? "£" : unit === "share" ? "share" : "number";
}

export function summaryTable(figures: readonly (FigureSummary | FigureDistribution)[]): string {
  const percentiles = figures[0]?.percentiles.map((p) => `P${p.percentile}`) ?? [];
  const rows = figures.map((f) => [f.label, formatByUnit(f.central, f.unit), formatByUnit(f.mean, f.unit), ...f.percentiles.map((p) => formatByUnit(p.value, f.unit))]);
  return table(["Figure", "Central", "Mean", ...percentiles], rows);
}

/** A histogram drawn in text, one bar a bin. */
export function histogramText(f: FigureDistribution, width = 40): string {
  const most = Math.max(...f.histogram.counts);
  const edge = (x: number) => (f.unit === "£" || f.unit === "£ a year" ? formatMoney(x) : formatByUnit(x, f.unit));
  const labels = f.histogram.counts.map((_, i) => `${edge(f.histogram.edges[i]!)} to ${edge(f.histogram.edges[i + 1]!)}`);
  const pad = Math.max(...labels.map((l) => l.length));
  return [`${f.label}: how the draws fall`, ...f.histogram.counts.map((count, i) => `  ${labels[i]!.padEnd(pad)}  ${"█".repeat(most > 0 ? Math.round((count / most) * width) : 0)} ${count}`)].join("\n");
}

export function percent(value: number): string {
  return formatPercent(value, 1);
}

export { formatDistribution };
export type { Distribution };
