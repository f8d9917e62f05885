import { ScenarioError, type Issue } from "../errors.js";
import { closeMatches } from "../names.js";
import { isFinancialYear } from "../years.js";
import { healthCheckCatalogue, type MetricDefinition } from "./catalogue.js";

/**
 * A council's health check metrics, read from what a user has: a JSON object, a table of cells (an
 * Excel range, a CSV file) or the text of either. Every problem is collected and reported at once,
 * as path and reason. A blank cell, null, "n/a" or "-" means the metric is missing for that year,
 * and stays missing: it is never filled in or scored.
 */

export interface HealthCheckInput {
  council: string | null;
  /** Years in order, oldest first, each with its values by metric id (null: missing). */
  years: { year: string; values: Record<string, number | null> }[];
  /** Threshold overrides by metric id. */
  thresholds: Record<string, { green?: number; red?: number }>;
}

const MISSING_WORDS = ["", "-", "n/a", "na", "missing", "not known"];

/** The DfE collection year a council year is compared with: "2025/26" and "2025" both give "2025". */
export function collectionYear(year: string): string {
  return year.slice(0, 4);
}

function metricByName(name: string): MetricDefinition | undefined {
  const wanted = name.trim().toLowerCase();
  return healthCheckCatalogue().metrics.find((m) => m.id.toLowerCase() === wanted || m.label.toLowerCase() === wanted);
}

function unknownMetric(name: string): string {
  const ids = healthCheckCatalogue().metrics.map((m) => m.id);
  const near = closeMatches(name, ids);
  return `unknown metric${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : ""} (metrics: ${ids.join(", ")})`;
}

/** A cell or JSON value as a number for `metric`, null for missing, or the reason it is not usable. */
function readValue(raw: unknown, metric: MetricDefinition): number | null | { problem: string } {
  if (raw === null || raw === undefined) return null;
  let value: number;
  if (typeof raw === "number") value = raw;
  else if (typeof raw === "string") {
    const text = raw.trim();
    if (MISSING_WORDS.includes(text.toLowerCase())) return null;
    const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(text);
    // Written as a percentage: shift the decimal point in the text, so "14.2%" is exactly 0.142.
    value = percent ? Number(`${percent[1]}e-2`) : /^-?\d+(?:\.\d+)?(?:e-?\d+)?$/i.test(text.replace(/,/g, "")) ? Number(text.replace(/,/g, "")) : NaN;
    if (Number.isNaN(value)) return { problem: `must be a number${metric.unit === "share" ? " or a percentage such as 14.2%" : ""}, got ${JSON.stringify(text)}` };
  } else return { problem: `must be a number, got ${typeof raw}` };
  if (!Number.isFinite(value)) return { problem: `must be a finite number, got ${value}` };
  if (value < 0) return { problem: `must be at least 0, got ${value}` };
  if (metric.unit === "share" && value > 1) return { problem: `is a share, so must be between 0 and 1 (write 14.2% or 0.142), got ${value}` };
  return value;
}

function checkYear(year: string): string | undefined {
  if (/^\d{4}$/.test(year)) return undefined;
  if (isFinancialYear(year)) return undefined;
  return `a year must be written like "2025" (the DfE collection at 30 September) or "2025/26", got ${JSON.stringify(year)}`;
}

/** Checks a threshold override against the metric's direction (the default fills a side not given). */
function checkThresholds(metric: MetricDefinition, override: { green?: number; red?: number }, path: string, issues: Issue[]): void {
  const green = override.green ?? metric.green.value;
  const red = override.red ?? metric.red.value;
  const ok = metric.better === "lower" ? green <= red : green >= red;
  if (!ok) {
    issues.push({
      path,
      reason: `${metric.better} is better for ${metric.id}, so green (${green}) must be ${metric.better === "lower" ? "at or below" : "at or above"} red (${red})`,
    });
  }
}

/**
 * Reads a health check from a JSON-shaped object:
 * `{ council?, years: { "2024": { vacancyRate: 0.16, … }, … }, thresholds?: { vacancyRate: { green, red } } }`.
 */
