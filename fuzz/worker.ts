import fc from "fast-check";
import { parentPort, workerData } from "node:worker_threads";
import { FACES } from "./faces.js";
import { describe } from "./values.js";

/**
 * Runs cases of one face on a worker thread, so that the runner can stop it if a case never answers.
 * It says which case it starts before running it, then how it went.
 */
export interface WorkerTask {
  face: string;
  seed: number;
  /** The cases [from, to) of the face's sequence for this seed. */
  from: number;
  to: number;
}

export type WorkerMessage =
  | { type: "start"; index: number; input: string }
  | { type: "outcome"; index: number; kind: "answered" | "refused" | "failed"; problem?: string }
  | { type: "done" };

const task = workerData as WorkerTask;
const face = FACES.find((f) => f.name === task.face)!;
// The whole sequence for the seed is drawn, so case n is the same whichever run or restart asks for it.
const inputs = fc.sample(face.inputs(), { seed: task.seed, numRuns: task.to });
for (let index = task.from; index < task.to; index++) {
  const input = inputs[index];
  parentPort!.postMessage({ type: "start", index, input: describe(input) } satisfies WorkerMessage);
  let outcome;
  try {
    outcome = await face.run(input);
  } catch (error) {
    outcome = { kind: "failed" as const, problem: `the harness caught ${(error as Error)?.name}: ${String((error as Error)?.message ?? error).slice(0, 200)}` };
  }
  parentPort!.postMessage({ type: "outcome", index, kind: outcome.kind, ...(outcome.kind === "failed" ? { problem: outcome.problem } : {}) } satisfies WorkerMessage);
}
parentPort!.postMessage({ type: "done" } satisfies WorkerMessage);
