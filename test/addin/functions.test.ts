/// <reference types="custom-functions-runtime" />
import fc from "fast-check";
import * as F from "../../addin/functions/functions.js";
import { catalogue } from "../../addin/functions/catalogue.js";
import { define, asNumber, type CustomFunction } from "../../addin/functions/adapter.js";
import { number } from "../../addin/functions/arguments.js";
import { evaluations } from "../../addin/functions/evaluationCache.js";
import {
  applySettings,
  CATEGORY_LABELS,
  compareScenarios,
  comparisonOnlyFigures,
  explain,
  flowsByYear,
  onBaselineBasis,
  scenarioFlows,
  healthCheck,
  healthCheckAreaRows,
  healthCheckRows,
  listPresets,
  listSettings,
  loadPreset,
  MODEL_VERSION,
  runScenario,
  sensitivity,
  simulate,
  teamDesign,
  teamDesignRows,
  TRANSITION_CATEGORIES,
} from "../../engine/index.js";
import { simulationRuns } from "../../addin/functions/simulation.js";
import { ERROR_CODES, ExcelError, installCustomFunctionsStub } from "../../bench/functionsBundle.js";

// The wrappers as Excel calls them, with a stand-in CustomFunctions runtime (Error, ErrorCode). Expected
// values of the building blocks are worked by hand from the rule and the rates in models/rates.yaml
// (2025/26, the default year: employer NI 15% over £5,000; LGPS 19.8%; levy 0.5%; redundancy cap
// £719; 2024/25: NI 13.8% over £9,100, cap £700). Whole-scenario functions are checked against the
// engine called directly.

installCustomFunctionsStub();

/** What a call gives a cell: its value, or the Excel error it throws (any other exception fails the test). */
function cell(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    if (error instanceof ExcelError) return error;
    throw error;
  }
}

/** What an asynchronous call gives its cell once it settles: its value, or the Excel error it rejects with. */
async function settled(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ExcelError) return error;
    throw error;
  }
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe("building blocks", () => {
  test("CASELOAD: children ÷ case-holding FTE, with Excel's reading of cells", () => {
    expect(F.CASELOAD(140, 10)).toBe(14);
    expect(F.CASELOAD("140", true)).toBe(140); // a number stored as text; TRUE is 1
    expect(F.CASELOAD(" 1,400 ", "100")).toBe(14);
    expect(F.CASELOAD(null, 10)).toBe(0); // an empty cell is 0, as in =A1/10
    expect(F.CASELOAD("", 10)).toBe(0);
    expect(F.CASELOAD([[140]], [[10]])).toBe(14); // a one-cell range is its cell
  });

  test("CASEHOLDERS: children ÷ caseload target", () => {
    expect(F.CASEHOLDERS(140, 14)).toBe(10);
    expect(F.CASEHOLDERS(2154, 17.4)).toBeCloseTo(123.793103, 5);
  });

  test("TEAMS: a part team counts as a whole one", () => {
    expect(F.TEAMS(16, 8)).toBe(2);
    expect(F.TEAMS(153.9, 8)).toBe(20); // 19.24 teams → 20
    expect(F.TEAMS(0, 8)).toBe(0);
  });

  test("CONTACTHOURS: hours × share ÷ caseload, a percentage as text read as Excel reads it", () => {
    expect(F.CONTACTHOURS(40, 0.25, 10)).toBe(1);
    expect(F.CONTACTHOURS(37, "25%", 14)).toBeCloseTo((37 * 0.25) / 14, 12);
  });

  test("EMPLOYERNI: rate × (salary − threshold) for the year, to the penny", () => {
    expect(F.EMPLOYERNI(30000)).toBe(3750); // 15% × (30,000 − 5,000)
    expect(F.EMPLOYERNI(30000, "2024/25")).toBe(2884.2); // 13.8% × (30,000 − 9,100)
    expect(F.EMPLOYERNI(30000, 2024)).toBe(2884.2); // the year it starts in
    expect(F.EMPLOYERNI(30000, "2024-25")).toBe(2884.2);
    expect(F.EMPLOYERNI(30000, null)).toBe(3750); // an empty year cell: the default year
    expect(F.EMPLOYERNI(4000)).toBe(0); // below the threshold
    expect(F.EMPLOYERNI(31234.57)).toBe(3935.19); // 15% × 26,234.57 = 3,935.1855 → 3,935.19
  });

  test("EMPLOYERCOST: salary + NI + pension + levy", () => {
    expect(F.EMPLOYERCOST(30000)).toBe(39840); // 30,000 + 3,750 + 5,940 + 150
    expect(F.EMPLOYERCOST(30000, 2024, 0.2)).toBe(39034.2); // 30,000 + 2,884.20 + 6,000 + 150
    expect(F.EMPLOYERCOST(30000, null, "20%")).toBe(39900); // 30,000 + 3,750 + 6,000 + 150
  });

  test("STAFFCOST: employed posts, agency cover with its premium, uncovered vacancies at nothing", () => {
    expect(F.STAFFCOST(2, 30000)).toBe(79680); // 2 × 39,840
    // 10 posts, 10% vacant, half of those covered by agency at a 40% premium: 9 employed, 0.5 covered.
    // Each post in post costs 39,690 (salary + NI + pension): 9.5 × 39,690 = 377,055; the levy on the
    // employed: 9 × 150 = 1,350; the premium: 0.4 × 39,690 × 0.5 = 7,938. Total 386,343.
    expect(F.STAFFCOST(10, 30000, 0.1, 0.5, 0.4, "2025/26")).toBe(386343);
    expect(F.STAFFCOST(10, 30000, null, null, null, null)).toBe(398400);
  });

  test("REDUNDANCY: weeks by age band and service × capped weekly pay × multiplier", () => {
    // Aged 45 with 10 years: the years aged 44…41 count 1½ weeks (6), 40…35 one week (6): 12 weeks.
    expect(F.REDUNDANCY(45, 10, 600)).toBe(7200);
    expect(F.REDUNDANCY(45, 10, 600, 1.5)).toBe(10800);
    expect(F.REDUNDANCY(45, 10, 800)).toBe(8628); // pay capped at £719
    expect(F.REDUNDANCY(45, 10, 800, 1, "2024/25")).toBe(8400); // capped at £700
    expect(F.REDUNDANCY(30, 1, 500)).toBe(0); // under two years' service
    // Aged 21 with 3 years: years aged 20, 19, 18 count half a week each.
    expect(F.REDUNDANCY(21, 3, 400)).toBe(600);
  });

  test("TRANSITIONPROFILE: spills a row that adds up exactly to the total", () => {
    expect(F.TRANSITIONPROFILE(100, 3)).toEqual([[33.34, 33.33, 33.33]]);
    expect(F.TRANSITIONPROFILE(1_000_000, 3, [[50, 30, 20]])).toEqual([[500000, 300000, 200000]]);
    expect(F.TRANSITIONPROFILE(1_000_000, 3, [[50], [30], [20]])).toEqual([[500000, 300000, 200000]]); // a column of weights
    expect(F.TRANSITIONPROFILE(90, 3, [[2, null, 1, null]])).toEqual([[60, 0, 30]]); // an empty cell inside is 0; trailing ones dropped
    expect(F.TRANSITIONPROFILE(90, 3, [[2, 0, 1, 0, 0]])).toEqual([[60, 0, 30]]); // zeros past the years: empty cells as Excel on Windows passes them
    const row = F.TRANSITIONPROFILE(5516510.88, 3, [[4, 3, 2]])[0]!;
    expect(Math.round(row.reduce((s, x) => s + x * 100, 0))).toBe(551651088);
  });

  test("DISCOUNTFACTOR: Green Book schedule, year 0 undiscounted", () => {
    expect(F.DISCOUNTFACTOR(0)).toBe(1);
    expect(near(F.DISCOUNTFACTOR(1), 1 / 1.035)).toBe(true);
    expect(near(F.DISCOUNTFACTOR(31), 1 / (1.035 ** 30 * 1.03))).toBe(true); // 3.0% from year 31
    expect(near(F.DISCOUNTFACTOR(2, 0.1), 1 / 1.21)).toBe(true);
    expect(near(F.DISCOUNTFACTOR(2, "10%"), 1 / 1.21)).toBe(true);
  });

  test("NPV: year 0 undiscounted, unlike Excel's NPV", () => {
    // −100 + 50/1.1 + 60/1.21 = −4.9587 → −4.96. Excel's =NPV(10%, −100, 50, 60) discounts every value
    // one more year: −4.5079, i.e. ours ÷ 1.1.
    expect(F.NPV([[-100, 50, 60]], 0.1)).toBe(-4.96);
    expect(F.NPV([[-100], [50], [60]], 0.1)).toBe(-4.96); // a column
    expect(F.NPV([[-100, 50], [60, null]], 0.1)).toBe(-4.96); // a block, row by row; a trailing empty cell dropped
    expect(F.NPV([[-100, null, 60]], 0.1)).toBe(-50.41); // an empty year inside is 0: −100 + 60/1.21
    expect(F.NPV([[-100, 50, 60]])).toBe(4.32); // Green Book 3.5%: −100 + 50/1.035 + 60/1.035² = −100 + 48.3092 + 56.0106
  });

  test("PAYBACK: first year the cumulative cash flow is no longer negative", () => {
    expect(F.PAYBACK([[-100, 50, 60]])).toBe(2);
    expect(F.PAYBACK([[-100, 50, 50]])).toBe(2); // exactly recovered counts
    expect(F.PAYBACK([[10, -5]])).toBe(0);
  });

  test("VERSION", () => {
    expect(F.VERSION()).toBe(MODEL_VERSION);
  });
});