export function readHealthCheckObject(raw: unknown): HealthCheckInput {
  const issues: Issue[] = [];
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new ScenarioError([{ path: "", reason: "must be a group with years of metrics" }], "health check");
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!["council", "years", "thresholds"].includes(key)) {
      const near = closeMatches(key, ["council", "years", "thresholds"]);
      issues.push({ path: key, reason: `unknown setting${near.length ? `; did you mean "${near[0]}"?` : ""} (allowed: council, years, thresholds)` });
    }
  }
  let council: string | null = null;
  if (record.council !== undefined && record.council !== null) {
    if (typeof record.council !== "string") issues.push({ path: "council", reason: "must be text" });
    else council = record.council;
  }
  const years: HealthCheckInput["years"] = [];
  const rawYears = record.years;
  if (rawYears === null || typeof rawYears !== "object" || Array.isArray(rawYears)) {
    issues.push({ path: "years", reason: 'must be a group of years, e.g. { "2025": { "vacancyRate": 0.142 } }' });
  } else {
    for (const [year, metrics] of Object.entries(rawYears as Record<string, unknown>)) {
      const yearProblem = checkYear(year);
      if (yearProblem) {
        issues.push({ path: `years.${year}`, reason: yearProblem });
        continue;
      }
      if (metrics === null || typeof metrics !== "object" || Array.isArray(metrics)) {
        issues.push({ path: `years.${year}`, reason: "must be a group of metrics and their values" });
        continue;
      }
      const values: Record<string, number | null> = {};
      for (const [name, value] of Object.entries(metrics as Record<string, unknown>)) {
        const metric = metricByName(name);
        if (!metric) {
          issues.push({ path: `years.${year}.${name}`, reason: unknownMetric(name) });
          continue;
        }
        const read = readValue(value, metric);
        if (read !== null && typeof read === "object") issues.push({ path: `years.${year}.${name}`, reason: read.problem });
        else values[metric.id] = read;
      }
      years.push({ year, values });
    }
  }
  const thresholds = record.thresholds === undefined ? {} : readThresholds(record.thresholds, "thresholds", issues);
  return finish({ council, years, thresholds }, issues);
}

/** Threshold overrides by metric: `{ vacancyRate: { green: 0.12, red: 0.2 } }` (either side may be left out). */
function readThresholds(raw: unknown, path: string, issues: Issue[], checkOrder = true): HealthCheckInput["thresholds"] {
  const thresholds: HealthCheckInput["thresholds"] = {};
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    issues.push({ path, reason: 'must be a group of metrics, e.g. { "vacancyRate": { "green": 0.12, "red": 0.2 } }' });
    return thresholds;
  }
  for (const [name, given] of Object.entries(raw as Record<string, unknown>)) {
    const metric = metricByName(name);
    if (!metric) {
      issues.push({ path: `${path}.${name}`, reason: unknownMetric(name) });
      continue;
    }
    if (given === null || typeof given !== "object" || Array.isArray(given)) {
      issues.push({ path: `${path}.${name}`, reason: "must be { green, red } (either may be left out)" });
      continue;
    }
    const override: { green?: number; red?: number } = {};
    for (const [side, value] of Object.entries(given as Record<string, unknown>)) {
      if (side !== "green" && side !== "red") {
        issues.push({ path: `${path}.${name}.${side}`, reason: "unknown threshold (allowed: green, red)" });
        continue;
      }
      const read = readValue(value, metric);
      if (read === null) issues.push({ path: `${path}.${name}.${side}`, reason: "must be a number" });
      else if (typeof read === "object") issues.push({ path: `${path}.${name}.${side}`, reason: read.problem });
      else override[side] = read;
    }
    if (checkOrder) checkThresholds(metric, override, `${path}.${name}`, issues);
    thresholds[metric.id] = override;
  }
  return thresholds;
}

/**
 * Threshold overrides given on their own (beside the metrics); every problem is reported at once.
 * `checkOrder: false` leaves the green-against-red check to a later merge with other overrides.
 */
export function readThresholdOverrides(raw: unknown, options: { checkOrder?: boolean } = {}): HealthCheckInput["thresholds"] {
  const issues: Issue[] = [];
  const thresholds = readThresholds(raw, "thresholds", issues, options.checkOrder ?? true);
  if (issues.length > 0) throw new ScenarioError(issues, "health check");
  return thresholds;
}

/**
 * Reads a health check from a table of cells (an Excel range, a parsed CSV): a header row
 * `metric, <year>, <year>, …` with optional `green` and `red` columns for threshold overrides, then
 * one row per metric (its id or its label). Empty rows are skipped.
 */
