import { atLeast, number, wholeNumber } from "../check.js";
import { DomainError, InputError } from "../errors.js";
import { allocate } from "../money/allocate.js";

/**
 * A spend profile: a total spread over the years of a transition in proportion to a weight for each
 * year (equal weights when none are given), each year's amount rounded to the penny so that the years
 * add up exactly to the total rounded to the penny. The same proportional rule the comparison model
 * applies to every transition category (there, per category, in its allocation-free loop).
 */

/** The longest spread a profile may have (a transition is a few years; an appraisal at most decades). */
export const MAX_PROFILE_YEARS = 100;

export function spreadByProfile(total: number, years: number, weights?: readonly number[]): number[] {
  number("total", total);
  wholeNumber("years", years, 1, MAX_PROFILE_YEARS);
  const w = weights ?? new Array<number>(years).fill(1);
  if (w.length !== years) throw new InputError("weights", `${years} years need ${years} weights, got ${w.length}`);
  let sum = 0;
  w.forEach((weight, i) => (sum += atLeast(`weights[${i}]`, weight, 0)));
  if (!(sum > 0)) throw new DomainError("weights", "must not all be zero");
  // A saving spreads as the mirror image of a cost of the same size, so the odd penny lands in the
  // same year whichever the sign.
  const size = Math.abs(total);
  const parts = allocate(
    w.map((weight) => (size * weight) / sum),
    size,
  );
  return total < 0 ? parts.map((p) => (p === 0 ? 0 : -p)) : parts;
}
