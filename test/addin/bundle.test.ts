import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { compareScenarios, councilFigures, listCouncils, explain, flowsByYear, healthCheck, healthCheckRows, listPresets, loadPreset, MODEL_VERSION, onBaselineBasis, runScenario, scenarioFlows, sensitivity, simulate, teamDesign, teamDesignRows } from "../../engine/index.js";
import { ExcelError, loadFunctionsBundle, type FunctionsBundle } from "../../bench/functionsBundle.js";

// The built bundle (npm test builds it first) loaded as Excel loads it, with a CustomFunctions that
// records what the bundle associates: every function Excel's metadata names must be associated, and
// each must answer through the bundle as it does from the sources.

const DIST = resolve("dist/addin");
let bundle: FunctionsBundle;
let metadata: { functions: { id: string; helpUrl?: string }[] };

beforeAll(() => {
  bundle = loadFunctionsBundle(resolve(DIST, "functions.js"));
  metadata = JSON.parse(readFileSync(resolve(DIST, "functions.json"), "utf8"));
});

function call(id: string, ...args: unknown[]): unknown {
  const fn = bundle.functions.get(id);
  if (!fn) throw new Error(`${id} is not associated`);
  try {
    return fn(...args);
  } catch (error) {
    if (error instanceof ExcelError) return error;
    throw error;
  }
}

test("every function in functions.json is associated, and nothing else is", () => {
  const ids = metadata.functions.map((f) => f.id);
  expect(ids.length).toBe(26);
  expect([...bundle.functions.keys()].sort()).toEqual([...ids].sort());
});

test("the development build's help links point at the development server", () => {
  for (const f of metadata.functions) expect(f.helpUrl).toBe(`https://localhost:3000/help.html#${f.id.toLowerCase()}`);
});

// One call of every function through the bundle, with its answer worked by hand (building blocks) or
// taken from the engine called directly (whole scenarios).
const blueprint = () => runScenario(loadPreset("blueprint"));
const HEALTH = [["Metric", 2024, 2025], ["Vacancy rate", 0.2, 0.16], ["Average caseload", 17, "n/a"]];
const comparison = () => compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"));
const calls: [string, unknown[], () => unknown][] = [
  ["CASELOAD", [140, 10], () => 14],
  ["CASEHOLDERS", [140, "14"], () => 10],
  ["TEAMS", [153.9, 8], () => 20],
  ["CONTACTHOURS", [40, "25%", 10], () => 1],
  ["EMPLOYERNI", [30000, "2024/25"], () => 2884.2],
  ["EMPLOYERCOST", [30000, null, null], () => 39840],
  ["STAFFCOST", [10, 30000, 0.1, 0.5, 0.4, 2025], () => 386343],
  ["REDUNDANCY", [45, 10, 600, null, null], () => 7200],
  ["TRANSITIONPROFILE", [100, 3, null], () => [[33.34, 33.33, 33.33]]],
  ["DISCOUNTFACTOR", [2, 0.1], () => 1 / 1.21],
  ["NPV", [[[-100, 50, 60]], 0.1], () => -4.96],
  ["PAYBACK", [[[-100, 50, 60]]], () => 2],
  ["PRESETS", [], () => [["Preset", "Name", "Description"], ...listPresets().map((p) => [p.id, p.name, p.description])]],
  ["COUNCILS", ["leeds"], () => [["council", "ONS code", "DfE number", "region", "latest year"], ...listCouncils().filter((c) => c.name === "Leeds").map((c) => [c.name, c.ons, c.dfe, c.region, c.latestYear])]],
  ["COUNCIL", ["Leeds", "cases", 2024], () => councilFigures("leeds", 2024).cases!.value],
  ["SCENARIO", ["blueprint", "caseload.childrenPerCaseHolder", null], () => blueprint().caseload.childrenPerCaseHolder],
  ["TIERS", ["blueprint", null], () => [["Tier", "Name", "FTE", "Salary", "Annual cost"], ...blueprint().structure.tiers.map((t) => [t.id, t.name, t.fte, t.salary, t.annualCost])]],
  ["COMPARE", ["baseline-2018", "blueprint", null, null], () => comparison().figures.find((f) => f.figure === "runCost.total")],
  ["TRANSITION", ["baseline-2018", "blueprint", null], () => comparison().transition.total],
  ["EXPLAIN", ["blueprint", "runCost.total", null], () => `Formula: ${explain(loadPreset("blueprint"), "runCost.total").formula}`],
  ["VERSION", [], () => MODEL_VERSION],
  ["SIMULATE", ["blueprint", "appraisal.npv", 1000, 0.9, 3, "baseline-2018", null, { onCanceled: undefined }], () =>
    simulate(loadPreset("blueprint"), { figures: ["appraisal.npv"], draws: 1000, seed: 3, percentiles: [90], baseline: loadPreset("baseline-2018") }).figures[0]!.percentiles[0]!.value],
  ["TORNADO", ["blueprint", "runCost.total", null], () => sensitivity(loadPreset("blueprint"), { figure: "runCost.total" }).bars.map((b) => [b.label, b.figureAtLow, b.figureAtHigh, b.swing, b.key, b.low, b.high])],
  ["HEALTHCHECK", [HEALTH], () => healthCheckRows(healthCheck(HEALTH)).map((r) => r.map((v) => (v === null ? "" : v)))],
  ["TEAMDESIGN", ["cluster", null], () => teamDesignRows(teamDesign(loadPreset("cluster"))).map((r) => r.map((v) => (v === null ? "" : v)))],
  ["WORKFORCE", ["blueprint", "baseline-2018", "enabler", null], () => {
    const baseline = loadPreset("baseline-2018");
    const f = scenarioFlows(onBaselineBasis(baseline, loadPreset("blueprint")).option, baseline);
    const enabler = f.tiers.findIndex((t) => t.id === "enabler");
    return flowsByYear(f).map((y) => y.starters[enabler]);
  }],
];

