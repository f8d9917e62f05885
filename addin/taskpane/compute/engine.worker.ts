/// <reference lib="webworker" />
import { runJob, type Job } from "./jobs.js";

/**
 * The pane's engine worker: runs jobs off the UI thread so Excel never waits on the pane, and posts
 * progress as it goes. Messages: in `{ id, job }`; out `{ id, progress }`, then `{ id, outcome }` or
 * `{ id, error }`.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<{ id: number; job: Job }>) => {
  const { id, job } = event.data;
  try {
    const outcome = await runJob(job, (progress) => scope.postMessage({ id, progress }));
    scope.postMessage({ id, outcome });
  } catch (error) {
    scope.postMessage({ id, error: (error as Error).message ?? String(error) });
  }
};
