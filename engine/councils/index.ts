export { findCouncil, listCouncils, normaliseCouncilName, type CouncilRecord } from "./find.js";
export { areaFigures, councilFigures, councilNeighbours, councilYears, findArea, listAreas, publicationOf, suppressionReason, SUPPRESSION_REASONS, type AreaRecord, type CouncilFigure } from "./figures.js";
export { councilScenarioPart, type CouncilProblem, type CouncilScenarioPart, type SourcedValue } from "./scenarioPart.js";
export { financeForDataYear, financialYearOf, isPublishedCouncil, publishedCouncilPart, usePublishedCouncilTable } from "./published.js";
