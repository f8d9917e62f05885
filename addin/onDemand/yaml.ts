import type * as BuiltIn from "../../engine/scenario/yaml.js";
import { DataUnavailableError, NotLoadedYet } from "../../engine/errors.js";

// The add-in's build puts this module in the place of engine/scenario/yaml.ts (webpack.config.js,
// ON_DEMAND) on the page: the YAML reader is about 31 KB gzip, needed only when a scenario file written in
// YAML is imported (JSON needs none), so it loads then, as a chunk of its own (the worker's workbook
// writer keeps its own copy). Until it has, a call throws NotLoadedYet, which the pane waits on
// (whenLoaded) and then calls again.

let yaml: typeof import("yaml") | undefined;
let loading: Promise<void> | undefined;

function reader(): typeof import("yaml") {
  if (yaml === undefined) throw new NotLoadedYet("the YAML reader", load);
  return yaml;
}

function load(): Promise<void> {
  loading ??= import(/* webpackChunkName: "yaml" */ "yaml").then(
    (module) => {
      yaml = module;
    },
    (error: unknown) => {
      loading = undefined;
      throw new DataUnavailableError(`the YAML reader could not be loaded (${error instanceof Error ? error.message : String(error)}); try again`);
    },
  );
  return loading;
}

export const parseDocument: typeof BuiltIn.parseDocument = ((...args: Parameters<typeof BuiltIn.parseDocument>) => reader().parseDocument(...args)) as typeof BuiltIn.parseDocument;
export const stringify: typeof BuiltIn.stringify = ((...args: Parameters<typeof BuiltIn.stringify>) => reader().stringify(...args)) as typeof BuiltIn.stringify;
