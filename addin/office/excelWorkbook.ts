/// <reference types="office-js" />
import { blockBytes, blockRange, splitBlock, type Block, type ChartKind, type SheetPlan, type WritePlan } from "./plan.js";
import type { WorkbookPort, WriteReport } from "./workbook.js";

/**
 * The one place the pane calls Office.js. Settings go to the document (so scenarios travel with the
 * workbook); a write plan is carried out in batches: one request to find the sheets already there,
 * then the cells in requests of at most REQUEST_BUDGET bytes (Excel on the web refuses requests over
 * 5 MB), then the tables, charts and formats in one more.
 */

/** Bytes of cell data per request, well under Excel on the web's 5 MB limit on one request. */
export const REQUEST_BUDGET = 2_000_000;

const CHART_TYPES: Record<ChartKind, Excel.ChartType> = {
  columnStacked: "ColumnStacked" as Excel.ChartType,
  barClustered: "BarClustered" as Excel.ChartType,
  line: "LineMarkers" as Excel.ChartType,
};

export class ExcelWorkbook implements WorkbookPort {
  readonly host = "excel" as const;

  readSetting(name: string): unknown {
    const value = Office.context.document.settings.get(name);
    return value === undefined ? null : value;
  }

  writeSetting(name: string, value: unknown): Promise<void> {
    Office.context.document.settings.set(name, value);
    return new Promise((resolve, reject) => {
      Office.context.document.settings.saveAsync((result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
        else reject(new Error(`Could not save the scenarios in the workbook: ${result.error?.message ?? "unknown error"}`));
      });
    });
  }

  async write(plan: WritePlan, onProgress?: (done: number, total: number) => void): Promise<WriteReport> {
    const report: WriteReport = { sheets: plan.sheets.map((s) => s.name), tables: 0, charts: 0, syncs: 0 };
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const sync = async () => {
        await context.sync();
        report.syncs++;
      };
      // Request 1: which of our sheets are already there (written before: they are replaced).
      const old = plan.sheets.map((s) => sheets.getItemOrNullObject(s.name));
      for (const o of old) o.load("isNullObject");
      await sync();
      // New sheets are added under a temporary name first, so replacing never leaves the workbook without a sheet.
      const stamp = Date.now().toString(36);
      const fresh = plan.sheets.map((s, i) => sheets.add(`${s.name.slice(0, 20)} ${stamp}${i}`));
      old.forEach((o) => {
        if (!o.isNullObject) o.delete();
      });
      plan.sheets.forEach((s, i) => (fresh[i]!.name = s.name));

      const parts = plan.sheets.flatMap((s, i) => s.blocks.flatMap((b) => splitBlock(b, REQUEST_BUDGET).map((block) => ({ sheet: fresh[i]!, block }))));
      let pending = 0;
      let done = 0;
      for (const { sheet, block } of parts) {
        const bytes = blockBytes(block);
        if (pending > 0 && pending + bytes > REQUEST_BUDGET) {
          await sync();
          pending = 0;
          onProgress?.(done, parts.length);
        }
        writeBlock(sheet, block);
        pending += bytes;
        done++;
      }
      // Last request: the rest of the cells, then tables, charts and layout.
      plan.sheets.forEach((s, i) => {
        const counts = finishSheet(fresh[i]!, s);
        report.tables += counts.tables;
        report.charts += counts.charts;
      });
      fresh[plan.sheets.findIndex((s) => s.name === plan.activate)]?.activate();
      await sync();
      onProgress?.(parts.length, parts.length);
    });
    return report;
  }
}

function writeBlock(sheet: Excel.Worksheet, block: Block): void {
  const target = sheet.getRange(blockRange(block));
  if (block.formulas) {
    // Formulas and constants together: a cell without a formula gets its value.
    target.formulas = block.values.map((row, r) => row.map((v, c) => block.formulas![r]![c] ?? (v === null ? "" : v))) as unknown as string[][];
  } else {
    target.values = block.values.map((row) => row.map((v) => (v === null ? "" : v)));
  }
  if (block.numberFormat) target.numberFormat = block.numberFormat;
  switch (block.style) {
    case "title":
      target.format.font.bold = true;
      target.format.font.size = 14;
      break;
    case "note":
      target.format.font.italic = true;
      target.format.font.color = "#605E5C";
      break;
    case "label":
    case "header":
    case "total":
      target.format.font.bold = true;
      break;
  }
}

function finishSheet(sheet: Excel.Worksheet, plan: SheetPlan): { tables: number; charts: number } {
  for (const t of plan.tables) {
    const table = sheet.tables.add(t.range, true);
    table.name = t.name;
    table.style = t.style;
  }
  for (const c of plan.charts) {
    const chart = sheet.charts.add(CHART_TYPES[c.kind], sheet.getRange(c.source), c.seriesBy === "rows" ? ("Rows" as Excel.ChartSeriesBy) : ("Columns" as Excel.ChartSeriesBy));
    chart.name = c.name;
    chart.title.text = c.title;
    chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
    chart.axes.valueAxis.numberFormat = c.valueFormat;
    chart.setPosition(c.from, c.to);
    for (const m of c.marks ?? []) {
      const point = chart.series.getItemAt(m.series).points.getItemAt(m.point);
      point.markerSize = 12;
      point.markerStyle = "Diamond" as Excel.ChartMarkerStyle;
      point.hasDataLabel = true;
      point.dataLabel.showValue = false;
      point.dataLabel.showSeriesName = false;
      point.dataLabel.showCategoryName = true;
    }
  }
  plan.columnWidths.forEach((w, i) => {
    // Excel measures column width in points; a character of the default font is about 7 points wide.
    sheet.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = w * 7;
  });
  if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
  return { tables: plan.tables.length, charts: plan.charts.length };
}