describe("whole scenarios, against the engine", () => {
  beforeEach(() => evaluations.clear());

  test("PRESETS spills preset, name and description under a header", () => {
    const table = F.PRESETS();
    expect(table[0]).toEqual(["Preset", "Name", "Description"]);
    expect(table.slice(1).map((r) => r[0])).toEqual(listPresets().map((p) => p.id));
    expect(table.slice(1).map((r) => r[2])).toEqual(listPresets().map((p) => p.description));
  });

  test("SCENARIO: one figure of a preset, names in any case", () => {
    const result = runScenario(loadPreset("blueprint"));
    expect(F.SCENARIO("blueprint", "caseload.childrenPerCaseHolder")).toBe(result.caseload.childrenPerCaseHolder);
    expect(F.SCENARIO("Blueprint", "RUNCOST.TOTAL")).toBe(result.runCost.total);
    expect(F.SCENARIO("blueprint", "structure.tiers.socialWorker.fte")).toBe(result.structure.tiers.find((t) => t.id === "socialWorker")!.fte);
  });

  test("SCENARIO with overrides from a two-column range (values read by the setting's kind)", () => {
    const changed = applySettings(loadPreset("blueprint"), { "council.children": 3000, "council.vacancyRate": 0.1 });
    const expected = runScenario(changed).runCost.total;
    expect(F.SCENARIO("blueprint", "runCost.total", [["council.children", 3000], ["council.vacancyRate", "10%"]])).toBe(expected);
    // The same overrides laid across two rows, with an empty row in between and keys in another case.
    expect(F.SCENARIO("blueprint", "runCost.total", [["Council.Children", null, "council.vacancyrate"], ["3,000", null, 0.1]])).toBe(expected);
    expect(F.SCENARIO("blueprint", "caseload.children", [["council.children", 3000]])).toBe(3000);
    expect(F.SCENARIO("blueprint", "runCost.total", [[null, null], [null, null]])).toBe(runScenario(loadPreset("blueprint")).runCost.total);
  });

  test("TIERS spills tier, name, FTE, salary and annual cost", () => {
    const result = runScenario(loadPreset("reclaim"));
    const table = F.TIERS("reclaim");
    expect(table[0]).toEqual(["Tier", "Name", "FTE", "Salary", "Annual cost"]);
    expect(table.slice(1)).toEqual(result.structure.tiers.map((t) => [t.id, t.name, t.fte, t.salary, t.annualCost]));
  });

  test("COMPARE spills every figure side by side, then the comparison's own figures in the Change column", () => {
    const c = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"));
    const table = F.COMPARE("baseline-2018", "blueprint");
    expect(table[0]).toEqual(["Figure", "Label", "Baseline", "Option", "Change", "% change"]);
    const own = comparisonOnlyFigures(c);
    expect(table).toHaveLength(1 + c.figures.length + own.length);
    const row = (name: string) => table.find((r) => r[0] === name)!;
    const caseload = c.figures.find((f) => f.figure === "caseload.childrenPerCaseHolder")!;
    expect(row("caseload.childrenPerCaseHolder")).toEqual([caseload.figure, caseload.label, caseload.baseline, caseload.option, caseload.change, caseload.changePct]);
    expect(row("transition.total")).toEqual(["transition.total", "Transition spend", "", "", c.transition.total, ""]);
    expect(row("appraisal.npv")[4]).toBe(c.appraisal.npv);
    expect(row("costNeutral")[4]).toBe(c.costNeutral);
    // A figure with no value on one side is an empty cell, never a 0 (Excel shows null as 0).
    for (const r of table) for (const v of r) expect(v === null || v === undefined).toBe(false);
  });

  test("COMPARE with overrides on each side", () => {
    const b = applySettings(loadPreset("baseline-2018"), { "council.children": 3000 });
    const o = applySettings(loadPreset("blueprint"), { "council.children": 3000 });
    const c = compareScenarios(b, o);
    const table = F.COMPARE("baseline-2018", "blueprint", [["council.children", 3000]], [["council.children", 3000]]);
    expect(table.find((r) => r[0] === "transition.total")![4]).toBe(c.transition.total);
    expect(table.find((r) => r[0] === "runCost.total")!.slice(2, 4)).toEqual([c.baseline.runCost.total, c.option.runCost.total]);
  });

  test("TRANSITION spills category by financial year, with totals that add up", () => {
    const c = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"));
    const table = F.TRANSITION("baseline-2018", "blueprint");
    expect(table[0]).toEqual(["Category", "Label", ...c.transition.years, "Total"]);
    TRANSITION_CATEGORIES.forEach((category, i) => {
      expect(table[i + 1]).toEqual([category, CATEGORY_LABELS[category], ...c.transition.table[i]!, c.transition.byCategory[category]]);
    });
    const total = table[table.length - 1]!;
    expect(total[0]).toBe("total");
    expect(total[total.length - 1]).toBe(c.transition.total);
    // Rows and columns reconcile to the penny.
    const pennies = (v: unknown) => Math.round((v as number) * 100);
    for (const r of table.slice(1)) expect(r.slice(2, -1).reduce((s: number, v) => s + pennies(v), 0)).toBe(pennies(r[r.length - 1]));
    for (let j = 2; j < total.length; j++) expect(table.slice(1, -1).reduce((s: number, r) => s + pennies(r[j]), 0)).toBe(pennies(total[j]));
  });

  test("TRANSITION to a structure with no transition drivers: the header and a zero total", () => {
    const table = F.TRANSITION("blueprint", "baseline-2018");
    expect(table[0]).toEqual(["Category", "Label", "Total"]);
    expect(table[table.length - 1]).toEqual(["total", "Total", 0]);
  });

  test("EXPLAIN spills the trace, one line a cell", () => {
    const e = explain(loadPreset("blueprint"), "caseload.childrenPerCaseHolder");
    const lines = F.EXPLAIN("blueprint", "caseload.childrenPerCaseHolder").map((r) => r[0]);
    // the label and the engine's figure, to four decimals
    expect(lines[0]).toMatch(/^Children per case-holding post \(caseload\.childrenPerCaseHolder\) = \d+(\.\d+)?$/);
    expect(Number(lines[0]!.split(" = ")[1])).toBeCloseTo(runScenario(loadPreset("blueprint")).caseload.childrenPerCaseHolder, 4);
    expect(lines[1]).toBe(`Rule: ${e.rule}`);
    expect(lines[2]).toBe(`Formula: ${e.formula}`);
    expect(lines).toHaveLength(4 + e.inputs.length);
    expect(lines.some((l) => l.startsWith("council.children = 2,154 children (Children open to social care; source: "))).toBe(true);
    const money = F.EXPLAIN("blueprint", "runCost.total").map((r) => r[0]);
    const total = runScenario(loadPreset("blueprint")).runCost.total;
    expect(money[0]).toBe(`Run cost (runCost.total) = £${total.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} a year`);
  });
});

