import { loadPreset, sensitivity, simulate } from "../engine/index.js";
import { formatDuration, measure, median, report } from "./harness.js";
import { ExcelError, loadFunctionsBundleHere, type FunctionsBundle } from "./functionsBundle.js";

/**
 * Issue 4's benchmark: a recalculation of 10,000 cells of SOCIALCARE functions through the built
 * bundle (dist/addin/functions.js, as Excel loads it), with the evaluation cache (each distinct preset,
 * overrides and comparison evaluated once) against the naive peer, the same bundle with its cache
 * turned off (every cell evaluates its scenario). Goal: at most 20 ms of JavaScript for the 10,000
 * cells with the cache, starting cold.
 */

const CELLS = 10_000;
const GOAL_MS = 20;

type Cell = [id: string, args: unknown[]];

/**
 * A budget workbook's cells, made up deterministically: mostly single figures of five presets with and
 * without a table of overrides (10 distinct scenarios), building blocks on the officer's own numbers,
 * and a few spilled comparisons, tier tables and transition tables.
 */
export function workbookCells(bundle: FunctionsBundle): Cell[] {
  const presets = ["baseline-2018", "blueprint", "england-2025", "cluster", "reclaim"];
  const overrideTables = [null, [["council.children", 3000], ["council.vacancyRate", 0.1]]];
  const compare = bundle.functions.get("COMPARE")!("baseline-2018", "blueprint", null, null) as unknown[][];
  // Figures every preset has (not tier figures, which depend on the structure).
  const figures = compare.slice(1).map((row) => row[0] as string).filter((f) => !f.startsWith("structure.tiers.") && /^(caseload|structure|time|runCost)\./.test(f));
  const cells: Cell[] = [];
  for (let i = 0; cells.length < CELLS; i++) {
    const k = i % 100;
    if (k < 80) {
      cells.push(["SCENARIO", [presets[i % presets.length], figures[i % figures.length], overrideTables[(i >> 3) % 2]]]);
    } else if (k < 84) cells.push(["CASELOAD", [2000 + (i % 500), 100 + (i % 40)]]);
    else if (k < 88) cells.push(["EMPLOYERCOST", [25000 + (i % 20000), null, null]]);
    else if (k < 91) cells.push(["STAFFCOST", [1 + (i % 30), 30000 + (i % 9000), 0.1, 0.5, 0.4, null]]);
    else if (k < 94) cells.push(["REDUNDANCY", [25 + (i % 40), i % 10, 400 + (i % 500), null, null]]);
    else if (k < 97) cells.push(["NPV", [[[-1000, 300, 300, 300, 300 + (i % 100)]], null]]);
    else if (k === 97) cells.push(["COMPARE", ["baseline-2018", presets[1 + (i % 2)], null, null]]);
    else if (k === 98) cells.push(i % 400 < 200 ? ["TIERS", [presets[i % presets.length], null]] : ["TEAMDESIGN", [presets[i % presets.length], overrideTables[(i >> 3) % 2]]]);
    else cells.push(["TRANSITION", ["baseline-2018", "blueprint", overrideTables[i % 2]]]);
  }
  return cells;
}

function recalculate(bundle: FunctionsBundle, cells: Cell[]): unknown[] {
  const answers = new Array<unknown>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const [id, args] = cells[i]!;
    try {
      answers[i] = bundle.functions.get(id)!(...args);
    } catch (error) {
      answers[i] = error instanceof ExcelError ? error : (() => { throw error; })();
    }
  }
  return answers;
}

/** The bundle's store of Monte Carlo runs (exposed as SocialCareFunctions.simulationRuns). */
function runsOf(bundle: FunctionsBundle): { clear(): void } {
  return (bundle.scope.SocialCareFunctions as { simulationRuns: { clear(): void } }).simulationRuns;
}

/**
 * SIMULATE through the bundle, cold (caches cleared), against the engine's `simulate` called directly
 * for the same draws: what the asynchronous slices, the shared run and the bundle cost. Also the
 * longest the JavaScript thread was held without a turn while SIMULATE ran (a timer ticking beside
 * it): what keeps Excel and the task pane responsive, as against the whole run for `simulate`.
 */
