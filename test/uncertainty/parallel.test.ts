import { existsSync } from "node:fs";
import { join } from "node:path";
import { CancelledError, DomainError, loadPreset, loadScenario, simulate, sweep } from "../../engine/index.js";
import { simulateParallel, sweepParallel } from "../../node/simulate.js";
import { smallScenario } from "../fixtures/small.js";
import { illustrativeTable } from "../fixtures/councilTables.js";

// The worker threads run the compiled engine (npm test builds dist/ before jest runs). Each pool
// starts its threads afresh, which takes seconds on a busy machine, hence the long timeout.
jest.setTimeout(240_000);
const workerFile = join(__dirname, "..", "..", "dist", "node", "uncertaintyWorkerEntry.cjs");

describe("worker threads give bit-identical figures", () => {
  const baseline = loadPreset("baseline-2018");
  const option = loadPreset("blueprint");
  const options = { baseline, draws: 4000, seed: 2024, budget: 6_500_000 };

  beforeAll(() => {
    if (!existsSync(workerFile)) throw new Error(`${workerFile} is missing: run npm run build (npm test does)`);
  });

  test("1, 2 and 4 workers, with every range computed on worker threads, give the single-thread result exactly", async () => {
    const expected = JSON.stringify(simulate(option, options));
    for (const workers of [1, 2, 4]) {
      const seen: number[] = [];
      const result = await simulateParallel(option, options, { workers, workerFile, useThisThread: workers === 1, chunkSize: 300, onProgress: (done) => seen.push(done) });
      expect([workers, JSON.stringify(result)]).toEqual([workers, expected]);
      expect(Math.max(...seen)).toBe(4000);
    }
  });

  test("with this thread sharing the work, the result is the same", async () => {
    const result = await simulateParallel(option, options, { workers: 2, workerFile, chunkSize: 250, threadStartMs: 0 });
    expect(JSON.stringify(result)).toBe(JSON.stringify(simulate(option, options)));
  });

  test("a sweep on 2 workers gives the single-thread rows exactly", async () => {
    const sweepOptions = { councils: illustrativeTable(), scenarios: [option, loadPreset("cluster")], baseline, draws: 30, seed: 6 };
    const expected = JSON.stringify(sweep(sweepOptions));
    const result = await sweepParallel(sweepOptions, { workers: 2, workerFile, useThisThread: false, chunkSize: 40 });
    expect(JSON.stringify(result)).toBe(expected);
  });

  test("a run can be cancelled; the promise rejects with CancelledError", async () => {
    const controller = new AbortController();
    const run = simulateParallel(option, { baseline, draws: 200_000 }, { workers: 2, workerFile, useThisThread: false, chunkSize: 2000, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    const local = new AbortController();
    local.abort();
    await expect(simulateParallel(option, { baseline, draws: 1000 }, { workers: 1, signal: local.signal })).rejects.toBeInstanceOf(CancelledError);
  });

  test("a problem met on a worker comes back as the engine's error, with its message", async () => {
    const s = smallScenario();
    s.structure.tiers[2] = { id: "head", name: "Head", reportsTo: null, holdsCases: false, salary: 60000, expression: "worker - 9" };
    const scenario = loadScenario(s);
    const options_ = { draws: 400, vary: { "council.children": "uniform(10, 200)" } };
    let single: Error | undefined;
    try {
      simulate(scenario, options_);
    } catch (error) {
      single = error as Error;
    }
    expect(single).toBeInstanceOf(DomainError);
    const parallel = await simulateParallel(scenario, options_, { workers: 2, workerFile, useThisThread: false, chunkSize: 400 }).catch((error: unknown) => error);
    expect(parallel).toBeInstanceOf(DomainError);
    expect((parallel as Error).message).toBe(single!.message);
  });

  test("the number of workers is checked", async () => {
    await expect(simulateParallel(option, options, { workers: 0 })).rejects.toThrow("workers: must be a whole number from 1 to 64, got 0");
  });
});
