import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import vm from "node:vm";

/**
 * The built custom functions bundle (dist/addin/functions.js) loaded under Node as Excel loads it: a
 * script run in a fresh global scope that holds a `CustomFunctions` object, whose `associate` calls
 * are recorded. Used by the bundle test, the spreadsheet test and the functions benchmark, so that
 * each calls the functions exactly as Excel would: through what the bundle associated.
 */

/** The Excel error a custom function returns or throws, as the CustomFunctions runtime gives it. */
export class ExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** The runtime's error codes (the values Excel shows). */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type CustomFunction = (...args: unknown[]) => unknown;

/** A stand-in for the CustomFunctions runtime: Error, ErrorCode, and an associate that records ids. */
export function customFunctionsStub() {
  const associated = new Map<string, CustomFunction>();
  const record = (id: string, fn: unknown) => {
    if (typeof fn !== "function") throw new Error(`CustomFunctions.associate("${id}"): not a function`);
    if (associated.has(id)) throw new Error(`CustomFunctions.associate("${id}"): associated twice`);
    associated.set(id, fn as CustomFunction);
  };
  return {
    Error: ExcelError,
    ErrorCode: ERROR_CODES,
    associate(idOrMappings: string | Record<string, unknown>, fn?: unknown): void {
      if (typeof idOrMappings === "string") record(idOrMappings, fn);
      else for (const [id, f] of Object.entries(idOrMappings)) record(id, f);
    },
    associated,
  };
}

/** Makes `globalThis.CustomFunctions` the stub, for code that runs in this realm (the wrapper tests). */
export function installCustomFunctionsStub(): ReturnType<typeof customFunctionsStub> {
  const stub = customFunctionsStub();
  (globalThis as Record<string, unknown>).CustomFunctions = stub;
  return stub;
}

export interface EvaluationCacheHandle {
  stats(): { hits: number; misses: number; size: number; limit: number };
  clear(): void;
  setLimit(limit: number): void;
}

export interface FunctionsBundle {
  /** Every function the bundle associated, by id. */
  functions: Map<string, CustomFunction>;
  /** The files the bundle fetched (a council's figures: councils/<DfE number>.json), in order, each as it asked. */
  fetched: string[];
  /** The bundle's evaluation cache (exposed by the bundle as SocialCareFunctions.evaluationCache). */
  cache: EvaluationCacheHandle;
  /** The bundle's global scope (its exports are at `SocialCareFunctions`). */
  scope: vm.Context;
}

export const BUNDLE_FILE = "dist/addin/functions.js";

/** The least of a fetch Response the bundle reads. */
interface FileResponse {
  ok: boolean;
  status: number;
  statusText: string;
  json(): Promise<unknown>;
}

/**
 * A `fetch` that serves the files beside the bundle, as the web server that serves the add-in does: a
 * relative address is a file of `folder` (404 if there is none, or if it climbs out of the folder).
 * Every address asked for is added to `fetched`.
 */
export function folderFetch(folder: string, fetched: string[]): (address: string) => Promise<FileResponse> {
  return async (address: string) => {
    fetched.push(address);
    const path = resolve(folder, address);
    if (!path.startsWith(`${resolve(folder)}/`) || !existsSync(path)) return { ok: false, status: 404, statusText: "Not Found", json: () => Promise.reject(new Error("no body")) };
    const text = readFileSync(path, "utf8");
    return { ok: true, status: 200, statusText: "OK", json: async () => JSON.parse(text) as unknown };
  };
}

/**
 * Loads the built bundle into a fresh global scope; each load has its own engine and cache. Every
 * global name the bundle reads goes through Node's vm interceptors, so calls are several times slower
 * than in Excel's runtime: use this for checks, and loadFunctionsBundleHere for timings.
 */
export function loadFunctionsBundle(file = resolve(BUNDLE_FILE)): FunctionsBundle {
  if (!existsSync(file)) throw new Error(`${file} is missing: build the add-in first (npm run build:addin)`);
  const stub = customFunctionsStub();
  const fetched: string[] = [];
  // Excel's JavaScript runtimes have timers: an asynchronous function (SIMULATE) gives the runtime turns
  // with them; and fetch, with which the bundle fetches a council's figures from beside itself.
  const scope = vm.createContext({ CustomFunctions: stub, console, setTimeout, clearTimeout, fetch: folderFetch(dirname(file), fetched) });
  // webpack's runtime keeps its chunk list on `self`, as in a browser or Excel's JavaScript runtime.
  scope.self = scope;
  vm.runInContext(readFileSync(file, "utf8"), scope, { filename: file });
  const cache = (scope.SocialCareFunctions as { evaluationCache?: EvaluationCacheHandle } | undefined)?.evaluationCache;
  if (!cache) throw new Error(`${file} does not expose SocialCareFunctions.evaluationCache`);
  return { functions: stub.associated, fetched, cache, scope };
}

let loadedHere: FunctionsBundle | undefined;

/**
 * Loads the built bundle into this process's own global scope, as Excel's runtime runs it (so its
 * timings are not those of vm's interceptors). Once per process: later calls return the same bundle.
 */
export function loadFunctionsBundleHere(file = resolve(BUNDLE_FILE)): FunctionsBundle {
  if (loadedHere) return loadedHere;
  if (!existsSync(file)) throw new Error(`${file} is missing: build the add-in first (npm run build:addin)`);
  const stub = customFunctionsStub();
  const scope = globalThis as Record<string, unknown>;
  scope.CustomFunctions = stub;
  scope.self = globalThis;
  const fetched: string[] = [];
  scope.fetch = folderFetch(dirname(file), fetched);
  // Indirect eval runs the script in the global scope, as a <script> tag would.
  (0, eval)(readFileSync(file, "utf8"));
  const cache = (scope.SocialCareFunctions as { evaluationCache?: EvaluationCacheHandle } | undefined)?.evaluationCache;
  if (!cache) throw new Error(`${file} does not expose SocialCareFunctions.evaluationCache`);
  loadedHere = { functions: stub.associated, fetched, cache, scope: globalThis as vm.Context };
  return loadedHere;
}
