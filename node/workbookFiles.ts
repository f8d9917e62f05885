import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Scenario } from "../engine/index.js";
import { writeFileAtomic } from "./atomicWrite.js";
import { exportWorkbook, importWorkbook, WorkbookError, type BuildOptions, type ImportedScenario } from "../workbook/index.js";

/** Workbooks on disk: `exportWorkbook` written to a file (whole or not at all), and a file read back with `importWorkbook`. */

export async function writeWorkbookFile(path: string, baseline: Scenario, options: readonly Scenario[] = [], settings: BuildOptions = {}): Promise<void> {
  writeFileAtomic(resolve(path), await exportWorkbook(baseline, options, settings));
}

export async function readWorkbookFile(path: string): Promise<ImportedScenario[]> {
  const full = resolve(path);
  if (!existsSync(full)) throw new WorkbookError([{ sheet: "(file)", cell: "", reason: `${path}: no such file` }]);
  return importWorkbook(readFileSync(full));
}
