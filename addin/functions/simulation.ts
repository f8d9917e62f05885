import { CancelledError, createSimulation, DEFAULT_SEED } from "../../engine/index.js";
import type { Scenario, Simulation, SimulationChunk } from "../../engine/index.js";
import type { OverrideList } from "./arguments.js";
import { evaluations } from "./evaluationCache.js";
import { inArgument, uncertaintyError } from "./excelErrors.js";
import { evaluateScenario, uncertaintyFigure } from "./wholeScenario.js";

// SIMULATE: one percentile of one figure from a seeded Monte Carlo run of a preset (or of a preset
// against a baseline), answered later, so that Excel stays responsive while the draws run.
//
// Why asynchronous: a run of 100,000 draws takes a few tenths of a second, and a million several
// seconds; a synchronous function would hold Excel's JavaScript thread (and, in the shared runtime, the
// task pane) for all of it, and Excel restarts an add-in that blocks for 5 seconds. So a run computes in
// slices of about 40 ms and gives the runtime a turn between them, to deliver other cells' calls and
// cancellations; the cell shows #BUSY! until its answer is ready.
//
// Why runs are shared: a workbook asks for several percentiles of the same figure (P10, P50, P90). The
// draws depend on the preset, baseline, figure, number of draws and seed only, not on the percentile,
// so every cell with those arguments waits on one run and reads its percentile from the same draws.
// Each percentile's answer then goes into the evaluation cache like any other answer, so a recalculation
// with the same arguments answers at once. Finished runs are kept (bounded by the draws they hold) so a
// percentile asked for later needs no new run.
//
// Cancellation: Excel cancels a call when its cell is edited or deleted, or its arguments change. A run
// stops at its next turn once every call waiting on it has been cancelled, and is forgotten, so that a
// later call starts it afresh; while any call still waits, it goes on.

/**
 * The most draws one SIMULATE cell may ask for. A run keeps every draw of the figure (and, for a
 * comparison, of the two figures its probabilities need) in memory: 8 bytes a draw a figure, so 24 MB at
 * this limit; and it takes several seconds (see the README's timings), which is as long as a cell
 * should show #BUSY!. At a million draws a percentile's sampling error is already a small fraction of
 * a percent of the figure's spread; the library and the CLI take more.
 */
export const MOST_CELL_DRAWS = 1_000_000;

/** The largest seed (the engine's: a 32-bit key). */
export const MOST_SEED = 0xffffffff;

/** How long a run computes before giving the runtime a turn, in milliseconds. */
const SLICE_MS = 40;

/** Draws between looks at the clock. */
const STEP = 250;

/** Values (draws × figures) finished runs may hold between them: 24 MB. */
const HELD_VALUES = 3_000_000;

/** Finished runs kept at most, however small (a failed run holds no draws, only its error). */
const HELD_RUNS = 64;

/** A turn for the runtime: a timer where there is one (Excel's runtimes and browsers have one). */
function pause(): Promise<void> {
  const timer = (globalThis as { setTimeout?: (f: () => void, ms: number) => unknown }).setTimeout;
  return new Promise((resolve) => (timer ? timer(resolve, 0) : resolve()));
}

/** What a run is of. */
export interface RunSubject {
  scenario: Scenario;
  baseline?: Scenario;
  figure: string;
  draws: number;
  seed: number;
}

/** One Monte Carlo run, shared by every call with the same subject. */
class Run {
  /** Every draw of the tracked figures, once finished. */
  readonly finished: Promise<SimulationChunk>;
  readonly simulation: Simulation;
  done = false;
  stopped = false;
  waiting = 0;
  used = 0;
  values = 0;

  constructor(
    readonly key: string,
    readonly subject: RunSubject,
  ) {
    this.simulation = createSimulation(subject.scenario, { figures: [subject.figure], draws: subject.draws, seed: subject.seed, ...(subject.baseline ? { baseline: subject.baseline } : {}) });
    this.finished = this.execute();
  }

  private async execute(): Promise<SimulationChunk> {
    const simulation = this.simulation;
    const draws = simulation.draws;
    // An empty chunk tells how many figures a draw tracks; each slice writes into its part of the whole.
    const series = simulation.runChunk(0, 0).series.map(() => new Float64Array(draws));
    // Wait a turn before the first draw, so that every cell of this recalculation has joined.
    await pause();
    let start = 0;
    while (start < draws) {
      if (this.stopped) throw new CancelledError("the simulation");
      const until = Date.now() + SLICE_MS;
      do {
        const end = Math.min(draws, start + STEP);
        simulation.runChunk(
          start,
          end,
          series.map((s) => s.subarray(start, end)),
        );
        start = end;
      } while (start < draws && Date.now() < until);
      if (start < draws) await pause();
    }
    this.values = draws * series.length;
    return { start: 0, end: draws, series };
  }
}

export interface RunStats {
  /** Runs started. */
  started: number;
  /** Calls that waited on a run another call had started, or read a finished one. */
  joined: number;
  /** Runs stopped because every call waiting on them was cancelled. */
  stopped: number;
  /** Runs held now (running or finished). */
  held: number;
}

