import {
  addYears,
  claimsTable,
  compareScenarios,
  flowTotalsByYear,
  scenarioFlows,
  onBaselineBasis,
  type ClaimsTable,
  explain,
  explainComparison,
  loadPreset,
  loadScenario,
  NotLoadedYet,
  runScenario,
  whenLoaded,
  // The Monte Carlo engine, the health check and the team design come with the rest of the engine: the
  // page's functions bundle holds them all already (SIMULATE, HEALTHCHECK, TEAMDESIGN), and the jobs
  // take the engine from it (webpack.config.js, WORKER_LAYER), so they cost no download of their own.
  healthCheck,
  readHealthCheckTable,
  sensitivity,
  simulateAsync,
  teamDesignOf,
  teamDesignsSideBySide,
  type Comparison,
  type Explanation,
  type HealthCheck,
  type Result,
  type Scenario,
  type SimulationResult,
  type TeamDesignComparison,
  type Tornado,
} from "../../../engine/index.js";
import type { WritePlan } from "../../office/plan.js";
import type { PlannedScenario } from "./workbookPlan.js";

/**
 * The work the pane hands to its engine worker, as plain data both sides can post. Each job runs the
 * engine and nothing else: the pane shows what comes back. New kinds of work (a Monte Carlo run, a
 * health check) are new members of `Job` and new cases in `runJob`.
 */

/** A scenario to compute: a preset by id, or a scenario file (the user's, already validated by the pane). */
export type ScenarioSource = { preset: string } | { input: Record<string, unknown> };

export interface NamedSource {
  ref: string;
  name: string;
  /** For narrow places (table headers, legends); the name when absent. */
  shortName?: string;
  source: ScenarioSource;
}

export interface AnalyseJob {
  kind: "analyse";
  /** The first is the baseline; each other one is compared with it. */
  scenarios: NamedSource[];
}

export interface ExplainJob {
  kind: "explain";
  scenario: NamedSource;
  /** For a comparison figure (and for `baseline.`/`option.` figures), the baseline. */
  baseline?: NamedSource;
  figure: string;
}

/** Build what "Write to workbook" writes: the comparison sheet, the inputs sheet, the charts. */
export interface PlanJob {
  kind: "plan";
  /** The first is the baseline. */
  scenarios: (NamedSource & { basedOn: string | null })[];
  live: boolean;
  writtenOn: string;
}

/** A Monte Carlo run of one figure (of a scenario, or of an option against a baseline), then its tornado. */
export interface SimulateJob {
  kind: "simulate";
  scenario: NamedSource;
  baseline?: NamedSource;
  figure: string;
  draws: number;
  seed: number;
  /** A transition budget, £ (comparisons only): the chance spend exceeds it. */
  budget?: number;
  /** Draws per chunk: progress is posted and a cancel heard between chunks. */
  chunkSize?: number;
  /** False for the verdict card's background run, which needs the probabilities and no tornado. */
  tornado?: boolean;
}

/** The team-design indicators of the compared scenarios, side by side (the first is the baseline). */
export interface TeamDesignJob {
  kind: "teamDesign";
  scenarios: NamedSource[];
}

/** A council's health check: metrics as a table of cells (header `metric, <year>…`), and threshold overrides. */
export interface HealthCheckJob {
  kind: "healthCheck";
  table: string[][];
  council: string | null;
  thresholds: Record<string, { green?: number; red?: number }>;
}

/** The formula-transparent workbook of a comparison (or of one scenario), as .xlsx bytes. */
export interface WorkbookJob {
  kind: "workbook";
  /** The first is the baseline (or the one scenario). */
  scenarios: NamedSource[];
}

/** The Blueprint's claims for an option against the baseline, on the baseline's council and prices (socialcare claims). */
export interface ClaimsJob {
  kind: "claims";
  baseline: NamedSource;
  option: NamedSource;
  draws: number;
  seed: number;
}

