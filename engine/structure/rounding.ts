import { mathCeil } from "../expression/expression.js";

/**
 * Rounding up a count that arithmetic left a hair above a whole number: 16 case-holders in teams of
 * 8 may come out as 2.0000000000000004 teams, which is 2 teams, not 3. This is the ceil of the
 * locked-down mathjs instance (tolerance 1e-12 relative), so a sizing expression's ceil(teams) and
 * the team count always agree.
 */
export function ceilNear(x: number): number {
  return mathCeil(x);
}
