import { compareScenarios, loadPreset, runScenario, toScenarioInput } from "../../engine/index.js";
import { runJob, type Analysis, type Progress } from "../../addin/taskpane/compute/jobs.js";

test("an analysis runs each scenario and compares each option with the baseline, reporting progress", async () => {
  const progress: Progress[] = [];
  const outcome = (await runJob(
    {
      kind: "analyse",
      scenarios: [
        { ref: "preset:baseline-2018", name: "Baseline", source: { preset: "baseline-2018" } },
        { ref: "user:user-1", name: "Mine", source: { input: toScenarioInput(loadPreset("blueprint"), { withSources: true }) } },
        { ref: "preset:cluster", name: "Cluster", source: { preset: "cluster" } },
      ],
    },
    (p) => progress.push(p),
  )) as Analysis;
  expect(outcome.errors).toEqual([]);
  expect(outcome.results.map((r) => r.result.runCost.total)).toEqual(["baseline-2018", "blueprint", "cluster"].map((id) => runScenario(loadPreset(id)).runCost.total));
  expect(outcome.comparisons.map((c) => c.comparison.appraisal.npv)).toEqual(["blueprint", "cluster"].map((id) => compareScenarios(loadPreset("baseline-2018"), loadPreset(id)).appraisal.npv));
  // Figures are plain data (they cross to the page by structured clone).
  expect(Object.getOwnPropertyDescriptor(outcome.comparisons[0]!.comparison, "figures")!.get).toBeUndefined();
  expect(structuredClone(outcome).comparisons[0]!.comparison.figures.length).toBeGreaterThan(20);
  const done = progress.map((p) => p.done);
  expect(done).toEqual([...done].sort((a, b) => a - b));
  expect(progress.at(-1)).toEqual({ done: 5, total: 5, step: "Done" });
});

test("a scenario that fails is reported by name and the rest still compute", async () => {
  const outcome = (await runJob({
    kind: "analyse",
    scenarios: [
      { ref: "preset:baseline-2018", name: "Baseline", source: { preset: "baseline-2018" } },
      { ref: "user:bad", name: "Broken", source: { input: { name: "Broken" } } },
      { ref: "preset:reclaim", name: "Reclaim", source: { preset: "reclaim" } },
    ],
  })) as Analysis;
  expect(outcome.errors.map((e) => e.name)).toEqual(["Broken"]);
  expect(outcome.comparisons.map((c) => c.name)).toEqual(["Reclaim"]);
});
