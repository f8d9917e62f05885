/**
 * What the pane writes into a workbook, as plain data: sheets of cell blocks (values, formulas,
 * number formats), Excel tables over some of them, and native charts over tables. The pane's engine
 * worker builds a plan; `ExcelWorkbook` carries it out in a few batched requests. Keeping the plan
 * apart from Office.js lets tests read exactly what would be written.
 */

export type Cell = string | number | boolean | null;

export interface Block {
  /** Top-left cell, A1 style. */
  at: string;
  values: Cell[][];
  /** Formulas where a cell is live (`=SOCIALCARE.SCENARIO(…)`); null keeps the value. Same shape as values. */
  formulas?: (string | null)[][];
  /** Excel number formats, same shape as values. */
  numberFormat?: string[][];
  style?: "title" | "note" | "header" | "total" | "label";
}

export interface TablePlan {
  name: string;
  /** Header row included. */
  range: string;
  style: string;
}

export type ChartKind = "columnStacked" | "barClustered" | "line";

export interface ChartPlan {
  name: string;
  kind: ChartKind;
  title: string;
  /** The cells the chart is drawn from (a header row and a first column of labels). */
  source: string;
  seriesBy: "rows" | "columns";
  /** Where the chart sits: top-left and bottom-right cells. */
  from: string;
  to: string;
  /** Number format of the value axis. */
  valueFormat: string;
  /** Points to mark (the payback year on the cumulative cash flow): series and point index, and a label. */
  marks?: { series: number; point: number; label: string }[];
}

export interface SheetPlan {
  name: string;
  blocks: Block[];
  tables: TablePlan[];
  charts: ChartPlan[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  freezeRows: number;
}

export interface WritePlan {
  sheets: SheetPlan[];
  /** The sheet to show when done. */
  activate: string;
}

/** Column letters for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 address of a 1-based row and column. */
export function cell(row: number, column: number, absolute = false): string {
  return absolute ? `$${columnLetter(column)}$${row}` : `${columnLetter(column)}${row}`;
}

export function range(row1: number, col1: number, row2: number, col2: number, absolute = false): string {
  return `${cell(row1, col1, absolute)}:${cell(row2, col2, absolute)}`;
}

/** Row and column of an A1 cell. */
export function parseCell(address: string): { row: number; column: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!m) throw new Error(`not a cell address: ${address}`);
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

/** The range a block covers. */
export function blockRange(block: Block): string {
  const { row, column } = parseCell(block.at);
  const rows = block.values.length;
  const cols = Math.max(1, ...block.values.map((r) => r.length));
  return range(row, column, row + rows - 1, column + cols - 1);
}

/** A sheet name quoted for a formula: 'SC Inputs'!A1. */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** Rough size of what writing a block sends, in bytes (JSON of its arrays), to keep requests small. */
export function blockBytes(block: Block): number {
  return JSON.stringify(block.values).length + (block.formulas ? JSON.stringify(block.formulas).length : 0) + (block.numberFormat ? JSON.stringify(block.numberFormat).length : 0);
}

/** Splits a block into blocks of whole rows, each at most `maxBytes` (a single row is never split). */
export function splitBlock(block: Block, maxBytes: number): Block[] {
  if (block.values.length <= 1 || blockBytes(block) <= maxBytes) return [block];
  const { row, column } = parseCell(block.at);
  // Bytes of each row, counted once: the parts are cut where the running total would pass the budget.
  const rowBytes = block.values.map((_, i) => JSON.stringify(block.values[i]).length + 1 + (block.formulas ? JSON.stringify(block.formulas[i]).length + 1 : 0) + (block.numberFormat ? JSON.stringify(block.numberFormat[i]).length + 1 : 0));
  const slice = (a: number, b: number): Block => {
    const part: Block = { at: cell(row + a, column), values: block.values.slice(a, b) };
    if (block.formulas) part.formulas = block.formulas.slice(a, b);
    if (block.numberFormat) part.numberFormat = block.numberFormat.slice(a, b);
    if (block.style) part.style = block.style;
    return part;
  };
  const out: Block[] = [];
  let start = 0;
  let bytes = 6; // the brackets of up to three arrays
  for (let i = 0; i < rowBytes.length; i++) {
    if (i > start && bytes + rowBytes[i]! > maxBytes) {
      out.push(slice(start, i));
      start = i;
      bytes = 6;
    }
    bytes += rowBytes[i]!;
  }
  out.push(slice(start, rowBytes.length));
  return out;
}
