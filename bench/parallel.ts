import { publishedCouncilTable, loadPreset, simulate, sweep, type SweepOptions } from "../engine/index.js";
import { simulateParallel, sweepParallel } from "../node/simulate.js";
import { formatDuration, median, report } from "./harness.js";

/**
 * What a second core buys: the same work on one thread and on two workers (this thread and one pool
 * thread, the pool started inside each timed run, as a CLI run starts it), alternating, median of
 * rounds. Goal: two workers at least 1.6× one thread, start-up included.
 */

const SEED = 20191101;

async function alternate(runs: (() => Promise<unknown> | unknown)[], rounds: number): Promise<number[]> {
  const samples = runs.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (const [i, run] of runs.entries()) {
      const start = process.hrtime.bigint();
      await run();
      samples[i]!.push(Number(process.hrtime.bigint() - start));
    }
  }
  return samples.map(median);
}

function speedUp(title: string, oneThread: number, twoWorkers: number): string {
  const ratio = oneThread / twoWorkers;
  return report(title, [
    { name: "one thread", nsPerOp: oneThread },
    { name: "two workers (pool start-up included)", nsPerOp: twoWorkers },
  ], "one thread", [`goal: two workers at least 1.6× one thread: ${ratio >= 1.6 ? "met" : "not met"} (${ratio.toFixed(2)}×, ${formatDuration(oneThread)} against ${formatDuration(twoWorkers)})`]);
}

export async function parallelBenchmark(): Promise<string> {
  const baseline = loadPreset("baseline-2018");
  const option = loadPreset("blueprint");
  const draws = 1_000_000;
  const options = { baseline, draws, seed: SEED };
  const [one, two] = await alternate([() => simulate(option, options), () => simulateParallel(option, options, { workers: 2 })], 3);
  const lines = [speedUp(`Monte Carlo on two cores: ${draws.toLocaleString("en-GB")} draws of baseline-2018 against blueprint`, one!, two!)];

  const councils = publishedCouncilTable();
  const scenarios = ["blueprint", "cluster", "reclaim", "baseline-2018", "england-2025"].map(loadPreset);
  const sweepOptions: SweepOptions = { councils, scenarios, baseline: loadPreset("england-2025"), draws: 1000, seed: SEED };
  const [oneSweep, twoSweep] = await alternate([() => sweep(sweepOptions), () => sweepParallel(sweepOptions, { workers: 2 })], 3);
  lines.push(speedUp(`National sweep on two cores: ${councils.councils.length} councils × ${scenarios.length} scenarios × 1,000 draws`, oneSweep!, twoSweep!));
  return lines.join("\n");
}
