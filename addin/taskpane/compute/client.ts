import { runJob, type Analysis, type AnalyseJob, type ExplainJob, type ExplainOutcome, type Job, type JobOutcome, type PlanJob, type PlanOutcome, type Progress } from "./jobs.js";

/**
 * How the pane asks for computation. `WorkerEngine` runs jobs in a Web Worker (the normal case);
 * `InlineEngine` runs them on the page, for hosts where a worker cannot start.
 */
export interface EngineClient {
  readonly where: "worker" | "inline";
  run(job: AnalyseJob, onProgress?: (p: Progress) => void): Promise<Analysis>;
  run(job: ExplainJob, onProgress?: (p: Progress) => void): Promise<ExplainOutcome>;
  run(job: PlanJob, onProgress?: (p: Progress) => void): Promise<PlanOutcome>;
  run(job: Job, onProgress?: (p: Progress) => void): Promise<JobOutcome>;
}

export class InlineEngine implements EngineClient {
  readonly where = "inline" as const;
  run(job: AnalyseJob, onProgress?: (p: Progress) => void): Promise<Analysis>;
  run(job: ExplainJob, onProgress?: (p: Progress) => void): Promise<ExplainOutcome>;
  run(job: PlanJob, onProgress?: (p: Progress) => void): Promise<PlanOutcome>;
  run(job: Job, onProgress?: (p: Progress) => void): Promise<JobOutcome>;
  run(job: Job, onProgress?: (p: Progress) => void): Promise<JobOutcome> {
    return runJob(job, onProgress);
  }
}

type Pending = { resolve: (o: JobOutcome) => void; reject: (e: Error) => void; onProgress: ((p: Progress) => void) | undefined };

export class WorkerEngine implements EngineClient {
  readonly where = "worker" as const;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<{ id: number; progress?: Progress; outcome?: JobOutcome; error?: string }>) => {
      const { id, progress, outcome, error } = event.data;
      const waiting = this.pending.get(id);
      if (!waiting) return;
      if (progress) waiting.onProgress?.(progress);
      else {
        this.pending.delete(id);
        if (outcome) waiting.resolve(outcome);
        else waiting.reject(new Error(error ?? "the engine worker failed"));
      }
    };
    worker.onerror = (event) => {
      const error = new Error(`the engine worker stopped: ${event.message}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }
  run(job: AnalyseJob, onProgress?: (p: Progress) => void): Promise<Analysis>;
  run(job: ExplainJob, onProgress?: (p: Progress) => void): Promise<ExplainOutcome>;
  run(job: PlanJob, onProgress?: (p: Progress) => void): Promise<PlanOutcome>;
  run(job: Job, onProgress?: (p: Progress) => void): Promise<JobOutcome>;
  run(job: Job, onProgress?: (p: Progress) => void): Promise<JobOutcome> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
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
