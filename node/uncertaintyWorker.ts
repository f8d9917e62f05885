import { createSimulation, createSweep, type Scenario, type Simulation, type SimulationChunk, type SimulationOptions, type Sweep, type SweepOptions, type SweepRow } from "../engine/index.js";

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

export default function runTask(task: UncertaintyTask): SimulationChunk | SweepRow[] {
  if (task.kind === "simulate") {
    return remember(task.id, () => createSimulation(task.scenario, task.options)).runChunk(task.start, task.end);
  }
  return remember(task.id, () => createSweep(task.options)).runJobs(task.start, task.end);
}
