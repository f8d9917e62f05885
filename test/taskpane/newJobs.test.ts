import { compareTeamDesigns, DEFAULT_SEED, healthCheck, loadPreset, parseHealthCheckText, simulate, toScenarioInput } from "../../engine/index.js";
import { runJob, type HealthCheckOutcome, type Progress, type SimulateOutcome, type TeamDesignOutcome, type WorkbookOutcome } from "../../addin/taskpane/compute/jobs.js";
import { PANE_DEFAULT_SEED } from "../../addin/taskpane/controller.js";
import { addYear, checkHealthDraft, draftFromInput, draftTable, emptyHealthDraft, readHealthDraft, removeYear, setValue } from "../../addin/taskpane/model/healthDraft.js";
import { importWorkbook } from "../../workbook/index.js";

const blueprint = { ref: "preset:blueprint", name: "Blueprint", source: { preset: "blueprint" } };
const baseline = { ref: "user:user-1", name: "Ours", source: { input: toScenarioInput(loadPreset("england-2025"), { withSources: true }) } };

describe("the Monte Carlo job", () => {
  test("gives exactly simulate's result for the same seed, with progress by chunk, and the tornado", async () => {
    const progress: Progress[] = [];
    const outcome = (await runJob({ kind: "simulate", scenario: blueprint, baseline, figure: "transition.total", draws: 3000, seed: 11, budget: 6_500_000, chunkSize: 700 }, (p) => progress.push(p))) as SimulateOutcome;
    const expected = simulate(loadPreset("blueprint"), { baseline: loadPreset("england-2025"), figures: ["transition.total"], draws: 3000, seed: 11, budget: 6_500_000 });
    expect(outcome.simulation).toEqual(expected);
    expect(progress.map((p) => p.done)).toEqual([0, 700, 1400, 2100, 2800, 3000]);
    expect(outcome.tornado!.figure).toBe("transition.total");
    expect(structuredClone(outcome)).toEqual(outcome);
  });

  test("stops between chunks when cancelled, with the engine's CancelledError", async () => {
    let chunks = 0;
    const signal = { get aborted() { return chunks >= 2; } };
    await expect(runJob({ kind: "simulate", scenario: blueprint, figure: "runCost.total", draws: 10_000, seed: 1, chunkSize: 500 }, (p) => { if (p.done > 0) chunks++; }, signal)).rejects.toMatchObject({ name: "CancelledError" });
    expect(chunks).toBe(2);
  });

  test("the pane starts from the engine's default seed", () => {
    expect(Number(PANE_DEFAULT_SEED)).toBe(DEFAULT_SEED);
  });
});

describe("the health check and team design jobs", () => {
  const csv = "metric,2024,2025\nvacancyRate,16%,14.2%\naverageCaseload,15.4,\n";
  test("the draft from a file rates as the engine rates the file", async () => {
    const draft = draftFromInput(parseHealthCheckText(csv, "ours.csv"));
    expect(draft.years).toEqual(["2024", "2025"]);
    const outcome = (await runJob({ kind: "healthCheck", table: draftTable(draft), council: "Anytown", thresholds: draft.thresholds })) as HealthCheckOutcome;
    expect(outcome.check).toEqual({ ...healthCheck(parseHealthCheckText(csv, "ours.csv")), council: "Anytown" });
    expect(outcome.check.metrics.find((m) => m.metric === "averageCaseload")!.rating).toBe("missing");
  });

  test("team design of the compared scenarios, named as the pane names them", async () => {
    const outcome = (await runJob({ kind: "teamDesign", scenarios: [baseline, blueprint] })) as TeamDesignOutcome;
    const expected = compareTeamDesigns([loadPreset("england-2025"), loadPreset("blueprint")]);
    expect(outcome.side.rows.map((r) => r.values)).toEqual(expected.rows.map((r) => r.values));
    expect(outcome.side.scenarios.map((s) => s.name)).toEqual(["Ours", "Blueprint"]);
  });
});

describe("the health check draft", () => {
  test("keeps what was typed, marks a bad value at its metric and year, and survives the document settings", () => {
    let draft = addYear(addYear(emptyHealthDraft(), "2025"), "2024");
    expect(draft.years).toEqual(["2024", "2025"]);
    expect(() => addYear(draft, "2025/26")).toThrow(/already there/);
    expect(() => addYear(draft, "next year")).toThrow(/written like 2025/);
    draft = setValue(draft, "vacancyRate", "2025", "lots");
    const check = checkHealthDraft(draft);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.byField["vacancyRate|2025"]).toMatch(/must be a number or a percentage/);
    expect(readHealthDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
    expect(removeYear(draft, "2025").values.vacancyRate).toEqual({});
    expect(readHealthDraft("nonsense")).toEqual(emptyHealthDraft());
  });
});

describe("the workbook job", () => {
  test("builds the formula-transparent workbook of the scenarios, which reads back as them", async () => {
    const outcome = (await runJob({ kind: "workbook", scenarios: [baseline, blueprint] })) as WorkbookOutcome;
    expect(outcome.fileName).toBe("blueprint-against-ours.xlsx");
    const back = await importWorkbook(outcome.bytes);
    expect(back.map((s) => s.scenario.id)).toEqual(["england-2025", "blueprint"]);
  });
});
