/// <reference lib="webworker" />

/**
 * The worker's engine is the page's: the custom functions bundle (functions.js), which the page has
 * already downloaded, loaded again here from the browser's cache, so the engine and its presets cross
 * the network once (issue 14). The worker's own bundle maps every import of engine/index.js to the
 * `engine` this bundle exposes (see webpack.config.js).
 *
 * functions.js registers its custom functions as it loads; a worker has no CustomFunctions runtime, so
 * an inert one stands in: nothing in the worker calls a custom function.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope & { CustomFunctions?: unknown };
if (scope.CustomFunctions === undefined) {
  class NotInExcel extends Error {}
  scope.CustomFunctions = { associate: () => undefined, Error: NotInExcel, ErrorCode: {} };
}
scope.importScripts("functions.js");
