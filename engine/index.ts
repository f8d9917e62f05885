/**
 * socialcare-model engine: the one place every figure is computed. Pure TypeScript with no DOM, no
 * Office.js and no file system, so the same code runs in Node, in a browser and in Excel.
 *
 * The faces (the `socialcare` CLI, the Excel custom functions and task pane) are thin adapters over
 * what this module exports.
 */

// Scenarios: loading, validating, settings.
export { listPresets, listParts, loadPreset, loadScenario, validateScenario, parseScenarioText, isPreset, merge } from "./scenario/load.js";
export { freezeScenario } from "./scenario/freeze.js";
export { isFrozenScenario } from "./scenario/snapshot.js";
export type { PresetSummary, LoadOptions, Validation } from "./scenario/load.js";
export { validateInput } from "./scenario/validate.js";
export type { ValidateOptions } from "./scenario/validate.js";
export { listSettings, numericSettings, applySettings, toScenarioInput, splitKey } from "./scenario/settings.js";
export { hasOwn, isPrototypeName, ownValue, setOwn } from "./ownProperties.js";
export type { Setting, Overrides } from "./scenario/settings.js";
export { scenarioSpec } from "./scenario/schema.js";
export { findCouncil, listCouncils, normaliseCouncilName, councilFigures, councilYears, councilScenarioPart, suppressionReason, areaFigures, councilNeighbours, findArea, listAreas, councilAndYear, financeForDataYear, financialYearOf, isPublishedCouncil, onPublishedCouncilInput, publishedCouncilPart, publishedCouncilWrittenOut, usePublishedCouncilTable, calibrationTable, councilCalibration, modelledSpend, CALIBRATION_DATA_YEAR, CALIBRATION_LABELS, CALIBRATION_MEASURES, latestWorkforceYear, publishedCouncilTable, publishedTableYear, publishedTableYears, councilHealthCheck, PUBLISHED_METRICS } from "./councils/index.js";
export type { CalibrationMeasure, CalibrationMeasureName, CalibrationRow, CalibrationTable, CouncilHealthCheck, PublishedMetric, PublishedMetricYear } from "./councils/index.js";
export type { AreaRecord, CouncilRecord, CouncilFigure, CouncilProblem, CouncilScenarioPart } from "./councils/index.js";
export type { Unit, Spec, NumberSpec, TextSpec, BooleanSpec, ChoiceSpec, YearSpec, ObjectSpec, ListSpec, MapSpec, CustomSpec, Walk } from "./scenario/spec.js";
export type { Sourced } from "./scenario/rates.js";
export { employerNiFor, redundancyCapFor, apprenticeshipLevyRates, greenBookSchedule, defaultYear, defaultPensionRate, employerNiYears, redundancyCapYears } from "./scenario/rates.js";
export type {
  Scenario,
  Council,
  Structure,
  Tier,
  TierRole,
  SizingRule,
  Teams,
  TimeUse,
  TimeUseShare,
  DirectPayments,
  Finance,
  Appraisal,
  PayAward,
  DiscountBand,
  Transition,
  TransitionCategory,
  LeaverGroup,
  Provenance,
  FinancialYear,
} from "./scenario/types.js";
export { TIME_USE_SHARES, TRANSITION_CATEGORIES } from "./scenario/types.js";

// Running and comparing.
export { runScenario, buildResult, RUN_COST_COMPONENTS, TIER_COMPONENTS } from "./model/result.js";
export type { Result, TierResult, Check, RunCostComponent, TierComponent } from "./model/result.js";
export { compareScenarios, compareOptions, buildComparison, comparisonBasis } from "./compare/compare.js";
export { onBaselineBasis, onOneBasis, type Rebased } from "./compare/oneBasis.js";
export type { Comparison, CashFlow, PostMovements, Verdict, WorkforceTransition } from "./compare/compare.js";
export { compileScenario, ScenarioModel, ModelState } from "./model/scenarioModel.js";
export type { SlotMap } from "./model/scenarioModel.js";
export { compileComparison, ComparisonModel, ComparisonState, FlowState, FLOW_CATEGORIES } from "./model/comparisonModel.js";

// Explaining figures.
export { explain, explainComparison } from "./explain/explain.js";
export { sourceAnchors, SOURCES_PAGE } from "./explain/sourceAnchors.js";
export type { Explanation, ExplainedInput, ExplainOptions } from "./explain/explain.js";
export { resultFigures, comparisonFigures, comparisonOnlyFigures, resultFigure, comparisonFigure, componentLabel, CATEGORY_LABELS } from "./explain/figures.js";
export type { Figure, FigureChange, FigureUnit } from "./explain/figures.js";

// Team design and the workforce health check.
export { teamDesign, teamDesignOf, compareTeamDesigns, teamDesignsSideBySide, teamDesignRows, TEAM_DESIGN_INDICATORS } from "./teamDesign/teamDesign.js";
export type { TeamDesign, TeamDesignIndicator, TeamDesignIndicatorName, TeamDesignUnit, TeamDesignComparison } from "./teamDesign/teamDesign.js";

export { healthCheck, healthCheckRows, healthCheckAreaRows, formatHealthValue } from "./healthcheck/healthCheck.js";
export type { HealthCheck, MetricResult, MetricYear, AreaResult, ThresholdOverrides } from "./healthcheck/healthCheck.js";
export { healthCheckCatalogue } from "./healthcheck/catalogue.js";
export type { HealthCheckCatalogue, MetricDefinition, AreaDefinition, Better, HealthCheckUnit, SourcedNumber } from "./healthcheck/catalogue.js";
export { readHealthCheckObject, readHealthCheckTable, readThresholdOverrides, parseHealthCheckText, parseCsv, collectionYear } from "./healthcheck/input.js";
export type { HealthCheckInput } from "./healthcheck/input.js";
export { rateMetric, combineRatings, positionAgainst, trendBetween } from "./healthcheck/rating.js";
export type { Rating, Position, Trend } from "./healthcheck/rating.js";