export function readHealthCheckTable(cells: readonly (readonly unknown[])[]): HealthCheckInput {
  const issues: Issue[] = [];
  const rows = cells.filter((row) => row.some((c) => c !== null && c !== undefined && String(c).trim() !== ""));
  if (rows.length === 0) throw new ScenarioError([{ path: "", reason: "is empty: it needs a header row (metric, then years) and a row for each metric" }], "health check");
  const header = rows[0]!.map((c) => (c === null || c === undefined ? "" : String(c).trim()));
  if (header[0]!.toLowerCase() !== "metric") issues.push({ path: "row 1, column 1", reason: `the header row must start with "metric", got ${JSON.stringify(header[0])}` });
  const yearColumns: { column: number; year: string }[] = [];
  let greenColumn = -1;
  let redColumn = -1;
  const seen = new Set<string>();
  header.slice(1).forEach((cell, k) => {
    const column = k + 1;
    const name = cell.toLowerCase();
    if (name === "green") greenColumn = column;
    else if (name === "red") redColumn = column;
    else if (name === "unit" || name === "") return;
    else {
      const problem = checkYear(cell);
      if (problem) issues.push({ path: `row 1, column ${column + 1}`, reason: `${problem} (or "green", "red")` });
      else if (seen.has(cell)) issues.push({ path: `row 1, column ${column + 1}`, reason: `the year ${cell} is given twice` });
      else {
        seen.add(cell);
        yearColumns.push({ column, year: cell });
      }
    }
  });
  const years: HealthCheckInput["years"] = yearColumns.map((y) => ({ year: y.year, values: {} }));
  const thresholds: HealthCheckInput["thresholds"] = {};
  const metricsSeen = new Map<string, number>();
  rows.slice(1).forEach((row) => {
    const line = cells.indexOf(row) + 1;
    const name = row[0] === null || row[0] === undefined ? "" : String(row[0]).trim();
    const metric = metricByName(name);
    if (!metric) {
      issues.push({ path: `row ${line}, column 1`, reason: name ? `${JSON.stringify(name)}: ${unknownMetric(name)}` : "needs a metric name" });
      return;
    }
    if (metricsSeen.has(metric.id)) {
      issues.push({ path: `row ${line}, column 1`, reason: `${metric.id} is already given in row ${metricsSeen.get(metric.id)}` });
      return;
    }
    metricsSeen.set(metric.id, line);
    // A value in a column with no heading would otherwise be dropped without a word.
    for (let column = 1; column < row.length; column++) {
      const cell = row[column];
      if (cell === null || cell === undefined || String(cell).trim() === "") continue;
      if (column >= header.length || header[column] === "") {
        issues.push({ path: `row ${line}, column ${column + 1} (${metric.id})`, reason: `${JSON.stringify(String(cell).trim())} is in a column with no heading; head it with a year, "green" or "red", or clear it` });
      }
    }
    yearColumns.forEach((y, i) => {
      const read = readValue(row[y.column], metric);
      if (read !== null && typeof read === "object") issues.push({ path: `row ${line}, column ${y.column + 1} (${metric.id}, ${y.year})`, reason: read.problem });
      else years[i]!.values[metric.id] = read;
    });
    const override: { green?: number; red?: number } = {};
    for (const [side, column] of [["green", greenColumn], ["red", redColumn]] as const) {
      if (column < 0) continue;
      const read = readValue(row[column], metric);
      if (read !== null && typeof read === "object") issues.push({ path: `row ${line}, column ${column + 1} (${metric.id}, ${side})`, reason: read.problem });
      else if (read !== null) override[side] = read;
    }
    if (override.green !== undefined || override.red !== undefined) {
      checkThresholds(metric, override, `row ${line} (${metric.id})`, issues);
      thresholds[metric.id] = override;
    }
  });
  return finish({ council: null, years, thresholds }, issues);
}

function finish(input: HealthCheckInput, issues: Issue[]): HealthCheckInput {
  if (input.years.length === 0 && !issues.some((i) => i.path === "years")) issues.push({ path: "years", reason: "needs at least one year of metrics" });
  const byCollection = new Map<string, string>();
  for (const { year } of input.years) {
    const key = collectionYear(year);
    const other = byCollection.get(key);
    if (other !== undefined) issues.push({ path: `years.${year}`, reason: `"${year}" and "${other}" are the same year` });
    byCollection.set(key, year);
  }
  if (issues.length > 0) throw new ScenarioError(issues, "health check");
  input.years.sort((a, b) => collectionYear(a.year).localeCompare(collectionYear(b.year)));
  return input;
}

/** Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const source = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (quoted) throw new ScenarioError([{ path: `row ${rows.length + 1}`, reason: "a quoted cell is not closed" }], "health check");
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Reads health check text: JSON (an object as `readHealthCheckObject` takes) or CSV (a table as `readHealthCheckTable` takes). */
export function parseHealthCheckText(text: string, source?: string): HealthCheckInput {
  const where = source ? `${source}: ` : "";
  const json = source ? /\.json$/i.test(source) : /^\s*\{/.test(text);
  if (json) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new ScenarioError([{ path: "", reason: `${where}is not valid JSON: ${(error as Error).message}` }], "health check");
    }
    return readHealthCheckObject(raw);
  }
  return readHealthCheckTable(parseCsv(text));
}
