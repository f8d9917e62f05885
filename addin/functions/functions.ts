import { catalogue } from "./catalogue.js";

// The SOCIALCARE custom functions as Excel sees them. The metadata plugin reads each function's JSDoc
// and signature to write functions.json (descriptions, help links, parameter names and types), so the
// only JSDoc blocks in this file are the functions' own. Each function hands its arguments to the
// catalogue, which declares how they are read and which engine rule answers. Parameters are typed
// `unknown` (Excel's "any") so that the adapter, not Excel, reads empty cells, booleans and numbers
// stored as text, and can say which argument was wrong and why.

/**
 * Children per case-holder: children ÷ case-holding FTE.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#caseload
 * @param children Children open to social care (an empty cell is 0).
 * @param caseHoldingFte Full-time equivalent staff who hold cases; more than 0.
 * @returns Children per case-holding FTE.
 */
export function CASELOAD(children: unknown, caseHoldingFte: unknown): number {
  return catalogue.CASELOAD(children, caseHoldingFte);
}

/**
 * Case-holding FTE needed to hold the children at a caseload target: children ÷ target.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#caseholders
 * @param children Children open to social care.
 * @param caseloadTarget Children per case-holder aimed for; more than 0.
 * @returns Case-holding FTE needed.
 */
export function CASEHOLDERS(children: unknown, caseloadTarget: unknown): number {
  return catalogue.CASEHOLDERS(children, caseloadTarget);
}

/**
 * Teams needed for the case-holders at a team size, a part team counting as a whole one.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#teams
 * @param caseHolders Case-holding FTE to put in teams.
 * @param teamSize FTE in one team; more than 0.
 * @returns Whole teams needed.
 */
export function TEAMS(caseHolders: unknown, teamSize: unknown): number {
  return catalogue.TEAMS(caseHolders, teamSize);
}

/**
 * Direct contact hours per child a week: hours a week × direct contact share ÷ caseload.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#contacthours
 * @param hoursPerWeek Contracted hours of a case-holder's week.
 * @param directContactShare Share of the week in direct contact with children and families, 0 to 1 (25% or 0.25).
 * @param caseload Children per case-holder; more than 0.
 * @returns Hours of direct contact per child a week.
 */
export function CONTACTHOURS(hoursPerWeek: unknown, directContactShare: unknown, caseload: unknown): number {
  return catalogue.CONTACTHOURS(hoursPerWeek, directContactShare, caseload);
}

/**
 * Employer National Insurance on one salary: rate × (salary − secondary threshold), to the penny.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#employerni
 * @param salary Annual salary, £.
 * @param [year] Financial year whose rates apply, as "2025/26" or 2025; default the latest year in the rates table.
 * @returns Employer NI a year, £.
 */
export function EMPLOYERNI(salary: unknown, year?: unknown): number {
  return catalogue.EMPLOYERNI(salary, year);
}

/**
 * The annual cost of employing one person: salary + employer NI + pension + apprenticeship levy, to the penny.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#employercost
 * @param salary Annual salary, £.
 * @param [year] Financial year whose NI rates apply, as "2025/26" or 2025; default the latest year in the rates table.
 * @param [pensionRate] Employer pension rate, 0 to 1; default the LGPS average employer rate.
 * @returns Annual employer cost, £.
 */
export function EMPLOYERCOST(salary: unknown, year?: unknown, pensionRate?: unknown): number {
  return catalogue.EMPLOYERCOST(salary, year, pensionRate);
}

/**
 * The annual cost of a number of posts: employed at employer cost, vacant posts covered by agency at that cost plus the premium, uncovered vacancies at nothing.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#staffcost
 * @param fte Posts, in FTE.
 * @param salary Annual salary of one post, £.
 * @param [vacancyRate] Share of the posts vacant, 0 to 1; default 0.
 * @param [agencyShare] Share of the vacant posts covered by agency workers, 0 to 1; default 0.
 * @param [agencyPremium] Agency cost above the employed cost, as a share (0.5 is 50% more); default 0.
 * @param [year] Financial year whose NI rates apply; default the latest year in the rates table.
 * @returns Annual cost of the posts, £.
 */