/** The engine's answer for SIMULATE's arguments, as the uncertainty engineer gives it (percentile 0 to 100). */
function engineSimulate(preset: string, figure: string, draws: number, p: number, seed: number, baseline?: string): number {
  return simulate(loadPreset(preset), { figures: [figure], draws, seed, percentiles: [p * 100], ...(baseline ? { baseline: loadPreset(baseline) } : {}) }).figures[0]!.percentiles[0]!.value;
}

describe("SIMULATE: one percentile of a figure from a seeded Monte Carlo run", () => {
  beforeEach(() => {
    evaluations.clear();
    simulationRuns.clear();
  });

  test("answers later (a Promise), with the engine's percentile of the engine's draws", async () => {
    const answer = F.SIMULATE("blueprint", "runCost.total", 2000, 0.9, 7);
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toBe(engineSimulate("blueprint", "runCost.total", 2000, 0.9, 7));
  });

  test("percentiles as PERCENTILE.INC: 0 is the least draw, 1 the greatest, 0.5 the median; 95% as text is 0.95", async () => {
    const all = simulate(loadPreset("england-2025"), { figures: ["runCost.total"], draws: 1001, seed: 3, percentiles: [0, 50, 95, 100] }).figures[0]!;
    const [low, median, p95, high] = await Promise.all([0, 0.5, "95%", 1].map((p) => F.SIMULATE("england-2025", "runCost.total", 1001, p, 3)));
    expect(low).toBe(all.min);
    expect(high).toBe(all.max);
    // With 1,001 draws the median is the 501st least draw: no interpolation.
    expect(median).toBe(all.percentiles[1]!.value);
    expect(p95).toBe(all.percentiles[2]!.value);
    expect(low! < median! && median! < p95! && p95! <= high!).toBe(true);
  });

  test("the same seed gives the same answer; another seed other draws; the default seed is 1", async () => {
    const a = await F.SIMULATE("reclaim", "caseload.childrenPerCaseHolder", 500, 0.1, 11);
    evaluations.clear();
    simulationRuns.clear();
    expect(await F.SIMULATE("reclaim", "caseload.childrenPerCaseHolder", 500, 0.1, 11)).toBe(a);
    expect(await F.SIMULATE("reclaim", "runCost.total", 500, 0.5, 12)).not.toBe(await F.SIMULATE("reclaim", "runCost.total", 500, 0.5, 11));
    expect(await F.SIMULATE("reclaim", "runCost.total", 500, 0.5)).toBe(engineSimulate("reclaim", "runCost.total", 500, 0.5, 1));
    expect(await F.SIMULATE("reclaim", "runCost.total", 500, 0.5, null, null)).toBe(engineSimulate("reclaim", "runCost.total", 500, 0.5, 1));
  });

  test("a comparison's figures with a baseline, named as the CLI names them with --baseline", async () => {
    expect(await F.SIMULATE("blueprint", "appraisal.npv", 1500, 0.05, 2, "baseline-2018")).toBe(engineSimulate("blueprint", "appraisal.npv", 1500, 0.05, 2, "baseline-2018"));
    expect(await F.SIMULATE("blueprint", "transition.total", 1500, 0.95, 2, "baseline-2018")).toBe(engineSimulate("blueprint", "transition.total", 1500, 0.95, 2, "baseline-2018"));
    expect(await F.SIMULATE("blueprint", "option.runCost.total", 1500, 0.5, 2, "baseline-2018")).toBe(engineSimulate("blueprint", "option.runCost.total", 1500, 0.5, 2, "baseline-2018"));
  });

  test("overrides change the preset before the run; a setting given a value no longer varies", async () => {
    const changed = applySettings(loadPreset("blueprint"), [["council.children", 3000], ["council.vacancyRate", 0.12]], "SOCIALCARE override");
    const expected = simulate(changed, { figures: ["appraisal.npv"], draws: 1200, seed: 3, percentiles: [50], baseline: loadPreset("baseline-2018") }).figures[0]!.percentiles[0]!.value;
    const answer = await F.SIMULATE("blueprint", "appraisal.npv", 1200, 0.5, 3, "baseline-2018", [["council.children", 3000], ["council.vacancyRate", 0.12]]);
    expect(answer).toBe(expected);
    expect(answer).not.toBe(await F.SIMULATE("blueprint", "appraisal.npv", 1200, 0.5, 3, "baseline-2018"));
    await expect(F.SIMULATE("blueprint", "runCost.total", 100, 0.5, 1, null, [["council.children", -5]])).rejects.toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/^overrides: /) });
  });

  test("names in any case, text numbers as Excel reads them", async () => {
    expect(await F.SIMULATE("Blueprint", "RUNCOST.TOTAL", "1,000", "50%", "4")).toBe(engineSimulate("blueprint", "runCost.total", 1000, 0.5, 4));
    expect(await F.SIMULATE("blueprint", "Change.RunCost", 800, 0.5, 4, "BASELINE-2018")).toBe(engineSimulate("blueprint", "change.runCost", 800, 0.5, 4, "baseline-2018"));
  });

  test("every percentile of one figure is read from one shared run, and a recalculation answers from the cache", async () => {
    const percentiles = [0.1, 0.5, 0.9];
    const answers = await Promise.all(percentiles.map((p) => F.SIMULATE("blueprint", "runCost.total", 3000, p, 5)));
    expect(simulationRuns.stats()).toMatchObject({ started: 1, joined: 2 });
    expect(answers).toEqual(percentiles.map((p) => engineSimulate("blueprint", "runCost.total", 3000, p, 5)));
    // A percentile asked for later reads the finished run's draws.
    expect(await F.SIMULATE("blueprint", "runCost.total", 3000, 0.25, 5)).toBe(engineSimulate("blueprint", "runCost.total", 3000, 0.25, 5));
    expect(simulationRuns.stats()).toMatchObject({ started: 1, joined: 3 });
    // The same cells again: answered from the evaluation cache, with no run joined.
    const misses = evaluations.stats().misses;
    expect(await Promise.all(percentiles.map((p) => F.SIMULATE("blueprint", "runCost.total", 3000, p, 5)))).toEqual(answers);
    expect(evaluations.stats().misses).toBe(misses);
    expect(simulationRuns.stats()).toMatchObject({ started: 1, joined: 3 });
  });

  test("a run of many draws gives the runtime turns while it computes", async () => {
    let finished = false;
    // 30,000 draws of a comparison: several slices of 40 ms anywhere (under jest, whose sandbox slows
    // the engine several times over, more than a second).
    const answer = F.SIMULATE("blueprint", "appraisal.npv", 30_000, 0.5, 1, "baseline-2018").then((v) => {
      finished = true;
      return v;
    });
    // The run starts on its first turn; this timer comes after it, so it fires only if the run pauses
    // part way through its draws.
    const sawUnfinished = await new Promise<boolean>((resolve) => setTimeout(() => resolve(!finished), 0));
    expect(sawUnfinished).toBe(true);
    expect(await answer).toBe(engineSimulate("blueprint", "appraisal.npv", 30_000, 0.5, 1, "baseline-2018"));
  }, 120_000);

  test("a cancelled call stops its run when no other call waits on it; the next call starts afresh", async () => {
    const invocation: { onCanceled?: () => void } = {};
    const abandoned = settled(() => F.SIMULATE("cluster", "runCost.total", 200_000, 0.5, 9, null, undefined, invocation as never));
    expect(typeof invocation.onCanceled).toBe("function");
    invocation.onCanceled!();
    expect(simulationRuns.stats()).toMatchObject({ started: 1, stopped: 1, held: 0 });
    await abandoned; // settles (Excel ignores a cancelled call's answer)
    const fresh = await F.SIMULATE("cluster", "runCost.total", 2000, 0.5, 9);
    expect(fresh).toBe(engineSimulate("cluster", "runCost.total", 2000, 0.5, 9));
    expect(simulationRuns.stats()).toMatchObject({ started: 2, stopped: 1 });
  });

  test("finished runs kept are bounded (64 at most), the least recently used dropped first", async () => {
    for (let seed = 0; seed < 70; seed++) await F.SIMULATE("england-2025", "runCost.total", 20, 0.5, seed);
    expect(simulationRuns.stats()).toMatchObject({ started: 70, held: 64 });
    // Seed 69 is kept: asking again joins its run; seed 0 was dropped: asking again (another
    // percentile, so not from the evaluation cache) starts it afresh.
    await F.SIMULATE("england-2025", "runCost.total", 20, 0.25, 69);
    expect(simulationRuns.stats()).toMatchObject({ started: 70, joined: 1 });
    await F.SIMULATE("england-2025", "runCost.total", 20, 0.25, 0);
    expect(simulationRuns.stats()).toMatchObject({ started: 71, joined: 1 });
  });

  test("a run goes on while any call still waits on it", async () => {
    const first: { onCanceled?: () => void } = {};
    const second: { onCanceled?: () => void } = {};
    const cancelled = settled(() => F.SIMULATE("cluster", "runCost.total", 4000, 0.1, 9, null, undefined, first as never));
    const kept = F.SIMULATE("cluster", "runCost.total", 4000, 0.9, 9, null, undefined, second as never);
    first.onCanceled!();
    expect(simulationRuns.stats()).toMatchObject({ started: 1, joined: 1, stopped: 0 });
    expect(await kept).toBe(engineSimulate("cluster", "runCost.total", 4000, 0.9, 9));
    await cancelled;
  });
});

