import { engineBenchmark } from "./engine.js";
import { workbookBenchmark } from "./workbook.js";
import { paneBenchmark } from "./pane.js";
import { functionsBenchmark } from "./functions.js";
import { uncertaintyBenchmark } from "./uncertainty.js";
import { cliBenchmark } from "./cli.js";
import { parallelBenchmark } from "./parallel.js";
import { flowsBenchmark } from "./flows.js";

/**
 * `npm run bench`: every benchmark, each against a peer in the same run, printed as ratios.
 * Pass names to run some: `npm run bench -- engine`.
 */
const BENCHMARKS: Record<string, () => string | Promise<string>> = {
  engine: engineBenchmark,
  workbook: workbookBenchmark,
  pane: paneBenchmark,
  functions: functionsBenchmark,
  uncertainty: uncertaintyBenchmark,
  cli: cliBenchmark,
  parallel: parallelBenchmark,
  flows: flowsBenchmark,
};

const wanted = process.argv.slice(2);
for (const [name, bench] of Object.entries(BENCHMARKS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(await bench());
}
