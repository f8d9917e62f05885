import { above, atLeast } from "../check.js";
import { DomainError } from "../errors.js";
import { ceilNear } from "./rounding.js";

/** Caseload: children ÷ case-holding FTE (the DfE's definition: each child is a case). */
export function caseload(children: number, caseHoldingFte: number): number {
  atLeast("children", children, 0);
  above("caseHoldingFte", caseHoldingFte, 0);
  return caseloadCore(children, caseHoldingFte);
}

export function caseloadCore(children: number, caseHoldingFte: number): number {
  return children / caseHoldingFte;
}

/** Case-holding FTE needed to hold `children` at a caseload target: children ÷ target. */
export function caseHoldersNeeded(children: number, caseloadTarget: number): number {
  atLeast("children", children, 0);
  above("caseloadTarget", caseloadTarget, 0);
  return children / caseloadTarget;
}

/** Teams of `teamSize` FTE needed for `caseHolders` FTE; a part team counts as a whole one unless rounding is "none". */
export function teamsNeeded(caseHolders: number, teamSize: number, rounding: "up" | "none" = "up"): number {
  atLeast("caseHolders", caseHolders, 0);
  above("teamSize", teamSize, 0);
  if (rounding !== "up" && rounding !== "none") throw new DomainError("rounding", `must be "up" or "none", got ${String(rounding)}`);
  return teamsCore(caseHolders, teamSize, rounding === "up");
}

export function teamsCore(caseHolders: number, teamSize: number, roundUp: boolean): number {
  const teams = caseHolders / teamSize;
  return roundUp ? ceilNear(teams) : teams;
}
