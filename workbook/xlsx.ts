import ExcelJS from "exceljs";
import { a1, render } from "./formula.js";
import type { Book, Format, Style } from "./grid.js";

/**
 * Writes a laid-out workbook as an .xlsx file with exceljs: formulas with their cached values,
 * defined names, number formats, styles, frozen headers and column widths. Returns the file's bytes
 * (no file system: the task pane calls this in a browser).
 */

const FORMATS: Record<Format, string | undefined> = {
  money: '"£"#,##0.00;-"£"#,##0.00',
  pennies: "#,##0",
  integer: "#,##0",
  fte: "#,##0.00",
  share: "0.00%",
  ratio: "#,##0.00",
  number: "General",
  factor: "0.000000",
  hours: "0.00",
  text: undefined,
  bool: undefined,
};

const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const SECTION_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const MASTER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } };

function applyStyle(cell: ExcelJS.Cell, style: Style | undefined): void {
  switch (style) {
    case "title":
      cell.font = { bold: true, size: 14 };
      break;
    case "subtitle":
      cell.font = { bold: true, size: 12 };
      break;
    case "note":
      cell.font = { italic: true, color: { argb: "FF595959" } };
      break;
    case "header":
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = { bottom: { style: "thin" } };
      break;
    case "section":
      cell.font = { bold: true, size: 12 };
      cell.fill = SECTION_FILL;
      break;
    case "group":
      cell.font = { bold: true, italic: true };
      break;
    case "unit":
    case "key":
    case "source":
      cell.font = { color: { argb: "FF7F7F7F" } };
      break;
    case "input":
      cell.font = { color: { argb: "FF0000CC" } };
      cell.fill = INPUT_FILL;
      break;
    case "output":
    case "headline":
      cell.font = { bold: style === "headline" };
      break;
    case "master":
      cell.font = { bold: true };
      cell.fill = MASTER_FILL;
      break;
    default:
      break;
  }
}

export async function writeXlsx(book: Book, cached: Map<unknown, unknown>, date: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "socialcare-model";
  wb.created = date;
  wb.modified = date;
  // Ask Excel to recalculate everything when the file opens (the cached values are the engine's).
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      views: sheet.freeze.rows || sheet.freeze.cols ? [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }] : [],
    });
    for (const [col, width] of Object.entries(sheet.widths)) ws.getColumn(Number(col) + 1).width = width;
    for (const cell of sheet.cells.values()) {
      const target = ws.getCell(cell.row + 1, cell.col + 1);
      if (cell.formula) {
        const result = cached.get(cell);
        target.value = { formula: render(cell.formula, sheet.name), result: result === null ? undefined : result } as ExcelJS.CellFormulaValue;
      } else if (cell.value !== undefined && cell.value !== null) {
        target.value = cell.value;
      }
      const numFmt = cell.format ? FORMATS[cell.format] : undefined;
      if (numFmt) target.numFmt = numFmt;
      applyStyle(target, cell.style);
    }
  }
  for (const [name, cell] of book.names) {
    wb.definedNames.add(`${quoteSheet(cell.sheetName)}!${a1(cell.row, cell.col, true)}`, name);
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