test("the calls below cover every function", () => {
  expect(calls.map(([id]) => id).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
});

test.each(calls)("%s answers through the bundle", async (id, args, expected) => {
  let answer = call(id, ...args);
  if (id === "SIMULATE" || id === "COUNCIL") {
    // It answers later (a Promise of the bundle's realm), as Excel shows #BUSY! until then: a Monte
    // Carlo run, or a council's figures fetched the first time they are asked for.
    expect(typeof (answer as { then?: unknown }).then).toBe("function");
    answer = await (answer as Promise<unknown>).catch((error: unknown) => error);
  }
  switch (id) {
    case "TORNADO":
      expect((answer as unknown[][]).slice(1)).toEqual(expected());
      break;
    case "DISCOUNTFACTOR":
      expect(answer).toBeCloseTo(expected() as number, 14);
      break;
    case "COMPARE": {
      const f = expected() as { figure: string; label: string; baseline: number; option: number; change: number; changePct: number };
      expect((answer as unknown[][]).find((r) => r[0] === f.figure)).toEqual([f.figure, f.label, f.baseline, f.option, f.change, f.changePct]);
      break;
    }
    case "TRANSITION": {
      const rows = answer as unknown[][];
      const last = rows[rows.length - 1]!;
      expect(last[last.length - 1]).toBe(expected());
      break;
    }
    case "EXPLAIN":
      expect((answer as unknown[][])[2]).toEqual([expected()]);
      break;
    case "WORKFORCE": {
      // the header, then one row a year: its starters are the engine's flows' for the tier named
      const rows = answer as unknown[][];
      expect(rows[0]).toEqual(["Year", "Posts", "In post", "Vacant", "Agency (average)", "Starters", "Of them from agency", "Leavers", "Redeployed in", "Redeployed out", "Made redundant"]);
      expect(rows.slice(1).map((r) => r[5])).toEqual(expected());
      break;
    }
    default:
      expect(answer).toEqual(expected());
  }
});

test.each([
  ["#VALUE!", "CASELOAD", ["many", 10], 'children: must be a number, got the text "many"'],
  ["#N/A", "SCENARIO", ["blueprnt", "runCost.total", null], 'preset: unknown preset "blueprnt"; did you mean "blueprint"?'],
  ["#NUM!", "CASELOAD", [10, 0], "caseHoldingFte: must be more than 0, got 0"],
] as const)("errors come out of the bundle as the runtime's %s with the message", (code, id, args, message) => {
  expect(call(id, ...args)).toEqual(new ExcelError(code, message));
});

test("the bundle's evaluation cache answers many cells from one evaluation", () => {
  bundle.cache.clear();
  for (let i = 0; i < 500; i++) call("SCENARIO", "england-2025", i % 2 ? "runCost.total" : "structure.totalFte", [["council.children", 5000]]);
  expect(bundle.cache.stats()).toMatchObject({ misses: 1, hits: 499 });
});

test("SIMULATE's errors settle as the runtime's errors with the message, and a cancelled run stops", async () => {
  const settle = (p: unknown) => (p as Promise<unknown>).catch((error: unknown) => error);
  expect(await settle(call("SIMULATE", "blueprint", "runCost.total", 100, 95, null, null))).toEqual(
    new ExcelError("#NUM!", "percentile: must be from 0 to 1, as PERCENTILE.INC takes it (0.95 or 95% for the 95th percentile), got 95"),
  );
  expect(await settle(call("SIMULATE", "blueprint", "npv", 100, 0.5, null, null))).toEqual(new ExcelError("#N/A", 'figure: unknown figure "npv"'));
  const runs = (bundle.scope.SocialCareFunctions as { simulationRuns: { stats(): { started: number; stopped: number } } }).simulationRuns;
  const before = runs.stats();
  const invocation: { onCanceled?: () => void } = {};
  const abandoned = settle(call("SIMULATE", "reclaim", "runCost.total", 500_000, 0.5, 77, null, null, invocation));
  invocation.onCanceled!();
  await abandoned;
  expect(runs.stats()).toMatchObject({ started: before.started + 1, stopped: before.stopped + 1 });
});

test("Excel's extra invocation argument is ignored", () => {
  expect(call("CASELOAD", 140, 10, { address: "Sheet1!A1" })).toBe(14);
});