export function STAFFCOST(fte: unknown, salary: unknown, vacancyRate?: unknown, agencyShare?: unknown, agencyPremium?: unknown, year?: unknown): number {
  return catalogue.STAFFCOST(fte, salary, vacancyRate, agencyShare, agencyPremium, year);
}

/**
 * Statutory redundancy pay: weeks due by age and service (20 years at most) × a week's pay up to the statutory cap, × the council's multiplier.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#redundancy
 * @param age Age at leaving, in whole years.
 * @param yearsOfService Full years of continuous service.
 * @param weeklyPay Gross weekly pay, £.
 * @param [multiplier] The council's multiplier of the statutory amount (an enhanced scheme); default 1.
 * @param [year] Financial year whose weekly pay cap applies; default the latest year in the rates table.
 * @returns Redundancy pay, £.
 */
export function REDUNDANCY(age: unknown, yearsOfService: unknown, weeklyPay: unknown, multiplier?: unknown, year?: unknown): number {
  return catalogue.REDUNDANCY(age, yearsOfService, weeklyPay, multiplier, year);
}

/**
 * Spreads a total over the years by weights, to the penny: spills a row that adds up exactly to the total.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#transitionprofile
 * @param total The amount to spread, £.
 * @param years Number of years, a whole number from 1 to 100.
 * @param [weights] A range with one weight a year (any scale: 50, 30, 20); default equal years.
 * @returns One amount a year, in a row.
 */
export function TRANSITIONPROFILE(total: unknown, years: unknown, weights?: unknown[][]): number[][] {
  return catalogue.TRANSITIONPROFILE(total, years, weights);
}

/**
 * Green Book discount factor for a year of an appraisal; year 0 is not discounted.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#discountfactor
 * @param year Year of the appraisal: 0 for the first, a whole number.
 * @param [rate] A single discount rate (0.035 or 3.5%); default the Green Book schedule (3.5% to year 30, then lower).
 * @returns The discount factor.
 */
export function DISCOUNTFACTOR(year: unknown, rate?: unknown): number {
  return catalogue.DISCOUNTFACTOR(year, rate);
}

/**
 * Green Book net present value: the first cash flow is year 0 and is not discounted (Excel's NPV discounts it a full year).
 * @customfunction
 * @helpurl https://localhost:3000/help.html#npv
 * @param cashFlows A range of cash flows, one a year from year 0; empty cells inside count as 0.
 * @param [rate] A single discount rate (0.035 or 3.5%); default the Green Book schedule.
 * @returns Net present value, £.
 */
export function NPV(cashFlows: unknown[][], rate?: unknown): number {
  return catalogue.NPV(cashFlows, rate);
}

/**
 * The payback year: the first year (0 for the first) by the end of which the cumulative cash flow is no longer negative.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#payback
 * @param cashFlows A range of cash flows, one a year from year 0; empty cells inside count as 0.
 * @returns The year, counting from 0; #N/A when the cash flow never pays back.
 */
export function PAYBACK(cashFlows: unknown[][]): number {
  return catalogue.PAYBACK(cashFlows);
}

/**
 * The presets shipped with the model: spills preset, name and description, with a header row.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#presets
 * @returns A table of the presets.
 */
export function PRESETS(): unknown[][] {
  return catalogue.PRESETS();
}

/**
 * The English councils in the published statistics: spills council, ONS code, DfE number, region and latest year, with a header row.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#councils
 * @param [search] Part of a council's name, or its ONS code or DfE number; left out, every council.
 * @returns A table of the councils.
 */
export function COUNCILS(search?: unknown): unknown[][] {
  return catalogue.COUNCILS(search);
}

/**
 * One published figure of a council (DfE and MHCLG statistics); #N/A with the reason where it was suppressed, never 0.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#council
 * @param council The council's name, ONS code or DfE number, such as "Leeds", "E08000035" or 383.
 * @param figure The figure, such as "cases", "caseload", "vacancyRate", "turnoverRate" or "agencyStaffSpend".
 * @param [year] The year published (workforce at 30 September; spend for the financial year ending that March); the latest by default.
 * @returns The published figure.
 */
export function COUNCIL(council: unknown, figure: unknown, year?: unknown): number {
  return catalogue.COUNCIL(council, figure, year);
}

