/**
 * socialcare-model for Node: the whole engine, plus reading scenario files from disk.
 *
 * ```ts
 * import { loadPreset, compareScenarios } from "socialcare-model";
 * const comparison = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"));
 * ```
 *
 * @packageDocumentation
 */
import "./publishedCouncils.js";
export * from "../engine/index.js";
export { loadScenarioFile, loadPresetOrFile, readScenarioFile, looksLikePath, validateScenarioFile, listCouncils, MOST_SCENARIO_BYTES } from "./files.js";
export type { FileOptions } from "./files.js";
// The published councils; listCouncils here stays the shared council files, so the published list is named apart.
export { listCouncils as listPublishedCouncils } from "../engine/councils/index.js";
export { onCouncil } from "./council.js";
export { exportWorkbook, importWorkbook, WorkbookError } from "../workbook/index.js";
export type { ImportedScenario, InputChange, WorkbookProblem, BuildOptions } from "../workbook/index.js";
export { writeWorkbookFile, readWorkbookFile } from "./workbookFiles.js";
export { simulateParallel, sweepParallel } from "./simulate.js";
export type { ParallelOptions } from "./simulate.js";