async function simulateTimings(bundle: FunctionsBundle): Promise<string[]> {
  const SIMULATE = bundle.functions.get("SIMULATE")!;
  const runs = runsOf(bundle);
  const cases: [label: string, args: unknown[], engine: () => number][] = [];
  for (const draws of [10_000, 100_000]) {
    cases.push([`blueprint runCost.total, ${draws.toLocaleString("en-GB")} draws`, ["blueprint", "runCost.total", draws, 0.9, 1, null], () => simulate(loadPreset("blueprint"), { figures: ["runCost.total"], draws, seed: 1, percentiles: [90] }).figures[0]!.percentiles[0]!.value]);
    cases.push([
      `blueprint against baseline-2018, appraisal.npv, ${draws.toLocaleString("en-GB")} draws`,
      ["blueprint", "appraisal.npv", draws, 0.9, 1, "baseline-2018"],
      () => simulate(loadPreset("blueprint"), { figures: ["appraisal.npv"], draws, seed: 1, percentiles: [90], baseline: loadPreset("baseline-2018") }).figures[0]!.percentiles[0]!.value,
    ]);
  }
  const lines: string[] = [];
  // A tornado is an analysis of its own (two evaluations an uncertain input), so it is timed here rather
  // than in the recalculation above: cold, through the bundle, against the engine's sensitivity().
  const TORNADO = bundle.functions.get("TORNADO")!;
  const tornadoArgs = ["blueprint", "transition.total", "baseline-2018"];
  const tornado = measure(
    [
      { name: "TORNADO", run: (n) => { for (let i = 0; i < n; i++) { bundle.cache.clear(); TORNADO(...tornadoArgs); } } },
      { name: "sensitivity()", run: (n) => { for (let i = 0; i < n; i++) sensitivity(loadPreset("blueprint"), { figure: "transition.total", baseline: loadPreset("baseline-2018") }); } },
    ],
    { iterations: 5, rounds: 7, warmup: 3 },
  );
  lines.push(`  TORNADO("blueprint", "transition.total", "baseline-2018"), cold: ${formatDuration(tornado[0]!.nsPerOp)}, sensitivity() ${formatDuration(tornado[1]!.nsPerOp)} (peer): ${(tornado[0]!.nsPerOp / tornado[1]!.nsPerOp).toFixed(2)}× the peer`);
  for (const [label, args, engine] of cases) {
    const rounds = 5;
    const bundled: number[] = [];
    const direct: number[] = [];
    const held: number[] = [];
    for (let r = 0; r < rounds + 1; r++) {
      bundle.cache.clear();
      runs.clear();
      let longest = 0;
      let last = process.hrtime.bigint();
      let ticking = true;
      const tick = () => {
        const now = process.hrtime.bigint();
        longest = Math.max(longest, Number(now - last));
        last = now;
        if (ticking) setTimeout(tick, 0);
      };
      setTimeout(tick, 0);
      const start = process.hrtime.bigint();
      const answer = await (SIMULATE(...args) as Promise<number>);
      const end = process.hrtime.bigint();
      const took = Number(end - start);
      // The last slice ends with the answer, not with a tick.
      longest = Math.max(longest, Number(end - last));
      ticking = false;
      const s2 = process.hrtime.bigint();
      const expected = engine();
      const tookDirect = Number(process.hrtime.bigint() - s2);
      if (answer !== expected) throw new Error(`SIMULATE gave ${answer} where the engine gives ${expected} (${label})`);
      if (r === 0) continue; // warm-up
      bundled.push(took);
      direct.push(tookDirect);
      held.push(longest);
    }
    const b = median(bundled);
    const d = median(direct);
    lines.push(`  ${label}: SIMULATE ${formatDuration(b)}, simulate() ${formatDuration(d)} (peer): ${(b / d).toFixed(2)}× the peer; thread held at most ${formatDuration(median(held))} at a time (simulate(): the whole run)`);
  }
  return lines;
}

export async function functionsBenchmark(): Promise<string> {
  const bundle = loadFunctionsBundleHere();
  const cells = workbookCells(bundle);
  const limit = bundle.cache.stats().limit;

  // Both ways must give every cell the same answer, or the ratio means nothing.
  bundle.cache.clear();
  const coalesced = recalculate(bundle, cells);
  const distinct = bundle.cache.stats().misses;
  bundle.cache.setLimit(0);
  const naive = recalculate(bundle, cells);
  bundle.cache.setLimit(limit);
  const errors = coalesced.filter((a) => a instanceof ExcelError).length;
  if (errors > 0) throw new Error(`${errors} cells of the benchmark workbook are errors`);
  if (JSON.stringify(naive) !== JSON.stringify(coalesced)) throw new Error("the cached and the uncached answers differ");

  let sink = 0;
  const run = (clearFirst: boolean) => (n: number) => {
    for (let r = 0; r < n; r++) {
      if (clearFirst) bundle.cache.clear();
      sink += recalculate(bundle, cells).length;
    }
  };
  const fast = measure(
    [
      { name: `cached, cold (cleared before each recalculation; ${distinct} evaluations)`, run: run(true) },
      { name: "cached, warm (a recalculation with the same scenarios)", run: run(false) },
    ],
    { iterations: 1, rounds: 15, warmup: 10 },
  );
  bundle.cache.setLimit(0);
  const slow = measure([{ name: "naive (no cache: every cell evaluates its scenario)", run: run(false) }], { iterations: 1, rounds: 3, warmup: 0 });
  bundle.cache.setLimit(limit);
  if (sink === 0) throw new Error("nothing ran");

  const cold = fast[0]!.nsPerOp / 1e6;
  const warm = fast[1]!.nsPerOp / 1e6;
  const recalculation = report(`SOCIALCARE functions: a recalculation of ${CELLS.toLocaleString("en-GB")} cells through the built bundle`, [...fast, ...slow], fast[0]!.name, [
    `per cell, cached and cold: ${formatDuration(fast[0]!.nsPerOp / CELLS)}; warm: ${formatDuration(fast[1]!.nsPerOp / CELLS)}`,
    `goal: at most ${GOAL_MS} ms for ${CELLS.toLocaleString("en-GB")} cells: cold ${cold.toFixed(1)} ms (${cold <= GOAL_MS ? "met" : "NOT met"}), warm ${warm.toFixed(1)} ms (${warm <= GOAL_MS ? "met" : "NOT met"})`,
  ]);
  const simulations = await simulateTimings(bundle);
  return [recalculation, "\nTORNADO and SIMULATE through the built bundle (one cell, caches cleared), against the engine called directly in the same run:", ...simulations].join("\n");
}
