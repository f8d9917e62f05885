import { randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import type { Piscina } from "piscina";
import {
  CancelledError,
  chunksOf,
  createSimulation,
  createSweep,
  sortChunk,
  SortedRuns,
  DomainError,
  type Scenario,
  type SimulationChunk,
  type SimulationOptions,
  type SimulationResult,
  type SweepOptions,
  type SweepResult,
  type SweepRow,
} from "../engine/index.js";
import { rebuildProblem, type TaskProblem, type UncertaintyTask } from "./uncertaintyWorker.js";

/**
 * Simulations and sweeps on Node worker threads (a piscina pool). The engine splits a run into
 * ranges of draws (or of council × scenario jobs); ranges are computed wherever there is a free
 * thread, in whatever order they finish, and the engine combines them by draw number, so the result
 * is bit-identical to a run on one thread with the same seed.
 *
 * This thread works too: a worker thread takes a moment to start (it loads the engine), so threads
 * are started only when this thread's first range shows that the work left would outlast their
 * start-up; while they start, this thread takes ranges from the same queue, and when the queue is
 * empty it takes over any range a worker has not yet returned (the first answer wins; both are the
 * same). A short run therefore never waits for threads it did not need, and a long one uses them all.
 */

export interface ParallelOptions {
  /** Threads to use, counting this one (default: the number of cores). 1 runs on this thread alone. */
  workers?: number;
  /** Called as ranges finish: draws (or jobs) done, and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Cancels the run: pending work is dropped and the promise rejects with a CancelledError. */
  signal?: AbortSignal;
  /** Draws (or jobs) per range (default: about eight ranges per thread). */
  chunkSize?: number;
  /** Whether this thread computes ranges too (default true; false leaves all of them to the workers). */
  useThisThread?: boolean;
  /**
   * Worker threads start only when the work left (judged from this thread's first range) would take
   * longer than this, in milliseconds (default 150: about what a thread takes to load the engine on a
   * busy two-core machine, now that mathjs loads as one bundled file).
   */
  threadStartMs?: number;
  /** The compiled worker module (default: dist/node/uncertaintyWorkerEntry.cjs beside this file). */
  workerFile?: string;
}

const MOST_WORKERS = 64;
const THREAD_START_MS = 150;
/** Ranges a worker holds at once: the one it computes and the next (see runRanges). */
const IN_FLIGHT = 2;
/** The probe is this fraction of the first range (see runRanges). */
const PROBE_PARTS = 8;

function workerCount(parallel: ParallelOptions): number {
  const workers = parallel.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1 || workers > MOST_WORKERS) {
    throw new DomainError("workers", `must be a whole number from 1 to ${MOST_WORKERS}, got ${String(workers)}`);
  }
  return workers;
}

/** Lets worker messages, timers and the abort signal's listeners run between ranges on this thread. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function workerFile(parallel: ParallelOptions): Promise<string> {
  // Loaded only when threads are wanted: it finds the compiled worker beside this module.
  return parallel.workerFile ?? (await import("./workerFile.js")).UNCERTAINTY_WORKER;
}

/**
 * Computes every range once, on this thread and on `threads` pool threads, and returns the results
 * in range order. `local` computes a range here; `task` describes it for a worker.
 */
