/// <reference lib="webworker" />
// First: the engine, from the page's functions bundle (before anything below reads it).
import "./engineFromPage.js";
import { runJob, type Job } from "./jobs.js";

/**
 * The pane's engine worker: runs jobs off the UI thread so Excel never waits on the pane, and posts
 * progress as it goes. Messages: in `{ id, job }` or `{ cancel: id }`; out `{ id, progress }`, then
 * `{ id, outcome }` or `{ id, error, cancelled? }`. Long jobs (a Monte Carlo run) yield between chunks,
 * so a cancel message is heard while they run.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const cancelled = new Set<number>();

scope.onmessage = async (event: MessageEvent<{ id: number; job: Job } | { cancel: number }>) => {
  if ("cancel" in event.data) {
    cancelled.add(event.data.cancel);
    return;
  }
  const { id, job } = event.data;
  const signal = {
    get aborted() {
      return cancelled.has(id);
    },
  };
  try {
    const outcome = await runJob(job, (progress) => scope.postMessage({ id, progress }), signal);
    // Bytes (a workbook) move to the page rather than being copied.
    const transfer = outcome.kind === "workbook" ? [outcome.bytes.buffer as ArrayBuffer] : [];
    scope.postMessage({ id, outcome }, transfer);
  } catch (error) {
    scope.postMessage({ id, error: (error as Error).message ?? String(error), cancelled: (error as Error).name === "CancelledError" });
  } finally {
    cancelled.delete(id);
  }
};