export type Job = AnalyseJob | ExplainJob | PlanJob | SimulateJob | TeamDesignJob | HealthCheckJob | WorkbookJob | ClaimsJob;

export interface ScenarioAnalysis {
  ref: string;
  name: string;
  shortName: string;
  result: Result;
}

export interface OptionAnalysis {
  ref: string;
  name: string;
  shortName: string;
  comparison: Comparison;
  /** The whole workforce through the move, year by year (engine/workforce/flows.ts); null when the option has no transition or its council no turnover rate. */
  workforce?: WorkforceSeries | null;
}

/** The workforce at each year's end, every tier added: in post, agency, vacant posts no one covers; and months to full staffing. */
export interface WorkforceSeries {
  years: string[];
  posts: number[];
  inPost: number[];
  agency: number[];
  uncovered: number[];
  monthsToFullStaffing: number | null;
}

/** The option's workforce through the move from the baseline, for the pane's chart. */
export function workforceSeries(baseline: Scenario, option: Scenario): WorkforceSeries | null {
  if (!option.transition || option.council.turnoverRate === undefined) return null;
  const flows = scenarioFlows(option, baseline);
  const totals = flowTotalsByYear(flows);
  return {
    years: totals.map((t) => addYears(option.finance.year, t.index)),
    posts: totals.map((t) => t.posts),
    inPost: totals.map((t) => t.inPost),
    agency: totals.map((t) => t.agency),
    uncovered: totals.map((t) => t.vacant - t.agency),
    monthsToFullStaffing: flows.monthsToFullStaffing,
  };
}

export interface Analysis {
  kind: "analyse";
  results: ScenarioAnalysis[];
  /** Each option against the baseline (results[0]). */
  comparisons: OptionAnalysis[];
  /** Scenarios that could not be computed, with the engine's message. */
  errors: { ref: string; name: string; message: string }[];
}

export interface ExplainOutcome {
  kind: "explain";
  explanation: Explanation;
}

export interface PlanOutcome {
  kind: "plan";
  plan: WritePlan;
}

export interface SimulateOutcome {
  kind: "simulate";
  simulation: SimulationResult;
  /** The tornado of the same figure; null with the reason when it cannot be drawn. */
  tornado: Tornado | null;
  tornadoError?: string;
}

export interface TeamDesignOutcome {
  kind: "teamDesign";
  side: TeamDesignComparison;
  /** Scenarios that could not be computed, with the engine's message. */
  errors: { ref: string; name: string; message: string }[];
}

export interface HealthCheckOutcome {
  kind: "healthCheck";
  check: HealthCheck;
}

export interface WorkbookOutcome {
  kind: "workbook";
  bytes: Uint8Array;
  fileName: string;
}

export interface ClaimsOutcome {
  kind: "claims";
  table: ClaimsTable;
}

export type JobOutcome = Analysis | ExplainOutcome | PlanOutcome | SimulateOutcome | TeamDesignOutcome | HealthCheckOutcome | WorkbookOutcome | ClaimsOutcome;

/** Progress of a job: `done` of `total` steps, and what is being done. */
export interface Progress {
  done: number;
  total: number;
  step: string;
}

export function load(source: ScenarioSource): Scenario {
  return "preset" in source ? loadPreset(source.preset) : loadScenario(source.input);
}

/** Materialises the comparison's figures (built lazily by the engine) so it can be posted. */
function postable(comparison: Comparison): Comparison {
  const figures = comparison.figures;
  return { ...comparison, figures };
}

/** Something a caller can set to stop a job between chunks (an AbortSignal, or a worker's flag). */
export interface CancelSignal {
  readonly aborted: boolean;
}

/**
 * Runs a job. A scenario that names a published council whose figures this page or worker has not
 * fetched yet (the pane writes a council's figures out, so only a hand-made job does) waits for them
 * and runs again (whenLoaded).
 */