async function runRanges<R>(
  ranges: [number, number][],
  local: (start: number, end: number) => R,
  task: (start: number, end: number) => UncertaintyTask,
  threads: number,
  parallel: ParallelOptions,
  what: string,
  absorb?: (result: R) => void,
): Promise<R[]> {
  // With threads to start and this thread working, the first range is split so that a small probe of it, run here, tells
  // soon whether the work is worth them: judging on a whole range kept the other core idle for its
  // length. Callers take the results in range order, which the split keeps.
  const first = ranges[0];
  if (threads > 0 && parallel.useThisThread !== false && first && first[1] - first[0] >= PROBE_PARTS * 2) {
    const probeEnd = first[0] + Math.ceil((first[1] - first[0]) / PROBE_PARTS);
    ranges = [[first[0], probeEnd], [probeEnd, first[1]], ...ranges.slice(1)];
  }
  const total = ranges.length ? ranges[ranges.length - 1]![1] : 0;
  const results: (R | undefined)[] = new Array(ranges.length);
  const finished = new Uint8Array(ranges.length);
  let finishedRanges = 0;
  let done = 0;
  let next = 0;
  let failure: unknown;
  // Resolved once there is nothing left to wait for: every range finished, a failure, or a cancellation.
  let wake = () => {};
  const settled = new Promise<void>((resolve) => (wake = resolve));
  const finish = (i: number, result: R) => {
    if (finished[i]) return;
    finished[i] = 1;
    results[i] = result;
    absorb?.(result);
    done += ranges[i]![1] - ranges[i]![0];
    parallel.onProgress?.(done, total);
    if (++finishedRanges === ranges.length) wake();
  };
  const cancelled = () => parallel.signal?.aborted === true;
  parallel.signal?.addEventListener("abort", () => wake(), { once: true });
  /** Ranges handed to a worker and not yet returned. */
  const remote = new Set<number>();
  const lanes: Promise<void>[] = [];
  let pool: Piscina<UncertaintyTask, R | TaskProblem> | undefined;
  const startPool = async () => {
    // piscina is loaded only when threads start: most runs (and every CLI command but these) never need it.
    const { Piscina } = await import("piscina");
    // Two ranges in flight a worker: a worker's next range waits in its own queue, so it never stands idle
    // while this thread, busy with a range of its own, cannot yet hand it one. (piscina runs one task at a
    // time on a worker for a task given an abort signal, so none is given: a range this thread takes over,
    // and the run's end or cancellation, end with the pool destroyed, which stops the workers.)
    pool = new Piscina<UncertaintyTask, R | TaskProblem>({ filename: await workerFile(parallel), minThreads: threads, maxThreads: threads, idleTimeout: 1000, concurrentTasksPerWorker: IN_FLIGHT });
    for (let lane = 0; lane < threads * IN_FLIGHT; lane++) {
      lanes.push(
        (async () => {
          while (next < ranges.length && failure === undefined && !cancelled()) {
            const i = next++;
            remote.add(i);
            try {
              const answer = await pool!.run(task(...ranges[i]!));
              if (answer && typeof answer === "object" && "problem" in answer) throw rebuildProblem(answer as TaskProblem);
              finish(i, answer as R);
            } catch (error) {
              if (!finished[i] && !cancelled()) {
                failure ??= error;
                wake();
              }
            } finally {
              remote.delete(i);
            }
          }
        })(),
      );
    }
  };
  const thisThread = parallel.useThisThread !== false || threads === 0;
  let localRanges = 0;
  try {
    if (threads > 0 && !thisThread) await startPool();
    while (thisThread && failure === undefined && !cancelled()) {
      let i = next < ranges.length ? next++ : -1;
      if (i < 0) {
        // the queue is empty: take over a range a worker holds (the first answer wins; both are the same)
        let held = -1;
        for (const k of remote) if (!finished[k]) held = held < 0 || k > held ? k : held;
        if (held < 0) break;
        i = held;
      }
      const started = process.hrtime.bigint();
      finish(i, local(...ranges[i]!));
      localRanges++;
      if (threads > 0 && !pool && (localRanges === 1 || ranges.length - next <= 1 || parallel.threadStartMs === 0)) {
        const [from, to] = ranges[i]!;
        const unitsLeft = next < ranges.length ? total - ranges[next]![0] : 0;
        const left = (Number(process.hrtime.bigint() - started) / 1e6 / Math.max(1, to - from)) * unitsLeft;
        if (left > (parallel.threadStartMs ?? THREAD_START_MS)) await startPool();
      }
      await turn();
    }
    if (finishedRanges < ranges.length && failure === undefined && !cancelled()) await Promise.race([settled, Promise.all(lanes)]);
    if (cancelled()) throw new CancelledError(what);
    if (failure !== undefined) throw failure;
    return results as R[];
  } finally {
    // destroying the pool stops any range a worker still computes (one this thread finished first, or a cancelled run's)
    await pool?.destroy();
    await Promise.allSettled(lanes);
  }
}

/** `simulate` on several threads: the same figures as `simulate` for the same seed, whatever the number of workers. */
export async function simulateParallel(scenario: Scenario, options: SimulationOptions = {}, parallel: ParallelOptions = {}): Promise<SimulationResult> {
  const workers = workerCount(parallel);
  // Compiled here too: it checks the options before any thread starts, and combines the chunks.
  const simulation = createSimulation(scenario, options);
  const size = parallel.chunkSize ?? Math.max(250, Math.ceil(simulation.draws / (workers * 8)));
  const id = randomUUID();
  let runs: SortedRuns[] | undefined;
  const chunks = await runRanges<SimulationChunk>(
    chunksOf(simulation.draws, size),
    (start, end) => sortChunk(simulation.runChunk(start, end)),
    (start, end) => ({ kind: "simulate", id, scenario, options, start, end }),
    workers - 1 + (parallel.useThisThread === false && workers > 1 ? 1 : 0),
    parallel,
    "the simulation",
    // Each chunk's sorted draws are merged as it arrives, between this thread's own ranges, so the
    // combine at the end does not hold every other thread waiting while it sorts a million draws.
    (chunk) => {
      runs ??= chunk.sorted!.map(() => new SortedRuns());
      chunk.sorted!.forEach((sorted, f) => runs![f]!.add(sorted));
      delete chunk.sorted;
    },
  );
  return simulation.combine(chunks, runs?.map((r) => r.result()));
}

/** `sweep` on several threads: councils × scenarios in parallel, each job's draws on one thread. */
export async function sweepParallel(options: SweepOptions, parallel: ParallelOptions = {}): Promise<SweepResult> {
  const workers = workerCount(parallel);
  const sweep = createSweep(options);
  // Workers get the table already parsed, so it is read (and checked) once.
  const shared: SweepOptions = { ...options, councils: sweep.table };
  const size = parallel.chunkSize ?? Math.max(1, Math.ceil(sweep.jobs / (workers * 8)));
  const id = randomUUID();
  const rows = await runRanges<SweepRow[]>(
    chunksOf(sweep.jobs, size),
    (start, end) => sweep.runJobs(start, end),
    (start, end) => ({ kind: "sweep", id, options: shared, start, end }),
    workers - 1 + (parallel.useThisThread === false && workers > 1 ? 1 : 0),
    parallel,
    "the sweep",
  );
  return sweep.combine(rows.flat());
}
