import type * as BuiltIn from "../../engine/councils/publishedYears.js";
import { DataUnavailableError, NotLoadedYet } from "../../engine/errors.js";
import { COUNCILS, type PublishedYears } from "../../engine/generated/councils.js";

// The add-in's build puts this module in the place of engine/councils/publishedYears.ts (webpack.config.js,
// ON_DEMAND): the whole table of councils' figures is some 90 KB gzip, most of the pane's first download,
// while a workbook or a director needs a council or two. The build writes each council's figures to a
// file of its own (councils/<DfE number>.json beside functions.js); a council's figures are fetched the
// first time they are asked for, and kept for the life of the page (or worker). Until they arrive, asking
// throws NotLoadedYet, which the custom functions' adapter and the pane wait on (whenLoaded) and then ask
// again. The index of councils (names, codes, neighbours) stays in the bundle: a search needs no fetch.

/** Where the build puts a council's figures, relative to the page: a DfE number's digits, "940 / 941" → "940-941". */
export function councilFiguresFile(dfe: string): string {
  return `councils/${dfe.replace(/[^0-9]+/g, "-")}.json`;
}

const loaded = new Map<string, PublishedYears>();
const loading = new Map<string, Promise<void>>();

export const publishedYears: typeof BuiltIn.publishedYears = (dfe) => {
  const years = loaded.get(dfe);
  if (years !== undefined) return years;
  throw new NotLoadedYet(`the published figures of ${councilName(dfe)}`, () => load(dfe));
};

function councilName(dfe: string): string {
  return COUNCILS.find((c) => c.dfe === dfe)?.name ?? `council ${dfe}`;
}

/** Fetches the council's figures once, however many cells ask at the same time; a failed fetch may be tried again. */
function load(dfe: string): Promise<void> {
  let pending = loading.get(dfe);
  if (pending === undefined) {
    pending = fetchYears(dfe).then(
      (years) => {
        loaded.set(dfe, years);
      },
      (error: unknown) => {
        loading.delete(dfe);
        throw new DataUnavailableError(`the published figures of ${councilName(dfe)} could not be loaded (${error instanceof Error ? error.message : String(error)}); try again`);
      },
    );
    loading.set(dfe, pending);
  }
  return pending;
}

async function fetchYears(dfe: string): Promise<PublishedYears> {
  if (typeof fetch !== "function") throw new Error("this runtime cannot fetch files");
  const file = councilFiguresFile(dfe);
  const response = await fetch(file);
  if (!response.ok) throw new Error(`${file}: ${response.status} ${response.statusText}`.trim());
  const body = (await response.json()) as { dfe?: unknown; years?: unknown };
  if (body === null || typeof body !== "object" || body.dfe !== dfe || body.years === null || typeof body.years !== "object" || Array.isArray(body.years)) {
    throw new Error(`${file} is not the figures of council ${dfe}`);
  }
  return body.years as PublishedYears;
}
