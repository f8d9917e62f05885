import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import vm from "node:vm";
import { compareScenarios, loadPreset, MONEY_ROUNDING } from "../../engine/index.js";

/**
 * Issue 14, "load once": the task pane's engine worker takes its engine from the page's functions bundle
 * (importScripts("functions.js"), from the browser's cache) rather than carrying a second copy. The
 * built worker (npm test builds it first) is run here as a browser runs it: a global scope of its own
 * with importScripts, postMessage and onmessage, and functions.js served beside it.
 */

const DIST = resolve("dist/addin");

type Message = { id: number; outcome?: { kind: string; comparisons: { comparison: { appraisal: { npv: number }; transition: { total: number } } }[] }; error?: string };

function startWorker(): { post(data: unknown): void; messages: Message[]; fetched: string[] } {
  const messages: Message[] = [];
  const fetched: string[] = [];
  const scope: Record<string, unknown> = {};
  scope.self = scope;
  scope.postMessage = (data: Message) => messages.push(data);
  scope.importScripts = (...urls: string[]) => {
    for (const url of urls) {
      fetched.push(url);
      vm.runInContext(readFileSync(resolve(DIST, url), "utf8"), context, { filename: url });
    }
  };
  const context = vm.createContext(scope);
  vm.runInContext(readFileSync(resolve(DIST, "engine-worker.js"), "utf8"), context, { filename: "engine-worker.js" });
  return { post: (data) => (scope.onmessage as (e: { data: unknown }) => unknown)({ data }), messages, fetched };
}

test("the worker carries no engine of its own: the engine's code is in functions.js alone", () => {
  const worker = readFileSync(resolve(DIST, "engine-worker.js"), "utf8");
  const functions = readFileSync(resolve(DIST, "functions.js"), "utf8");
  // the money rounding rule's text is in the engine, and only the engine
  expect(functions).toContain(MONEY_ROUNDING);
  expect(worker).not.toContain(MONEY_ROUNDING);
});

test("started, the worker loads functions.js and answers a comparison with the engine's figures", async () => {
  expect(existsSync(resolve(DIST, "engine-worker.js"))).toBe(true);
  const worker = startWorker();
  expect(worker.fetched).toEqual(["functions.js"]);
  worker.post({
    id: 7,
    job: {
      kind: "analyse",
      scenarios: [
        { ref: "a", name: "Baseline", source: { preset: "baseline-2018" } },
        { ref: "b", name: "Blueprint", source: { preset: "blueprint" } },
      ],
    },
  });
  for (let i = 0; i < 100 && !worker.messages.some((m) => m.id === 7 && (m.outcome || m.error)); i++) await new Promise((r) => setTimeout(r, 10));
  const answer = worker.messages.find((m) => m.id === 7 && (m.outcome || m.error))!;
  expect(answer.error).toBeUndefined();
  const expected = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"));
  expect(answer.outcome!.comparisons[0]!.comparison.appraisal.npv).toBe(expected.appraisal.npv);
  expect(answer.outcome!.comparisons[0]!.comparison.transition.total).toBe(expected.transition.total);
});
