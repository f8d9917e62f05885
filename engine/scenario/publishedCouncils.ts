/**
 * Published councils in a scenario (`council: leeds`, `council: { name: leeds, year: 2024 }`). The
 * council table is data the engine is given, not part of it (the add-in's pane need not carry it), so
 * the loader asks through this hook; the Node library and the CLI give it (engine/councils/published.ts).
 */

export interface PublishedCouncilPart {
  /** The scenario's council part: every figure with its publication, council and year. */
  council: Record<string, unknown>;
  /** The shared finance part for the data year's prices (`finance-2025-26`). */
  finance: string;
  /** Figures the model needs that the statistics lack, by the setting they would fill. */
  problems: { setting: string; message: string }[];
}

/** Finds a published council by name, ONS code or DfE number (throws UnknownNameError with close matches). */
export type PublishedCouncilLookup = (nameOrCode: string, year?: number) => PublishedCouncilPart;
/** Whether a name, code or number finds a published council, without building its part. */
export type PublishedCouncilTest = (nameOrCode: string) => boolean;

let given: { find: PublishedCouncilLookup; has: PublishedCouncilTest } | undefined;

/** Gives the loader the published councils; the Node library does this when it is imported. */
export function usePublishedCouncils(find: PublishedCouncilLookup, has: PublishedCouncilTest): void {
  given = { find, has };
}

/** The published councils, where given. */
export function publishedCouncils(): { find: PublishedCouncilLookup; has: PublishedCouncilTest } | undefined {
  return given;
}
