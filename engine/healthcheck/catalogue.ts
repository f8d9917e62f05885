import { models } from "../generated/models.js";
import type { Provenance } from "../scenario/types.js";

/**
 * The health check's metrics as data (models/healthcheck.yaml): the five areas, each metric's unit,
 * which way is better, its default red/amber/green thresholds and the England figures it is compared
 * with, every number with its source or its labelled assumption.
 */

export type Better = "lower" | "higher";

export type HealthCheckUnit =
  | "share"
  | "children per case-holder"
  | "sessions a month"
  | "ratio"
  | "working days"
  | "meetings a month"
  | "compliments per complaint";

export interface SourcedNumber {
  value: number;
  provenance: Provenance;
}

export interface MetricDefinition {
  id: string;
  label: string;
  unit: HealthCheckUnit;
  better: Better;
  /** One sentence: what is measured and how. */
  help: string;
  area: string;
  areaName: string;
  /** The default thresholds: green at or better than `green`; red worse than `red`; amber between. */
  green: SourcedNumber;
  red: SourcedNumber;
  /** England figures by DfE collection year ("2025": at 30 September 2025), oldest first. */
  england: { year: string; value: number; provenance: Provenance }[];
}

export interface AreaDefinition {
  id: string;
  name: string;
  metrics: string[];
}

export interface HealthCheckCatalogue {
  framework: { name: string; source: string };
  areas: AreaDefinition[];
  metrics: MetricDefinition[];
}

const UNITS: readonly HealthCheckUnit[] = ["share", "children per case-holder", "sessions a month", "ratio", "working days", "meetings a month", "compliments per complaint"];

let cached: HealthCheckCatalogue | undefined;

/** The metrics, areas and default thresholds of the health check. */
export function healthCheckCatalogue(): HealthCheckCatalogue {
  return (cached ??= readCatalogue(models.healthcheck));
}

/** Reads the catalogue file; a malformed one is a mistake in the shipped data, so a plain Error. */
function readCatalogue(raw: unknown): HealthCheckCatalogue {
  const fail = (where: string, why: string): never => {
    throw new Error(`models/healthcheck.yaml: ${where}: ${why}`);
  };
  const file = raw as { framework?: { name?: unknown; source?: unknown }; areas?: unknown };
  if (!file || typeof file !== "object") fail("", "missing");
  const framework = file.framework;
  if (!framework || typeof framework.name !== "string" || typeof framework.source !== "string") fail("framework", "needs a name and a source");
  if (!Array.isArray(file.areas)) fail("areas", "must be a list");
  const areas: AreaDefinition[] = [];
  const metrics: MetricDefinition[] = [];
  for (const [a, area] of (file.areas as Record<string, unknown>[]).entries()) {
    const where = `areas[${a}]`;
    if (typeof area.id !== "string" || typeof area.name !== "string" || !Array.isArray(area.metrics)) fail(where, "needs an id, a name and a list of metrics");
    const ids: string[] = [];
    for (const [m, metric] of (area.metrics as Record<string, unknown>[]).entries()) {
      const at = `${where}.metrics[${m}]`;
      const { id, label, unit, better, help } = metric;
      if (typeof id !== "string" || typeof label !== "string" || typeof help !== "string") fail(at, "needs an id, a label and a help text");
      if (!UNITS.includes(unit as HealthCheckUnit)) fail(at, `unit must be one of ${UNITS.join(", ")}`);
      if (better !== "lower" && better !== "higher") fail(at, 'better must be "lower" or "higher"');
      const green = sourced(metric.green, `${at}.green`, fail);
      const red = sourced(metric.red, `${at}.red`, fail);
      if (better === "lower" ? green.value > red.value : green.value < red.value) fail(at, `green (${green.value}) must be at least as good as red (${red.value})`);
      const england = Object.entries((metric.england ?? {}) as Record<string, unknown>)
        .map(([year, v]) => {
          if (!/^\d{4}$/.test(year)) fail(`${at}.england`, `years are written as the collection year, e.g. "2025", got "${year}"`);
          const n = sourced(v, `${at}.england.${year}`, fail);
          return { year, value: n.value, provenance: n.provenance };
        })
        .sort((x, y) => x.year.localeCompare(y.year));
      metrics.push({
        id: id as string,
        label: label as string,
        unit: unit as HealthCheckUnit,
        better: better as Better,
        help: help as string,
        area: area.id as string,
        areaName: area.name as string,
        green,
        red,
        england,
      });
      ids.push(id as string);
    }
    areas.push({ id: area.id as string, name: area.name as string, metrics: ids });
  }
  return { framework: { name: framework!.name as string, source: framework!.source as string }, areas, metrics };
}

function sourced(raw: unknown, where: string, fail: (where: string, why: string) => never): SourcedNumber {
  const r = raw as { value?: unknown; source?: unknown; assumption?: unknown } | undefined;
  if (!r || typeof r.value !== "number" || !Number.isFinite(r.value)) return fail(where, "must be { value, source } or { value, assumption }");
  const provenance: Provenance = {};
  if (typeof r.source === "string") provenance.source = r.source;
  if (typeof r.assumption === "string") provenance.assumption = r.assumption;
  if (!provenance.source && !provenance.assumption) fail(where, "needs a source or an assumption");
  return { value: r.value, provenance };
}
