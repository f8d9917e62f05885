/**
 * socialcare-model for Node: the whole engine, plus reading scenario files from disk.
 *
 *     import { loadPreset, compareScenarios } from "socialcare-model";
 *     const comparison = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"));
 */
export * from "../engine/index.js";
export { loadScenarioFile, loadPresetOrFile, readScenarioFile, looksLikePath } from "./files.js";
export { simulateParallel, sweepParallel } from "./simulate.js";
export type { ParallelOptions } from "./simulate.js";
