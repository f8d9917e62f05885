import type { CancelSignal, Job, JobOutcome, Progress } from "./jobs.js";

/** The outcome a job of each kind answers with. */
export type OutcomeOf<J extends Job> = Extract<JobOutcome, { kind: J["kind"] }>;

/**
 * How the pane asks for computation. `WorkerEngine` runs jobs in a Web Worker (the normal case);
 * `InlineEngine` runs them on the page, for hosts where a worker cannot start. A job given a signal
 * stops between chunks when the signal is aborted, and fails with a `CancelledError`.
 */
export interface EngineClient {
  readonly where: "worker" | "inline";
  run<J extends Job>(job: J, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<OutcomeOf<J>>;
}

/** A job stopped by its caller (the engine's CancelledError, as it crosses from the worker). */
export function cancelledError(message: string): Error {
  const error = new Error(message);
  error.name = "CancelledError";
  return error;
}

export class InlineEngine implements EngineClient {
  readonly where = "inline" as const;
  async run<J extends Job>(job: J, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<OutcomeOf<J>> {
    // Loaded only where a worker cannot start: the page's own bundle stays small.
    const { runJob } = await import(/* webpackChunkName: "engine-inline" */ "./jobs.js");
    return (await runJob(job, onProgress, signal as CancelSignal | undefined)) as OutcomeOf<J>;
  }
}

type Pending = { resolve: (o: JobOutcome) => void; reject: (e: Error) => void; onProgress: ((p: Progress) => void) | undefined };

export class WorkerEngine implements EngineClient {
  readonly where = "worker" as const;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<{ id: number; progress?: Progress; outcome?: JobOutcome; error?: string; cancelled?: boolean }>) => {
      const { id, progress, outcome, error, cancelled } = event.data;
      const waiting = this.pending.get(id);
      if (!waiting) return;
      if (progress) waiting.onProgress?.(progress);
      else {
        this.pending.delete(id);
        if (outcome) waiting.resolve(outcome);
        else waiting.reject(cancelled ? cancelledError(error ?? "the run was cancelled") : new Error(error ?? "the engine worker failed"));
      }
    };
    worker.onerror = (event) => {
      const error = new Error(`the engine worker stopped: ${event.message}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }
  run<J extends Job>(job: J, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<OutcomeOf<J>> {
    const id = this.nextId++;
    return new Promise<OutcomeOf<J>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (o: JobOutcome) => void, reject, onProgress });
      // The worker checks for a cancel between chunks; it answers with a CancelledError.
      signal?.addEventListener("abort", () => this.worker.postMessage({ cancel: id }), { once: true });
      this.worker.postMessage({ id, job });
    });
  }
}

/** The worker when it can start, else the page itself. */
export function startEngine(): EngineClient {
  try {
    // The worker is its own bundle (webpack entry "engine-worker"), served beside taskpane.html.
    const worker = new Worker("engine-worker.js");
    return new WorkerEngine(worker);
  } catch {
    return new InlineEngine();
  }
}
