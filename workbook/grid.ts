import { evaluate, type CellAddress, type Expr, type Value } from "./formula.js";

/**
 * The workbook before it is written: sheets of cells, each a value or a formula tree with a format
 * and a style, and the workbook's defined names. Kept apart from exceljs so the layout can be built,
 * evaluated (for the cached values) and tested without a file.
 */

export type Format =
  | "money"
  | "pennies"
  | "fte"
  | "share"
  | "ratio"
  | "number"
  | "integer"
  | "factor"
  | "hours"
  | "text"
  | "bool";

export type Style = "title" | "subtitle" | "note" | "header" | "section" | "group" | "label" | "unit" | "input" | "calc" | "output" | "headline" | "check" | "master" | "key" | "source";

export interface Cell extends CellAddress {
  value?: Value;
  formula?: Expr;
  format?: Format;
  style?: Style;
}

export class Sheet {
  readonly cells = new Map<string, Cell>();
  /** The next free row (0-based). */
  nextRow = 0;
  readonly widths: Record<number, number> = {};
  /** Rows and columns kept in view (frozen headers). */
  freeze: { rows: number; cols: number } = { rows: 0, cols: 0 };
  /** Column count used, for the writer. */
  maxCol = 0;
  constructor(readonly name: string) {}

  put(row: number, col: number, spec: Omit<Cell, "sheetName" | "row" | "col">): Cell {
    const cell: Cell = { sheetName: this.name, row, col, ...spec };
    this.cells.set(`${row},${col}`, cell);
    if (row >= this.nextRow) this.nextRow = row + 1;
    if (col > this.maxCol) this.maxCol = col;
    return cell;
  }

  get(row: number, col: number): Cell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  /** Takes the next row, leaving `gap` empty rows before it. */
  takeRow(gap = 0): number {
    this.nextRow += gap;
    return this.nextRow++;
  }
}

export class Book {
  readonly sheets: Sheet[] = [];
  readonly names = new Map<string, Cell>();
  private readonly lowerNames = new Set<string>();

  sheet(name: string): Sheet {
    const existing = this.sheets.find((s) => s.name === name);
    if (existing) return existing;
    const sheet = new Sheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Defines a workbook name for a cell; a name already taken (names ignore case) gets a suffix. */
  define(wanted: string, cell: Cell): string {
    let name = wanted;
    for (let k = 2; this.lowerNames.has(name.toLowerCase()); k++) name = `${wanted}_${k}`;
    this.lowerNames.add(name.toLowerCase());
    this.names.set(name, cell);
    return name;
  }

  cellAt(address: CellAddress): Cell | undefined {
    return this.sheets.find((s) => s.name === address.sheetName)?.get(address.row, address.col);
  }

  /** Every formula's value, computed as a spreadsheet would (for the cached values). */
  evaluateAll(): Map<Cell, Value> {
    const values = new Map<Cell, Value>();
    const visiting = new Set<Cell>();
    const read = (address: CellAddress): Value => {
      const cell = this.cellAt(address);
      if (!cell) return null;
      if (cell.formula === undefined) return cell.value ?? null;
      const known = values.get(cell);
      if (known !== undefined || values.has(cell)) return known ?? null;
      if (visiting.has(cell)) throw new Error(`circular reference at ${cell.sheetName}!${cell.row + 1},${cell.col + 1}`);
      visiting.add(cell);
      let value: Value;
      try {
        value = evaluate(cell.formula, read);
      } catch (error) {
        throw new Error(`${cell.sheetName} row ${cell.row + 1} column ${cell.col + 1}: ${(error as Error).message}`);
      }
      visiting.delete(cell);
      values.set(cell, value);
      return value;
    };
    for (const sheet of this.sheets) for (const cell of sheet.cells.values()) if (cell.formula) read(cell);
    return values;
  }
}
