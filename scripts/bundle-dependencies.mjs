// Replaces the compiled re-export modules of two dependencies with one self-contained file each, so
// Node loads one file instead of hundreds: the CLI and each worker thread start about 0.4 s sooner.
//   dist/engine/expression/mathjs.js   the parts of mathjs the sizing expressions use
//   dist/engine/scenario/yaml.js       the yaml parser and writer
// Run by `npm run build:lib` after tsc. The sources, the tests and the add-in's webpack build use the
// re-export modules as they are (see engine/expression/mathjs.ts).
import webpack from "webpack";
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const MODULES = [join(root, "dist", "engine", "expression", "mathjs.js"), join(root, "dist", "engine", "scenario", "yaml.js")];

const configs = MODULES.map((compiled) => {
  if (!existsSync(compiled)) {
    console.error(`bundle-dependencies: ${compiled} is missing: run tsc -p tsconfig.build.json first`);
    process.exit(1);
  }
  return {
    name: basename(compiled),
    mode: "production",
    target: "node20",
    context: root,
    entry: compiled,
    experiments: { outputModule: true },
    output: { path: dirname(compiled), filename: basename(compiled), library: { type: "module" } },
    // Kept readable: a user stepping into it in a debugger sees the package's own code.
    optimization: { minimize: false },
    devtool: false,
    performance: { hints: false },
  };
});

webpack(configs, (error, stats) => {
  if (error || stats.hasErrors()) {
    console.error(`bundle-dependencies: ${error?.message ?? stats.toString({ all: false, errors: true })}`);
    process.exit(1);
  }
});
