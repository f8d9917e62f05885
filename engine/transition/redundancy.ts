import { atLeast, wholeNumber } from "../check.js";

/**
 * Statutory redundancy pay (Employment Rights Act 1996 s162, as gov.uk sets it out): for each full
 * year of service, counted back from the end and at most 20, half a week's pay for a year in which
 * the employee was under 22, one week's for a year aged 22 to 40, and one and a half weeks' for a
 * year aged 41 or over; nothing with under 2 years' service. A week's pay is capped by law.
 */

export const MAX_YEARS_COUNTED = 20;
export const MIN_YEARS_FOR_ENTITLEMENT = 2;

/** Weeks of pay due for a leaver of `age` (whole years, at leaving) with `yearsOfService` full years. */
export function statutoryRedundancyWeeks(age: number, yearsOfService: number): number {
  wholeNumber("age", age, 16, 120);
  wholeNumber("yearsOfService", yearsOfService, 0, age - 15);
  return redundancyWeeksCore(age, yearsOfService);
}

export function redundancyWeeksCore(age: number, yearsOfService: number): number {
  if (yearsOfService < MIN_YEARS_FOR_ENTITLEMENT) return 0;
  const counted = Math.min(yearsOfService, MAX_YEARS_COUNTED);
  let weeks = 0;
  for (let back = 0; back < counted; back++) {
    // In the year `back` years before leaving, the employee was at least this old throughout.
    const ageThroughout = age - 1 - back;
    weeks += ageThroughout >= 41 ? 1.5 : ageThroughout >= 22 ? 1 : 0.5;
  }
  return weeks;
}

export interface RedundancyCase {
  age: number;
  yearsOfService: number;
  /** Actual gross weekly pay. */
  weeklyPay: number;
  /** The statutory cap on a week's pay (Infinity to pay on actual pay). */
  weeklyPayCap: number;
}

/** Statutory redundancy pay: weeks due × the lesser of weekly pay and the cap. */
export function statutoryRedundancyPay({ age, yearsOfService, weeklyPay, weeklyPayCap }: RedundancyCase): number {
  const weeks = statutoryRedundancyWeeks(age, yearsOfService);
  atLeast("weeklyPay", weeklyPay, 0);
  // Infinity is allowed for the cap: it means weeks are paid at actual pay.
  if (weeklyPayCap !== Infinity) atLeast("weeklyPayCap", weeklyPayCap, 0);
  return weeks * Math.min(weeklyPay, weeklyPayCap);
}