describe("TORNADO, HEALTHCHECK and TEAMDESIGN, against the engine", () => {
  beforeEach(() => evaluations.clear());

  const tornadoRows = (preset: string, figure: string, baseline?: string) =>
    sensitivity(loadPreset(preset), { figure, ...(baseline ? { baseline: loadPreset(baseline) } : {}) }).bars.map((b) => [b.label, b.figureAtLow, b.figureAtHigh, b.swing, b.key, b.low, b.high]);

  test("TORNADO spills one row an uncertain input, widest swing first", () => {
    const table = F.TORNADO("england-2025", "runCost.total");
    expect(table[0]).toEqual(["Input", "Figure at low", "Figure at high", "Swing", "Setting", "Low value", "High value"]);
    expect(table.slice(1)).toEqual(tornadoRows("england-2025", "runCost.total"));
    const swings = table.slice(1).map((r) => r[3] as number);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    // Each swing is the distance between the figure at the input's low and at its high (each rounded to the penny on its own, so within a penny).
    for (const r of table.slice(1)) expect(Math.abs((r[3] as number) - Math.abs((r[2] as number) - (r[1] as number)))).toBeLessThanOrEqual(0.01 + 1e-9);
  });

  test("TORNADO with overrides: the preset changed first; a setting given a value no longer varies; a bad override is blamed on them", () => {
    const changes: [string, unknown][] = [["council.children", 3000], ["council.vacancyRate", 0.12]];
    const changed = applySettings(loadPreset("blueprint"), changes, "SOCIALCARE override");
    const expected = sensitivity(changed, { figure: "transition.total", baseline: loadPreset("baseline-2018") }).bars.map((b) => [b.label, b.figureAtLow, b.figureAtHigh, b.swing, b.key, b.low, b.high]);
    const table = F.TORNADO("blueprint", "transition.total", "baseline-2018", [["council.children", 3000], ["council.vacancyRate", "12%"]]);
    expect(table.slice(1)).toEqual(expected);
    expect(table.slice(1)).not.toEqual(tornadoRows("blueprint", "transition.total", "baseline-2018"));
    // Without a baseline only the preset's own inputs vary (with one, the baseline's vacancy rate still would).
    const own = F.TORNADO("blueprint", "runCost.total", null, [["council.vacancyRate", 0.12]]).slice(1).map((r) => r[4]);
    expect(own).not.toContain("council.vacancyRate");
    expect(tornadoRows("blueprint", "runCost.total").map((r) => r[4])).toContain("council.vacancyRate");
    expect(() => F.TORNADO("blueprint", "runCost.total", null, [["council.childen", 3000]])).toThrow(expect.objectContaining({ code: "#N/A", message: expect.stringMatching(/^overrides: unknown setting "council.childen"; did you mean "council.children"/) }));
  });

  test("TORNADO of a comparison's figure with a baseline; names in any case", () => {
    const table = F.TORNADO("Blueprint", "TRANSITION.TOTAL", "baseline-2018");
    expect(table.slice(1)).toEqual(tornadoRows("blueprint", "transition.total", "baseline-2018"));
    // the driver column names a setting of the option (which one leads is the drivers' answer, not a rule)
    expect(listSettings(loadPreset("blueprint")).some((x) => x.key === table[1]![4])).toBe(true);
  });

  const metrics = [
    ["Metric", 2024, "2025"],
    ["Vacancy rate", 0.2, 0.16],
    ["averageCaseload", 17, 14.5],
    ["Sickness absence", null, "n/a"],
    ["Unallocated cases", 0, 0.01],
  ];

  test("HEALTHCHECK spills metric, value, rating and England figure, one row a metric, as the engine rates them", () => {
    const table = F.HEALTHCHECK(metrics);
    expect(table[0]!.slice(0, 4)).toEqual(["Metric", "Value", "Rating", "England"]);
    expect(table).toEqual(healthCheckRows(healthCheck(metrics)).map((r) => r.map((v) => (v === null ? "" : v))));
    const row = (label: string) => table.find((r) => r[0] === label)!;
    // Worked from models/healthcheck.yaml: vacancy green at or below 14.2%, red above 20%; caseload green
    // at or below 15.2; unallocated cases green only at 0, red above 5%. England 2025: 14.2%, 15.2.
    expect(row("Vacancy rate").slice(0, 4)).toEqual(["Vacancy rate", 0.16, "amber", 0.142]);
    expect(row("Average caseload").slice(0, 4)).toEqual(["Average caseload", 14.5, "green", 15.2]);
    expect(row("Unallocated cases").slice(0, 3)).toEqual(["Unallocated cases", 0.01, "amber"]);
    // Missing, never scored: "n/a", and a metric not in the range at all.
    expect(row("Sickness absence").slice(0, 4)).toEqual(["Sickness absence", "", "missing", 0.035]);
    expect(row("Access to IT").slice(1, 3)).toEqual(["", "missing"]);
  });

  test("HEALTHCHECK by area: one row an area with its rating and counts, as the engine rates them; the flag read as Excel reads a logical", () => {
    const areas = F.HEALTHCHECK(metrics, true);
    expect(areas).toEqual(healthCheckAreaRows(healthCheck(metrics)));
    expect(areas[0]).toEqual(["Area", "Rating", "Green", "Amber", "Red", "Missing"]);
    expect(areas).toHaveLength(1 + 5);
    // Workload management: vacancy amber, caseload green, supervision missing.
    const workload = areas.find((r) => r[0] === "Workload management")!;
    expect(workload.slice(2)).toEqual([1, 1, 0, 1]);
    for (const yes of [true, 1, -2, "TRUE", " true "]) expect(F.HEALTHCHECK(metrics, yes)).toEqual(areas);
    for (const no of [false, 0, null, "", "FALSE", undefined]) expect(F.HEALTHCHECK(metrics, no)).toEqual(F.HEALTHCHECK(metrics));
    expect(() => F.HEALTHCHECK(metrics, "yes")).toThrow(expect.objectContaining({ code: "#VALUE!", message: 'byArea: must be TRUE or FALSE, got "yes"' }));
  });

  test("HEALTHCHECK reads a range as Excel on Windows passes empty cells (0): empty rows and header cells are skipped", () => {
    const windows = [
      [0, 0, 0, 0],
      ["Metric", 2024, "2025", 0],
      ["Vacancy rate", 0.2, 0.16, 0],
      [0, 0, 0, 0],
      ["Average caseload", 17, 14.5, 0],
    ];
    const web = [
      [null, null, null, null],
      ["Metric", 2024, "2025", null],
      ["Vacancy rate", 0.2, 0.16, null],
      [null, null, null, null],
      ["Average caseload", 17, 14.5, null],
    ];
    expect(F.HEALTHCHECK(windows)).toEqual(F.HEALTHCHECK(web));
    expect(F.HEALTHCHECK(web).find((r) => r[0] === "Vacancy rate")![2]).toBe("amber");
  });

  test("HEALTHCHECK with threshold overrides in Green and Red columns", () => {
    const table = F.HEALTHCHECK([
      ["Metric", "2025", "Green", "Red"],
      ["Vacancy rate", 0.16, 0.18, 0.25],
    ]);
    expect(table.find((r) => r[0] === "Vacancy rate")![2]).toBe("green"); // 16% at or below the 18% given
  });

  test("TEAMDESIGN spills indicator, unit and the preset's value", () => {
    const table = F.TEAMDESIGN("blueprint");
    expect(table).toEqual(teamDesignRows(teamDesign(loadPreset("blueprint"))).map((r) => r.map((v) => (v === null ? "" : v))));
    expect(table[0]).toEqual(["Indicator", "Unit", loadPreset("blueprint").name]);
    expect(table.find((r) => r[0] === "Management layers")!.slice(1)).toEqual(["layers", 1]);
  });

  test("TEAMDESIGN with overrides from a two-column range", () => {
    const changed = applySettings(loadPreset("reclaim"), { "council.children": 3000 });
    const table = F.TEAMDESIGN("reclaim", [["council.children", "3,000"]]);
    expect(table).toEqual(teamDesignRows(teamDesign(changed)).map((r) => r.map((v) => (v === null ? "" : v))));
    expect(table).not.toEqual(F.TEAMDESIGN("reclaim"));
  });
});

