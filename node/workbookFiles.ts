import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Scenario } from "../engine/index.js";
import { writeFileAtomic } from "./atomicWrite.js";
import { exportWorkbook, importWorkbook, WorkbookError, type BuildOptions, type ImportedScenario } from "../workbook/index.js";

/** A workbook file larger than this is refused unread. */
export const MOST_WORKBOOK_BYTES = 20 * 1024 * 1024;

/** Workbooks on disk: `exportWorkbook` written to a file (whole or not at all), and a file read back with `importWorkbook`. */

export async function writeWorkbookFile(path: string, baseline: Scenario, options: readonly Scenario[] = [], settings: BuildOptions = {}): Promise<void> {
  writeFileAtomic(resolve(path), await exportWorkbook(baseline, options, settings));
}

export async function readWorkbookFile(path: string): Promise<ImportedScenario[]> {
  const full = resolve(path);
  if (!existsSync(full)) throw new WorkbookError([{ sheet: "(file)", cell: "", reason: `${path}: no such file` }]);
  const stat = statSync(full);
  if (!stat.isFile()) throw new WorkbookError([{ sheet: "(file)", cell: "", reason: `${path}: is not a regular file, so it is not read as a workbook` }]);
  if (stat.size > MOST_WORKBOOK_BYTES) throw new WorkbookError([{ sheet: "(file)", cell: "", reason: `${path}: is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a workbook of more than ${MOST_WORKBOOK_BYTES / 1024 / 1024} MB is refused (an exported one is well under 1 MB)` }]);
  return importWorkbook(readFileSync(full), { name: path });
}
