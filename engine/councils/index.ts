export { findCouncil, listCouncils, normaliseCouncilName, type CouncilRecord } from "./find.js";
export { councilFigures, councilYears, publicationOf, suppressionReason, SUPPRESSION_REASONS, type CouncilFigure } from "./figures.js";
export { councilScenarioPart, type CouncilProblem, type CouncilScenarioPart, type SourcedValue } from "./scenarioPart.js";
