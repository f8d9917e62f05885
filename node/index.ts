/**
 * socialcare-model for Node: the whole engine, plus reading scenario files from disk.
 *
 *     import { loadPreset, compareScenarios } from "socialcare-model";
 *     const comparison = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"));
 */
export * from "../engine/index.js";
export { loadScenarioFile, loadPresetOrFile, readScenarioFile, looksLikePath } from "./files.js";
export { exportWorkbook, importWorkbook, WorkbookError } from "../workbook/index.js";
export type { ImportedScenario, InputChange, WorkbookProblem } from "../workbook/index.js";
export { writeWorkbookFile, readWorkbookFile } from "./workbookFiles.js";
