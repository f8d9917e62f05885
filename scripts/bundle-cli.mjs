// Writes dist/cli/socialcare.mjs, the `socialcare` command as one file: the CLI, the engine and the
// libraries it uses (those it loads only for some commands, such as the workbook reader, as files beside
// it, loaded when a command asks). Node spends most of the CLI's start on loading modules, one by one, and
// about 120 of them loaded for `socialcare compare` took about 80 ms more than one file does (issue 16).
// Run by `npm run build:lib` after tsc and bundle-dependencies.mjs. dist/cli/main.js stays as it is: it is
// what the library's users and the tests import.
//
// Left outside: piscina, exceljs and jszip (only some commands load them; they stay where npm installed
// them), and node/workerFile.js, the path of the file worker threads start on. A worker loads the engine
// from dist/ on its own thread, as it does for the library.
import { minify } from "terser";
import webpack from "webpack";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const main = join(root, "dist", "cli", "main.js");
if (!existsSync(main)) {
  console.error(`bundle-cli: ${main} is missing: run tsc -p tsconfig.build.json first`);
  process.exit(1);
}

// chunks of an earlier build, whose numbers may differ from this one's
const out = join(root, "dist", "cli");
for (const file of readdirSync(out)) if (/^socialcare(-.+)?\.mjs$/.test(file)) rmSync(join(out, file));

const config = {
  mode: "production",
  target: "node20",
  context: root,
  entry: main,
  experiments: { outputModule: true },
  output: {
    path: out,
    filename: "socialcare.mjs",
    chunkFilename: "socialcare-[name].mjs",
    chunkFormat: "module",
    module: true,
  },
  externalsType: "module",
  externals: [
    ({ request, context }, callback) => {
      // packages only some commands load stay where npm installed them, rather than a second copy here
      if (request === "piscina" || request === "exceljs" || request === "jszip") return callback(null, request);
      // the worker file's path is worked out from where workerFile.js is, in dist/node
      if (request?.endsWith("/workerFile.js") && context?.endsWith(join("dist", "node"))) return callback(null, "../node/workerFile.js");
      callback();
    },
  ],
  // Not minified here: see compact() below.
  optimization: { minimize: false },
  devtool: false,
  performance: { hints: false },
  plugins: [new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true, entryOnly: true })],
};

/**
 * The bundle without comments or indentation, and with every character outside ASCII written as an
 * escape, so Node reads it as one-byte text (a file with one £ in it is decoded and parsed as two-byte
 * text). Names are kept and each statement has a line of its own, so a stack trace (--debug) points at a
 * line that can be read.
 */
async function compact(file) {
  const { code } = await minify(readFileSync(file, "utf8"), { module: true, compress: false, mangle: false, format: { ascii_only: true, comments: false, beautify: true, indent_level: 0 } });
  writeFileSync(file, code);
}

webpack(config, (error, stats) => {
  if (error || stats.hasErrors()) {
    console.error(`bundle-cli: ${error?.message ?? stats.toString({ all: false, errors: true })}`);
    process.exit(1);
  }
  const files = readdirSync(out).filter((file) => /^socialcare(-.+)?\.mjs$/.test(file));
  Promise.all(files.map((file) => compact(join(out, file)))).catch((problem) => {
    console.error(`bundle-cli: ${problem.message}`);
    process.exit(1);
  });
});
