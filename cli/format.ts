import { roundMoney } from "../engine/index.js";

/**
 * Formatting for people: money as £ with thousands separators, to the penny (rounded by the engine's
 * roundMoney, so a shown amount is the amount the JSON and CSV hold); percentages; aligned tables.
 * Other figures are rounded here for display only; the engine's objects keep their full values.
 */

/**
 * en-GB number formats, made once per pair of digit limits: `toLocaleString` builds a new formatter on
 * every call, which was a tenth of the CLI's run time for one comparison.
 */
const FORMATS = new Map<string, Intl.NumberFormat>();
function enGB(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits},${maximumFractionDigits}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-GB", { minimumFractionDigits, maximumFractionDigits });
    FORMATS.set(key, format);
  }
  return format;
}

/** £1,234,567.89: money to the penny, rounded half away from zero as the engine rounds it. */
export function formatMoney(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  const pounds = roundMoney(value);
  const sign = pounds < 0 ? "-" : "";
  return `${sign}£${enGB(2, 2).format(Math.abs(pounds))}`;
}

export function formatPercent(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return "n/a";
  return `${enGB(digits, digits).format(value * 100)}%`;
}

export function formatChangePercent(value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return "";
  return `${value > 0 ? "+" : ""}${formatPercent(value, digits)}`;
}

export function formatNumber(value: number, digits = 1, minDigits = digits): string {
  if (!Number.isFinite(value)) return "n/a";
  return enGB(minDigits, digits).format(value);
}

/** Formats a value by its unit (a figure's unit or a setting's), as a finance officer would read it. */
export function formatByUnit(value: number | string | boolean | null | undefined, unit: string | undefined): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return value;
  switch (unit) {
    case "£":
    case "£ a year":
      return formatMoney(value);
    case "share":
      return formatPercent(value);
    case "layers":
    case "teams":
    case "years":
    case "months":
    case "age":
    case "count":
    case "year":
      return formatNumber(value, 1, 0);
    case "children":
    case "families":
      return formatNumber(value, 1, 0);
    case "hours a week":
    case "children per family":
    case "multiple":
      return formatNumber(value, 2);
    case "ratio":
      // Below one (admin support per case-holder), a second digit keeps the figure from reading as 0.1.
      return Math.abs(value) < 1 ? formatNumber(value, 2) : formatNumber(value, 1);
    default:
      return formatNumber(value, 1);
  }
}

/**
 * A change in a figure, signed. A change in a share is in percentage points ("+9.0 pts"), so it is
 * not mistaken for the percentage change beside it.
 */
export function formatChange(change: number | null, unit: string): string {
  if (change === null || !Number.isFinite(change)) return "";
  const sign = change > 0 ? "+" : "";
  if (unit === "share") return `${sign}${formatNumber(change * 100, 1)} pts`;
  return `${sign}${formatByUnit(change, unit)}`;
}

export type Align = "left" | "right";

/** An aligned text table: a header row, a rule, then the rows. The first column is left-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? "").length)));
  const cell = (text: string, j: number) => ((align?.[j] ?? (j === 0 ? "left" : "right")) === "left" ? text.padEnd(widths[j]!) : text.padStart(widths[j]!));
  const line = (r: readonly string[]) => r.map((c, j) => cell(c ?? "", j)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Label and value pairs, labels padded so the values line up (right-aligned), indented by two. */
export function pairs(rows: readonly (readonly [string, string])[]): string {
  const labelWidth = Math.max(0, ...rows.map(([label]) => label.length));
  const valueWidth = Math.max(0, ...rows.map(([, value]) => value.length));
  return rows.map(([label, value]) => `  ${label.padEnd(labelWidth)}  ${value.padStart(valueWidth)}`.trimEnd()).join("\n");
}

/**
 * Text wrapped to `width` columns: the first line starts with `first`, the lines after it with
 * `indent`, so a label can hang to the left of its wrapped text.
 */
export function wrap(text: string, width = 100, indent = "", first = ""): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines.join("\n");
}

/** A value with its unit after it where the unit reads naturally there ("153.9 FTE", "14 children"). */
export function withUnit(value: number | string | boolean | null | undefined, unit: string | undefined): string {
  const shown = formatByUnit(value, unit);
  const silent = [undefined, "", "£", "£ a year", "share", "ratio", "age", "multiple", "count", "year", "yes/no"];
  return typeof value === "number" && !silent.includes(unit) ? `${shown} ${unit}` : shown;
}
