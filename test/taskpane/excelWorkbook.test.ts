import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ExcelWorkbook, REQUEST_BUDGET } from "../../addin/office/excelWorkbook.js";
import type { WritePlan } from "../../addin/office/plan.js";

// The Excel adapter against the same in-memory Office stub the browser tests use, loaded into Node.
const g = globalThis as any;
beforeAll(() => {
  // The stub installs Office, Excel and CustomFunctions on `window`: here, the test's global object.
  new Function("window", readFileSync(join(__dirname, "..", "browser", "officeStub.js"), "utf8"))(g);
});

function bigPlan(rows: number): WritePlan {
  const text = "a source long enough to make the request heavy ".repeat(10);
  const values = Array.from({ length: rows }, (_, i) => [`key.${i}`, i * 1.25, text]);
  return {
    activate: "Big",
    sheets: [
      {
        name: "Big",
        blocks: [
          { at: "A1", values: [["Key", "Value", "Source"]], style: "header" },
          { at: "A2", values, numberFormat: values.map(() => ["General", "#,##0.00", "General"]) },
        ],
        tables: [{ name: "Big_Table", range: `A1:C${rows + 1}`, style: "TableStyleLight9" }],
        charts: [{ name: "Big chart", kind: "line", title: "Values", source: "A1:B20", seriesBy: "columns", from: "E2", to: "L18", valueFormat: "0", marks: [{ series: 0, point: 3, label: "here" }] }],
        columnWidths: [20, 12, 60],
        freezeRows: 1,
      },
    ],
  };
}

test("a write larger than one request is split into requests under the budget, and every cell arrives", async () => {
  const rows = 15_000;
  const report = await new ExcelWorkbook().write(bigPlan(rows));
  const state = g.__officeState;
  expect(Math.max(...state.requestBytes)).toBeLessThanOrEqual(REQUEST_BUDGET * 1.01);
  expect(state.requestBytes.reduce((s: number, b: number) => s + b, 0)).toBeGreaterThan(3 * REQUEST_BUDGET);
  expect(report.syncs).toBe(state.syncs);
  const sheet = g.__workbookSnapshot().find((s: any) => s.name === "Big");
  expect(sheet.cells[`A${rows + 1}`].value).toBe(`key.${rows - 1}`);
  expect(sheet.cells[`B${rows + 1}`]).toMatchObject({ value: (rows - 1) * 1.25, numberFormat: "#,##0.00" });
  expect(sheet.tables).toEqual([expect.objectContaining({ name: "Big_Table", headers: ["Key", "Value", "Source"], rows })]);
  expect(sheet.charts[0]).toMatchObject({ type: "LineMarkers", source: "A1:B20", position: ["E2", "L18"], marks: [{ series: 0, index: 3, markerSize: 12, hasDataLabel: true }] });
  expect(sheet.frozenRows).toBe(1);
});

test("writing again replaces the sheets, and a small write takes two requests", async () => {
  const before = g.__officeState.syncs;
  const small = bigPlan(10);
  const report = await new ExcelWorkbook().write(small);
  // One to find the sheets already there, one for everything else.
  expect(report.syncs).toBe(2);
  expect(g.__officeState.syncs - before).toBe(2);
  const big = g.__workbookSnapshot().filter((s: any) => s.name === "Big");
  expect(big).toHaveLength(1);
  expect(big[0].tables[0].rows).toBe(10);
  expect(g.__officeState.workbook.active).toBe("Big");
});

test("document settings: saved with the workbook", async () => {
  const book = new ExcelWorkbook();
  await book.writeSetting("socialcare.library", { scenarios: [{ id: "user-1" }] });
  expect(g.__officeState.saved["socialcare.library"]).toEqual({ scenarios: [{ id: "user-1" }] });
  expect(book.readSetting("socialcare.library")).toEqual({ scenarios: [{ id: "user-1" }] });
  expect(book.readSetting("nothing")).toBeNull();
});
