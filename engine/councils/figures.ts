import { AREAS, FIGURE_PUBLICATION, PUBLICATIONS, type GeneratedArea } from "../generated/councils.js";
import { UnknownNameError } from "../errors.js";
import { closeMatches } from "../names.js";
import { findCouncil, type CouncilRecord } from "./find.js";
import { publishedYears } from "./publishedYears.js";

/** A council's published figures for one year: each a number, or missing with the symbol published and its meaning. */

export type CouncilFigure =
  | { figure: string; value: number; publication: string; year: number }
  | { figure: string; value?: undefined; missing: string; reason: string; publication: string; year: number };

/** What each symbol published in place of a number means (DfE and MHCLG conventions; data/README.md). */
export const SUPPRESSION_REASONS: Record<string, string> = {
  c: "confidential: suppressed to protect individuals",
  low: "a rounded figure below 0.5, not zero",
  x: "not available (not collected, or not received in time for publication)",
  "[x]": "not available (not collected, or not received in time for publication)",
  z: "not applicable",
  u: "low reliability",
  "[n]": "no estimate made",
  "[blank]": "left blank in the publication",
};

export function suppressionReason(symbol: string): string {
  if (/^\[note \d+\]$/.test(symbol)) return `see ${symbol.slice(1, -1)} of the publication`;
  return SUPPRESSION_REASONS[symbol] ?? `not a number ("${symbol}")`;
}

/** The publication a figure comes from, with the year: "DfE, Children's social work workforce 2025". */
export function publicationOf(figure: string, year: number): string {
  const key = FIGURE_PUBLICATION[figure];
  if (key === "ro3") return PUBLICATIONS.ro3!;
  return `${PUBLICATIONS[key ?? ""] ?? "unknown publication"} ${year}`;
}

/** Every figure the statistics hold for the council in the year (its latest year by default). */
export function councilFigures(id: string | number | CouncilRecord, year?: number): Record<string, CouncilFigure> {
  const council = typeof id === "object" ? id : findCouncil(id);
  const y = year ?? council.latestYear;
  return figuresOf(publishedYears(council.dfe)[String(y)] ?? {}, y);
}

export type AreaRecord = GeneratedArea;

/** England and its nine regions, as published beside the councils. */
export function listAreas(): readonly AreaRecord[] {
  return AREAS;
}

/** England ("England", "national") or a region by name, e.g. "Yorkshire and The Humber". */
export function findArea(name: string): AreaRecord {
  const wanted = name.trim().toLowerCase();
  const found = AREAS.find((a) => a.name.toLowerCase() === wanted || (wanted === "national" && a.level === "national"));
  if (found) return found;
  throw new UnknownNameError("area", name, closeMatches(name, AREAS.map((a) => a.name)));
}

/** Every figure the statistics hold for England or a region in the year. */
export function areaFigures(area: string | AreaRecord, year: number): Record<string, CouncilFigure> {
  const a = typeof area === "object" ? area : findArea(area);
  return figuresOf(a.years[String(year)] ?? {}, year);
}

/** The council's DfE statistical neighbours (2025), closest first, those still reporting found by number. */
export function councilNeighbours(id: string | number | CouncilRecord): { council: CouncilRecord; closeness: string }[] {
  const council = typeof id === "object" ? id : findCouncil(id);
  return council.neighbours.flatMap((n) => {
    try {
      return [{ council: findCouncil(n.dfe), closeness: n.closeness }];
    } catch {
      return []; // a neighbour number no longer reporting
    }
  });
}

function figuresOf(raw: Record<string, number | string>, y: number): Record<string, CouncilFigure> {
  const out: Record<string, CouncilFigure> = {};
  for (const figure of Object.keys(FIGURE_PUBLICATION)) {
    const cell = raw[figure];
    const publication = publicationOf(figure, y);
    if (typeof cell === "number") out[figure] = { figure, value: cell, publication, year: y };
    else if (cell === undefined) out[figure] = { figure, missing: "[none]", reason: `not published for ${y}`, publication, year: y };
    else out[figure] = { figure, missing: cell, reason: suppressionReason(cell), publication, year: y };
  }
  return out;
}

/** The years the statistics hold anything for the council, oldest first. */
export function councilYears(id: string | number | CouncilRecord): number[] {
  const council = typeof id === "object" ? id : findCouncil(id);
  return Object.keys(publishedYears(council.dfe)).map(Number).sort((a, b) => a - b);
}
