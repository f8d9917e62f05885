import { ScenarioError } from "../errors.js";
import { listParts } from "../scenario/load.js";
import { usePublishedCouncils, type PublishedCouncilPart } from "../scenario/publishedCouncils.js";
import { findCouncil, type CouncilRecord } from "./find.js";
import { councilScenarioPart } from "./scenarioPart.js";

/**
 * A published council as a scenario's council: its figures for the data year, costed in that year's
 * prices. The workforce is counted at 30 September, so a data year's prices are those of the financial
 * year it falls in (2025 → 2025/26).
 */

/** The financial year a data year's figures fall in: 2025 → "2025/26". */
export function financialYearOf(dataYear: number): string {
  return `${dataYear}/${String((dataYear + 1) % 100).padStart(2, "0")}`;
}

/**
 * The shared finance part for a data year's prices: that year's where the model holds it, else the
 * nearest later year it holds (the model's pay and rates are stated for a few years only), said in `note`.
 */
export function financeForDataYear(dataYear: number): { finance: string; year: string; note?: string } {
  const wanted = financialYearOf(dataYear);
  const held = listParts("finance")
    .map((id) => ({ id, year: id.replace(/^finance-(\d{4})-(\d{2})$/, "$1/$2") }))
    .filter((f) => f.year !== f.id)
    .sort((a, b) => a.year.localeCompare(b.year));
  const same = held.find((f) => f.year === wanted);
  if (same) return { finance: same.id, year: same.year };
  const later = held.find((f) => f.year > wanted) ?? held[held.length - 1]!;
  return {
    finance: later.id,
    year: later.year,
    note: `costed in ${later.year} prices, the nearest year the model holds pay and rates for (${held.map((f) => f.year).join(", ")}); the figures are for ${dataYear}`,
  };
}

/** The council part, finance and problems of a published council for a data year (its latest by default). */
export function publishedCouncilPart(id: string | number | CouncilRecord, year?: number): PublishedCouncilPart & { dataYear: number; financeYear: string } {
  const council = typeof id === "object" ? id : findCouncil(id);
  const dataYear = year ?? council.latestYear;
  const part = councilScenarioPart(council, dataYear);
  const priced = financeForDataYear(dataYear);
  const named = { ...part.council, name: priced.note ? `${part.council.name} (${priced.note})` : part.council.name };
  return {
    council: named,
    finance: priced.finance,
    problems: part.problems.map((p) => ({ setting: p.setting, message: p.message })),
    dataYear,
    financeYear: priced.year,
  };
}

/** Whether a name, ONS code or DfE number finds a published council. */
export function isPublishedCouncil(nameOrCode: string): boolean {
  try {
    findCouncil(nameOrCode);
    return true;
  } catch {
    return false;
  }
}

/**
 * A published council as a user types it: "leeds", "E08000035", "383", with a data year after a space or
 * comma ("leeds 2024"); undefined when the text finds no published council.
 */
export function councilAndYear(text: string): { council: CouncilRecord; year?: number } | undefined {
  const dated = /^(.*?)[\s,]+((?:19|20)\d\d)$/.exec(text.trim());
  if (dated && isPublishedCouncil(dated[1]!)) return { council: findCouncil(dated[1]!), year: Number(dated[2]) };
  return isPublishedCouncil(text) ? { council: findCouncil(text) } : undefined;
}

/**
 * `input` (a scenario's input, with sources) run on a published council: its council part for the data
 * year and that year's finance; the structure (and its caseloadFromCouncil) stays as it is.
 */
export function onPublishedCouncilInput(input: Record<string, unknown>, council: CouncilRecord, year?: number): Record<string, unknown> {
  const part = publishedCouncilPart(council, year);
  // by DfE number: a name may be shared by a council before and after a reorganisation (Dorset)
  return { ...input, council: year === undefined ? council.dfe : { name: council.dfe, year }, finance: part.finance };
}

/**
 * `input` on a published council with the council's figures written out (each with its source) rather
 * than named, so the scenario loads where the council table is not (the pane's engine worker). A figure
 * the model needs and the statistics lack is a ScenarioError naming it, the council and the year.
 */
export function publishedCouncilWrittenOut(input: Record<string, unknown>, council: CouncilRecord, year?: number): Record<string, unknown> {
  const part = publishedCouncilPart(council, year);
  if (part.problems.length > 0) throw new ScenarioError(part.problems.map((p) => ({ path: `council.${p.setting}`, reason: p.message })));
  return { ...input, council: part.council, finance: part.finance };
}

/** Gives the scenario loader the published councils, so `council: leeds` works in a scenario. */
export function usePublishedCouncilTable(): void {
  usePublishedCouncils((name, year) => publishedCouncilPart(name, year), isPublishedCouncil);
}
