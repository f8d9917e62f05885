import { DataUnavailableError, NotLoadedYet } from "./errors.js";

/**
 * `run()`'s answer (or what its Promise settles to), once the data it reads is there: where it throws NotLoadedYet, the missing data is
 * loaded and `run` is asked again, as many times as it names new data (a comparison may need two
 * councils). A load that fails rejects with its own error (DataUnavailableError); data still missing
 * after its load settled is a DataUnavailableError too, rather than a loop; any other error of `run`
 * rejects as it is.
 */
export async function whenLoaded<T>(run: () => T | Promise<T>): Promise<T> {
  const loaded = new Set<string>();
  for (;;) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof NotLoadedYet)) throw error;
      if (loaded.has(error.what)) throw new DataUnavailableError(`${error.what} could not be loaded`);
      loaded.add(error.what);
      await error.load();
    }
  }
}
