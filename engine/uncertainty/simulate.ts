import { DomainError, SocialCareError } from "../errors.js";
import type { ComparisonState } from "../model/comparisonModel.js";
import type { ModelState } from "../model/scenarioModel.js";
import type { Scenario } from "../scenario/types.js";
import type { Correlation } from "./correlation.js";
import type { FigureReader } from "./figureReaders.js";
import { UncertainSubject, type UncertainInput, type UncertaintyOptions } from "./plan.js";
import { mergeSorted } from "./mergeSorted.js";
import { MAX_DRAWS } from "./random.js";
import { probability, summarise, summariseBriefly, type FigureDistribution, type FigureSummary, type SummaryOptions } from "./summary.js";

/**
 * Monte Carlo simulation over the one model: each draw writes sampled values of the uncertain inputs
 * into the compiled model's inputs and evaluates it. Draw d of a run with seed s always uses the same
 * random numbers (they are keyed by seed, input and draw), so a run split into chunks, in any order,
 * on any number of workers, gives bit-identical figures.
 *
 * Three ways in, one engine:
 * - `simulate(scenario, options)`: the whole run, synchronously (tests, small runs, the CLI with one worker);
 * - `createSimulation(scenario, options)`: `runChunk(start, end)` for any range of draws and
 *   `combine(chunks)` for the result, so a Web Worker or a pool of Node workers runs the chunks;
 * - `simulateAsync(scenario, options, control)`: chunks in turn with progress and cancellation,
 *   yielding between chunks so a Web Worker can hear a cancel message.
 */

export interface SimulationOptions extends UncertaintyOptions, SummaryOptions {
  /** The figures to summarise (default: run cost and caseload; for a comparison, run cost change, transition and NPV). */
  figures?: readonly string[];
  /** Number of draws (default 10,000). */
  draws?: number;
  /** The seed (a whole number from 0 to 4,294,967,295; default 1). The same seed gives the same figures. */
  seed?: number;
  /** A budget for transition spend, £: the result gives the probability that spend exceeds it. */
  budget?: number;
}

export const DEFAULT_DRAWS = 10_000;
export const DEFAULT_SEED = 1;
/** A run keeps every draw of every figure in memory, so the number of draws is capped. */
export const MOST_DRAWS = 5_000_000;

const SCENARIO_FIGURES = ["runCost.total", "caseload.childrenPerCaseHolder"];
const COMPARISON_FIGURES = ["change.runCost", "transition.total", "appraisal.npv"];

export interface SimulationResult {
  scenario: string;
  baseline: string | null;
  seed: number;
  draws: number;
  /** What varied: each uncertain input with its distribution and central value. */
  inputs: UncertainInput[];
  correlations: Correlation[];
  figures: FigureDistribution[];
  /** For a comparison: the chance the option is cost neutral, that its NPV is positive, that transition spend exceeds the budget. */
  probabilities: {
    costNeutral: number;
    /**
     * The chance the run cost does not rise beyond the cost-neutral tolerance: the verdict is "saves"
     * or "neutral". A saving larger than the tolerance is not "cost neutral", yet it is no cost either,
     * and a director asking "will it pay for itself?" means this.
     */
    savesOrNeutral: number;
    npvPositive: number;
    transitionOverBudget: { budget: number; probability: number } | null;
  } | null;
}

/** The figures of a range of draws: one array per tracked figure, in draw order from `start`. */
export interface SimulationChunk {
  start: number;
  end: number;
  series: Float64Array[];
  /** Each series sorted, when the thread that ran the chunk sorted it (see `sortChunk`); the combine then merges rather than sorts. */
  sorted?: Float64Array[];
}

/** Adds a sorted copy of each series to a chunk, on the thread that ran it, so combining merges runs instead of sorting every draw on one thread. */
export function sortChunk(chunk: SimulationChunk): SimulationChunk {
  chunk.sorted = chunk.series.map((s) => Float64Array.from(s).sort());
  return chunk;
}

/** A run stopped by its caller. */
export class CancelledError extends SocialCareError {
  override name = "CancelledError";
  constructor(what = "the run") {
    super(`${what} was cancelled`);
  }
}

/** Checks a whole number argument. */
export function wholeNumberOption(argument: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new DomainError(argument, `must be a whole number from ${min.toLocaleString("en-GB")} to ${max.toLocaleString("en-GB")}, got ${String(value)}`);
  }
  return value;
}

/** Checks the options every analysis over draws shares. */
export function checkDrawOptions(options: { draws?: number; seed?: number; percentiles?: readonly number[]; bins?: number }): { draws: number; seed: number } {
  const draws = wholeNumberOption("draws", options.draws ?? DEFAULT_DRAWS, 1, Math.min(MOST_DRAWS, MAX_DRAWS));
  const seed = wholeNumberOption("seed", options.seed ?? DEFAULT_SEED, 0, 0xffffffff);
  for (const p of options.percentiles ?? []) {
    if (typeof p !== "number" || !(p >= 0 && p <= 100)) throw new DomainError("percentiles", `each must be from 0 to 100, got ${String(p)}`);
  }
  if (options.bins !== undefined) wholeNumberOption("bins", options.bins, 1, 1000);
  return { draws, seed };
}

