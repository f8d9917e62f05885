/**
 * The parts of mathjs the sizing expressions use, in one module.
 *
 * Importing "mathjs/number" in Node loads several hundred module files, which took about 0.4 s of the
 * CLI's and each worker thread's start. `npm run build:lib` therefore replaces the compiled copy of
 * this module (dist/engine/expression/mathjs.js) with a single-file bundle of just these parts
 * (scripts/bundle-dependencies.mjs), which loads in about 15 ms. The sources, the tests and the add-in's
 * webpack build use this file as it is.
 */
export {
  addDependencies,
  ceilDependencies,
  create,
  divideDependencies,
  floorDependencies,
  maxDependencies,
  minDependencies,
  multiplyDependencies,
  parseDependencies,
  roundDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
} from "mathjs/number";
export type { MathNode } from "mathjs/number";
