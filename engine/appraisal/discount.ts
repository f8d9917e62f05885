import { atLeast, between, number, wholeNumber } from "../check.js";
import { DomainError } from "../errors.js";
import { greenBookSchedule } from "../scenario/rates.js";
import type { DiscountBand } from "../scenario/types.js";

/**
 * Discounting as the HM Treasury Green Book does it: year 0 (the first year of the proposal) is not
 * discounted, and each later year is discounted at the rate of the band it falls in, compounding on
 * the factor of the year before (so year 31 is year 30's factor discounted once more at 3.0%).
 */

/** A single rate or a Green Book schedule of bands. */
export type DiscountRate = number | readonly DiscountBand[];

/** The rate that applies in year `year` of an appraisal. */
export function rateInYear(year: number, schedule: readonly DiscountBand[]): number {
  let rate = schedule[0]!.rate;
  for (const band of schedule) if (year >= band.fromYear) rate = band.rate;
  return rate;
}

/** Discount factor for year `year` (0 = the base year, undiscounted); default the Green Book schedule. */
export function discountFactor(year: number, rate: DiscountRate = greenBookSchedule().value): number {
  wholeNumber("year", year, 0, 1000);
  checkRate(rate);
  return discountFactorCore(year, rate);
}

export function discountFactorCore(year: number, rate: DiscountRate): number {
  if (typeof rate === "number") return 1 / Math.pow(1 + rate, year);
  let factor = 1;
  for (let t = 1; t <= year; t++) factor /= 1 + rateInYear(t, rate);
  return factor;
}

/** Discount factors for years 0 … count−1 (cheaper than one call a year for a stepped schedule). */
export function discountFactors(count: number, rate: DiscountRate, out = new Float64Array(count)): Float64Array {
  let factor = 1;
  for (let t = 0; t < count; t++) {
    if (t > 0) factor /= 1 + (typeof rate === "number" ? rate : rateInYear(t, rate));
    out[t] = factor;
  }
  return out;
}

/**
 * Green Book net present value: the first cash flow is year 0 and is not discounted. (Excel's NPV
 * discounts its first value by a full year; see `excelNpv`.)
 */
export function greenBookNpv(cashFlows: readonly number[], rate: DiscountRate = greenBookSchedule().value): number {
  cashFlows.forEach((c, i) => number(`cashFlows[${i}]`, c));
  checkRate(rate);
  const factors = discountFactors(cashFlows.length, rate);
  let npv = 0;
  for (let t = 0; t < cashFlows.length; t++) npv += cashFlows[t]! * factors[t]!;
  return npv;
}

/** Excel's NPV convention: the first cash flow is discounted one full period, Σ cᵢ ÷ (1 + r)^(i+1). */
export function excelNpv(rate: number, cashFlows: readonly number[]): number {
  atLeast("rate", rate, -0.99);
  cashFlows.forEach((c, i) => number(`cashFlows[${i}]`, c));
  let npv = 0;
  for (let i = 0; i < cashFlows.length; i++) npv += cashFlows[i]! / Math.pow(1 + rate, i + 1);
  return npv;
}

/**
 * The payback year: the first year (0 = the first) by the end of which the cumulative cash flow is
 * no longer negative; null when it stays negative to the end.
 */
export function paybackYear(cashFlows: readonly number[]): number | null {
  cashFlows.forEach((c, i) => number(`cashFlows[${i}]`, c));
  return paybackCore(cashFlows);
}

/** Cumulative sums within a penny-fraction of zero count as zero, so a flow that exactly recovers pays back. */
const PAYBACK_TOLERANCE = 1e-6;

export function paybackCore(cashFlows: ArrayLike<number>, count = cashFlows.length): number | null {
  let cumulative = 0;
  for (let t = 0; t < count; t++) {
    cumulative += cashFlows[t]!;
    if (cumulative >= -PAYBACK_TOLERANCE) return t;
  }
  return null;
}

function checkRate(rate: DiscountRate): void {
  if (typeof rate === "number") {
    between("rate", rate, -0.99, 10);
    return;
  }
  if (rate.length === 0) throw new DomainError("rate", "a discount schedule needs at least one band");
  rate.forEach((band, i) => {
    wholeNumber(`rate[${i}].fromYear`, band.fromYear, 0);
    between(`rate[${i}].rate`, band.rate, -0.99, 10);
  });
}
