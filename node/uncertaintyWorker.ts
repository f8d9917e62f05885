import { createSimulation, createSweep, sortChunk, DomainError, ScenarioError, SocialCareError, type Issue, type Scenario, type Simulation, type SimulationChunk, type SimulationOptions, type Sweep, type SweepOptions, type SweepRow } from "../engine/index.js";

/**
 * The worker thread of a parallel simulation or sweep (a piscina task function). Each task names its
 * run by id and brings the run's description; the worker compiles the run once and keeps it for the
 * run's other tasks, then computes the draws or jobs it is given. The figures depend only on the draw
 * and job numbers, never on which worker ran them.
 */

export type UncertaintyTask =
  | { kind: "simulate"; id: string; scenario: Scenario; options: SimulationOptions; start: number; end: number }
  | { kind: "sweep"; id: string; options: SweepOptions; start: number; end: number };

/** Runs compiled in this worker, most recent last; a few are kept, as a pool serves one run at a time. */
const runs = new Map<string, Simulation | Sweep>();
const KEEP = 4;

function remember<T extends Simulation | Sweep>(id: string, make: () => T): T {
  let run = runs.get(id) as T | undefined;
  if (!run) {
    run = make();
    runs.set(id, run);
    while (runs.size > KEEP) runs.delete(runs.keys().next().value!);
  }
  return run;
}

/** A problem with the user's input, sent back as data: an error's class does not survive the trip between threads. */
export interface TaskProblem {
  problem: { name: string; message: string; argument?: string; issues?: readonly Issue[] };
}

export default function runTask(task: UncertaintyTask): SimulationChunk | SweepRow[] | TaskProblem {
  try {
    if (task.kind === "simulate") {
      // Sorted here, in parallel with the other threads, so the combining thread only merges.
      return sortChunk(remember(task.id, () => createSimulation(task.scenario, task.options)).runChunk(task.start, task.end));
    }
    return remember(task.id, () => createSweep(task.options)).runJobs(task.start, task.end);
  } catch (error) {
    if (!(error instanceof SocialCareError)) throw error;
    return {
      problem: {
        name: error.name,
        message: error.message,
        ...(error instanceof DomainError ? { argument: error.argument } : {}),
        ...(error instanceof ScenarioError ? { issues: error.issues } : {}),
      },
    };
  }
}

/** The error a worker described, rebuilt on this thread with its class. */
export function rebuildProblem({ problem }: TaskProblem): SocialCareError {
  if (problem.issues) return new ScenarioError(problem.issues);
  if (problem.argument !== undefined && problem.message.startsWith(`${problem.argument}: `)) return new DomainError(problem.argument, problem.message.slice(problem.argument.length + 2));
  return new SocialCareError(problem.message);
}