export function runJob(job: Job, progress: (p: Progress) => void = () => {}, signal?: CancelSignal): Promise<JobOutcome> {
  return whenLoaded(() => runJobOnce(job, progress, signal));
}

async function runJobOnce(job: Job, progress: (p: Progress) => void, signal?: CancelSignal): Promise<JobOutcome> {
  if (job.kind === "simulate") return simulateJob(job, progress, signal);
  if (job.kind === "teamDesign") return teamDesignJob(job);
  if (job.kind === "claims") {
    // the option on the baseline's council and prices, as socialcare claims runs it
    const baseline = load(job.baseline.source);
    const option = onBaselineBasis(baseline, load(job.option.source)).option;
    return { kind: "claims", table: claimsTable(baseline, option, { draws: job.draws, seed: job.seed }) };
  }
  if (job.kind === "healthCheck") return healthCheckJob(job);
  if (job.kind === "workbook") return workbookJob(job, progress);
  if (job.kind === "explain") {
    const scenario = load(job.scenario.source);
    if (!job.baseline) return { kind: "explain", explanation: explain(scenario, job.figure) };
    const baseline = load(job.baseline.source);
    const comparison = compareScenarios(baseline, scenario);
    return { kind: "explain", explanation: explainComparison(baseline, scenario, comparison, job.figure) };
  }
  if (job.kind === "plan") return planJob(job, progress);
  const total = job.scenarios.length * 2 - 1;
  let done = 0;
  const step = (text: string) => progress({ done, total, step: text });
  const out: Analysis = { kind: "analyse", results: [], comparisons: [], errors: [] };
  const loaded: { named: NamedSource; scenario: Scenario }[] = [];
  for (const named of job.scenarios) {
    step(`Computing ${named.name}`);
    try {
      const scenario = load(named.source);
      out.results.push({ ref: named.ref, name: named.name, shortName: named.shortName ?? named.name, result: runScenario(scenario) });
      loaded.push({ named, scenario });
    } catch (error) {
      if (error instanceof NotLoadedYet) throw error;
      out.errors.push({ ref: named.ref, name: named.name, message: (error as Error).message });
    }
    done++;
    // Yield between steps so a worker can post progress (and the inline fallback can repaint).
    await Promise.resolve();
  }
  const baseline = loaded[0];
  if (baseline && baseline.named.ref === job.scenarios[0]!.ref) {
    for (const option of loaded.slice(1)) {
      step(`Comparing ${option.named.name} with ${baseline.named.name}`);
      try {
        out.comparisons.push({
          ref: option.named.ref,
          name: option.named.name,
          shortName: option.named.shortName ?? option.named.name,
          comparison: postable(compareScenarios(baseline.scenario, option.scenario)),
          workforce: workforceSeries(baseline.scenario, option.scenario),
        });
      } catch (error) {
        out.errors.push({ ref: option.named.ref, name: option.named.name, message: (error as Error).message });
      }
      done++;
      await Promise.resolve();
    }
  }
  progress({ done: total, total, step: "Done" });
  return out;
}

async function planJob(job: PlanJob, progress: (p: Progress) => void): Promise<PlanOutcome> {
  const total = job.scenarios.length * 2;
  let done = 0;
  const planned: PlannedScenario[] = [];
  for (const named of job.scenarios) {
    progress({ done, total, step: `Computing ${named.name}` });
    const scenario = load(named.source);
    planned.push({ ref: named.ref, name: named.name, basedOn: named.basedOn, scenario, result: runScenario(scenario) });
    done++;
    await Promise.resolve();
  }
  const comparisons: Comparison[] = [];
  for (const option of planned.slice(1)) {
    progress({ done, total, step: `Comparing ${option.name}` });
    comparisons.push(compareScenarios(planned[0]!.scenario, option.scenario));
    done++;
    await Promise.resolve();
  }
  progress({ done, total, step: "Laying out the sheets" });
  // The layout code loads with the first write, not with the pane.
  const { buildWorkbookPlan } = await import(/* webpackChunkName: "workbook-plan" */ "./workbookPlan.js");
  const plan = buildWorkbookPlan(planned, comparisons, { live: job.live, writtenOn: job.writtenOn });
  progress({ done: total, total, step: "Done" });
  return { kind: "plan", plan };
}

