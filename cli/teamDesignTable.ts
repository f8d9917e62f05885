import { teamDesignsSideBySide, type TeamDesign, type TeamDesignComparison } from "../engine/index.js";
import { formatByUnit, formatMoney, formatNumber, formatPercent, table } from "./format.js";

/**
 * The team-design indicators as the CLI shows them: an aligned table with one column per scenario
 * (and the change from the first when there are several), and tidy CSV rows. Display only: every
 * number comes from the engine's teamDesign.
 */

function show(value: number | null, unit: string): string {
  if (value === null) return "not stated";
  switch (unit) {
    case "£ a year":
      return formatMoney(value);
    case "share":
      return formatPercent(value);
    case "layers":
      return formatNumber(value, 0);
    case "ratio":
    case "hours a month":
      return formatNumber(value, 2);
    default:
      return formatByUnit(value, unit);
  }
}

function showChange(value: number | null, unit: string): string {
  if (value === null) return "";
  if (unit === "share") return `${value > 0 ? "+" : ""}${formatNumber(value * 100, 1)} pts`;
  const text = show(value, unit);
  return value > 0 ? `+${text}` : text;
}

/** The indicators of one or more scenarios as a titled text table. */
export function teamDesignText(designs: readonly TeamDesign[]): string {
  const side: TeamDesignComparison = teamDesignsSideBySide(designs);
  const several = designs.length > 1;
  const header = ["Team design", ...side.scenarios.map((s) => s.id), ...(several ? side.scenarios.slice(1).map((s) => `${s.id} change`) : [])];
  const rows = side.rows.map((r) => [r.label, ...r.values.map((v) => show(v, r.unit)), ...(several ? r.changes.slice(1).map((c) => showChange(c, r.unit)) : [])]);
  const notes = designs.flatMap((d) => d.indicators.filter((i) => i.note).map((i) => `  ${d.scenario.id}: ${i.label}: ${i.note}`));
  return [table(header, rows), ...(notes.length ? ["", "Not stated:", ...notes] : [])].join("\n");
}

/** Tidy CSV rows (figure, scenario, value, unit), figures named `teamDesign.<indicator>`, without a header. */
export function teamDesignCsvRows(designs: readonly TeamDesign[]): (string | number | null)[][] {
  return designs.flatMap((d) => d.indicators.map((i) => [`teamDesign.${i.indicator}`, d.scenario.id, i.value, i.unit]));
}
