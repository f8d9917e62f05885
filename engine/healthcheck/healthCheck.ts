import type { Provenance } from "../scenario/types.js";
import { healthCheckCatalogue, type Better, type HealthCheckUnit, type MetricDefinition } from "./catalogue.js";
import { collectionYear, readHealthCheckObject, readHealthCheckTable, readThresholdOverrides, type HealthCheckInput } from "./input.js";
import { combineRatings, positionAgainst, rateMetric, trendBetween, type Position, type Rating, type Trend } from "./rating.js";

/**
 * The workforce health check: a council's metrics in the five areas rated red, amber or green against
 * thresholds (sourced defaults, overridable), set against the England figures, with the trend over the
 * years given. The latest year is the one rated; a metric missing that year is reported as missing
 * and stops its area being green.
 */

export interface MetricYear {
  year: string;
  value: number | null;
  rating: Rating;
  /** The England figure it is compared with and that figure's DfE collection year; null where none is published. */
  england: number | null;
  englandYear: string | null;
  position: Position | null;
}

export interface MetricResult {
  metric: string;
  label: string;
  area: string;
  unit: HealthCheckUnit;
  better: Better;
  help: string;
  thresholds: {
    green: number;
    red: number;
    greenProvenance: Provenance;
    redProvenance: Provenance;
    /** The thresholds in words, e.g. "green at or below 14.2%; amber up to 20%; red above 20%". */
    text: string;
  };
  /** The latest year's figures (the year rated). */
  year: string;
  value: number | null;
  rating: Rating;
  england: number | null;
  englandYear: string | null;
  englandProvenance: Provenance | null;
  position: Position | null;
  /** Value less the England figure (null where either is missing). */
  differenceFromEngland: number | null;
  /** Every year given, oldest first. */
  trend: MetricYear[];
  /** Latest value less the one before it (the latest earlier year with a value); null with fewer than two. */
  change: number | null;
  direction: Trend | null;
}

export interface AreaResult {
  area: string;
  name: string;
  rating: Rating;
  metrics: string[];
  /** Metrics with no value in the latest year. */
  missing: string[];
  counts: Record<Rating, number>;
}

export interface HealthCheck {
  council: string | null;
  framework: { name: string; source: string };
  years: string[];
  latestYear: string;
  overall: Rating;
  areas: AreaResult[];
  metrics: MetricResult[];
  /** Metrics with no value in the latest year, by id. */
  missing: string[];
}

/** Threshold overrides by metric id (either side may be left out). */
export type ThresholdOverrides = Record<string, { green?: number; red?: number }>;

/**
 * Runs the health check on a council's metrics: a JSON-shaped object (`{ council, years, thresholds }`),
 * a table of cells (an Excel range or parsed CSV), or input already read. `thresholds` override the
 * defaults (after any the input itself carries).
 */
export function healthCheck(input: HealthCheckInput | Record<string, unknown> | readonly (readonly unknown[])[], thresholds: ThresholdOverrides = {}): HealthCheck {
  const given = isRead(input) ? input : Array.isArray(input) ? readHealthCheckTable(input) : readHealthCheckObject(input);
  let read = given;
  if (Object.keys(thresholds).length > 0) {
    // Overrides given beside the input win over those inside it; the two together are checked again.
    const merged: ThresholdOverrides = { ...given.thresholds };
    for (const [id, t] of Object.entries(readThresholdOverrides(thresholds, { checkOrder: false }))) merged[id] = { ...merged[id], ...t };
    read = { ...given, thresholds: readThresholdOverrides(merged) };
  }
  const catalogue = healthCheckCatalogue();
  const latest = read.years[read.years.length - 1]!;
  const metrics = catalogue.metrics.map((m) => rateOne(m, read, latest.year));
  const areas = catalogue.areas.map((a): AreaResult => {
    const own = metrics.filter((m) => m.area === a.id);
    const counts: Record<Rating, number> = { green: 0, amber: 0, red: 0, missing: 0 };
    for (const m of own) counts[m.rating]++;
    return { area: a.id, name: a.name, rating: combineRatings(own.map((m) => m.rating)), metrics: own.map((m) => m.metric), missing: own.filter((m) => m.rating === "missing").map((m) => m.metric), counts };
  });
  return {
    council: read.council,
    framework: catalogue.framework,
    years: read.years.map((y) => y.year),
    latestYear: latest.year,
    overall: combineRatings(areas.map((a) => a.rating)),
    areas,
    metrics,
    missing: metrics.filter((m) => m.rating === "missing").map((m) => m.metric),
  };
}

