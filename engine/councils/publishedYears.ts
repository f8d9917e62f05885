import { councilFiguresTable } from "../generated/councilFigures.js";
import type { PublishedYears } from "../generated/councils.js";

/**
 * A council's published figures, by reporting year, from the council table the engine is built with
 * (engine/generated/councilFigures.ts, written by scripts/build-councils.mjs from data/).
 *
 * Every read of a council's figures comes through here, so that a face which cannot afford to carry
 * the whole table can put its own module in this one's place: the add-in's build swaps in
 * addin/onDemand/councilFigures.ts, which fetches one council's figures the first time they are asked
 * for and until then throws NotLoadedYet (engine/whenLoaded.ts). The index of councils (names, codes,
 * neighbours) is always here (find.ts); only the figures wait.
 */
export type { PublishedYears };

/** The published figures of the council with DfE number `dfe` (none for a number the table lacks). */
export function publishedYears(dfe: string): PublishedYears {
  return councilFiguresTable()[dfe] ?? {};
}
