import { roundMoney } from "../money/index.js";
import type { FigureUnit } from "../explain/figures.js";

/**
 * How the draws of one figure are summarised: mean, spread, percentiles, a histogram and an S-curve.
 * Every summary is computed from the whole array of draws in draw order, so it is the same whatever
 * the number of workers that produced the draws.
 */

/** The percentiles reported when none are asked for. */
export const DEFAULT_PERCENTILES: readonly number[] = [5, 10, 50, 90, 95];

export interface Percentile {
  /** From 0 to 100. */
  percentile: number;
  value: number;
}

export interface Histogram {
  /** Bin edges, one more than the counts; a draw equal to an inner edge falls in the bin above it. */
  edges: number[];
  counts: number[];
}

/** A figure's draws in brief: what a sweep reports for each council. */
export interface FigureSummary {
  figure: string;
  label: string;
  unit: FigureUnit;
  /** The figure with every input at its central value (the deterministic result). */
  central: number;
  mean: number;
  /** Standard deviation of the draws (n − 1 in the denominator). */
  sd: number;
  min: number;
  max: number;
  percentiles: Percentile[];
}

/** A figure's draws in full: the summary, with the histogram and the S-curve a chart needs. */
export interface FigureDistribution extends FigureSummary {
  histogram: Histogram;
  /** The S-curve: the value at each percentile 0, 1, …, 100. */
  cdf: number[];
}

/**
 * The value at percentile p (0–100) of sorted values, interpolating between neighbours as Excel's
 * PERCENTILE.INC does: rank h = (n − 1)·p/100, between the values at floor(h) and floor(h) + 1.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 1) return sorted[0]!;
  const h = ((n - 1) * p) / 100;
  const below = Math.floor(h);
  if (below >= n - 1) return sorted[n - 1]!;
  const fraction = h - below;
  const a = sorted[below]!;
  const b = sorted[below + 1]!;
  return fraction === 0 ? a : a + fraction * (b - a);
}

/** Equal-width bins from the least to the greatest draw (one bin when every draw is the same). */
export function histogramOf(sorted: Float64Array, bins: number): Histogram {
  const n = sorted.length;
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  if (min === max) return { edges: [min, max], counts: [n] };
  const width = (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width));
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    const bin = Math.min(bins - 1, Math.floor((sorted[i]! - min) / width));
    counts[bin]!++;
  }
  return { edges, counts };
}

export interface SummaryOptions {
  percentiles?: readonly number[];
  bins?: number;
  /** Sort the draws where they are (the caller has no further use for their order). */
  sortInPlace?: boolean;
  /** The same draws already sorted (merged from chunks sorted where they ran), so they are not sorted again. */
  sorted?: Float64Array;
}

/** Summarises the draws of one figure. Money (£) is rounded to the penny, as everywhere it is shown. */
export function summarise(meta: { figure: string; label: string; unit: FigureUnit }, central: number, draws: Float64Array, options: SummaryOptions = {}): FigureDistribution {
  return summariseDraws(meta, central, draws, options, false) as FigureDistribution;
}

/** The brief summary (no histogram or S-curve). */
export function summariseBriefly(meta: { figure: string; label: string; unit: FigureUnit }, central: number, draws: Float64Array, options: SummaryOptions = {}): FigureSummary {
  return summariseDraws(meta, central, draws, options, true);
}

function summariseDraws(meta: { figure: string; label: string; unit: FigureUnit }, central: number, draws: Float64Array, options: SummaryOptions, brief: boolean): FigureSummary | FigureDistribution {
  const n = draws.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += draws[i]!;
  const mean = total / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (draws[i]! - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  const sorted = options.sorted ?? (options.sortInPlace ? draws.sort() : Float64Array.from(draws).sort());
  const money = meta.unit === "£" || meta.unit === "£ a year";
  const out = (x: number) => (money ? roundMoney(x) : x);
  const percentiles = (options.percentiles ?? DEFAULT_PERCENTILES).map((p) => ({ percentile: p, value: out(percentileOfSorted(sorted, p)) }));
  const summary: FigureSummary = {
    figure: meta.figure,
    label: meta.label,
    unit: meta.unit,
    central: out(central),
    mean: out(mean),
    sd: out(sd),
    min: out(sorted[0]!),
    max: out(sorted[n - 1]!),
    percentiles,
  };
  if (brief) return summary;
  const histogram = histogramOf(sorted, options.bins ?? 20);
  return {
    ...summary,
    histogram: { edges: histogram.edges.map(out), counts: histogram.counts },
    cdf: Array.from({ length: 101 }, (_, p) => out(percentileOfSorted(sorted, p))),
  };
}

/** The share of draws for which `test` holds. */
export function probability(draws: Float64Array, test: (x: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < draws.length; i++) if (test(draws[i]!)) hits++;
  return hits / draws.length;
}