/**
 * One figure of a preset, with overrides from a range of setting and value.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#scenario
 * @param preset The preset's name, such as "blueprint".
 * @param figure The figure's name, such as "runCost.total" or "caseload.childrenPerCaseHolder".
 * @param [overrides] A range of two columns: a setting's name (such as "council.children") and its value; "council" with a published council's name ("Leeds", or "Leeds 2024" for a year) runs the preset on that council.
 * @returns The figure's value.
 */
export function SCENARIO(preset: unknown, figure: unknown, overrides?: unknown[][]): number {
  return catalogue.SCENARIO(preset, figure, overrides);
}

/**
 * The tiers of a preset: spills tier, name, FTE, salary and annual cost, with a header row.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#tiers
 * @param preset The preset's name, such as "blueprint".
 * @param [overrides] A range of two columns: a setting's name and its value.
 * @returns A table of the tiers.
 */
export function TIERS(preset: unknown, overrides?: unknown[][]): unknown[][] {
  return catalogue.TIERS(preset, overrides);
}

/**
 * Two presets side by side: spills figure, label, baseline, option, change and % change, with a header row; transition and appraisal figures follow in the Change column.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#compare
 * @param baseline The preset to compare against, such as "baseline-2018".
 * @param option The preset to compare, such as "blueprint".
 * @param [baselineOverrides] A range of two columns (setting, value) that changes the baseline.
 * @param [optionOverrides] A range of two columns (setting, value) that changes the option.
 * @returns A table of figures.
 */
export function COMPARE(baseline: unknown, option: unknown, baselineOverrides?: unknown[][], optionOverrides?: unknown[][]): unknown[][] {
  return catalogue.COMPARE(baseline, option, baselineOverrides, optionOverrides);
}

/**
 * Transition spend of moving from the baseline to the option: spills category by financial year, with totals.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#transition
 * @param baseline The structure moved from, such as "baseline-2018".
 * @param option The structure moved to, such as "blueprint"; its transition drivers set the spend.
 * @param [optionOverrides] A range of two columns (setting, value) that changes the option.
 * @returns A table of spend by category and year.
 */
export function TRANSITION(baseline: unknown, option: unknown, optionOverrides?: unknown[][]): unknown[][] {
  return catalogue.TRANSITION(baseline, option, optionOverrides);
}

/**
 * The workforce over time, year by year: posts, in post, vacant, agency, starters (and of them agency workers who took the post), leavers, redeployed and made redundant, from the council's turnover and starters. With a baseline, the move from it to the option (the option put on the baseline's council and year).
 * @customfunction
 * @helpurl https://localhost:3000/help.html#workforce
 * @param option The structure, such as "blueprint"; its transition's ramp sets how fast posts move.
 * @param [baseline] The structure moved from, such as "traditional"; blank for the option as a steady state.
 * @param [tier] A tier's id, such as "socialWorker"; blank for the whole workforce.
 * @param [optionOverrides] A range of two columns (setting, value) that changes the option, such as {"council","Leeds"}.
 * @returns A table, one row a financial year.
 */
export function WORKFORCE(option: unknown, baseline?: unknown, tier?: unknown, optionOverrides?: unknown[][]): unknown[][] {
  return catalogue.WORKFORCE(option, baseline, tier, optionOverrides);
}

/**
 * How a figure of a preset was computed: spills the rule, the formula with its numbers, and each input with its source, one line a cell.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#explain
 * @param preset The preset's name, such as "blueprint".
 * @param figure The figure's name, such as "runCost.total".
 * @param [overrides] A range of two columns (setting, value) that changes the preset.
 * @returns The explanation, one line a cell.
 */
export function EXPLAIN(preset: unknown, figure: unknown, overrides?: unknown[][]): string[][] {
  return catalogue.EXPLAIN(preset, figure, overrides) as string[][];
}

/**
 * The version of the model these functions compute with.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#version
 * @returns The model's version.
 */
export function VERSION(): string {
  return catalogue.VERSION();
}