// Every row: the call, the Excel error it must give, the message Excel shows with it.
const badInputs: [string, () => unknown, string, string][] = [
  ["text that is not a number", () => F.CASELOAD("abc", 10), "#VALUE!", 'children: must be a number, got the text "abc"'],
  ["a range where one cell is wanted", () => F.CASELOAD([[1, 2]], 10), "#VALUE!", "children: must be one cell, got a range of 1 × 2 cells"],
  ["no case-holders", () => F.CASELOAD(10, 0), "#NUM!", "caseHoldingFte: must be more than 0, got 0"],
  ["an empty cell as case-holders (0)", () => F.CASELOAD(10, null), "#NUM!", "caseHoldingFte: must be more than 0, got 0"],
  ["negative children", () => F.CASELOAD(-1, 10), "#NUM!", "children: must be at least 0, got -1"],
  ["an empty caseload target", () => F.CASEHOLDERS(100, ""), "#NUM!", "caseloadTarget: must be more than 0, got 0"],
  ["a negative team size", () => F.TEAMS(10, -8), "#NUM!", "teamSize: must be more than 0, got -8"],
  ["a share above 1", () => F.CONTACTHOURS(37, 1.5, 10), "#NUM!", "directContactShare: must be between 0 and 1, got 1.5"],
  ["a word where a number is wanted", () => F.CONTACTHOURS("thirty", 0.25, 10), "#VALUE!", 'hoursPerWeek: must be a number, got the text "thirty"'],
  ["a year that is not one", () => F.EMPLOYERNI(30000, "next year"), "#VALUE!", 'year: must be a financial year such as "2025/26" or the year it starts in (2025), got "next year"'],
  ["a year not in the rates table", () => F.EMPLOYERNI(30000, "2030/31"), "#N/A", 'year: unknown setting "employer NI for 2030/31"; did you mean "employer NI for 2020/21"?'],
  ["a fractional year", () => F.EMPLOYERNI(30000, 2025.5), "#NUM!", 'year: must be a financial year such as "2025/26" or the year it starts in (2025), got 2025.5'],
  ["a financial year whose halves do not follow", () => F.EMPLOYERNI(30000, "2025/27"), "#VALUE!", 'year: must be a financial year such as "2025/26" or the year it starts in (2025), got "2025/27"'],
  ["a negative salary", () => F.EMPLOYERNI(-1), "#NUM!", "salary: must be at least 0, got -1"],
  ["a pension rate above 1", () => F.EMPLOYERCOST(30000, null, 1.2), "#NUM!", "pensionRate: must be between 0 and 1, got 1.2"],
  ["negative posts", () => F.STAFFCOST(-1, 30000), "#NUM!", "fte: must be at least 0, got -1"],
  ["a vacancy rate above 1", () => F.STAFFCOST(10, 30000, 2), "#NUM!", "vacancyRate: must be between 0 and 1, got 2"],
  ["an age that is not whole", () => F.REDUNDANCY(45.5, 10, 600), "#NUM!", "age: must be a whole number, got 45.5"],
  ["more service than working life", () => F.REDUNDANCY(45, 40, 600), "#NUM!", "yearsOfService: must be between 0 and 30, got 40"],
  ["a negative multiplier", () => F.REDUNDANCY(45, 10, 600, -1), "#NUM!", "multiplier: must be at least 0, got -1"],
  ["a year with no pay cap", () => F.REDUNDANCY(45, 10, 600, 1, "2017/18"), "#N/A", 'year: unknown setting "redundancy weekly pay cap for 2017/18"; did you mean "redundancy weekly pay cap for 2018/19"?'],
  ["no years", () => F.TRANSITIONPROFILE(100, 0), "#NUM!", "years: must be between 1 and 100, got 0"],
  ["too few weights", () => F.TRANSITIONPROFILE(100, 3, [[1, 2]]), "#VALUE!", "weights: 3 years need 3 weights, got 2"],
  ["text among the weights", () => F.TRANSITIONPROFILE(100, 2, [[1, "x"]]), "#VALUE!", 'weights: cell 2 holds the text "x"; weights must be numbers or empty cells'],
  ["a negative weight", () => F.TRANSITIONPROFILE(100, 2, [[1, -1]]), "#NUM!", "weights[1]: must be at least 0, got -1"],
  ["a weight for a year that is not there", () => F.TRANSITIONPROFILE(100, 2, [[1, 1, 1]]), "#VALUE!", "weights: 2 years need 2 weights, got 3"],
  ["weights all zero", () => F.TRANSITIONPROFILE(100, 2, [[0, 0]]), "#NUM!", "weights: must not all be zero"],
  ["a year before the first", () => F.DISCOUNTFACTOR(-1), "#NUM!", "year: must be between 0 and 1000, got -1"],
  ["a rate of 2,000%", () => F.DISCOUNTFACTOR(1, 20), "#NUM!", "rate: must be between -0.99 and 10, got 20"],
  ["cash flows all empty", () => F.NPV([[null, null]]), "#VALUE!", "cashFlows: the range holds no numbers"],
  ["TRUE among cash flows", () => F.NPV([[-100], [true]]), "#VALUE!", "cashFlows: cell 2 holds TRUE; cash flows must be numbers or empty cells"],
  ["a number stored as text among cash flows", () => F.NPV([[-100, "50"]]), "#VALUE!", 'cashFlows: cell 2 holds the text "50"; cash flows must be numbers or empty cells'],
  ["text in a block of cash flows", () => F.NPV([[1, 2], [3, "a"]]), "#VALUE!", 'cashFlows: the cell in row 2, column 2 holds the text "a"; cash flows must be numbers or empty cells'],
  ["a cash flow that never pays back", () => F.PAYBACK([[-100, 10]]), "#N/A", "no payback: the cumulative cash flow is still below zero at the end of year 1, the last year given"],
  ["an unknown preset", () => F.SCENARIO("blueprnt", "runCost.total"), "#N/A", 'preset: unknown preset "blueprnt"; did you mean "blueprint"?'],
  ["an unknown figure", () => F.SCENARIO("blueprint", "runcost.totl"), "#N/A", 'figure: unknown figure "runcost.totl"; did you mean "runCost.total"?'],
  ["an unknown figure with no close match", () => F.EXPLAIN("blueprint", "zzz"), "#N/A", 'figure: unknown figure "zzz"'],
  ["an empty preset cell", () => F.SCENARIO(null, "runCost.total"), "#VALUE!", 'preset: is empty; give the name of a preset, such as "blueprint" (SOCIALCARE.PRESETS() lists them)'],
  ["an empty figure cell", () => F.SCENARIO("blueprint", "  "), "#VALUE!", 'figure: is empty; give the name of a figure, such as "runCost.total"'],
  ["an unknown setting", () => F.SCENARIO("blueprint", "runCost.total", [["council.childs", 3000]]), "#N/A", 'overrides: unknown setting "council.childs"; did you mean "council.children"?'],
  ["a setting out of its range", () => F.SCENARIO("blueprint", "runCost.total", [["council.children", -5]]), "#VALUE!", "overrides: council.children: must be at least 0, got -5"],
  ["a setting's value not a number", () => F.SCENARIO("blueprint", "runCost.total", [["council.children", "lots"]]), "#VALUE!", 'overrides: council.children: must be a number, got the text "lots"'],
  ["overrides of one column", () => F.TIERS("blueprint", [["council.children"], [3000], [1]]), "#VALUE!", "overrides: must be a range of two columns (a setting's name and its value), got 3 × 1 cells"],
  ["overrides as one cell", () => F.TIERS("blueprint", "council.children" as never), "#VALUE!", "overrides: must be a range of two columns: a setting's name and its value"],
  ["a setting with no value", () => F.TIERS("blueprint", [["council.children", null]]), "#VALUE!", "overrides: row 1 (council.children) has no value"],
  ["a value with no setting", () => F.TIERS("blueprint", [[null, 5]]), "#VALUE!", "overrides: row 1 has a value but no setting"],
  ["a number where a setting's name goes", () => F.TIERS("blueprint", [[5, 5]]), "#VALUE!", 'overrides: row 1: the setting must be a setting\'s name such as "council.children", got 5'],
  ["a setting given twice", () => F.TIERS("blueprint", [["council.children", 1], ["Council.Children", 2]]), "#VALUE!", "overrides: Council.Children is given twice (rows 1 and 2)"],
  ["the baseline's overrides wrong", () => F.COMPARE("baseline-2018", "blueprint", [["council.childs", 5]]), "#N/A", 'baselineOverrides: unknown setting "council.childs"; did you mean "council.children"?'],
  ["the option's overrides wrong", () => F.COMPARE("baseline-2018", "blueprint", null as never, [["council.vacancyRate", 3]]), "#VALUE!", "optionOverrides: council.vacancyRate: must be less than 1, got 3"],
  ["two problems in the overrides", () => F.TRANSITION("baseline-2018", "blueprint", [["council.vacancyRate", 3], ["council.children", -1]]), "#VALUE!", "optionOverrides: 2 problems; council.children: must be at least 0, got -1; council.vacancyRate: must be less than 1, got 3"],
  ["an unknown option", () => F.TRANSITION("baseline-2018", "nope"), "#N/A", 'option: unknown preset "nope"'],
  ["a yes/no setting given a number", () => F.SCENARIO("blueprint", "runCost.total", [["structure.tiers.socialWorker.holdsCases", 2]]), "#VALUE!", "overrides: structure.tiers.socialWorker.holdsCases: must be TRUE or FALSE, got 2"],
  ["a tornado of an unknown preset", () => F.TORNADO("blueprnt", "runCost.total"), "#N/A", 'preset: unknown preset "blueprnt"; did you mean "blueprint"?'],
  ["a tornado of an unknown figure", () => F.TORNADO("blueprint", "runCost.totl"), "#N/A", 'figure: unknown figure "runCost.totl"; did you mean "runCost.total"?'],
  ["a tornado of a comparison's figure with no baseline", () => F.TORNADO("blueprint", "appraisal.npv"), "#VALUE!", 'figure: appraisal.npv is a figure of a comparison: give a baseline to compare with (such as "baseline-2018")'],
  ["a tornado of a scenario's figure named without its side", () => F.TORNADO("blueprint", "runCost.total", "baseline-2018"), "#N/A", 'figure: unknown figure "runCost.total"; did you mean "baseline.runCost.total" or "option.runCost.total"?'],
  ["a tornado of a figure that is a year", () => F.TORNADO("blueprint", "appraisal.paybackYear", "baseline-2018"), "#VALUE!", "figure: appraisal.paybackYear (payback year) is a year, not a number that can be summarised over draws"],
  ["a tornado against an unknown baseline", () => F.TORNADO("blueprint", "appraisal.npv", "basline-2018"), "#N/A", 'baseline: unknown preset "basline-2018"; did you mean "baseline-2018"?'],
  ["a health check with an unknown metric", () => F.HEALTHCHECK([["Metric", 2025], ["Vacancy rte", 0.1]]), "#N/A", 'metrics: row 2: unknown metric "Vacancy rte"; did you mean "Vacancy rate"?'],
  ["a health check whose header is not Metric", () => F.HEALTHCHECK([["Measure", 2025], ["Vacancy rate", 0.1]]), "#VALUE!", 'metrics: health check: row 1, column 1: the header row must start with "metric", got "Measure"'],
  ["a health check value that is not a number", () => F.HEALTHCHECK([["Metric", 2025], ["Vacancy rate", "high"]]), "#VALUE!", 'metrics: health check: row 2, column 2 (vacancyRate, 2025): must be a number or a percentage such as 14.2%, got "high"'],
  ["a health check share above 1", () => F.HEALTHCHECK([["Metric", 2025], ["Vacancy rate", 14.2]]), "#VALUE!", "metrics: health check: row 2, column 2 (vacancyRate, 2025): is a share, so must be between 0 and 1 (write 14.2% or 0.142), got 14.2"],
  ["a health check with no years", () => F.HEALTHCHECK([["Metric"], ["Vacancy rate"]]), "#VALUE!", "metrics: health check: years: needs at least one year of metrics"],
  ["a health check with thresholds the wrong way round", () => F.HEALTHCHECK([["Metric", 2025, "Green", "Red"], ["Vacancy rate", 0.1, 0.3, 0.2]]), "#VALUE!", "metrics: health check: row 2 (vacancyRate): lower is better for vacancyRate, so green (0.3) must be at or below red (0.2)"],
  ["team design of an unknown preset", () => F.TEAMDESIGN("clustr"), "#N/A", 'preset: unknown preset "clustr"; did you mean "cluster"?'],
  ["team design with an unknown setting", () => F.TEAMDESIGN("cluster", [["council.childs", 5]]), "#N/A", 'overrides: unknown setting "council.childs"; did you mean "council.children"?'],
  ["team design with a setting out of its range", () => F.TEAMDESIGN("cluster", [["council.vacancyRate", 2]]), "#VALUE!", "overrides: council.vacancyRate: must be less than 1, got 2"],
];

