import type { Better } from "./catalogue.js";

/**
 * The red/amber/green rule of the health check. Where lower is better: green at or below the green
 * threshold, amber above it up to and including the red threshold, red above that. Where higher is
 * better, the mirror image. A value within a billionth (relative) of a threshold counts as on it, so
 * a rate worked out as 5965.4 ÷ 42010 is not pushed over a line by the last bit of a float.
 */

export type Rating = "green" | "amber" | "red" | "missing";

const TOLERANCE = 1e-9;

function atOrBelow(value: number, threshold: number): boolean {
  return value <= threshold + TOLERANCE * Math.max(1, Math.abs(threshold));
}

function atOrAbove(value: number, threshold: number): boolean {
  return value >= threshold - TOLERANCE * Math.max(1, Math.abs(threshold));
}

/** The rating of one value; a missing value is "missing", never scored. */
export function rateMetric(value: number | null | undefined, better: Better, green: number, red: number): Rating {
  if (value === null || value === undefined || !Number.isFinite(value)) return "missing";
  if (better === "lower") return atOrBelow(value, green) ? "green" : atOrBelow(value, red) ? "amber" : "red";
  return atOrAbove(value, green) ? "green" : atOrAbove(value, red) ? "amber" : "red";
}

/**
 * The rating of an area (or of the whole check) from its metrics' ratings: red if any is red; else
 * amber if any is amber; else missing if any is missing (missing data stops an area being green, it
 * is never counted as good); green only when every metric is there and green.
 */
export function combineRatings(ratings: readonly Rating[]): Rating {
  if (ratings.length === 0) return "missing";
  if (ratings.includes("red")) return "red";
  if (ratings.includes("amber")) return "amber";
  if (ratings.includes("missing")) return "missing";
  return "green";
}

export type Position = "better" | "worse" | "level";

/** Where a value stands against a comparator (the England figure), given which way is better. */
export function positionAgainst(value: number | null, comparator: number | null, better: Better): Position | null {
  if (value === null || comparator === null) return null;
  if (Math.abs(value - comparator) <= TOLERANCE * Math.max(1, Math.abs(comparator))) return "level";
  return (better === "lower" ? value < comparator : value > comparator) ? "better" : "worse";
}

export type Trend = "improving" | "worsening" | "steady";

/** The direction from one year's value to a later one's, given which way is better. */
export function trendBetween(from: number, to: number, better: Better): Trend {
  const position = positionAgainst(to, from, better)!;
  return position === "level" ? "steady" : position === "better" ? "improving" : "worsening";
}
