import { comparisonOnlyFigures, resultFigures, type Comparison, type Result } from "../engine/index.js";
import type { Output } from "./command.js";

/**
 * The tidy table every command's --csv writes: one row a figure of a scenario (figure, scenario,
 * value, unit), so that results from several runs stack into one sheet or data frame. Values are
 * the engine's own (money already to the penny); a comparison's own figures carry the scenario
 * "<option> vs <baseline>".
 */

export type CsvRow = NonNullable<Output["csv"]>[number];

export const TIDY_HEADER: CsvRow = ["figure", "scenario", "value", "unit"];

/** Every figure of one result. */
export function resultRows(result: Result): CsvRow[] {
  return resultFigures(result).map((f) => [f.figure, result.scenario.id, f.value, f.unit]);
}

/** The baseline's figures once, then each option's, then each comparison's own figures. */
export function comparisonRows(comparisons: readonly Comparison[]): CsvRow[] {
  const rows: CsvRow[] = [];
  comparisons.forEach((c, i) => {
    if (i === 0) rows.push(...resultRows(c.baseline));
    rows.push(...resultRows(c.option));
    for (const f of comparisonOnlyFigures(c)) rows.push([f.figure, comparisonName(c), f.value, f.unit]);
  });
  return rows;
}

/** How a comparison is named in the scenario column. */
export function comparisonName(c: Comparison): string {
  return `${c.option.scenario.id} vs ${c.baseline.scenario.id}`;
}
