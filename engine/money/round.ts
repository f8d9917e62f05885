import { Decimal } from "decimal.js";
import { DomainError } from "../errors.js";

/**
 * Rounding money to the penny.
 *
 * The model computes in plain numbers: their error is far below a penny. Rounding is where a figure
 * is shown or written out, and the rounding mode is named: half away from zero, which is what Excel's
 * ROUND does, so a workbook that recomputes our figures with ROUND agrees with us to the penny.
 *
 * decimal.js decides every case that is close to a half penny, where binary arithmetic could tip the
 * wrong way (1.005 is stored as 1.00499999…; decimal.js reads it as the 1.005 the user wrote and
 * rounds it up). Every other case has one right answer, which plain arithmetic gives without the cost
 * of a decimal object: one comparison must stay within microseconds.
 */
export const MONEY_ROUNDING = "half away from zero (as Excel's ROUND)";

const MoneyDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/**
 * The most pennies an amount may hold: above 2^53 a double no longer holds every whole penny, so
 * adding one penny can leave the amount unchanged and no penny allocation could be exact.
 */
export const MAX_PENNIES = 2 ** 53 - 1;

/** Near a half penny when the fraction of the scaled value is within this of 0.5 (relative). */
const TIE_WINDOW = 1e-6;

/** The amount in whole pennies, rounded half away from zero. */
export function toPennies(pounds: number): number {
  if (!Number.isFinite(pounds)) throw new DomainError("amount", `is not a finite number (${pounds})${Number.isNaN(pounds) ? "" : ": an input is far too large"}`);
  const scaled = pounds * 100;
  if (Math.abs(scaled) > MAX_PENNIES) throw new DomainError("amount", `£${pounds.toExponential(3)} is more than money is counted to the penny (about £90 trillion): an input is far too large`);
  const fraction = Math.abs(scaled - Math.trunc(scaled));
  if (Math.abs(fraction - 0.5) < TIE_WINDOW * Math.max(1, Math.abs(scaled) * 1e-9)) {
    return new MoneyDecimal(pounds).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() || 0;
  }
  const rounded = Math.round(Math.abs(scaled));
  return scaled < 0 && rounded !== 0 ? -rounded : rounded;
}

/** The amount rounded to the penny, in pounds. */
export function roundMoney(pounds: number): number {
  const pennies = toPennies(pounds);
  // Division of an integer by 100 is correctly rounded, so this is the double nearest the decimal.
  return pennies === 0 ? 0 : pennies / 100;
}

/** A number rounded to `places` decimal places, half away from zero (for shares, FTE and ratios). */
export function roundTo(value: number, places: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round a non-finite value: ${value}`);
  const result = new MoneyDecimal(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
  return result === 0 ? 0 : result;
}

/** Refuses an amount in pennies that is not a whole number a double holds exactly (see MAX_PENNIES). */
export function checkPennies(pennies: number, what: string): number {
  if (!Number.isSafeInteger(pennies)) {
    throw new DomainError(what, Number.isFinite(pennies) ? `${pennies.toExponential(3)} pennies is more than money is counted to the penny (about £90 trillion): an input is far too large` : `is not a finite number (${pennies})`);
  }
  return pennies;
}