async function simulateJob(job: SimulateJob, progress: (p: Progress) => void, signal?: CancelSignal): Promise<SimulateOutcome> {
  const scenario = load(job.scenario.source);
  const baseline = job.baseline ? load(job.baseline.source) : undefined;
  const options = { figures: [job.figure], draws: job.draws, seed: job.seed, ...(baseline ? { baseline } : {}), ...(job.budget !== undefined ? { budget: job.budget } : {}) };
  progress({ done: 0, total: job.draws, step: "Drawing" });
  const simulation = await simulateAsync(scenario, options, {
    chunkSize: job.chunkSize ?? 1000,
    ...(signal ? { signal } : {}),
    onProgress: (done, total) => progress({ done, total, step: `${done.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} draws` }),
  });
  if (job.tornado === false) return { kind: "simulate", simulation, tornado: null };
  try {
    const tornado = sensitivity(scenario, { figure: job.figure, ...(baseline ? { baseline } : {}) });
    return { kind: "simulate", simulation, tornado };
  } catch (error) {
    return { kind: "simulate", simulation, tornado: null, tornadoError: (error as Error).message };
  }
}

async function healthCheckJob(job: HealthCheckJob): Promise<HealthCheckOutcome> {
  return { kind: "healthCheck", check: healthCheck({ ...readHealthCheckTable(job.table), council: job.council }, job.thresholds) };
}

async function teamDesignJob(job: TeamDesignJob): Promise<TeamDesignOutcome> {
  const designs = [];
  const errors: TeamDesignOutcome["errors"] = [];
  for (const named of job.scenarios) {
    try {
      const scenario = load(named.source);
      const design = teamDesignOf(scenario, runScenario(scenario));
      // Named as the pane names it (a user's scenario keeps its own name).
      designs.push({ ...design, scenario: { ...design.scenario, name: named.name } });
    } catch (error) {
      if (error instanceof NotLoadedYet) throw error;
      errors.push({ ref: named.ref, name: named.name, message: (error as Error).message });
    }
    await Promise.resolve();
  }
  return { kind: "teamDesign", side: teamDesignsSideBySide(designs), errors };
}

/** A file name from a scenario's name: letters, digits and dashes. */
function fileStem(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 24).replace(/-$/, "") || "scenario";
}

async function workbookJob(job: WorkbookJob, progress: (p: Progress) => void): Promise<WorkbookOutcome> {
  if (job.scenarios.length === 0) throw new Error("choose a scenario to put in the workbook");
  const total = job.scenarios.length + 2;
  progress({ done: 0, total, step: "Loading the workbook writer" });
  // exceljs is large: its chunk loads only when a workbook is asked for, never with the pane.
  const { exportWorkbook } = await import(/* webpackChunkName: "workbook-export" */ "../../../workbook/export.js");
  const scenarios: Scenario[] = [];
  for (const named of job.scenarios) {
    progress({ done: scenarios.length + 1, total, step: `Reading ${named.name}` });
    scenarios.push(load(named.source));
  }
  progress({ done: total - 1, total, step: "Writing the formulas" });
  const bytes = await exportWorkbook(scenarios[0]!, scenarios.slice(1));
  progress({ done: total, total, step: "Done" });
  // Short names make a short file name: blueprint-against-hierarchy-2018.xlsx.
  const names = job.scenarios.map((s) => fileStem(s.shortName ?? s.name));
  const fileName = names.length === 1 ? `${names[0]}.xlsx` : `${names.slice(1).join("-and-")}-against-${names[0]}.xlsx`;
  return { kind: "workbook", bytes, fileName };
}
