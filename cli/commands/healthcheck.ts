import { readTextFile } from "../../node/files.js";
import { healthCheck, parseHealthCheckText, ScenarioError, type HealthCheck, type MetricResult } from "../../engine/index.js";
import { councilHealthCheck, type CouncilHealthCheck } from "../../engine/councils/index.js";
import { UsageError } from "../args.js";
import { COMMON_OPTIONS, type Command } from "../command.js";
import { formatNumber, formatPercent, table } from "../format.js";

/**
 * `socialcare healthcheck <file.json|csv>`: the workforce health check of a council's metrics, rated
 * against the thresholds, set against England, with the trend over the years in the file.
 */
export const healthcheck: Command = {
  name: "healthcheck",
  summary: "rate a council's workforce metrics red/amber/green against thresholds and England, with the trend",
  usage: "socialcare healthcheck <file.json|file.csv> | --council <name>",
  example: "socialcare healthcheck our-council.csv   (CSV: metric,2023,2024,2025[,green,red], one row per metric)",
  options: [{ name: "council", value: true, placeholder: "name", help: "fill the health check from a council's published statistics, beside its statistical neighbours and England" }, ...COMMON_OPTIONS],
  run(args) {
    const [file, ...extra] = args.positionals;
    const council = args.options.council;
    if (typeof council === "string") {
      if (file) throw new UsageError("healthcheck takes a file or --council, not both");
      const filled = councilHealthCheck(council);
      return { text: describePublished(filled), json: filled, csv: tidyPublished(filled) };
    }
    if (!file) throw new UsageError("healthcheck needs a file of metrics (.json or .csv), or --council <name>");
    if (extra.length > 0) throw new UsageError(`healthcheck takes one file, got ${args.positionals.length}`);
    const text = readTextFile(file, "health-check file");
    const check = healthCheck(parseHealthCheckText(text, file));
    return { text: describe(check, file), json: check, csv: tidy(check) };
  },
};

function value(v: number | null, unit: string): string {
  if (v === null) return "missing";
  return unit === "share" ? formatPercent(v) : formatNumber(v, unit === "children per case-holder" ? 1 : 2);
}

function ratingWord(rating: string): string {
  return rating === "missing" ? "MISSING" : rating.toUpperCase();
}

function describe(check: HealthCheck, file: string): string {
  const lines: string[] = [];
  lines.push(`${check.framework.name}: ${check.council ?? file}, ${check.latestYear}${check.years.length > 1 ? ` (trend over ${check.years.join(", ")})` : ""}`);
  lines.push(`Overall: ${ratingWord(check.overall)}`);
  for (const area of check.areas) {
    lines.push("", `${area.name}: ${ratingWord(area.rating)}`);
    const own = check.metrics.filter((m) => m.area === area.area);
    const rows = own.map((m) => [
      m.label,
      value(m.value, m.unit),
      ratingWord(m.rating),
      m.england === null ? "" : `${value(m.england, m.unit)}${m.englandYear !== collection(m.year) ? ` (${m.englandYear})` : ""}`,
      m.position ?? "",
      trendText(m),
    ]);
    lines.push(table(["Metric", "Value", "Rating", "England", "Against England", "Trend"], rows));
  }
  if (check.missing.length > 0) lines.push("", `Missing in ${check.latestYear} (not scored): ${check.metrics.filter((m) => m.rating === "missing").map((m) => m.label).join("; ")}`);
  lines.push("", "Thresholds:");
  for (const m of check.metrics) lines.push(`  ${m.label}: ${m.thresholds.text}`);
  return lines.join("\n");
}

function collection(year: string): string {
  return year.slice(0, 4);
}

function trendText(m: MetricResult): string {
  if (m.trend.length < 2 || m.trend.every((t) => t.value === null)) return "";
  const series = m.trend.map((t) => (t.value === null ? "–" : value(t.value, m.unit))).join(" → ");
  return m.direction ? `${series} (${m.direction})` : series;
}

function tidy(check: HealthCheck): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [["metric", "area", "year", "value", "unit", "rating", "england", "england_year", "against_england"]];
  for (const m of check.metrics) {
    for (const t of m.trend) rows.push([m.metric, m.area, t.year, t.value, m.unit, t.rating, t.england, t.englandYear, t.position]);
  }
  for (const a of check.areas) rows.push([`area.${a.area}`, a.area, check.latestYear, null, "rating", a.rating, null, null, null]);
  rows.push(["overall", null, check.latestYear, null, "rating", check.overall, null, null, null]);
  return rows;
}

/** The health check filled from the statistics: each metric by year, beside the neighbours and England. */
function describePublished(h: CouncilHealthCheck): string {
  const lines = [
    `Workforce health check from the published statistics: ${h.council} (ONS ${h.ons}; DfE ${h.dfe})`,
    `Statistical neighbours (DfE, 2025): ${h.neighbours.join("; ")}`,
    `Overall, on the metrics the statistics give (${h.check.latestYear}): ${ratingWord(h.check.overall)}; the others (supervision, IT, meetings, surveys…) are not published, so a council adds them from its own records.`,
  ];
  for (const m of h.metrics) {
    lines.push("", `${m.label} (${m.publication}); ${m.thresholds}`);
    const rows = m.years.map((y) => [
      String(y.year),
      y.value === null ? (y.missing ?? "missing").split(":")[0]! : value(y.value, m.unit),
      y.neighbours ? `${value(y.neighbours.median, m.unit)} (${y.neighbours.count})` : "",
      y.england === null ? "" : value(y.england, m.unit),
      y.rating === null ? "" : ratingWord(y.rating),
    ]);
    lines.push(table(["Year", h.council, "Neighbours: median (n)", "England", "Rating"], rows));
  }
  lines.push("", "A symbol (c, x, low…) is a figure the publication did not give: missing, never 0 (docs/data.md).");
  return lines.join("\n");
}

function tidyPublished(h: CouncilHealthCheck): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [["council", "figure", "metric", "year", "value", "missing", "neighbours_median", "neighbours_count", "england", "rating"]];
  for (const m of h.metrics) {
    for (const y of m.years) rows.push([h.council, m.figure, m.metric, y.year, y.value, y.missing, y.neighbours?.median ?? null, y.neighbours?.count ?? null, y.england, y.rating]);
  }
  return rows;
}
