/**
 * Formatting for people: money as £ with thousands separators, percentages, aligned tables.
 * Figures are rounded here for display only; the engine's objects keep their full values.
 */

export function formatMoney(value: number): string {
  const sign = value < 0 ? "-" : "";
  return `${sign}£${Math.abs(value).toLocaleString("en-GB", { minimumFractionDigits: 0, maximumFractionDigits: 0 })}`;
}

export function formatPercent(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return "n/a";
  return `${(value * 100).toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
}

export function formatChangePercent(value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return "";
  return `${value > 0 ? "+" : ""}${formatPercent(value, digits)}`;
}

export function formatNumber(value: number, digits = 1): string {
  return value.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Formats a value by its unit, as a finance officer would read it. */
export function formatByUnit(value: number | string | boolean | null, unit: string): string {
  if (value === null) return "none";
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
      return formatNumber(value, 0);
    case "hours a week":
      return formatNumber(value, 2);
    default:
      return formatNumber(value, 1);
  }
}

export type Align = "left" | "right";

/** An aligned text table: a header row, a rule, then the rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? "").length)));
  const cell = (text: string, j: number) => ((align?.[j] ?? (j === 0 ? "left" : "right")) === "left" ? text.padEnd(widths[j]!) : text.padStart(widths[j]!));
  const line = (r: readonly string[]) => r.map((c, j) => cell(c ?? "", j)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