// Building blocks (the rules the custom functions wrap).
export { caseload, caseHoldersNeeded, teamsNeeded } from "./structure/caseload.js";
export { managementLayers } from "./structure/layers.js";
export { contactHours } from "./time/contactHours.js";
export { employerNi, employerCost, staffCost } from "./costs/employerCost.js";
export type { NiRates, EmployerCostOptions, StaffCostOptions } from "./costs/employerCost.js";
export { statutoryRedundancyPay, statutoryRedundancyWeeks } from "./transition/redundancy.js";
export type { RedundancyCase } from "./transition/redundancy.js";
export { spreadByProfile, MAX_PROFILE_YEARS } from "./transition/profile.js";
export { discountFactor, discountFactors, greenBookNpv, excelNpv, paybackYear, rateInYear } from "./appraisal/discount.js";
export type { DiscountRate } from "./appraisal/discount.js";

// Money and years.
export { roundMoney, roundTo, toPennies, allocate, allocateTable, MONEY_ROUNDING } from "./money/index.js";
export { toWholePounds, allocateWholePounds, allocateTableWholePounds, wholePoundsChange } from "./money/index.js";
export { isFinancialYear, startOfYear, financialYear, addYears, yearsBetween } from "./years.js";
export { closeMatches } from "./names.js";

// Errors.
export { SocialCareError, ScenarioError, UnknownNameError, DomainError, InputError, NotLoadedYet, DataUnavailableError, problemLines, MOST_PROBLEMS_SHOWN } from "./errors.js";
export { whenLoaded } from "./whenLoaded.js";
export { parseExpression, ExpressionProblem } from "./expression/expression.js";
export type { MathNode } from "./expression/mathjs.js";
export type { Issue, NameKind } from "./errors.js";

// Uncertainty: distributions, Monte Carlo, sensitivity, switching values, national sweeps.
export { simulate, simulateAsync, createSimulation, Simulation, CancelledError, chunksOf, DEFAULT_DRAWS, DEFAULT_SEED, MOST_DRAWS, sortChunk } from "./uncertainty/simulate.js";
export type { SimulationOptions, SimulationResult, SimulationChunk, RunControl } from "./uncertainty/simulate.js";
export { mergeSorted, SortedRuns } from "./uncertainty/mergeSorted.js";
export { sensitivity } from "./uncertainty/sensitivity.js";
export type { SensitivityOptions, Tornado, TornadoBar } from "./uncertainty/sensitivity.js";
export { switchingValue } from "./uncertainty/switchingValue.js";
export type { SwitchingOptions, SwitchingValue } from "./uncertainty/switchingValue.js";
export { sweep, createSweep, Sweep, DEFAULT_SWEEP_DRAWS } from "./uncertainty/sweep.js";
export type { SweepOptions, SweepResult, SweepRow } from "./uncertainty/sweep.js";
export { parseCouncilTable, loadCouncilTable, listCouncilTables } from "./uncertainty/councils.js";
export type { CouncilTable, CouncilColumn, CouncilRow } from "./uncertainty/councils.js";
export { readDistribution, formatDistribution, sampler, support, DISTRIBUTION_TYPES, PERT_SHAPE } from "./uncertainty/distributions.js";
export type { Distribution, DistributionNote, DistributionIssue, DistributionType, Sampler, SettingRange } from "./uncertainty/distributions.js";
export type { Correlation } from "./uncertainty/correlation.js";
export type { UncertainInput, UncertaintyOptions } from "./uncertainty/plan.js";
export { UncertainSubject } from "./uncertainty/plan.js";
export type { FigureReader } from "./uncertainty/figureReaders.js";
export { percentileOfSorted, DEFAULT_PERCENTILES } from "./uncertainty/summary.js";
export type { FigureDistribution, FigureSummary, Histogram, Percentile } from "./uncertainty/summary.js";
export { uniformAt, streamOf } from "./uncertainty/random.js";
export { normalCdf, normalQuantile } from "./uncertainty/normal.js";

export { MODEL_VERSION } from "./generated/version.js";
export { claimsTable, CLAIM_KIND_WORDS, CLAIMS_NOTE, type ClaimKind, type ClaimRow, type ClaimsTable } from "./claims/claims.js";
export { workforceFlows, flowsByYear, flowTotalsByYear, rampAt, phasedAt, isSocialWork, flowsCore, flowsOf, FlowBuffers, type FlowRates, type FlowTier, type FlowTierArrays, type FlowSettings, type FlowMonth, type Flows, type FlowYear, type FlowYearTotal } from "./workforce/flows.js";
export { flowCostsCore, FlowCosts, type FlowUnitCosts } from "./workforce/flowCosts.js";
export { childrenHeldChange, type ChildrenHeldChange } from "./workforce/childrenHeld.js";
export { sameGradeGroups, sameGradeCore, type SameGradeGroup } from "./transition/sameGrade.js";
export { settingLabel } from "./scenario/settingLabel.js";
export { scenarioFlows, DEFAULT_MONTHS_TO_FILL, type FlowOptions } from "./workforce/scenarioFlows.js";
