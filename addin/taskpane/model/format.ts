/**
 * How the pane shows the engine's figures: money in pounds with thousands separators, shares as
 * percentages, FTE and ratios to a sensible number of places. Formatting only: every number shown is
 * one the engine computed (money already rounded to the penny there).
 */

const GB = "en-GB";

function number(value: number, digits: number): string {
  return value.toLocaleString(GB, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A figure in its unit (the engine's FigureUnit or a setting's Unit). */
export function formatValue(value: number | string | boolean | null | undefined, unit: string | undefined): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "—";
  switch (unit) {
    case "£":
    case "£ a year":
      return money(value);
    case "share":
      return `${number(value * 100, 1)}%`;
    case "FTE":
    case "teams":
      return number(value, 1);
    case "ratio":
    case "children per worker":
    case "children per family":
    case "multiple":
      return number(value, 2);
    case "hours a week":
      return number(value, 2);
    case "layers":
    case "count":
    case "years":
    case "months":
    case "age":
      return number(value, Number.isInteger(value) ? 0 : 1);
    case "children":
    case "families":
      return number(value, Number.isInteger(value) ? 0 : 1);
    default:
      return number(value, 2);
  }
}

/** Whole pounds for display (the workbook keeps the pennies). */
export function money(value: number): string {
  const sign = value < 0 ? "−" : "";
  return `${sign}£${Math.abs(value).toLocaleString(GB, { maximumFractionDigits: 0 })}`;
}

/** Compact pounds for chart axes and cards: £9.7m, £450k. */
export function moneyShort(value: number): string {
  const sign = value < 0 ? "−" : "";
  const v = Math.abs(value);
  if (v >= 1e6) return `${sign}£${number(v / 1e6, v >= 1e7 ? 1 : 2)}m`;
  if (v >= 1e3) return `${sign}£${number(v / 1e3, 0)}k`;
  return `${sign}£${number(v, 0)}`;
}

/** A change against the baseline: signed, in the figure's unit; shares change in percentage points. */
export function formatChange(change: number | null, unit: string): string {
  if (change === null || !Number.isFinite(change)) return "—";
  if (change === 0) return "no change";
  const sign = change > 0 ? "+" : "−";
  const size = Math.abs(change);
  if (unit === "share") return `${sign}${number(size * 100, 1)} pts`;
  return `${sign}${formatValue(size, unit)}`;
}

/** A relative change: +56.3%. */
export function formatPct(pct: number | null): string {
  if (pct === null || !Number.isFinite(pct)) return "—";
  if (pct === 0) return "0%";
  return `${pct > 0 ? "+" : "−"}${number(Math.abs(pct) * 100, 1)}%`;
}

/** What a setting's unit means beside an input box. */
export function unitLabel(unit: string | undefined): string {
  if (!unit) return "";
  if (unit === "share") return "share (0–1)";
  return unit;
}

/** Excel number formats for the same units, for the sheets the pane writes. */
export function excelFormat(unit: string | undefined): string {
  switch (unit) {
    case "£":
    case "£ a year":
      return "£#,##0;[Red]-£#,##0";
    case "share":
      return "0.0%";
    case "FTE":
    case "teams":
      return "#,##0.0";
    case "ratio":
    case "hours a week":
    case "children per worker":
    case "children per family":
    case "multiple":
      return "#,##0.00";
    case "children":
    case "families":
    case "layers":
    case "count":
    case "years":
    case "months":
    case "age":
      return "#,##0";
    default:
      return "General";
  }
}
