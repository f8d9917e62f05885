import { compareScenarios, explain, explainComparison, loadPreset, loadScenario, runScenario, type Comparison, type Explanation, type Result, type Scenario } from "../../../engine/index.js";
import type { WritePlan } from "../../office/plan.js";
import { buildWorkbookPlan, type PlannedScenario } from "./workbookPlan.js";

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

export type Job = AnalyseJob | ExplainJob | PlanJob;

export interface ScenarioAnalysis {
  ref: string;
  name: string;
  result: Result;
}

export interface OptionAnalysis {
  ref: string;
  name: string;
  comparison: Comparison;
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

export type JobOutcome = Analysis | ExplainOutcome | PlanOutcome;

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

export async function runJob(job: Job, progress: (p: Progress) => void = () => {}): Promise<JobOutcome> {
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
      out.results.push({ ref: named.ref, name: named.name, result: runScenario(scenario) });
      loaded.push({ named, scenario });
    } catch (error) {
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
        out.comparisons.push({ ref: option.named.ref, name: option.named.name, comparison: postable(compareScenarios(baseline.scenario, option.scenario)) });
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
  const plan = buildWorkbookPlan(planned, comparisons, { live: job.live, writtenOn: job.writtenOn });
  progress({ done: total, total, step: "Done" });
  return { kind: "plan", plan };
}
