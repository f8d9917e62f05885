import { roundMoney, toWholePounds } from "../../../engine/index.js";

/**
 * How the pane shows the engine's figures: money in whole pounds with thousands separators, shares as
 * percentages, FTE and ratios to a sensible number of places. Formatting only: every number shown is
 * one the engine computed (money already rounded to the penny there). Where parts and their total are
 * shown together, the views allocate them with the engine's whole-pound allocation
 * (`allocateWholePounds`, `allocateTableWholePounds`) and show the allocated pounds with `pounds`.
 */

const GB = "en-GB";

function number(value: number, digits: number): string {
  return value.toLocaleString(GB, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A figure in its unit (the engine's FigureUnit or a setting's Unit). */
export function formatValue(value: number | string | boolean | null | undefined, unit: string | undefined, options: { pence?: boolean } = {}): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "—";
  switch (unit) {
    case "£":
    case "£ a year":
      return options.pence ? moneyWithPence(value) : money(value);
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

/** An amount in whole pounds, as the engine rounds it to the pound (the workbook keeps the pennies). */
export function money(value: number): string {
  return pounds(toWholePounds(value));
}

/** Whole pounds already allocated by the engine: £12,753,874. */
export function pounds(whole: number): string {
  const sign = whole < 0 ? "−" : "";
  return `${sign}£${Math.abs(whole).toLocaleString(GB, { maximumFractionDigits: 0 })}`;
}

/** A signed change in whole pounds: +£1,234 or −£56. */
export function poundsChange(whole: number): string {
  if (whole === 0) return "no change";
  return `${whole > 0 ? "+" : "−"}${pounds(Math.abs(whole))}`;
}

/** An amount to the penny, as the engine publishes it: £12,753,873.42. */
export function moneyWithPence(value: number): string {
  const v = roundMoney(value);
  const sign = v < 0 ? "−" : "";
  return `${sign}£${Math.abs(v).toLocaleString(GB, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
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
export function formatChange(change: number | null, unit: string, options: { pence?: boolean } = {}): string {
  if (change === null || !Number.isFinite(change)) return "—";
  if (change === 0) return "no change";
  const sign = change > 0 ? "+" : "−";
  const size = Math.abs(change);
  if (unit === "share") return `${sign}${number(size * 100, 1)} pts`;
  return `${sign}${formatValue(size, unit, options)}`;
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
  if (unit === "share") return "%";
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
