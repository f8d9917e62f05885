import { DomainError, ScenarioError, type Issue } from "../errors.js";
import type { Setting } from "../scenario/settings.js";
import type { Scenario } from "../scenario/types.js";
import { parseCouncilTable, type CouncilTable } from "./councils.js";
import type { Correlation } from "./correlation.js";
import type { Distribution } from "./distributions.js";
import { Simulation, wholeNumberOption, type SimulationResult } from "./simulate.js";
import type { FigureSummary } from "./summary.js";

/**
 * A national sweep: every council of a table × every scenario × the draws, summarised per council.
 *
 * Each scenario is compiled once. For each council, its figures from the table are written into the
 * compiled model's inputs (`council.*` into every scenario, `baseline.*` into the baseline only) and
 * held there: they are that council's facts, so a distribution the scenario carries on the same
 * setting does not apply (the table's value replaces it, as any override of a value does). The
 * other uncertain inputs are drawn as in `simulate`, with the same random numbers for every council
 * and scenario (draw d of input i is the same everywhere), so differences between councils and
 * between scenarios are not noise.
 *
 * Jobs are numbered council by council, scenario within council; `createSweep(options).runJobs(a, b)`
 * runs any range of them (a worker's share), and `combine` puts the rows back in order.
 */

export interface SweepOptions {
  /** The councils: a parsed table, or CSV text. */
  councils: CouncilTable | string;
  /** The scenarios to run on every council (options, when there is a baseline). */
  scenarios: readonly Scenario[];
  /** Compare each scenario with this baseline, for each council. */
  baseline?: Scenario;
  /** Give every labelled assumption without a distribution its default spread (default true; defaultSpreads.ts). */
  defaultSpreads?: boolean;
  figures?: readonly string[];
  /** Draws per council and scenario (default 1,000). */
  draws?: number;
  seed?: number;
  vary?: Readonly<Record<string, Distribution | string>>;
  correlations?: readonly Correlation[];
  budget?: number;
  percentiles?: readonly number[];
}

export interface SweepRow {
  council: string;
  labels: Record<string, string>;
  scenario: string;
  baseline: string | null;
  figures: FigureSummary[];
  probabilities: SimulationResult["probabilities"];
}

export interface SweepResult {
  /** Where the councils came from, and the table's own notes (an illustrative table says so there). */
  table: { source: string; notes: string[]; councils: number };
  scenarios: string[];
  baseline: string | null;
  draws: number;
  seed: number;
  /** One row per council and scenario, council by council. */
  rows: SweepRow[];
}

export const DEFAULT_SWEEP_DRAWS = 1000;

export class Sweep {
  readonly table: CouncilTable;
  readonly jobs: number;
  readonly draws: number;
  readonly seed: number;
  private readonly options: SweepOptions;
  private readonly simulations: Simulation[];
  /** Per scenario, per table column: where its value goes (side and slot), one or two places. */
  private readonly placements: { side: number; slot: number }[][][];

  constructor(options: SweepOptions) {
    this.options = options;
    if (!options || !Array.isArray(options.scenarios) || options.scenarios.length === 0) throw new DomainError("scenarios", "give at least one scenario to run on the councils");
    this.table = typeof options.councils === "string" ? parseCouncilTable(options.councils) : options.councils;
    this.draws = wholeNumberOption("draws", options.draws ?? DEFAULT_SWEEP_DRAWS, 1, 1_000_000);
    const fixed = this.table.columns.map((c) => (c.applies === "all" ? c.key : `baseline.${c.key}`));
    this.simulations = options.scenarios.map(
      (scenario) =>
        new Simulation(
          scenario,
          {
            ...(options.baseline ? { baseline: options.baseline } : {}),
            ...(options.figures ? { figures: options.figures } : {}),
            ...(options.vary ? { vary: options.vary } : {}),
            ...(options.correlations ? { correlations: options.correlations } : {}),
            ...(options.budget !== undefined ? { budget: options.budget } : {}),
            ...(options.percentiles ? { percentiles: options.percentiles } : {}),
            draws: this.draws,
            ...(options.seed !== undefined ? { seed: options.seed } : {}),
            ...(options.defaultSpreads === false ? { defaultSpreads: false } : {}),
            fixed,
          },
          { allowCertain: true },
        ),
    );
    this.seed = this.simulations[0]!.seed;
    this.placements = this.simulations.map((simulation) => this.place(simulation));
    this.jobs = this.table.councils.length * this.simulations.length;
  }

