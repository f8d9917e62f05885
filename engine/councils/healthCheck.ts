import { healthCheck, type HealthCheck } from "../healthcheck/healthCheck.js";
import { healthCheckCatalogue } from "../healthcheck/catalogue.js";
import { rateMetric, type Rating } from "../healthcheck/rating.js";
import { areaFigures, councilFigures, councilNeighbours, councilYears } from "./figures.js";
import { findCouncil, type CouncilRecord } from "./find.js";

/**
 * The workforce health check pre-filled from the published statistics: for a council, each metric the
 * statistics give, for every year published, beside the median of its DfE statistical neighbours and
 * England's figure (the national row of the same publication), rated against the health check's
 * thresholds where the health check has one. The median, not the mean, so that one neighbour far from
 * the rest (a small council's rate swings widely) does not move the comparison.
 */

/** The published figures the health check can be filled from: the figure, and the health-check metric it fills (if any). */
export const PUBLISHED_METRICS = [
  { figure: "vacancyRate", metric: "vacancyRate", label: "Vacancy rate", unit: "share", better: "lower" },
  { figure: "caseload", metric: "averageCaseload", label: "Average caseload", unit: "children per case-holder", better: "lower" },
  { figure: "absenceRate", metric: "sicknessAbsence", label: "Sickness absence", unit: "share", better: "lower" },
  { figure: "turnoverRate", metric: null, label: "Turnover rate", unit: "share", better: "lower" },
  { figure: "agencyRate", metric: null, label: "Agency rate", unit: "share", better: "lower" },
  { figure: "lookedAfterThreeOrMoreSocialWorkersShare", metric: null, label: "Looked-after children with 3 or more social workers in the year", unit: "share", better: "lower" },
  { figure: "rereferralRate", metric: null, label: "Re-referrals within 12 months", unit: "share", better: "lower" },
] as const;

export interface PublishedMetricYear {
  year: number;
  /** The council's figure; null when missing, with the reason. */
  value: number | null;
  missing: string | null;
  /** The median of the statistical neighbours' figures that year, and how many neighbours had one. */
  neighbours: { median: number; count: number } | null;
  england: number | null;
  /** Against the health check's thresholds; null for a metric the health check has no threshold for. */
  rating: Rating | null;
}

export interface PublishedMetric {
  figure: string;
  /** The health-check metric it fills, or null when the health check has none (then it is shown unrated). */
  metric: string | null;
  label: string;
  unit: string;
  better: "lower" | "higher";
  publication: string;
  /** The thresholds in words, or why it is not rated. */
  thresholds: string;
  years: PublishedMetricYear[];
}

export interface CouncilHealthCheck {
  council: string;
  ons: string;
  dfe: string;
  /** The statistical neighbours the medians are taken over, closest first. */
  neighbours: string[];
  metrics: PublishedMetric[];
  /** The health check itself (areas, overall rating, trend) on the metrics the statistics fill. */
  check: HealthCheck;
}

export function councilHealthCheck(id: string | number | CouncilRecord): CouncilHealthCheck {
  const council = typeof id === "object" ? id : findCouncil(id);
  const neighbours = councilNeighbours(council).map((n) => n.council);
  const catalogue = healthCheckCatalogue();
  const years = councilYears(council);
  const metrics = PUBLISHED_METRICS.map((p): PublishedMetric => {
    const definition = p.metric ? catalogue.metrics.find((m) => m.id === p.metric) : undefined;
    const rows = years
      .map((year): PublishedMetricYear | null => {
        const f = councilFigures(council, year)[p.figure]!;
        const theirs = neighbours.map((n) => councilFigures(n, year)[p.figure]!.value).filter((v): v is number => typeof v === "number");
        const england = areaFigures("England", year)[p.figure]!.value;
        const value = typeof f.value === "number" ? f.value : null;
        // a year with nothing published for the figure anywhere (before the collection began) is not a row
        if (value === null && theirs.length === 0 && england === undefined && "missing" in f && f.missing === "[none]") return null;
        return {
          year,
          value,
          missing: value === null && "missing" in f ? `${f.missing}: ${f.reason}` : null,
          neighbours: theirs.length > 0 ? { median: median(theirs), count: theirs.length } : null,
          england: england ?? null,
          rating: definition ? rateMetric(value, definition.better, definition.green.value, definition.red.value) : null,
        };
      })
      .filter((r): r is PublishedMetricYear => r !== null);
    const any = councilFigures(council, years[years.length - 1]!)[p.figure]!;
    return {
      figure: p.figure,
      metric: p.metric,
      label: p.label,
      unit: p.unit,
      better: p.better,
      publication: any.publication.replace(/ \d{4}$/, ""),
      thresholds: definition ? thresholdsText(definition.green.value, definition.red.value, p.unit) : "not rated: the health check has no sourced threshold for it; compare with the neighbours and England",
      years: rows,
    };
  });
  // the health check proper, on the metrics it has: every workforce year, oldest first
  const filled = metrics.filter((m) => m.metric !== null);
  const workforceYears = [...new Set(filled.flatMap((m) => m.years.map((y) => y.year)))].sort((a, b) => a - b);
  const check = healthCheck({
    council: council.name,
    years: workforceYears.map((year) => ({
      year: String(year),
      values: Object.fromEntries(filled.map((m) => [m.metric!, m.years.find((y) => y.year === year)?.value ?? null])),
    })),
    thresholds: {},
  });
  return { council: council.name, ons: council.ons, dfe: council.dfe, neighbours: neighbours.map((n) => n.name), metrics, check };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function thresholdsText(green: number, red: number, unit: string): string {
  const show = (x: number) => (unit === "share" ? `${Number((x * 100).toFixed(2))}%` : String(x));
  return `green at or below ${show(green)}; amber up to ${show(red)}; red above ${show(red)} (the health check's thresholds)`;
}