type State = ModelState | ComparisonState;

export class Simulation {
  readonly draws: number;
  readonly seed: number;
  readonly subject: UncertainSubject;
  private readonly options: SimulationOptions;
  /** The figures asked for, then any the probabilities need. */
  private readonly tracked: FigureReader<State>[];
  private readonly asked: number;
  private central: number[];

  /** `allowCertain`: a sweep may hold every uncertain input at a council's own figures. */
  constructor(scenario: Scenario, options: SimulationOptions = {}, internal: { allowCertain?: boolean } = {}) {
    const { draws, seed } = checkDrawOptions(options);
    this.draws = draws;
    this.seed = seed;
    this.options = options;
    this.subject = new UncertainSubject(scenario, options);
    const comparison = this.subject.kind === "comparison";
    if (options.budget !== undefined) {
      if (!comparison) throw new DomainError("budget", "a transition budget applies to a comparison; give a baseline");
      if (typeof options.budget !== "number" || !Number.isFinite(options.budget) || options.budget < 0) throw new DomainError("budget", `must be an amount of at least £0, got ${String(options.budget)}`);
    }
    if (this.subject.inputs.length === 0 && !internal.allowCertain) {
      throw new DomainError("inputs", `nothing is uncertain: no setting of ${this.subject.baseline ? `${this.subject.baseline.id} or ${scenario.id}` : scenario.id} carries a distribution; add one beside a value in the scenario file, or vary one (for example council.vacancyRate = "triangular(0.10, 0.142, 0.20)")`);
    }
    const figures = options.figures && options.figures.length > 0 ? [...options.figures] : comparison ? COMPARISON_FIGURES : SCENARIO_FIGURES;
    const needed = comparison ? ["costNeutral", "change.runCost", "appraisal.npv", ...(options.budget !== undefined ? ["transition.total"] : [])] : [];
    const names = [...new Set(figures)];
    this.asked = names.length;
    for (const n of needed) if (!names.includes(n)) names.push(n);
    this.tracked = this.subject.readers(names);
    this.central = this.centralFigures();
  }

  /** The tracked figures with every uncertain input at its central value (after the caller changed other inputs). */
  centralFigures(): number[] {
    this.subject.writeAllCentral();
    this.subject.evaluateDraw("central case");
    return this.tracked.map((r) => r.read(this.subject.state));
  }

