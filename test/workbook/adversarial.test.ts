import type ExcelJS from "exceljs";
import { loadPreset } from "../../engine/index.js";
import { LIMITS } from "../../engine/scenario/schema.js";
import { exportWorkbook, importWorkbook, WorkbookError } from "../../workbook/index.js";
import { loadWorkbook } from "./spreadsheets.js";

/**
 * Hostile workbooks (issue 18): a workbook holding a council of 1e20 children once made import spin
 * for good (the penny allocation past 2^53 pennies). Now the import names the cell and its bound.
 */

const DATE = new Date("2026-04-01T00:00:00Z");

/** The Inputs cell of a setting (found by the key column, as a user would). */
function inputCell(wb: ExcelJS.Workbook, key: string): ExcelJS.Cell {
  const ws = wb.getWorksheet("Inputs")!;
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 5).value === key) return ws.getCell(r, 2);
  throw new Error(`no input ${key}`);
}

test("settings past their bounds are refused by cell, with the bound", async () => {
  const wb = await loadWorkbook(await exportWorkbook(loadPreset("blueprint"), [], { date: DATE }));
  const children = inputCell(wb, "council.children");
  const fte = inputCell(wb, "structure.tiers.strategy.fte");
  children.value = 1e20;
  fte.value = 1e18;
  const bad = new Uint8Array(await wb.xlsx.writeBuffer());
  const error = (await importWorkbook(bad).catch((e: unknown) => e)) as WorkbookError;
  expect(error).toBeInstanceOf(WorkbookError);
  expect(error.problems).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ sheet: "Inputs", cell: children.address, key: "council.children", reason: `must be at most ${LIMITS.children}, got 100000000000000000000` }),
      expect.objectContaining({ sheet: "Inputs", cell: fte.address, key: "structure.tiers.strategy.fte", reason: expect.stringMatching(new RegExp(`^must be at most ${LIMITS.fte}, got 1000000000000000000`)) }),
    ]),
  );
});
