import {
  closeMatches,
  councilAndYear,
  councilFigures,
  findCouncil,
  listCouncils,
  normaliseCouncilName,
  onPublishedCouncilInput,
  loadScenario,
  toScenarioInput,
  UnknownNameError,
  usePublishedCouncilTable,
  type Scenario,
} from "../../engine/index.js";
import { NotAvailable } from "./excelErrors.js";

// The published council statistics in Excel: COUNCILS lists the councils, COUNCIL gives one published
// figure, and a whole-scenario function's overrides may name a council ({"council","Leeds"}). The
// figures are the engine's council table (engine/councils); nothing here computes one.

// The functions bundle carries the council table, so scenarios here may name a published council too.
usePublishedCouncilTable();

type Row = (number | string | boolean | null)[];

/** Council, ONS code, DfE number, region, latest year; those whose name holds the search (or whose code or number it is). */
export function councilsTable(search?: string): Row[] {
  const key = normaliseCouncilName(search ?? "");
  const wanted = (search ?? "").trim();
  const rows = listCouncils()
    .filter((c) => key === "" || normaliseCouncilName(c.name).includes(key) || c.ons === wanted.toUpperCase() || c.dfe === wanted)
    .map((c): Row => [c.name, c.ons, c.dfe, c.region, c.latestYear]);
  if (rows.length === 0) throw new NotAvailable(`no council's name holds "${wanted}"; SOCIALCARE.COUNCILS() lists them all`);
  return [["council", "ONS code", "DfE number", "region", "latest year"], ...rows];
}

/**
 * One published figure of a council for a year (its latest by default). A figure published as a symbol
 * (suppressed, not collected) is #N/A with the symbol's meaning: never 0.
 */
export function councilFigure(name: string, figure: string, year?: number): number {
  const council = findCouncil(name);
  const y = year ?? council.latestYear;
  const figures = councilFigures(council, y);
  const known = Object.keys(figures);
  const key = known.find((k) => k === figure) ?? known.find((k) => k.toLowerCase() === figure.toLowerCase());
  if (key === undefined) throw new UnknownNameError("figure", figure, closeMatches(figure, known));
  const f = figures[key]!;
  if (typeof f.value === "number") return f.value;
  throw new NotAvailable(`${council.name}, ${y}: ${key} is not published (${"missing" in f ? `"${f.missing}": ${f.reason}` : "missing"}; ${f.publication})`);
}

/** The override that names a published council: "council" with "Leeds", "E08000035", "383" or "Leeds 2024". */
export const COUNCIL_OVERRIDE = "council";

/** `scenario` run on the published council an override names, in its data year's prices. */
export function onCouncilNamed(scenario: Scenario, value: unknown): Scenario {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  const found = councilAndYear(text);
  if (!found) {
    const names = listCouncils().map((c) => c.name);
    throw new UnknownNameError("council", text, closeMatches(text, names));
  }
  return loadScenario(onPublishedCouncilInput(toScenarioInput(scenario, { withSources: true }), found.council, found.year), { id: scenario.id });
}