/**
 * One percentile of a figure over a seeded Monte Carlo run of a preset's uncertain inputs (with a baseline, of the comparison); answers when the draws are done.
 * @customfunction
 * @cancelable
 * @helpurl https://localhost:3000/help.html#simulate
 * @param preset The preset's name, such as "blueprint"; its uncertain inputs vary.
 * @param figure The figure, such as "runCost.total"; with a baseline, a comparison's figure such as "appraisal.npv", "change.runCost" or "option.runCost.total".
 * @param draws Number of draws, a whole number from 1 to 1,000,000 (10,000 is usually enough).
 * @param percentile From 0 to 1 as PERCENTILE.INC takes it: 0.9 or 90% for the 90th percentile (95 is #NUM!).
 * @param [seed] A whole number from 0 to 4,294,967,295; default 1. The same seed gives the same answer.
 * @param [baseline] A preset to compare with, such as "baseline-2018": the figure is then the comparison's.
 * @param [overrides] A range of two columns (setting, value) that changes the preset; a setting given a value here no longer varies.
 * @param invocation Excel's handle on this call, for cancelling a run that is no longer wanted.
 * @returns The figure's value at the percentile.
 */
export function SIMULATE(preset: unknown, figure: unknown, draws: unknown, percentile: unknown, seed?: unknown, baseline?: unknown, overrides?: unknown[][], invocation?: CustomFunctions.CancelableInvocation): Promise<number> {
  return catalogue.SIMULATE(preset, figure, draws, percentile, seed, baseline, overrides, invocation);
}

/**
 * A tornado of a figure: spills one row an uncertain input (from its 10th to its 90th percentile, the others central), widest swing first: input, figure at low, figure at high, swing, setting, low and high values.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#tornado
 * @param preset The preset's name, such as "blueprint".
 * @param figure The figure, such as "runCost.total"; with a baseline, a comparison's figure such as "transition.total".
 * @param [baseline] A preset to compare with, such as "baseline-2018": the figure is then the comparison's.
 * @param [overrides] A range of two columns (setting, value) that changes the preset; a setting given a value here no longer varies.
 * @returns A table of the uncertain inputs, widest swing first.
 */
export function TORNADO(preset: unknown, figure: unknown, baseline?: unknown, overrides?: unknown[][]): unknown[][] {
  return catalogue.TORNADO(preset, figure, baseline, overrides);
}

/**
 * The workforce health check of your figures: spills metric, value, rating, England figure, area, unit, year, England year, position against England and trend, one row a metric.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#healthcheck
 * @param metrics A range: a header row "Metric", then years (2024, 2025 or "2024/25"), then one row a metric by its name ("Vacancy rate") with a value a year; optional Green and Red columns override thresholds.
 * @param [byArea] TRUE for one row an area instead: area, rating, and how many of its metrics are green, amber, red and missing.
 * @returns A table of the metrics (or the areas) with their ratings.
 */
export function HEALTHCHECK(metrics: unknown[][], byArea?: unknown): unknown[][] {
  return catalogue.HEALTHCHECK(metrics, byArea);
}

/**
 * The team-design indicators of a preset: spills indicator, unit and value (team size, management layers, span of control, support, clinicians, group supervision, devolved budget, time on the most vulnerable families).
 * @customfunction
 * @helpurl https://localhost:3000/help.html#teamdesign
 * @param preset The preset's name, such as "blueprint".
 * @param [overrides] A range of two columns: a setting's name and its value.
 * @returns A table of the indicators.
 */
export function TEAMDESIGN(preset: unknown, overrides?: unknown[][]): unknown[][] {
  return catalogue.TEAMDESIGN(preset, overrides);
}

// For the task pane (same page, same cache) and for checks from outside the bundle: the evaluation
// cache's counts, and the means to clear or bound it.
export { evaluations as evaluationCache } from "./evaluationCache.js";
export { simulationRuns } from "./simulation.js";
// For checks from outside the bundle (how much an evaluated scenario keeps), not a custom function.
export { evaluateScenario, UNKNOWN_FIGURES_KEPT } from "./wholeScenario.js";
// The whole engine, for the task pane's worker: it loads this same file (importScripts) rather than a
// second copy of the engine, so the engine is downloaded once for the page and its worker (issue 14).
export * as engine from "../../engine/index.js";
