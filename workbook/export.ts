import type { Scenario } from "../engine/index.js";
import { buildWorkbook, type BuildOptions } from "./build.js";
import { a1 } from "./formula.js";
import type { Book } from "./grid.js";
import { WorkbookError, type WorkbookProblem } from "./import.js";
import { writeXlsx } from "./xlsx.js";

/** The most characters Excel holds in one cell; a longer text would be cut when Excel opens the file. */
export const EXCEL_CELL_LIMIT = 32_767;

/**
 * `exportWorkbook(baseline, options)`: the model as a formula-transparent .xlsx workbook, as bytes.
 * With no options, the workbook holds one scenario's result; with options, each option compared
 * with the baseline. Runs in Node and in a browser (no file system): write the bytes to a file with
 * `writeWorkbookFile` (Node) or offer them as a download (the task pane).
 */
export async function exportWorkbook(baseline: Scenario, options: readonly Scenario[] = [], settings: BuildOptions = {}): Promise<Uint8Array> {
  const date = settings.date ?? new Date();
  const built = buildWorkbook(baseline, options, { ...settings, date });
  checkCellLengths(built.book);
  return writeXlsx(built.book, built.book.evaluateAll(), date);
}

/**
 * Refuses a text longer than a cell holds (a description or a source pasted whole), naming the cell:
 * Excel would cut it silently, and the import would then read back a different scenario.
 */
function checkCellLengths(book: Book): void {
  const problems: WorkbookProblem[] = [];
  for (const sheet of book.sheets) {
    for (const cell of sheet.cells.values()) {
      if (typeof cell.value === "string" && cell.value.length > EXCEL_CELL_LIMIT) {
        problems.push({
          sheet: sheet.name,
          cell: a1(cell.row, cell.col),
          reason: `a text of ${cell.value.length.toLocaleString("en-GB")} characters ("${cell.value.slice(0, 40)}…") is longer than the ${EXCEL_CELL_LIMIT.toLocaleString("en-GB")} characters an Excel cell holds; shorten it in the scenario`,
        });
      }
    }
  }
  if (problems.length > 0) throw new WorkbookError(problems);
}
