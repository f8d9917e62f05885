// Builds the Excel add-in into dist/addin/: the custom functions (functions.js and the functions.json
// metadata generated from their JSDoc), the task pane page that hosts them in the shared runtime, the
// icons, and manifest.xml with the base URL the files will be served from.
//
//   npm run build:addin                                              production, for https://localhost:3000/
//   npm run build:addin -- --env baseUrl=https://example.org/socialcare/   production, for your web host
//   npm run dev-server                                               development server on https://localhost:3000
//   add --env outputPath=<folder> to build somewhere other than dist/addin (the tests build a copy for another host)
import webpack from "webpack";
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sourcesPage } from "./scripts/sources-page.cjs";

const root = fileURLToPath(new URL(".", import.meta.url));
const DEV_URL = "https://localhost:3000/";

/** Every custom function file, for the metadata plugin (it reads their JSDoc and types). */
export const FUNCTION_FILES = ["./addin/functions/functions.ts"];

export default (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const baseUrl = normaliseBaseUrl(env.baseUrl ?? DEV_URL);
  const outputPath = resolve(root, env.outputPath ?? "dist/addin");
  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-source-map",
    context: root,
    entry: {
      // The functions bundle also exposes its exports (the functions and the evaluation cache) as the
      // global SocialCareFunctions, for checks from outside it: the bundle test and the benchmark.
      functions: { import: "./addin/functions/functions.ts", library: { name: "SocialCareFunctions", type: "var" } },
      // The pane reuses the modules the functions bundle already holds (one engine, one cache per page).
      taskpane: { import: "./addin/taskpane/taskpane.ts", dependOn: "functions" },
      // The pane's engine worker: a bundle of its own, started with new Worker("engine-worker.js"). Kept
      // out of the functions bundle's runtime, which must load anywhere (Node tests included) without a
      // document to resolve worker URLs against.
      // It loads its own lazy chunks (the workbook writer, exceljs) with importScripts, as a worker must.
      // Its engine is the page's (engineFromPage.ts): see WORKER_LAYER.
      "engine-worker": { import: "./addin/taskpane/compute/engine.worker.ts", chunkLoading: "import-scripts" },
    },
    output: {
      path: outputPath,
      filename: "[name].js",
      chunkFilename: "[name].js",
      // Chunks load relative to the page (taskpane.html sits beside them). Not "auto": the functions
      // bundle carries the webpack runtime, and "auto" needs a browser's document to work out the path,
      // which Excel's JavaScript-only runtime and Node (the bundle tests) do not have.
      publicPath: "",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The sources import each other as .js (ES module style); webpack finds the .ts (or the pane's .tsx).
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.addin.json", transpileOnly: false } } },
        // The task pane: Preact components in .tsx, and its stylesheet inlined as text (no CSS loaders needed).
        { test: /\.tsx$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.addin.json", transpileOnly: false } } },
        { test: /\.css$/, type: "asset/source" },
        // The engine has no side effects on import, so a module only a lazy chunk uses (Monte Carlo,
        // the workbook writer) stays out of the bundles that load with the pane.
        { test: /[\\/]engine[\\/].*\.ts$/, sideEffects: false },
        // The pane's jobs (run in the worker, or on the page where no worker starts) are built in a layer
        // of their own: see WORKER_LAYER.
        { test: /[\\/]addin[\\/]taskpane[\\/]compute[\\/](jobs|workbookPlan|engine\.worker|engineFromPage)\.ts$/, layer: WORKER_LAYER },
      ],
    },
    performance: { hints: false },
    experiments: { layers: true },
    externals: [workerEngineExternal],
    plugins: [
      // Data and a reader the first figure does not need, fetched when first asked for (addin/onDemand).
      new webpack.NormalModuleReplacementPlugin(ON_DEMAND.councilFigures.replaces, ON_DEMAND.councilFigures.with),
      new webpack.NormalModuleReplacementPlugin(ON_DEMAND.yaml.replaces, (result) => {
        // the worker's own chunks (the workbook writer) keep the reader they load with
        if (result.createData && result.contextInfo?.issuerLayer !== WORKER_LAYER) result.createData.resource = ON_DEMAND.yaml.with;
      }),
      new CouncilFiguresPlugin(join(root, "engine", "generated", "councilFigures.json")),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_FILES }),
      // The JSDoc's @helpurl links name the development server; point them at the build's base URL.
      new RebaseUrlsPlugin(["functions.json"], baseUrl),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./addin/taskpane/taskpane.html",
        // Shared runtime: the task pane page loads the custom functions too.
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "addin/assets/*.png", to: "assets/[name][ext]" },
          { from: "addin/help.html", to: "help.html" },
          // The sources every preset cites, for the pane's explanations to link to.
          { from: "docs/sources.md", to: "sources.html", transform: (content) => sourcesPage(content.toString()) },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rebase(content.toString(), baseUrl),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: outputPath },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: 3000,
      server: { type: "https", options: devCertificates() },
    },
  };
};

