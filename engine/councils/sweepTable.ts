import { UnknownNameError } from "../errors.js";
import type { CouncilColumn, CouncilRow, CouncilTable } from "../uncertainty/councils.js";
import { listCouncils, type CouncilRecord } from "./find.js";
import { councilScenarioPart, type SourcedValue } from "./scenarioPart.js";
import { publishedYears } from "./publishedYears.js";

/**
 * The national sweep's council table, built from the published statistics: one row per council that
 * reports workforce figures for the year, with its children (cases), caseload, vacancy rate and agency
 * cover as its scenario part derives them (scenarioPart.ts). Caseload is a council setting: it sizes the
 * case-holders of a structure run as councils run it today (the baseline), and leaves an option's own
 * caseload target alone.
 *
 * A figure suppressed for the year is carried forward from the council's latest earlier year that
 * publishes it, and the row says so (DfE's national row does the same: Kensington and Chelsea's and
 * Westminster's 2025 caseload figures are `x`, and their 2024 cases make up the national total). A council
 * that still lacks a figure, or whose figure cannot be modelled, is left out, and the notes say which and why.
 */

/** The settings each row sets, in column order: every one is applied to every scenario of the sweep. */
const SETTINGS = ["children", "caseload", "vacancyRate", "agencyCoverShare"] as const;
/**
 * A council reported for a year when it has a row of the workforce collection that year (its cases
 * figure, published or suppressed): the index says which years (`workforceYears`, written by
 * scripts/build-councils.mjs), so listing them needs no council's figures.
 */

/** The names a published table goes by: `published` (the latest year) or `published-2024`. */
export function publishedTableYear(name: string): number | undefined {
  const m = /^published(?:-(\d{4}))?$/.exec(name.trim());
  if (!m) return undefined;
  return m[1] ? Number(m[1]) : latestWorkforceYear();
}

/** The latest year any council has workforce figures for. */
export function latestWorkforceYear(): number {
  return Math.max(...listCouncils().flatMap((c) => c.workforceYears));
}

/** The years a published table can be built for (the workforce collection's years). */
export function publishedTableYears(): number[] {
  const years = new Set(listCouncils().flatMap((c) => c.workforceYears));
  return [...years].sort((a, b) => a - b);
}

export function publishedCouncilTable(year = latestWorkforceYear()): CouncilTable {
  const years = publishedTableYears();
  if (!years.includes(year)) throw new UnknownNameError("council table", `published-${year}`, years.map((y) => `published-${y}`).slice(-3));
  const columns: CouncilColumn[] = SETTINGS.map((s) => ({ column: `council.${s}`, key: `council.${s}`, applies: "all" }));
  const councils: CouncilRow[] = [];
  const carriedNotes: string[] = [];
  const leftOut: string[] = [];
  const reporting = listCouncils().filter((c) => c.workforceYears.includes(year));
  for (const council of reporting) {
    const row = rowOf(council, year);
    if ("problem" in row) {
      leftOut.push(`${council.name} (${row.problem})`);
      continue;
    }
    const carried = Object.entries(row.carried).map(([s, y]) => `${s} from ${y}`);
    if (carried.length > 0) carriedNotes.push(`${council.name}: ${carried.join(", ")}`);
    councils.push({
      name: council.name,
      line: councils.length + 1,
      labels: { ons: council.ons, dfe: council.dfe, region: council.region, carried: carried.join("; ") },
      values: SETTINGS.map((s) => row.values[s]!.value),
    });
  }
  const notes = [
    `Every English council reporting to DfE, Children's social work workforce ${year}: cases, caseload, vacancy rate and agency cover (agency workers covering vacancies ÷ vacancies) as published.`,
    ...(carriedNotes.length > 0 ? [`Carried forward from an earlier year where ${year}'s figure is suppressed: ${carriedNotes.join("; ")}.`] : []),
    ...(leftOut.length > 0 ? [`Left out, as a figure the model needs is missing in every year up to ${year} or cannot be modelled: ${leftOut.join("; ")}.`] : []),
  ];
  return { source: `published-${year}`, notes, labelColumns: ["ons", "dfe", "region", "carried"], columns, councils };
}

/** A council's four settings for the year, each carried forward from its latest earlier published year where needed. */
function rowOf(council: CouncilRecord, year: number): { values: Record<string, SourcedValue>; carried: Record<string, number> } | { problem: string } {
  const values: Record<string, SourcedValue> = {};
  const carried: Record<string, number> = {};
  const earlier = Object.keys(publishedYears(council.dfe)).map(Number).filter((y) => y <= year).sort((a, b) => b - a);
  const parts = new Map<number, ReturnType<typeof councilScenarioPart>>();
  const partOf = (y: number) => parts.get(y) ?? parts.set(y, councilScenarioPart(council, y)).get(y)!;
  for (const setting of SETTINGS) {
    for (const y of earlier) {
      const part = partOf(y);
      // a figure published but unusable (a vacancy rate of 100%) is not replaced by an older one
      const unusable = part.problems.find((p) => p.setting === setting && /cannot be used/.test(p.message));
      if (unusable && y === year) return { problem: unusable.message };
      const v = part.council[setting];
      if (v !== undefined && typeof v === "object") {
        values[setting] = v;
        if (y !== year) carried[setting] = y;
        break;
      }
    }
    if (!values[setting]) return { problem: `${setting} is not published in any year up to ${year}` };
  }
  return { values, carried };
}
