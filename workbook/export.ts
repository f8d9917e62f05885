import type { Scenario } from "../engine/index.js";
import { buildWorkbook, type BuildOptions } from "./build.js";
import { writeXlsx } from "./xlsx.js";

/**
 * `exportWorkbook(baseline, options)`: the model as a formula-transparent .xlsx workbook, as bytes.
 * With no options, the workbook holds one scenario's result; with options, each option compared
 * with the baseline. Runs in Node and in a browser (no file system): write the bytes to a file with
 * `writeWorkbookFile` (Node) or offer them as a download (the task pane).
 */
export async function exportWorkbook(baseline: Scenario, options: readonly Scenario[] = [], settings: BuildOptions = {}): Promise<Uint8Array> {
  const date = settings.date ?? new Date();
  const built = buildWorkbook(baseline, options, { ...settings, date });
  return writeXlsx(built.book, built.book.evaluateAll(), date);
}