function isRead(input: unknown): input is HealthCheckInput {
  return !Array.isArray(input) && typeof input === "object" && input !== null && Array.isArray((input as HealthCheckInput).years) && typeof (input as HealthCheckInput).thresholds === "object";
}

/** The England figure for a council year: that year's, or failing it the latest earlier one (its year is reported). */
function englandFor(m: MetricDefinition, year: string): MetricDefinition["england"][number] | null {
  const wanted = collectionYear(year);
  let found: MetricDefinition["england"][number] | null = null;
  for (const e of m.england) if (e.year <= wanted) found = e;
  return found;
}

function rateOne(m: MetricDefinition, input: HealthCheckInput, latestYear: string): MetricResult {
  const override = input.thresholds[m.id] ?? {};
  const green = override.green ?? m.green.value;
  const red = override.red ?? m.red.value;
  const overridden: Provenance = { source: "set by the user for this health check" };
  const trend: MetricYear[] = input.years.map(({ year, values }) => {
    const value = values[m.id] ?? null;
    const e = englandFor(m, year);
    const england = e?.value ?? null;
    return { year, value, rating: rateMetric(value, m.better, green, red), england, englandYear: e?.year ?? null, position: positionAgainst(value, england, m.better) };
  });
  const last = trend[trend.length - 1]!;
  const stated = trend.filter((t) => t.value !== null);
  let change: number | null = null;
  let direction: Trend | null = null;
  if (last.value !== null && stated.length >= 2) {
    const before = stated[stated.length - 2]!;
    change = last.value - before.value!;
    direction = trendBetween(before.value!, last.value, m.better);
  }
  const e = englandFor(m, latestYear);
  return {
    metric: m.id,
    label: m.label,
    area: m.area,
    unit: m.unit,
    better: m.better,
    help: m.help,
    thresholds: {
      green,
      red,
      greenProvenance: override.green !== undefined ? overridden : m.green.provenance,
      redProvenance: override.red !== undefined ? overridden : m.red.provenance,
      text: thresholdText(m, green, red),
    },
    year: latestYear,
    value: last.value,
    rating: last.rating,
    england: last.england,
    englandYear: last.englandYear,
    englandProvenance: e?.provenance ?? null,
    position: last.position,
    differenceFromEngland: last.value !== null && last.england !== null ? last.value - last.england : null,
    trend,
    change,
    direction,
  };
}

/** A value in its unit, as the thresholds and rows show it. */
export function formatHealthValue(value: number, unit: HealthCheckUnit): string {
  if (unit === "share") return `${Number((value * 100).toFixed(2))}%`;
  return `${Number(value.toFixed(2))}`;
}

function thresholdText(m: MetricDefinition, green: number, red: number): string {
  const g = formatHealthValue(green, m.unit);
  const r = formatHealthValue(red, m.unit);
  return m.better === "lower" ? `green at or below ${g}; amber above ${g} up to ${r}; red above ${r}` : `green at or above ${g}; amber below ${g} down to ${r}; red below ${r}`;
}

/**
 * The health check as plain rows a face can spill or print: a header, then one row per metric
 * (metric, value, rating, England figure first, as the HEALTHCHECK custom function spills them;
 * then area, unit, year, England year, position against England, trend).
 */
export function healthCheckRows(check: HealthCheck): (string | number | null)[][] {
  const areaName = new Map(check.areas.map((a) => [a.area, a.name]));
  return [
    ["Metric", "Value", "Rating", "England", "Area", "Unit", "Year", "England year", "Against England", "Trend"],
    ...check.metrics.map((m) => [m.label, m.value, m.rating, m.england, areaName.get(m.area) ?? m.area, m.unit, m.year, m.englandYear, m.position, m.direction]),
  ];
}

/** One row per area: area, rating, metrics rated green/amber/red, metrics missing. */
export function healthCheckAreaRows(check: HealthCheck): (string | number)[][] {
  return [["Area", "Rating", "Green", "Amber", "Red", "Missing"], ...check.areas.map((a) => [a.name, a.rating, a.counts.green, a.counts.amber, a.counts.red, a.counts.missing])];
}
