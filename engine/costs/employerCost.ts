import { atLeast, between, number } from "../check.js";
import { defaultPensionRate, defaultYear, employerNiFor, apprenticeshipLevyRates } from "../scenario/rates.js";
import { isFinancialYear } from "../years.js";
import { DomainError } from "../errors.js";

/**
 * Employer on-costs of one employee: National Insurance above the secondary threshold, pension as a
 * share of salary, and the apprenticeship levy at the margin (0.5% of pay, for a council whose pay
 * bill is past the levy allowance).
 */

export interface NiRates {
  rate: number;
  threshold: number;
}

/** Employer NI on one salary: rate × (salary − secondary threshold), and nothing below the threshold. */
export function employerNiCore(salary: number, rate: number, threshold: number): number {
  return salary > threshold ? rate * (salary - threshold) : 0;
}

/** Employer NI for one employee on `salary` in a financial year (the rates table's rates), or at given rates. */
export function employerNi(salary: number, ratesOrYear?: NiRates | string): number {
  atLeast("salary", salary, 0);
  const rates = niRates(ratesOrYear);
  return employerNiCore(salary, rates.rate, rates.threshold);
}

export interface EmployerCostOptions {
  /** Financial year whose NI rates apply (default: the rates table's default year). */
  year?: string;
  /** Employer pension rate (default: the LGPS average primary rate in the rates table). */
  pensionRate?: number;
  /** Apprenticeship levy rate at the margin (default: the rates table's 0.5%). */
  levyRate?: number;
}

/** The full annual cost of employing one person on `salary`: salary + employer NI + pension + levy. */
export function employerCost(salary: number, options: EmployerCostOptions = {}): number {
  atLeast("salary", salary, 0);
  const ni = niRates(options.year);
  const pensionRate = options.pensionRate === undefined ? defaultPensionRate().value : between("pensionRate", options.pensionRate, 0, 1);
  const levyRate = options.levyRate === undefined ? apprenticeshipLevyRates().rate.value : between("levyRate", options.levyRate, 0, 1);
  return employerCostCore(salary, ni.rate, ni.threshold, pensionRate, levyRate);
}

export function employerCostCore(salary: number, niRate: number, niThreshold: number, pensionRate: number, levyRate: number): number {
  return onCostCore(salary, niRate, niThreshold, pensionRate) + levyRate * salary;
}

/** Salary, employer NI and pension of one post: what an agency worker in it also costs (an agency pays its own levy). */
export function onCostCore(salary: number, niRate: number, niThreshold: number, pensionRate: number): number {
  return salary + employerNiCore(salary, niRate, niThreshold) + pensionRate * salary;
}

export interface StaffCostOptions extends EmployerCostOptions {
  /** Share of the posts vacant (default 0). */
  vacancyRate?: number;
  /** Share of vacant posts covered by agency workers (default 0). */
  agencyShare?: number;
  /** Agency cost above the employed cost, as a share (default 0). */
  agencyPremium?: number;
}

/**
 * The annual cost of `fte` posts on `salary`: posts in post at employed cost, vacant posts covered by
 * agency at employed cost plus the premium, uncovered vacancies at nothing. The same rule the model
 * applies to every tier (less overheads, which are a scenario's own).
 */
export function staffCost(fte: number, salary: number, options: StaffCostOptions = {}): number {
  atLeast("fte", fte, 0);
  atLeast("salary", salary, 0);
  const vacancyRate = options.vacancyRate === undefined ? 0 : between("vacancyRate", options.vacancyRate, 0, 1);
  const agencyShare = options.agencyShare === undefined ? 0 : between("agencyShare", options.agencyShare, 0, 1);
  const agencyPremium = options.agencyPremium === undefined ? 0 : atLeast("agencyPremium", options.agencyPremium, 0);
  const ni = niRates(options.year);
  const pensionRate = options.pensionRate === undefined ? defaultPensionRate().value : between("pensionRate", options.pensionRate, 0, 1);
  const levyRate = options.levyRate === undefined ? apprenticeshipLevyRates().rate.value : between("levyRate", options.levyRate, 0, 1);
  const one = (): Float64Array => new Float64Array(1);
  const c: TierCosts = { pay: one(), employerNi: one(), pension: one(), apprenticeshipLevy: one(), agencyPremium: one(), overheads: one() };
  tierCostInto(c, 0, fte, salary, vacancyRate, agencyShare, agencyPremium, ni.rate, ni.threshold, pensionRate, levyRate, 0);
  return c.pay[0]! + c.employerNi[0]! + c.pension[0]! + c.apprenticeshipLevy[0]! + c.agencyPremium[0]!;
}

/** Run cost components by tier, one array per component (the model's state satisfies this). */
export interface TierCosts {
  pay: Float64Array;
  employerNi: Float64Array;
  pension: Float64Array;
  apprenticeshipLevy: Float64Array;
  agencyPremium: Float64Array;
  overheads: Float64Array;
}

/**
 * The cost rule for one tier, written into slot `i` of `out`. Posts in post (employed, or vacant and
 * covered by agency) are costed at the employed rate: pay, NI and pension. Agency cover adds the
 * premium on that employed cost. The levy is on employees' pay only (an agency pays its own).
 * Overheads follow the people in post.
 *
 * engine/model/straightLine.ts writes this same arithmetic out in place for each tier (a call per
 * tier costs more than the arithmetic); its tests hold the two to the same figures, bit for bit.
 */
export function tierCostInto(
  out: TierCosts,
  i: number,
  fte: number,
  salary: number,
  vacancyRate: number,
  agencyShare: number,
  agencyPremium: number,
  niRate: number,
  niThreshold: number,
  pensionRate: number,
  levyRate: number,
  overheadsPerFte: number,
): void {
  const employed = fte * (1 - vacancyRate);
  const covered = fte * vacancyRate * agencyShare;
  const inPost = employed + covered;
  const niEach = employerNiCore(salary, niRate, niThreshold);
  const pensionEach = pensionRate * salary;
  out.pay[i] = salary * inPost;
  out.employerNi[i] = niEach * inPost;
  out.pension[i] = pensionEach * inPost;
  out.apprenticeshipLevy[i] = levyRate * salary * employed;
  out.agencyPremium[i] = agencyPremium * (salary + niEach + pensionEach) * covered;
  out.overheads[i] = overheadsPerFte * inPost;
}

function niRates(ratesOrYear: NiRates | string | undefined): NiRates {
  if (ratesOrYear === undefined) ratesOrYear = defaultYear();
  if (typeof ratesOrYear === "string") {
    if (!isFinancialYear(ratesOrYear)) throw new DomainError("year", `must be a financial year such as "2025/26", got ${JSON.stringify(ratesOrYear)}`);
    const found = employerNiFor(ratesOrYear);
    return { rate: found.rate.value, threshold: found.threshold.value };
  }
  return { rate: between("rate", ratesOrYear.rate, 0, 1), threshold: atLeast("threshold", number("threshold", ratesOrYear.threshold), 0) };
}

