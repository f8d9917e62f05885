import {
  caseHoldersNeeded,
  caseload,
  contactHours,
  defaultYear,
  discountFactor,
  employerCost,
  employerNi,
  employerNiFor,
  greenBookNpv,
  healthCheck,
  healthCheckAreaRows,
  healthCheckRows,
  MODEL_VERSION,
  paybackYear,
  redundancyCapFor,
  roundMoney,
  spreadByProfile,
  staffCost,
  statutoryRedundancyPay,
  teamsNeeded,
} from "../../engine/index.js";
import { asNumber, asRow, asTable, asText, define, defineAsync } from "./adapter.js";
import {
  figureName,
  metricTable,
  NO_OVERRIDES,
  number,
  optionalFlag,
  optionalNumber,
  optionalPreset,
  optionalSeries,
  optionalText,
  text,
  optionalWholeNumber,
  optionalYear,
  overrides,
  percentile,
  preset,
  series,
  wholeNumber,
} from "./arguments.js";
import { blame, inArgument, NotAvailable } from "./excelErrors.js";
import { councilFigure, councilsTable } from "./councils.js";
import { MOST_CELL_DRAWS, MOST_SEED, simulatedPercentile } from "./simulation.js";
import { evaluateComparison, evaluateScenario, explanationLines, presetTable, tornadoTable, uncertaintyFigure, workforceTable } from "./wholeScenario.js";

// Every SOCIALCARE function, declared once: its arguments (name and how each is read, in the order of
// the function's signature in functions.ts), the engine rule it calls, and the shape of its answer.
// Building blocks are the engine's rules on cells; money they return is rounded to the penny as the
// engine rounds money it shows. Whole-scenario functions answer from the evaluation cache. SIMULATE
// answers later (a Promise), from Monte Carlo runs shared by every cell that asks for the same draws
// (simulation.ts).

