import { ScenarioError, UnknownNameError } from "../errors.js";
import { models } from "../generated/models.js";
import { closeMatches } from "../names.js";
import type { DiscountBand, FinancialYear, Provenance } from "./types.js";

/**
 * Statutory and national rates by financial year (models/rates.yaml): employer NI, the redundancy
 * weekly pay cap, the apprenticeship levy, the Green Book discount schedule. A scenario takes these
 * for its year unless it sets its own; the building-block functions read them when given a year.
 */

export interface Sourced<T> {
  value: T;
  provenance: Provenance;
}

interface RawRates {
  employerNi: Record<string, { rate: Annotated; threshold: Annotated }>;
  redundancyWeeklyPayCap: Record<string, Annotated>;
  apprenticeshipLevy: { rate: Annotated; allowance: Annotated };
  greenBook: { discountSchedule: { source: string; bands: DiscountBand[] } };
}
type Annotated = { value: number; source?: string; assumption?: string };

const rates = models.rates as RawRates;

function sourced(a: Annotated): Sourced<number> {
  const provenance: Provenance = {};
  if (a.source) provenance.source = a.source;
  if (a.assumption) provenance.assumption = a.assumption;
  return { value: a.value, provenance };
}

/** Years for which the rates table has employer NI. */
export function employerNiYears(): string[] {
  return Object.keys(rates.employerNi);
}

/** Employer NI rate and secondary threshold for a financial year. */
export function employerNiFor(year: FinancialYear): { rate: Sourced<number>; threshold: Sourced<number> } {
  const entry = rates.employerNi[year];
  if (!entry) throw new UnknownNameError("setting", `employer NI for ${year}`, closeMatches(year, employerNiYears()).map((y) => `employer NI for ${y}`));
  return { rate: sourced(entry.rate), threshold: sourced(entry.threshold) };
}

/** Years for which the rates table has the redundancy weekly pay cap. */
export function redundancyCapYears(): string[] {
  return Object.keys(rates.redundancyWeeklyPayCap);
}

/** The statutory cap on a week's pay for redundancy, for a financial year. */
export function redundancyCapFor(year: FinancialYear): Sourced<number> {
  const entry = rates.redundancyWeeklyPayCap[year];
  if (!entry) throw new UnknownNameError("setting", `redundancy weekly pay cap for ${year}`, closeMatches(year, redundancyCapYears()).map((y) => `redundancy weekly pay cap for ${y}`));
  return sourced(entry);
}

export function apprenticeshipLevyRates(): { rate: Sourced<number>; allowance: Sourced<number> } {
  return { rate: sourced(rates.apprenticeshipLevy.rate), allowance: sourced(rates.apprenticeshipLevy.allowance) };
}

export function greenBookSchedule(): Sourced<DiscountBand[]> {
  const schedule = rates.greenBook.discountSchedule;
  return { value: schedule.bands.map((b) => ({ ...b })), provenance: { source: schedule.source } };
}

/** For validation messages: a year the table does not cover. */
export function missingRate(path: string, what: string, year: string, years: string[]): ScenarioError {
  return new ScenarioError([{ path, reason: `the rates table has no ${what} for ${year} (it has ${years.join(", ")}); set it in the scenario` }]);
}

/** The year building-block functions use when given none. */
export function defaultYear(): FinancialYear {
  return (models.rates as { defaultYear: { value: string } }).defaultYear.value;
}

/** The employer pension rate building-block functions use when given none. */
export function defaultPensionRate(): Sourced<number> {
  return sourced((models.rates as { lgpsEmployerRate: Annotated }).lgpsEmployerRate);
}