const WORKER_LAYER = "engine-worker";

/**
 * Engine modules the add-in's build puts others in the place of, so that what the first figure does not
 * need is fetched when first asked for (issue 14: the pane's first download). Each replacement exports
 * what the module it replaces does, and throws NotLoadedYet until its data has arrived.
 *   councilFigures  every council's published figures (about 90 KB gzip) → one small file per council,
 *                   fetched by addin/onDemand/councilFigures.ts (the index of councils stays)
 *   yaml            the YAML reader (about 34 KB gzip) → a chunk loaded by addin/onDemand/yaml.ts when a
 *                   YAML file is imported (on the page; the worker's workbook writer keeps its own)
 */
const ON_DEMAND = {
  councilFigures: { replaces: /[\\/]engine[\\/]councils[\\/]publishedYears\.ts$/, with: join(root, "addin", "onDemand", "councilFigures.ts") },
  yaml: { replaces: /[\\/]engine[\\/]scenario[\\/]yaml\.ts$/, with: join(root, "addin", "onDemand", "yaml.ts") },
};

/**
 * Writes each council's published figures to a file of its own, councils/<DfE number>.json (the name
 * addin/onDemand/councilFigures.ts asks for), from the table scripts/build-councils.mjs wrote.
 */
class CouncilFiguresPlugin {
  constructor(table) {
    this.table = table;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("CouncilFiguresPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "CouncilFiguresPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        if (!existsSync(this.table)) {
          compilation.errors.push(new webpack.WebpackError(`${this.table} is missing: run npm run build:lib (or npm run models) first`));
          return;
        }
        compilation.fileDependencies.add(this.table);
        const figures = JSON.parse(readFileSync(this.table, "utf8"));
        for (const [dfe, years] of Object.entries(figures)) {
          compilation.emitAsset(`councils/${dfe.replace(/[^0-9]+/g, "-")}.json`, new webpack.sources.RawSource(JSON.stringify({ dfe, years })));
        }
      });
    });
  }
}

/**
 * The layer of the pane's jobs (addin/taskpane/compute: the worker, and the same jobs on the page where
 * no worker starts) and of what they import. In it, engine/index.js is the engine the functions bundle
 * exposes (the global SocialCareFunctions.engine: on the page, functions.js loads first; in the worker,
 * engineFromPage.ts loads it), so the engine crosses the network once (issue 14). Deeper engine modules
 * that only the jobs' on-demand chunks import (a Monte Carlo run, the health check, the workbook writer)
 * stay in those chunks, which the worker and the page share.
 */
function workerEngineExternal({ request, contextInfo }, callback) {
  if (contextInfo?.issuerLayer === WORKER_LAYER && /(^|\/)engine\/index\.js$/.test(request ?? "")) return callback(null, "SocialCareFunctions.engine", "var");
  return callback();
}

/** Text with the development server's URLs replaced by the base URL, and its bare origin (an AppDomain) by the base URL's origin. */
export function rebase(text, baseUrl) {
  return text.replaceAll(DEV_URL, baseUrl).replaceAll(DEV_URL.slice(0, -1), new URL(baseUrl).origin);
}

/** Rewrites the development server's URLs in generated assets (functions.json) to the base URL. */
class RebaseUrlsPlugin {
  constructor(files, baseUrl) {
    this.files = files;
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RebaseUrlsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "RebaseUrlsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE }, (assets) => {
        for (const file of this.files) {
          if (!assets[file]) continue;
          compilation.updateAsset(file, new webpack.sources.RawSource(rebase(assets[file].source().toString(), this.baseUrl)));
        }
      });
    });
  }
}

function normaliseBaseUrl(url) {
  if (!/^https:\/\//.test(url)) throw new Error(`baseUrl must be an https:// address (Office only loads add-ins over HTTPS), got ${url}`);
  return url.endsWith("/") ? url : `${url}/`;
}

/** The certificates `npx office-addin-dev-certs install` creates, when present (see the README). */
function devCertificates() {
  const dir = join(homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (!Object.values(files).every((f) => existsSync(join(dir, f)))) return {};
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, readFileSync(join(dir, f))]));
}