// SIMULATE answers later: the same checks, on what its Promise settles to.
const badSimulations: [string, () => Promise<unknown>, string, string][] = [
  ["an unknown preset", () => F.SIMULATE("blueprnt", "runCost.total", 100, 0.5), "#N/A", 'preset: unknown preset "blueprnt"; did you mean "blueprint"?'],
  ["an unknown figure", () => F.SIMULATE("blueprint", "runcost.totl", 100, 0.5), "#N/A", 'figure: unknown figure "runcost.totl"; did you mean "runCost.total"?'],
  ["a comparison's figure with no baseline", () => F.SIMULATE("blueprint", "change.runCost", 100, 0.5), "#VALUE!", 'figure: change.runCost is a figure of a comparison: give a baseline to compare with (such as "baseline-2018")'],
  ["a figure that is a year", () => F.SIMULATE("blueprint", "appraisal.paybackYear", 100, 0.5, 1, "baseline-2018"), "#VALUE!", "figure: appraisal.paybackYear (payback year) is a year, not a number that can be summarised over draws"],
  ["an unknown baseline", () => F.SIMULATE("blueprint", "appraisal.npv", 100, 0.5, 1, "nope"), "#N/A", 'baseline: unknown preset "nope"'],
  ["no draws", () => F.SIMULATE("blueprint", "runCost.total", 0, 0.5), "#NUM!", "draws: must be a whole number from 1 to 1,000,000, got 0"],
  ["an empty draws cell", () => F.SIMULATE("blueprint", "runCost.total", null, 0.5), "#NUM!", "draws: must be a whole number from 1 to 1,000,000, got 0"],
  ["a fraction of a draw", () => F.SIMULATE("blueprint", "runCost.total", 100.5, 0.5), "#NUM!", "draws: must be a whole number from 1 to 1,000,000, got 100.5"],
  ["more draws than a cell may ask for", () => F.SIMULATE("blueprint", "runCost.total", 2_000_000, 0.5), "#NUM!", "draws: must be a whole number from 1 to 1,000,000, got 2000000"],
  ["draws as a word", () => F.SIMULATE("blueprint", "runCost.total", "many", 0.5), "#VALUE!", 'draws: must be a number, got the text "many"'],
  ["a percentile written as 95", () => F.SIMULATE("blueprint", "runCost.total", 100, 95), "#NUM!", "percentile: must be from 0 to 1, as PERCENTILE.INC takes it (0.95 or 95% for the 95th percentile), got 95"],
  ["a negative percentile", () => F.SIMULATE("blueprint", "runCost.total", 100, -0.1), "#NUM!", "percentile: must be from 0 to 1, as PERCENTILE.INC takes it (0.95 or 95% for the 95th percentile), got -0.1"],
  ["a percentile as a range", () => F.SIMULATE("blueprint", "runCost.total", 100, [[0.1, 0.9]]), "#VALUE!", "percentile: must be one cell, got a range of 1 × 2 cells"],
  ["a negative seed", () => F.SIMULATE("blueprint", "runCost.total", 100, 0.5, -1), "#NUM!", "seed: must be a whole number from 0 to 4,294,967,295, got -1"],
  ["a seed past 32 bits", () => F.SIMULATE("blueprint", "runCost.total", 100, 0.5, 2 ** 32), "#NUM!", "seed: must be a whole number from 0 to 4,294,967,295, got 4294967296"],
  ["an empty figure", () => F.SIMULATE("blueprint", "", 100, 0.5), "#VALUE!", 'figure: is empty; give the name of a figure, such as "runCost.total"'],
];