  /** Runs draws [start, end) and returns their figures. Pure in the draw numbers: any chunking gives the same values. */
  runChunk(start: number, end: number, into?: Float64Array[]): SimulationChunk {
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= this.draws)) {
      throw new Error(`draws ${start} to ${end} are not within 0 to ${this.draws}`);
    }
    const count = end - start;
    const tracked = this.tracked;
    const k = tracked.length;
    const series = into ?? tracked.map(() => new Float64Array(count));
    const subject = this.subject;
    const state = subject.state;
    for (let i = 0; i < count; i++) {
      const draw = start + i;
      subject.drawInputs(this.seed, draw);
      subject.evaluateDraw(`draw ${draw}`);
      for (let f = 0; f < k; f++) {
        const value = tracked[f]!.read(state);
        if (!Number.isFinite(value)) throw new DomainError(`draw ${draw}`, `${tracked[f]!.figure} is not a finite number (${value}); the draw's inputs leave it undefined`);
        series[f]![i] = value;
      }
    }
    return { start, end, series };
  }

  /**
   * The result from chunks that between them cover every draw once, in any order. `sorted`: each
   * figure's draws already sorted (merged as the chunks arrived), else merged from the chunks' own
   * sorted series, else sorted here.
   */
  combine(chunks: readonly SimulationChunk[], sorted?: Float64Array[]): SimulationResult {
    const all = this.tracked.map(() => new Float64Array(this.draws));
    const covered = new Uint8Array(this.draws);
    let count = 0;
    for (const chunk of chunks) {
      for (let f = 0; f < all.length; f++) all[f]!.set(chunk.series[f]!, chunk.start);
      for (let d = chunk.start; d < chunk.end; d++) {
        if (covered[d]) throw new Error(`draw ${d} was run twice`);
        covered[d] = 1;
        count++;
      }
    }
    if (count !== this.draws) throw new Error(`the chunks cover ${count} of ${this.draws} draws`);
    if (sorted && (sorted.length !== all.length || sorted.some((s) => s.length !== this.draws))) throw new Error("the sorted draws do not match the chunks");
    const merged = sorted ?? (chunks.every((c) => c.sorted !== undefined) ? all.map((_, f) => mergeSorted(chunks.map((c) => c.sorted![f]!))) : undefined);
    return this.result(all, merged);
  }

  /** The whole run at once. */
  run(): SimulationResult {
    return this.combine([this.runChunk(0, this.draws)]);
  }

  /** Every draw, summarised briefly, at the inputs as they stand (a sweep sets a council's figures first). */
  runBriefly(): { figures: FigureSummary[]; probabilities: SimulationResult["probabilities"] } {
    this.central = this.centralFigures();
    // One set of arrays for every council of a sweep, sorted in place once the probabilities are counted.
    const all = this.runChunk(0, this.draws, (this.buffers ??= this.tracked.map(() => new Float64Array(this.draws)))).series;
    const probabilities = this.probabilities(all);
    const options = { ...(this.options.percentiles ? { percentiles: this.options.percentiles } : {}), sortInPlace: true };
    return { figures: this.tracked.slice(0, this.asked).map((r, f) => summariseBriefly(r, this.central[f]!, all[f]!, options)), probabilities };
  }

  private buffers: Float64Array[] | undefined;

  private result(all: Float64Array[], sorted?: Float64Array[]): SimulationResult {
    const summaryOptions = { ...(this.options.percentiles ? { percentiles: this.options.percentiles } : {}), ...(this.options.bins ? { bins: this.options.bins } : {}) };
    const figures = this.tracked.slice(0, this.asked).map((r, f) => summarise(r, this.central[f]!, all[f]!, sorted ? { ...summaryOptions, sorted: sorted[f]! } : summaryOptions));
    return {
      ...this.subject.names,
      seed: this.seed,
      draws: this.draws,
      inputs: [...this.subject.inputs],
      correlations: [...this.subject.correlations],
      figures,
      probabilities: this.probabilities(all),
    };
  }

  private probabilities(all: Float64Array[]): SimulationResult["probabilities"] {
    let probabilities: SimulationResult["probabilities"] = null;
    if (this.subject.kind === "comparison") {
      const series = (name: string) => all[this.tracked.findIndex((r) => r.figure === name)]!;
      const budget = this.options.budget;
      probabilities = {
        costNeutral: probability(series("costNeutral"), (x) => x === 1),
        savesOrNeutral: probabilityOfEither(series("costNeutral"), series("change.runCost")),
        npvPositive: probability(series("appraisal.npv"), (x) => x > 0),
        transitionOverBudget: budget === undefined ? null : { budget, probability: probability(series("transition.total"), (x) => x > budget) },
      };
    }
    return probabilities;
  }
}

/** A simulation ready to run in chunks (for workers); nothing is drawn until `runChunk`. */
export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  return new Simulation(scenario, options);
}

/** Monte Carlo simulation of a scenario, or of an option against `options.baseline`. */
export function simulate(scenario: Scenario, options: SimulationOptions = {}): SimulationResult {
  return new Simulation(scenario, options).run();
}

/** How a long run reports progress and hears a cancel. */
export interface RunControl {
  /** Draws per chunk (default 2,000): progress is reported and cancellation checked between chunks. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** An AbortSignal, or anything with `aborted`. */
  signal?: { readonly aborted: boolean };
  /** How to give the runtime a turn between chunks (default: a zero-delay timer where there is one). */
  pause?: () => Promise<void>;
}

/** The default pause: a macrotask, so a worker's message handler (a cancel) can run between chunks. */
export function defaultPause(): Promise<void> {
  const timer = (globalThis as { setTimeout?: (f: () => void, ms: number) => unknown }).setTimeout;
  return new Promise((resolve) => (timer ? timer(resolve, 0) : resolve()));
}

/** Chunks of [0, total) of at most `size`. */
export function chunksOf(total: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < total; start += size) out.push([start, Math.min(total, start + size)]);
  return out;
}

/** `simulate` in chunks, with progress and cancellation; the figures are identical to `simulate`'s. */
export async function simulateAsync(scenario: Scenario, options: SimulationOptions = {}, control: RunControl = {}): Promise<SimulationResult> {
  const simulation = new Simulation(scenario, options);
  const size = wholeNumberOption("chunkSize", control.chunkSize ?? 2000, 1, MOST_DRAWS);
  const pause = control.pause ?? defaultPause;
  const chunks: SimulationChunk[] = [];
  for (const [start, end] of chunksOf(simulation.draws, size)) {
    if (control.signal?.aborted) throw new CancelledError("the simulation");
    chunks.push(simulation.runChunk(start, end));
    control.onProgress?.(end, simulation.draws);
    await pause();
  }
  if (control.signal?.aborted) throw new CancelledError("the simulation");
  return simulation.combine(chunks);
}

/** The share of draws that are cost neutral or cut the run cost (the two series in draw order). */
function probabilityOfEither(costNeutral: Float64Array, runCostChange: Float64Array): number {
  let hits = 0;
  for (let i = 0; i < costNeutral.length; i++) if (costNeutral[i] === 1 || runCostChange[i]! < 0) hits++;
  return hits / costNeutral.length;
}
