export { findCouncil, listCouncils, normaliseCouncilName, type CouncilRecord } from "./find.js";
export { areaFigures, councilFigures, councilNeighbours, councilYears, findArea, listAreas, publicationOf, suppressionReason, SUPPRESSION_REASONS, type AreaRecord, type CouncilFigure } from "./figures.js";
export { councilScenarioPart, type CouncilProblem, type CouncilScenarioPart, type SourcedValue } from "./scenarioPart.js";
export { councilAndYear, financeForDataYear, financialYearOf, isPublishedCouncil, onPublishedCouncilInput, publishedCouncilWrittenOut, publishedCouncilPart, usePublishedCouncilTable } from "./published.js";
export { calibrationTable, councilCalibration, modelledSpend, CALIBRATION_DATA_YEAR, CALIBRATION_LABELS, CALIBRATION_MEASURES, type CalibrationMeasure, type CalibrationMeasureName, type CalibrationRow, type CalibrationTable } from "./calibration.js";
export { latestWorkforceYear, publishedCouncilTable, publishedTableYear, publishedTableYears } from "./sweepTable.js";
export { councilHealthCheck, median, PUBLISHED_METRICS, type CouncilHealthCheck, type PublishedMetric, type PublishedMetricYear } from "./healthCheck.js";
