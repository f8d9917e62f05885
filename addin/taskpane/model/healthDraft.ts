import { healthCheckCatalogue, readHealthCheckTable, ScenarioError, type HealthCheckInput, type Issue } from "../../../engine/index.js";

/**
 * A council's health check metrics as the user enters them in the pane: the text typed for each
 * metric in each year (exactly as typed, "14.2%" or "0.142", blank for missing), kept in the
 * workbook's document settings like the scenario library, so they come back when it is reopened.
 * The engine reads the draft as the table `socialcare healthcheck` reads from a CSV file.
 */

export const HEALTH_SETTING = "socialcare.healthcheck";
export const HEALTH_VERSION = 1;

export interface HealthDraft {
  version: number;
  council: string;
  /** Years in the order shown, oldest first ("2024", or "2024/25"). */
  years: string[];
  /** Text typed per metric id, per year. */
  values: Record<string, Record<string, string>>;
  /** Threshold overrides by metric id (from an imported file). */
  thresholds: Record<string, { green?: number; red?: number }>;
}

export function emptyHealthDraft(): HealthDraft {
  return { version: HEALTH_VERSION, council: "", years: [], values: {}, thresholds: {} };
}

/** A draft read back from document settings; anything unreadable is dropped, not fatal. */
export function readHealthDraft(stored: unknown): HealthDraft {
  const draft = emptyHealthDraft();
  if (!stored || typeof stored !== "object") return draft;
  const raw = stored as Partial<HealthDraft>;
  if (typeof raw.council === "string") draft.council = raw.council;
  if (Array.isArray(raw.years)) draft.years = raw.years.filter((y): y is string => typeof y === "string");
  if (raw.values && typeof raw.values === "object") {
    for (const [metric, byYear] of Object.entries(raw.values)) {
      if (!byYear || typeof byYear !== "object") continue;
      draft.values[metric] = Object.fromEntries(Object.entries(byYear).filter(([, v]) => typeof v === "string")) as Record<string, string>;
    }
  }
  if (raw.thresholds && typeof raw.thresholds === "object") draft.thresholds = raw.thresholds;
  return draft;
}

/** Whether anything has been entered. */
export function hasValues(draft: HealthDraft): boolean {
  return draft.years.length > 0 && Object.values(draft.values).some((byYear) => draft.years.some((y) => (byYear[y] ?? "").trim() !== ""));
}

/** The draft as the table of cells the engine reads: `metric, <year>, …`, then a row per metric. */
export function draftTable(draft: HealthDraft): string[][] {
  return [["metric", ...draft.years], ...healthCheckCatalogue().metrics.map((m) => [m.id, ...draft.years.map((y) => draft.values[m.id]?.[y] ?? "")])];
}

export function setValue(draft: HealthDraft, metric: string, year: string, text: string): HealthDraft {
  return { ...draft, values: { ...draft.values, [metric]: { ...draft.values[metric], [year]: text } } };
}

/** Adds a year (kept in order); a year already there, or not written as a year, is refused with the reason. */
export function addYear(draft: HealthDraft, year: string): HealthDraft {
  const y = year.trim();
  if (!/^\d{4}(\/\d{2})?$/.test(y)) throw new Error(`a year is written like 2025 or 2025/26, got "${year}"`);
  if (draft.years.some((x) => x.slice(0, 4) === y.slice(0, 4))) throw new Error(`${y} is already there`);
  const years = [...draft.years, y].sort((a, b) => a.slice(0, 4).localeCompare(b.slice(0, 4)));
  return { ...draft, years };
}

/** Removes a year and what was typed for it (the caller offers an undo). */
export function removeYear(draft: HealthDraft, year: string): HealthDraft {
  const values = Object.fromEntries(Object.entries(draft.values).map(([m, byYear]) => [m, Object.fromEntries(Object.entries(byYear).filter(([y]) => y !== year))]));
  return { ...draft, years: draft.years.filter((y) => y !== year), values };
}

/** A draft from a file the engine has read (CSV or JSON, as `socialcare healthcheck` takes). */
export function draftFromInput(input: HealthCheckInput): HealthDraft {
  const draft = emptyHealthDraft();
  draft.council = input.council ?? "";
  draft.years = input.years.map((y) => y.year);
  for (const { year, values } of input.years) {
    for (const [metric, value] of Object.entries(values)) {
      draft.values[metric] ??= {};
      draft.values[metric]![year] = value === null ? "" : String(value);
    }
  }
  draft.thresholds = input.thresholds;
  return draft;
}

/** A field's key in the problems map. */
export const fieldKey = (metric: string, year: string) => `${metric}|${year}`;

/**
 * Checks the draft with the engine's reader: problems by field (metric and year) where the engine
 * names one, and the rest on their own.
 */
export function checkHealthDraft(draft: HealthDraft): { ok: true } | { ok: false; byField: Record<string, string>; other: Issue[] } {
  try {
    readHealthCheckTable(draftTable(draft));
    return { ok: true };
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const byField: Record<string, string> = {};
    const other: Issue[] = [];
    for (const issue of error.issues) {
      const at = /\(([A-Za-z]+), ([\d/]+)\)$/.exec(issue.path);
      if (at) byField[fieldKey(at[1]!, at[2]!)] = issue.reason;
      else other.push(issue);
    }
    return { ok: false, byField, other };
  }
}
