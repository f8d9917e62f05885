import { above, atLeast, between } from "../check.js";

/**
 * Direct contact hours per child per week: the hours of a case-holder's week spent in direct contact
 * with children and families, shared across the children they hold.
 */
export function contactHours(hoursPerWeek: number, directContactShare: number, caseload: number): number {
  atLeast("hoursPerWeek", hoursPerWeek, 0);
  between("directContactShare", directContactShare, 0, 1);
  above("caseload", caseload, 0);
  return contactHoursCore(hoursPerWeek, directContactShare, caseload);
}

export function contactHoursCore(hoursPerWeek: number, directContactShare: number, caseload: number): number {
  return (hoursPerWeek * directContactShare) / caseload;
}
