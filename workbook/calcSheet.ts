import { ref, sumChain, type Expr } from "./formula.js";
import type { Cell, Format, Sheet } from "./grid.js";

/**
 * A calculation sheet laid out as the FAST standard asks: one rule per row, a label and a unit on
 * the left, a value column for figures that are not by year (or a row's total), then the financial
 * years across the columns, one timeline for the whole sheet.
 */

export const CALC_COLUMNS = { label: 0, unit: 1, value: 2, firstYear: 3 } as const;

export class CalcSheet {
  constructor(
    readonly sheet: Sheet,
    /** The timeline: financial years, one a column from CALC_COLUMNS.firstYear. */
    readonly years: readonly string[],
    title: string,
    note: string,
  ) {
    sheet.put(0, 0, { value: title, style: "title" });
    sheet.put(1, 0, { value: note, style: "note" });
    const header = 3;
    sheet.put(header, CALC_COLUMNS.label, { value: "Line item", style: "header" });
    sheet.put(header, CALC_COLUMNS.unit, { value: "Unit", style: "header" });
    sheet.put(header, CALC_COLUMNS.value, { value: "Value or total", style: "header" });
    years.forEach((y, i) => sheet.put(header, CALC_COLUMNS.firstYear + i, { value: y, style: "header" }));
    sheet.nextRow = header + 1;
    sheet.freeze = { rows: header + 1, cols: CALC_COLUMNS.value + 1 };
    Object.assign(sheet.widths, { 0: 58, 1: 16, 2: 18 });
    years.forEach((_, i) => (sheet.widths[CALC_COLUMNS.firstYear + i] = 15));
  }

  colOf(year: string): number {
    const i = this.years.indexOf(year);
    if (i < 0) throw new Error(`the timeline has no ${year}`);
    return CALC_COLUMNS.firstYear + i;
  }

  section(title: string, note?: string): void {
    const row = this.sheet.takeRow(1);
    this.sheet.put(row, 0, { value: title, style: "section" });
    if (note) this.sheet.put(this.sheet.takeRow(), 0, { value: note, style: "note" });
  }

  group(title: string): void {
    this.sheet.put(this.sheet.takeRow(), 0, { value: title, style: "group" });
  }

  /** A rule with one value (not by year). */
  scalar(label: string, unit: string, formula: Expr, format: Format): Cell {
    const row = this.sheet.takeRow();
    this.sheet.put(row, CALC_COLUMNS.label, { value: label, style: "label" });
    this.sheet.put(row, CALC_COLUMNS.unit, { value: unit, style: "unit" });
    return this.sheet.put(row, CALC_COLUMNS.value, { formula, format, style: "calc" });
  }

  /** A rule whose formula is set later (it refers to rows further down). */
  reserve(label: string, unit: string, format: Format): Cell {
    const row = this.sheet.takeRow();
    this.sheet.put(row, CALC_COLUMNS.label, { value: label, style: "label" });
    this.sheet.put(row, CALC_COLUMNS.unit, { value: unit, style: "unit" });
    return this.sheet.put(row, CALC_COLUMNS.value, { format, style: "calc" });
  }

  /** A constant the export counted from the structure (layers), shown as a value, not a formula. */
  constant(label: string, unit: string, value: number, format: Format): Cell {
    const row = this.sheet.takeRow();
    this.sheet.put(row, CALC_COLUMNS.label, { value: label, style: "label" });
    this.sheet.put(row, CALC_COLUMNS.unit, { value: unit, style: "unit" });
    return this.sheet.put(row, CALC_COLUMNS.value, { value, format, style: "input" });
  }

  /**
   * A rule by year: `cell(k, prev)` gives the formula for the k-th of `years` (prev: the cell before
   * it in the row). The value column holds `total` when given: "sum" adds the years left to right.
   */
  timeline(label: string, unit: string, years: readonly string[], cell: (k: number, prev: Cell | undefined) => Expr, format: Format, total?: "sum" | ((cells: Cell[]) => Expr)): { cells: Cell[]; total?: Cell } {
    const row = this.sheet.takeRow();
    this.sheet.put(row, CALC_COLUMNS.label, { value: label, style: "label" });
    this.sheet.put(row, CALC_COLUMNS.unit, { value: unit, style: "unit" });
    const cells: Cell[] = [];
    years.forEach((year, k) => {
      cells.push(this.sheet.put(row, this.colOf(year), { formula: cell(k, cells[k - 1]), format, style: "calc" }));
    });
    if (!total) return { cells };
    const formula = total === "sum" ? sumChain(cells.map(ref)) : total(cells);
    return { cells, total: this.sheet.put(row, CALC_COLUMNS.value, { formula, format, style: "calc" }) };
  }
}