/** The runs of the page: one per distinct subject; finished ones kept within HELD_VALUES and HELD_RUNS. */
export class SimulationRuns {
  private readonly runs = new Map<string, Run>();
  private tick = 0;
  private counts = { started: 0, joined: 0, stopped: 0 };

  /**
   * The draws of the run of `subject`, joined if it is running or finished, started otherwise. An
   * invocation's cancellation is counted against the run: the last waiting call to be cancelled stops it.
   */
  draws(key: string, subject: () => RunSubject, invocation: CustomFunctions.CancelableInvocation | undefined): Promise<SimulationChunk> {
    let run = this.runs.get(key);
    if (run) this.counts.joined++;
    else {
      run = new Run(key, subject());
      this.counts.started++;
      this.runs.set(key, run);
      const started = run;
      started.finished.then(
        () => {
          started.done = true;
          this.trim();
        },
        () => {
          started.done = true;
          // A stopped run is forgotten (a later call starts afresh); a failed one is kept, as the
          // evaluation cache keeps errors: the same arguments fail the same way.
          if (started.stopped && this.runs.get(started.key) === started) this.runs.delete(started.key);
          this.trim();
        },
      );
    }
    run.used = ++this.tick;
    if (!run.done) {
      const waited = run;
      waited.waiting++;
      let left = false;
      const leave = () => {
        if (left) return;
        left = true;
        waited.waiting--;
      };
      waited.finished.then(leave, leave);
      if (invocation) {
        invocation.onCanceled = () => {
          if (left || waited.done) return;
          leave();
          if (waited.waiting === 0) {
            waited.stopped = true;
            this.counts.stopped++;
            if (this.runs.get(waited.key) === waited) this.runs.delete(waited.key);
          }
        };
      }
    }
    return run.finished;
  }

  /** Drops the least recently used finished runs until those kept hold at most HELD_VALUES values and number at most HELD_RUNS. */
  private trim(): void {
    let held = 0;
    let finished = 0;
    for (const run of this.runs.values()) {
      if (!run.done) continue;
      held += run.values;
      finished++;
    }
    while (held > HELD_VALUES || finished > HELD_RUNS) {
      let oldest: Run | undefined;
      for (const run of this.runs.values()) if (run.done && (!oldest || run.used < oldest.used)) oldest = run;
      if (!oldest) break;
      this.runs.delete(oldest.key);
      held -= oldest.values;
      finished--;
    }
  }

  stats(): RunStats {
    return { ...this.counts, held: this.runs.size };
  }

  /** Forgets every run (running ones finish for the calls already waiting) and resets the counts. */
  clear(): void {
    this.runs.clear();
    this.counts = { started: 0, joined: 0, stopped: 0 };
  }
}

/** The one store of runs of the add-in's page. */
export const simulationRuns = new SimulationRuns();

/**
 * SIMULATE's rule: the value of `figure` at percentile `p` (0 to 1) over `draws` draws with `seed`,
 * from the run shared by every call with the same preset, overrides, baseline, figure, draws and seed. The
 * percentile is the engine's (PERCENTILE.INC's interpolation; money to the penny).
 */
export async function simulatedPercentile(
  preset: string,
  figureTyped: string,
  draws: number,
  p: number,
  seed: number | undefined,
  baseline: string | undefined,
  overrides: OverrideList,
  invocation: CustomFunctions.CancelableInvocation | undefined,
): Promise<number> {
  const figure = inArgument("figure", () => uncertaintyFigure(preset, baseline, figureTyped));
  // The preset as the overrides change it (a bad override is blamed on them before any run starts).
  inArgument("overrides", () => evaluateScenario(preset, overrides));
  const s = seed ?? DEFAULT_SEED;
  const key = JSON.stringify(["simulate", preset, overrides.key, baseline ?? null, figure, draws, s]);
  const answerKey = JSON.stringify([key, p]);
  // Answered before: no run to join (the stored answer is returned; the evaluation is never called).
  if (evaluations.has(answerKey)) return evaluations.get<number>(answerKey, () => Number.NaN);
  const subject = (): RunSubject => ({
    scenario: evaluateScenario(preset, overrides).scenario,
    ...(baseline !== undefined ? { baseline: evaluateScenario(baseline).scenario } : {}),
    figure,
    draws,
    seed: s,
  });
  let chunk: SimulationChunk;
  try {
    chunk = await simulationRuns.draws(key, subject, invocation);
  } catch (error) {
    throw uncertaintyError(error);
  }
  return evaluations.get(answerKey, () => {
    // The percentile from the run's draws, as the engine summarises them: a simulation with this
    // percentile asked for combines the draws the run computed (the same draws whoever computed them).
    const { scenario, baseline: against } = subject();
    const summary = createSimulation(scenario, { figures: [figure], draws, seed: s, percentiles: [p * 100], ...(against ? { baseline: against } : {}) }).combine([chunk]);
    return summary.figures[0]!.percentiles[0]!.value;
  });
}