export const catalogue = {
  CASELOAD: define([number("children"), number("caseHoldingFte")], (children, fte) => caseload(children, fte), asNumber),

  CASEHOLDERS: define([number("children"), number("caseloadTarget")], (children, target) => caseHoldersNeeded(children, target), asNumber),

  TEAMS: define([number("caseHolders"), number("teamSize")], (caseHolders, teamSize) => teamsNeeded(caseHolders, teamSize), asNumber),

  CONTACTHOURS: define(
    [number("hoursPerWeek"), number("directContactShare"), number("caseload")],
    (hours, share, load) => contactHours(hours, share, load),
    asNumber,
  ),

  EMPLOYERNI: define([number("salary"), optionalYear("year")], (salary, year) => roundMoney(employerNi(salary, niYear(year))), asNumber),

  EMPLOYERCOST: define(
    [number("salary"), optionalYear("year"), optionalNumber("pensionRate")],
    (salary, year, pensionRate) => roundMoney(employerCost(salary, { year: niYear(year), pensionRate })),
    asNumber,
  ),

  STAFFCOST: define(
    [number("fte"), number("salary"), optionalNumber("vacancyRate"), optionalNumber("agencyShare"), optionalNumber("agencyPremium"), optionalYear("year")],
    (fte, salary, vacancyRate, agencyShare, agencyPremium, year) => roundMoney(staffCost(fte, salary, { vacancyRate, agencyShare, agencyPremium, year: niYear(year) })),
    asNumber,
  ),

  REDUNDANCY: define(
    [number("age"), number("yearsOfService"), number("weeklyPay"), optionalNumber("multiplier", { min: 0 }), optionalYear("year")],
    (age, yearsOfService, weeklyPay, multiplier, year) => {
      const weeklyPayCap = inArgument("year", () => redundancyCapFor(year ?? defaultYear())).value;
      return roundMoney(statutoryRedundancyPay({ age, yearsOfService, weeklyPay, weeklyPayCap }) * (multiplier ?? 1));
    },
    asNumber,
  ),

  TRANSITIONPROFILE: define(
    [number("total"), number("years"), optionalSeries("weights", "weights")],
    (total, years, weights) => {
      // Weights past the last year are ignored when they are zero, as empty cells of a range that runs
      // past the years arrive from Excel on Windows; a weight given for a year that is not there is refused.
      if (weights && Number.isInteger(years) && years >= 1 && weights.length > years && weights.slice(years).every((w) => w === 0)) weights = weights.slice(0, years);
      return spreadByProfile(total, years, weights);
    },
    asRow,
  ),

  DISCOUNTFACTOR: define([number("year"), optionalNumber("rate")], (year, rate) => discountFactor(year, rate), asNumber),

  NPV: define([series("cashFlows", "cash flows"), optionalNumber("rate")], (cashFlows, rate) => roundMoney(greenBookNpv(cashFlows, rate)), asNumber),

  PAYBACK: define(
    [series("cashFlows", "cash flows")],
    (cashFlows) => {
      const year = paybackYear(cashFlows);
      if (year === null) throw new NotAvailable(`no payback: the cumulative cash flow is still below zero at the end of year ${cashFlows.length - 1}, the last year given`);
      return year;
    },
    asNumber,
  ),

  PRESETS: define([], () => presetTable(), asTable),

  COUNCILS: define([optionalText("search", 'part of a council\'s name, such as "york"')], (search) => councilsTable(search), asTable),

  COUNCIL: define(
    [text("council", 'a council\'s name, ONS code or DfE number, such as "Leeds" (SOCIALCARE.COUNCILS() lists them)'), text("figure", 'a published figure, such as "caseload" or "vacancyRate"'), optionalWholeNumber("year", 2000, 2100)],
    (council, figure, year) => councilFigure(council, figure, year),
    asNumber,
  ),

  SCENARIO: define(
    [preset("preset"), figureName("figure"), overrides("overrides")],
    (presetId, figure, changes) => {
      // The hot path of a workbook (one cell a figure): no closures, so nothing to collect.
      let evaluation;
      try {
        evaluation = evaluateScenario(presetId, changes);
      } catch (error) {
        throw blame("overrides", error);
      }
      try {
        return evaluation.figure(figure).value as number;
      } catch (error) {
        throw blame("figure", error);
      }
    },
    asNumber,
  ),

  TIERS: define([preset("preset"), overrides("overrides")], (presetId, changes) => inArgument("overrides", () => evaluateScenario(presetId, changes)).tiers(), asTable),

  COMPARE: define(
    [preset("baseline"), preset("option"), overrides("baselineOverrides"), overrides("optionOverrides")],
    (baseline, option, baselineOverrides, optionOverrides) => evaluateComparison(baseline, baselineOverrides, option, optionOverrides).figures(),
    asTable,
  ),

  TRANSITION: define(
    [preset("baseline"), preset("option"), overrides("optionOverrides")],
    (baseline, option, optionOverrides) => evaluateComparison(baseline, NO_OVERRIDES, option, optionOverrides).transition(),
    asTable,
  ),

  EXPLAIN: define([preset("preset"), figureName("figure"), overrides("overrides")], (presetId, figure, changes) => explanationLines(presetId, changes, figure), asTable),

  VERSION: define([], () => MODEL_VERSION, asText),

  SIMULATE: defineAsync(
    [preset("preset"), figureName("figure"), wholeNumber("draws", 1, MOST_CELL_DRAWS), percentile("percentile"), optionalWholeNumber("seed", 0, MOST_SEED), optionalPreset("baseline"), overrides("overrides")],
    ([presetId, figure, draws, p, seed, baseline, changes], invocation) => simulatedPercentile(presetId, figure, draws, p, seed, baseline, changes, invocation),
    asNumber,
  ),

  TORNADO: define(
    [preset("preset"), figureName("figure"), optionalPreset("baseline"), overrides("overrides")],
    (presetId, figure, baseline, changes) => tornadoTable(presetId, baseline, inArgument("figure", () => uncertaintyFigure(presetId, baseline, figure)), changes),
    asTable,
  ),

  HEALTHCHECK: define(
    [metricTable("metrics"), optionalFlag("byArea")],
    (cells, byArea) => {
      const check = inArgument("metrics", () => healthCheck(cells));
      return byArea ? healthCheckAreaRows(check) : healthCheckRows(check);
    },
    asTable,
  ),

  TEAMDESIGN: define([preset("preset"), overrides("overrides")], (presetId, changes) => inArgument("overrides", () => evaluateScenario(presetId, changes)).teamDesign(), asTable),

  WORKFORCE: define(
    [preset("option"), optionalPreset("baseline"), optionalText("tier", "a tier's id, or blank for the whole workforce"), overrides("optionOverrides")],
    (option, baseline, tier, optionOverrides) => workforceTable(option, baseline, tier, optionOverrides),
    asTable,
  ),
};

export type FunctionId = keyof typeof catalogue;

/** A year whose NI rates the table must have: a year it lacks is #N/A blamed on the year argument. */
function niYear(year: string | undefined): string | undefined {
  if (year !== undefined) inArgument("year", () => employerNiFor(year));
  return year;
}
