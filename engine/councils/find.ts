import { UnknownNameError } from "../errors.js";
import { COUNCILS, type GeneratedCouncil } from "../generated/councils.js";
import { closeMatches } from "../names.js";

/**
 * Finding a council by name, ONS code (E08000035) or DfE number (383). Names are matched forgivingly,
 * because people write "St Helens" or "Saint Helens", "Brighton & Hove", "city of york".
 */

export type CouncilRecord = GeneratedCouncil;

/** A name reduced to what tells councils apart: lower case, "&" as "and", "Saint" as "st", no "City of", no punctuation. */
export function normaliseCouncilName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\bsaint\b/g, "st")
    .replace(/\bst\./g, "st")
    .replace(/\bcity of\b/g, " ")
    .replace(/,?\s*(city|county) of\s*$/g, " ") // "Bristol, City of"
    .replace(/[^a-z0-9/]+/g, " ")
    .trim();
}

/** Every council in the published statistics, including those that have since merged or split. */
export function listCouncils(): readonly CouncilRecord[] {
  return COUNCILS;
}

/** The council named by its name, ONS code or DfE number; an UnknownNameError with close matches otherwise. */
export function findCouncil(nameOrCodeOrNumber: string | number): CouncilRecord {
  const wanted = String(nameOrCodeOrNumber).trim();
  const code = wanted.toUpperCase();
  const byCode = COUNCILS.filter((c) => c.dfe === wanted || c.ons.toUpperCase() === code || c.formerOns.some((o) => o.toUpperCase() === code));
  const key = normaliseCouncilName(wanted);
  const byName = byCode.length > 0 ? byCode : COUNCILS.filter((c) => normaliseCouncilName(c.name) === key);
  // a name used by a council before and after a reorganisation (Dorset) means the one still reporting
  const found = [...byName].sort((a, b) => b.latestYear - a.latestYear)[0];
  if (found) return found;
  const names = COUNCILS.map((c) => c.name);
  const near = closeMatches(wanted, names);
  const within = names.filter((n) => key.length >= 3 && normaliseCouncilName(n).includes(key));
  throw new UnknownNameError("council", wanted, [...new Set([...within.slice(0, 3), ...near])].slice(0, 3));
}