  /** Runs jobs [start, end): council ⌊job / scenarios⌋, scenario job mod scenarios. */
  runJobs(start: number, end: number): SweepRow[] {
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= this.jobs)) {
      throw new Error(`jobs ${start} to ${end} are not within 0 to ${this.jobs}`);
    }
    const rows: SweepRow[] = [];
    const perCouncil = this.simulations.length;
    for (let job = start; job < end; job++) {
      const council = this.table.councils[Math.floor(job / perCouncil)]!;
      const s = job % perCouncil;
      const simulation = this.simulations[s]!;
      const work = simulation.subject.work;
      this.placements[s]!.forEach((places, column) => {
        for (const { side, slot } of places) work[side]![slot] = council.values[column]!;
      });
      let brief: ReturnType<Simulation["runBriefly"]>;
      try {
        brief = simulation.runBriefly();
      } catch (error) {
        if (error instanceof DomainError) throw new DomainError(`${council.name}, ${simulation.subject.scenario.id}`, error.message);
        throw error;
      }
      rows.push({ council: council.name, labels: council.labels, ...simulation.subject.names, ...brief });
    }
    return rows;
  }

  /** The result from the rows of every job, given in job order (the rows of `runJobs` over consecutive ranges). */
  combine(rows: readonly SweepRow[]): SweepResult {
    if (rows.length !== this.jobs) throw new Error(`${rows.length} rows for ${this.jobs} jobs`);
    return {
      table: { source: this.table.source, notes: this.table.notes, councils: this.table.councils.length },
      scenarios: this.simulations.map((s) => s.subject.scenario.id),
      baseline: this.options.baseline?.id ?? null,
      draws: this.draws,
      seed: this.seed,
      rows: [...rows],
    };
  }

  run(): SweepResult {
    return this.combine(this.runJobs(0, this.jobs));
  }

  /** Where each column's values go in one scenario's model, after checking every value against its setting. */
  private place(simulation: Simulation): { side: number; slot: number }[][] {
    const subject = simulation.subject;
    const issues: Issue[] = [];
    const placements = this.table.columns.map((column) => {
      const sides = column.applies === "baseline" ? (subject.kind === "comparison" ? [0] : []) : [...Array(subject.sideCount).keys()];
      if (column.applies === "baseline" && subject.kind !== "comparison") {
        issues.push({ path: `${this.table.source}, ${column.column}`, reason: "sets the baseline, and there is none; give a baseline or drop the column" });
      }
      return sides.flatMap((side) => {
        const scenario = side === 0 && subject.kind === "comparison" ? subject.baseline! : subject.scenario;
        const tierCaseload = /^structure\.tiers\.([^.]+)\.childrenPerWorker$/.exec(column.key);
        const tier = tierCaseload && scenario.structure.tiers.find((t) => t.id === tierCaseload[1]);
        if (tier?.holdsCases && scenario.structure.caseloadFromCouncil === true && scenario.council.caseload !== undefined) {
          issues.push({ path: `${this.table.source}, ${column.column}`, reason: `does nothing: ${scenario.id}'s case-holders carry council.caseload (structure.caseloadFromCouncil); give a council.caseload column instead` });
          return [];
        }
        const slot = subject.slotOf(side, column.key);
        if (slot === undefined) {
          issues.push({ path: `${this.table.source}, ${column.column}`, reason: `${scenario.id} has no setting ${column.key}` });
          return [];
        }
        const setting = subject.settings(side)[slot]!;
        const column_ = this.table.columns.indexOf(column);
        for (const council of this.table.councils) {
          const problem = outOfRange(setting, council.values[column_]!);
          if (problem) issues.push({ path: `${this.table.source} line ${council.line}, ${column.column}`, reason: problem });
        }
        return [{ side, slot }];
      });
    });
    if (issues.length > 0) throw new ScenarioError(issues.slice(0, 20).concat(issues.length > 20 ? [{ path: this.table.source, reason: `and ${issues.length - 20} more problems` }] : []));
    return placements;
  }
}

function outOfRange(setting: Setting, value: number): string | undefined {
  if (setting.integer && !Number.isInteger(value)) return `must be a whole number, got ${value}`;
  if (setting.min !== undefined && (setting.minExclusive ? value <= setting.min : value < setting.min)) return `must be ${setting.minExclusive ? "more than" : "at least"} ${setting.min}, got ${value}`;
  if (setting.max !== undefined && (setting.maxExclusive ? value >= setting.max : value > setting.max)) return `must be ${setting.maxExclusive ? "less than" : "at most"} ${setting.max}, got ${value}`;
  return undefined;
}

/** A sweep ready to run in ranges of jobs (for workers). */
export function createSweep(options: SweepOptions): Sweep {
  return new Sweep(options);
}

/** Runs every council of the table through every scenario, `draws` times each, and summarises per council. */
export function sweep(options: SweepOptions): SweepResult {
  return new Sweep(options).run();
}