describe("SIMULATE's bad input settles to an Excel error with a message", () => {
  test.each(badSimulations)("%s", async (_name, call, code, message) => {
    const answer = call();
    expect(answer).toBeInstanceOf(Promise);
    expect(await settled(() => answer)).toEqual(new ExcelError(code, message));
  });
});

describe("bad input gives an Excel error with a message, never a number", () => {
  test.each(badInputs)("%s", (_name, call, code, message) => {
    const result = cell(call);
    expect(result).toBeInstanceOf(ExcelError);
    expect(result).toEqual(new ExcelError(code, message));
  });

  test("a fault of our own is #VALUE! saying so, not an exception Excel would show without a word", () => {
    const broken = define([number("x")], () => {
      throw new TypeError("something broke");
    }, asNumber);
    expect(cell(() => broken(1))).toEqual(new ExcelError("#VALUE!", "unexpected error: something broke"));
  });

  test("an answer that is not a finite number is #NUM!, never NaN or Infinity", () => {
    const infinite = define([number("x")], (x) => 1 / x, asNumber);
    expect(cell(() => infinite(0))).toEqual(new ExcelError("#NUM!", "result: is not a finite number (Infinity)"));
  });
});

describe("whatever the cells hold, a cell gets a value or an Excel error", () => {
  const cellValue = fc.oneof(
    fc.double(),
    fc.integer({ min: -5, max: 3000 }),
    fc.string({ maxLength: 6 }),
    fc.constantFrom("", " ", "12", "1,200", "15%", "(3)", "£30,000", "2025/26", "blueprint", "runCost.total", "council.children", "TRUE"),
    // Long runs of one character between the parts of a number (a run of spaces once froze Excel), and
    // control characters (once able to make two sets of overrides share a cache entry).
    fc
      .tuple(fc.constantFrom("", "(", "-", "£", "12", "1,"), fc.constantFrom(" ", "(", ",", "1", "0", "e", "%", "\n", "\t", "\u0001", "\u0002", "\u0000"), fc.integer({ min: 100, max: 20_000 }), fc.constantFrom("", "x", "%", ")", "1"))
      .map(([head, c, n, tail]) => `${head}${c.repeat(n)}${tail}`),
    fc.array(fc.constantFrom("\u0000", "\u0001", "\u0002", "\n", "\r", "\t", "\u007f", "\u00a0", "\u2028", "a", "1", ".", "_"), { maxLength: 12 }).map((chars) => chars.join("")),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  );
  const argument = fc.oneof(cellValue, fc.array(fc.array(cellValue, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((rows) => rows.map((r) => r.slice(0, rows[0]!.length)).filter((r) => r.length === rows[0]!.length)));
  const codes = new Set<string>(Object.values(ERROR_CODES));

  const acceptable = (value: unknown): boolean => {
    if (value instanceof ExcelError) return codes.has(value.code) && typeof value.message === "string" && value.message.length > 0;
    if (typeof value === "number") return Number.isFinite(value);
    if (typeof value === "string" || typeof value === "boolean") return true;
    if (Array.isArray(value)) return value.length > 0 && value.every((row) => Array.isArray(row) && row.length === value[0].length && row.every((v) => v instanceof ExcelError || (typeof v === "number" ? Number.isFinite(v) : typeof v === "string" || typeof v === "boolean")));
    return false;
  };

  test.each(Object.keys(catalogue).filter((id) => id !== "SIMULATE"))("%s", (id) => {
    const fn = catalogue[id as keyof typeof catalogue] as CustomFunction<unknown>;
    fc.assert(
      fc.property(fc.array(argument, { minLength: 0, maxLength: fn.args.length + 1 }), (args) => {
        expect(acceptable(cell(() => fn(...args)))).toBe(true);
      }),
      { numRuns: ["SCENARIO", "TIERS", "COMPARE", "TRANSITION", "EXPLAIN", "TORNADO", "TEAMDESIGN"].includes(id) ? 60 : 300 },
    );
  });

  test("SIMULATE (a Promise that settles to a value or an Excel error, never throws)", async () => {
    const fn = catalogue.SIMULATE;
    // Real presets and figures often enough that some calls run draws (few of them: draws come from the cell values above).
    const named = fc.oneof(argument, fc.constantFrom("blueprint", "cluster", "runCost.total", "appraisal.npv", "baseline-2018", 0.5, 200));
    await fc.assert(
      fc.asyncProperty(fc.array(named, { minLength: 0, maxLength: fn.args.length + 1 }), async (args) => {
        let answer: Promise<unknown>;
        try {
          answer = fn(...args);
        } catch (error) {
          throw new Error(`SIMULATE threw instead of answering later: ${String(error)}`);
        }
        expect(acceptable(await settled(() => answer))).toBe(true);
      }),
      { numRuns: 120 },
    );
  }, 120_000);
});

describe("WORKFORCE: the workforce over time, as the engine's flows give it", () => {
  test("all tiers added, year by year; a tier's own rows; the move from a baseline on its council", () => {
    const baseline = loadPreset("baseline-2018");
    const flows = scenarioFlows(onBaselineBasis(baseline, loadPreset("blueprint")).option, baseline);
    const years = flowsByYear(flows);
    const whole = F.WORKFORCE("Blueprint", "baseline-2018") as unknown[][];
    expect(whole).toHaveLength(years.length + 1);
    years.forEach((y, k) => {
      const row = whole[k + 1]!;
      expect(row[1]).toBeCloseTo(y.establishment.reduce((a, b) => a + b, 0), 9);
      expect(row[2]).toBeCloseTo(y.closing.reduce((a, b) => a + b, 0), 9);
      expect(row[6]).toBeCloseTo(y.converted.reduce((a, b) => a + b, 0), 9);
      expect(row[10]).toBeCloseTo(y.redundancies.reduce((a, b) => a + b, 0), 9);
    });
    const sw = flows.tiers.findIndex((t) => t.id === "socialWorker");
    const own = F.WORKFORCE("blueprint", "baseline-2018", "SOCIALWORKER") as unknown[][];
    expect(own.slice(1).map((r) => r[7])).toEqual(years.map((y) => y.leavers[sw]));
  });

  test("a steady state without a baseline: posts stay as the snapshot sizes them", () => {
    const r = runScenario(loadPreset("traditional"));
    const rows = F.WORKFORCE("traditional") as unknown[][];
    for (const row of rows.slice(1)) expect(row[1]).toBeCloseTo(r.structure.totalFte, 9);
  });

  test("an unknown tier is an error naming the tier argument, with close matches", () => {
    expect(() => F.WORKFORCE("blueprint", "baseline-2018", "socialWorkr")).toThrow(expect.objectContaining({ code: "#N/A", message: 'tier: unknown tier "socialWorkr"; did you mean "socialWorker"?' }));
  });
});
