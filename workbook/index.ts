/**
 * The workbook face: the model as a formula-transparent .xlsx workbook (Inputs, Calculations,
 * Rounding, Outputs, Checks), and edited workbooks read back into scenarios. Imports the engine; the
 * engine never imports this. No file system here: bytes in, bytes out (Node's file helpers are in
 * node/workbookFiles.ts), so a browser can use it too.
 */
export { exportWorkbook } from "./export.js";
export { importWorkbook, WorkbookError } from "./import.js";
export type { ImportedScenario, InputChange, WorkbookProblem } from "./import.js";
export { buildWorkbook, SHEETS } from "./build.js";
export type { BuildOptions, BuiltWorkbook } from "./build.js";
