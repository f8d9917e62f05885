import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { HyperFormula } from "hyperformula";
import {
  addYears,
  councilFigures,
  flowsByYear,
  onBaselineBasis,
  scenarioFlows,
  listCouncils,
  applySettings,
  caseHoldersNeeded,
  caseload,
  compareScenarios,
  contactHours,
  discountFactor,
  employerCost,
  employerNi,
  explain,
  greenBookNpv,
  healthCheck,
  healthCheckRows,
  listPresets,
  loadPreset,
  MODEL_VERSION,
  paybackYear,
  redundancyCapFor,
  roundMoney,
  runScenario,
  sensitivity,
  simulate,
  spreadByProfile,
  staffCost,
  statutoryRedundancyPay,
  teamDesign,
  teamDesignRows,
  teamsNeeded,
} from "../../engine/index.js";
import { loadFunctionsBundle } from "../../bench/functionsBundle.js";
import { socialCarePlugin, type Blank } from "./hyperformulaPlugin.js";

// A finance officer's workbook, evaluated by a real formula engine (HyperFormula; a development
// dependency only, under its GPL licence key). The SOCIALCARE functions are registered as a
// HyperFormula function plugin that calls the functions the built bundle associated, passing each
// argument as Excel passes it: a cell's value, an empty cell as nothing (Excel on the web) or as 0
// (Excel on Windows), a range as rows of cells, an error in a cell propagated without a call. The
// results are checked against the engine called directly.
//
// An asynchronous function (SIMULATE) answers with a Promise. HyperFormula has no such functions, so the
// plugin does what Excel does: the cell shows #BUSY! until the Promise settles, then the cell (and every
// cell that depends on it) is calculated again with the answer.

// The workbook. Inputs as a finance officer keeps them: some typed as text ('25% and '2024/25), an
// empty pension rate, cash flows with an empty year and a range that runs past the data, overrides in
// a table with an empty row.
const inputs: (string | number | boolean | null)[][] = [
  ["Children", 2154],
  ["Case-holding FTE", 123.8],
  ["Caseload target", 14],
  ["Team size", 8],
  ["Hours a week", 37],
  ["Direct contact share", "'25%"],
  ["Salary", 30000],
  ["NI year", "'2024/25"],
  ["Pension rate", null],
  ["Age", 45],
  ["Years of service", 10],
  ["Weekly pay", 800],
  ["Vacancy rate", 0.1],
  ["Option", "blueprint"],
  ["Baseline", "baseline-2018"],
  ["Cash flows", -100, 50, null, 60, null, null],
  ["Weights", 50, 30, 20, null],
  ["Override", "council.children", 3000],
  ["Override", null, null],
  ["Override", "council.vacancyRate", "12%"],
];
// A health check as a finance officer lays it out, with a missing value ("n/a"), an empty cell in an
// earlier year, and a range (Health!A1:D8) that runs past the table by a column and three rows; below
// it, a second table with a misspelt metric.
const health: (string | number | null)[][] = [
  ["Metric", 2024, "2025"],
  ["Vacancy rate", 0.2, 0.16],
  ["Average caseload", null, 14.5],
  ["Sickness absence", 0.04, "n/a"],
  ["Unallocated cases", 0, 0.01],
  [null],
  [null],
  [null],
  [null],
  ["Metric", 2025],
  ["Vacancy rte", 0.1], // a misspelt metric, for Errors
];

// Cell addresses of the inputs above (column B for single values).
const I = (row: number) => `Inputs!$B$${row}`;

// Each check: a cell's formula and the value the engine gives for it.
const checks: [string, () => unknown][] = [
  [`=SOCIALCARE.CASELOAD(${I(1)},${I(2)})`, () => caseload(2154, 123.8)],
  ['=SOCIALCARE.COUNCIL("Leeds","cases",2024)', () => councilFigures("leeds", 2024).cases!.value],
  ['=ROWS(SOCIALCARE.COUNCILS("york"))', () => 1 + listCouncils().filter((c) => c.name.toLowerCase().includes("york")).length],
  [`=SOCIALCARE.CASEHOLDERS(${I(1)},${I(3)})`, () => caseHoldersNeeded(2154, 14)],
  [`=SOCIALCARE.TEAMS(SOCIALCARE.CASEHOLDERS(${I(1)},${I(3)}),${I(4)})`, () => teamsNeeded(caseHoldersNeeded(2154, 14), 8)],
  [`=SOCIALCARE.CONTACTHOURS(${I(5)},${I(6)},SOCIALCARE.CASELOAD(${I(1)},${I(2)}))`, () => contactHours(37, 0.25, caseload(2154, 123.8))],
  [`=SOCIALCARE.EMPLOYERNI(${I(7)},${I(8)})`, () => roundMoney(employerNi(30000, "2024/25"))],
  [`=SOCIALCARE.EMPLOYERNI(${I(7)})`, () => roundMoney(employerNi(30000))],
  [`=SOCIALCARE.EMPLOYERCOST(${I(7)},,0.2)`, () => roundMoney(employerCost(30000, { pensionRate: 0.2 }))],
  [`=SOCIALCARE.EMPLOYERCOST(${I(7)},2024)`, () => roundMoney(employerCost(30000, { year: "2024/25" }))],
  [`=SOCIALCARE.STAFFCOST(10,${I(7)},${I(13)},0.5,40%)`, () => roundMoney(staffCost(10, 30000, { vacancyRate: 0.1, agencyShare: 0.5, agencyPremium: 0.4 }))],
  [`=SOCIALCARE.REDUNDANCY(${I(10)},${I(11)},${I(12)})`, () => roundMoney(statutoryRedundancyPay({ age: 45, yearsOfService: 10, weeklyPay: 800, weeklyPayCap: redundancyCapFor("2025/26").value }))],
  [`=SOCIALCARE.REDUNDANCY(${I(10)},${I(11)},${I(12)},1.5,"2024/25")`, () => roundMoney(1.5 * statutoryRedundancyPay({ age: 45, yearsOfService: 10, weeklyPay: 800, weeklyPayCap: redundancyCapFor("2024/25").value }))],
  ["=SOCIALCARE.DISCOUNTFACTOR(31)", () => discountFactor(31)],
  ["=SOCIALCARE.DISCOUNTFACTOR(2,3.5%)", () => discountFactor(2, 0.035)],
  ["=SOCIALCARE.NPV(Inputs!B16:G16,0.1)", () => roundMoney(greenBookNpv([-100, 50, 0, 60], 0.1))],
  ["=SOCIALCARE.NPV(Inputs!B16:G16)", () => roundMoney(greenBookNpv([-100, 50, 0, 60]))],
  ["=SOCIALCARE.PAYBACK(Inputs!B16:G16)", () => paybackYear([-100, 50, 0, 60])],
  ['=IFERROR(SOCIALCARE.PAYBACK(Inputs!B16:C16),"never")', () => "never"],
  [`=SOCIALCARE.SCENARIO(${I(14)},"runCost.total",Inputs!B18:C20)`, () => runScenario(applySettings(loadPreset("blueprint"), { "council.children": 3000, "council.vacancyRate": 0.12 })).runCost.total],
  ['=SOCIALCARE.SCENARIO("Blueprint","caseload.childrenPerCaseHolder")', () => runScenario(loadPreset("blueprint")).caseload.childrenPerCaseHolder],
  [`=SOCIALCARE.SCENARIO(${I(15)},"structure.totalFte")*2`, () => runScenario(loadPreset("baseline-2018")).structure.totalFte * 2],
  ["=SOCIALCARE.VERSION()", () => MODEL_VERSION],
  [`=SOCIALCARE.SIMULATE(${I(14)},"runCost.total",2000,0.9,7)`, () => percentileOf("blueprint", "runCost.total", 2000, 90, 7)],
  [`=SOCIALCARE.SIMULATE(${I(14)},"appraisal.npv",1000,"95%",3,${I(15)})`, () => percentileOf("blueprint", "appraisal.npv", 1000, 95, 3, "baseline-2018")],
  // The spread from P10 to P90: two cells of one run, each waiting for it, then a formula over both.
  [`=SOCIALCARE.SIMULATE(${I(14)},"runCost.total",2000,0.9,7)-SOCIALCARE.SIMULATE(${I(14)},"runCost.total",2000,0.1,7)`, () => percentileOf("blueprint", "runCost.total", 2000, 90, 7) - percentileOf("blueprint", "runCost.total", 2000, 10, 7)],
  [`=INDEX(SOCIALCARE.TORNADO(${I(14)},"transition.total",${I(15)}),2,5)`, () => sensitivity(loadPreset("blueprint"), { figure: "transition.total", baseline: loadPreset("baseline-2018") }).bars[0]!.key],
  ['=INDEX(SOCIALCARE.HEALTHCHECK(Health!A1:D8),2,3)', () => "amber"],
  // Lookups into the spilled tables on the sheet Tables (see below).
  ['=INDEX(Tables!A1:F120,MATCH("appraisal.npv",Tables!A1:A120,0),5)', () => compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint")).appraisal.npv],
  ['=INDEX(Tables!A1:F120,MATCH("runCost.total",Tables!A1:A120,0),4)', () => runScenario(loadPreset("blueprint")).runCost.total],
  ["=SUM(Tables!H2:H4)", () => 1_000_000],
];

/** The engine's percentile (0 to 100) of a figure over a seeded run, as SIMULATE should give it. */
function percentileOf(preset: string, figure: string, draws: number, percentile: number, seed: number, baseline?: string): number {
  return simulate(loadPreset(preset), { figures: [figure], draws, seed, percentiles: [percentile], ...(baseline ? { baseline: loadPreset(baseline) } : {}) }).figures[0]!.percentiles[0]!.value;
}

/** A table as a spill shows it: an empty cell for a missing value. */
const shown = (rows: (string | number | null)[][]) => rows.map((r) => r.map((v) => (v === null ? "" : v)));

// Spilled tables, each from its top-left cell, on the sheet Tables: [cell, formula, expected rows (for
// the way empty cells are passed)].
const spills: [string, string, (blank: Blank) => unknown[][]][] = [
  ["A1", `=SOCIALCARE.COMPARE(${I(15)},${I(14)})`, () => {
    const c = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"));
    return [["Figure", "Label", "Baseline", "Option", "Change", "% change"], ...c.figures.map((f) => [f.figure, f.label, f.baseline ?? "", f.option ?? "", f.change ?? "", f.changePct ?? ""])];
  }],
  ["H1", '=SOCIALCARE.TRANSITIONPROFILE(1000000,3,Inputs!B17:E17)', () => [[...spreadByProfile(1_000_000, 3, [50, 30, 20])]]],
  ["H2", "=TRANSPOSE(SOCIALCARE.TRANSITIONPROFILE(1000000,3,Inputs!B17:E17))", () => spreadByProfile(1_000_000, 3, [50, 30, 20]).map((x) => [x])],
  ["L1", `=SOCIALCARE.TIERS(${I(14)})`, () => [["Tier", "Name", "FTE", "Salary", "Annual cost"], ...runScenario(loadPreset("blueprint")).structure.tiers.map((t) => [t.id, t.name, t.fte, t.salary, t.annualCost])]],
  ["L20", `=SOCIALCARE.TRANSITION(${I(15)},${I(14)},Inputs!B18:C20)`, () => {
    const t = compareScenarios(loadPreset("baseline-2018"), applySettings(loadPreset("blueprint"), { "council.children": 3000, "council.vacancyRate": 0.12 })).transition;
    return [["Category", "Label", ...t.years, "Total"], ...t.table.map((row, i) => [expect.any(String), expect.any(String), ...row, Object.values(t.byCategory)[i]]), ["total", "Total", ...t.byYear.map((y) => y.amount), t.total]];
  }],
  ["R1", "=SOCIALCARE.PRESETS()", () => [["Preset", "Name", "Description"], ...listPresets().map((p) => [p.id, p.name, p.description])]],
  ["V1", `=SOCIALCARE.TORNADO(${I(14)},"runCost.total")`, () => [
    ["Input", "Figure at low", "Figure at high", "Swing", "Setting", "Low value", "High value"],
    ...sensitivity(loadPreset("blueprint"), { figure: "runCost.total" }).bars.map((b) => [b.label, b.figureAtLow, b.figureAtHigh, b.swing, b.key, b.low, b.high]),
  ]],
  ["H60", `=SOCIALCARE.TEAMDESIGN(${I(14)},Inputs!B18:C20)`, () => shown(teamDesignRows(teamDesign(applySettings(loadPreset("blueprint"), { "council.children": 3000, "council.vacancyRate": 0.12 }))))],
  ["H100", `=SOCIALCARE.WORKFORCE(${I(14)},${I(15)},"enabler")`, () => {
    const baseline = loadPreset("baseline-2018");
    const option = onBaselineBasis(baseline, loadPreset("blueprint")).option;
    const f = scenarioFlows(option, baseline);
    const i = f.tiers.findIndex((t) => t.id === "enabler");
    return [
      ["Year", "Posts", "In post", "Vacant", "Agency (average)", "Starters", "Of them from agency", "Leavers", "Redeployed in", "Redeployed out", "Made redundant"],
      ...flowsByYear(f).map((y) => [addYears(option.finance.year, y.index), y.establishment[i], y.closing[i], y.vacancies[i], y.agencyAverage[i], y.starters[i], y.converted[i], y.leavers[i], y.redeployedIn[i], y.redeployedOut[i], y.redundancies[i]]),
    ];
  }],
  // The table as its cells reach the function: the empty 2024 caseload is missing on the web, 0 on Windows.
  ["H80", "=SOCIALCARE.HEALTHCHECK(Health!A1:D8)", (blank) => shown(healthCheckRows(healthCheck(health.slice(0, 5).map((row) => row.map((v) => (v === null ? blank : v))))))],
  ["R20", `=SOCIALCARE.EXPLAIN(${I(14)},"caseload.childrenPerCaseHolder")`, () => {
    const e = explain(loadPreset("blueprint"), "caseload.childrenPerCaseHolder");
    return [[expect.stringContaining("Children per case-holding post")], [`Rule: ${e.rule}`], [`Formula: ${e.formula}`], ["Inputs:"], ...e.inputs.map((i) => [expect.stringContaining(i.name)])];
  }],
];

// Errors as cells show them: [formula, error value, message].
const errors: [string, string, string | undefined][] = [
  [`=SOCIALCARE.CASELOAD(${I(1)},0)`, "#NUM!", "caseHoldingFte: must be more than 0, got 0"],
  [`=SOCIALCARE.CASELOAD(${I(1)},${I(9)})`, "#NUM!", "caseHoldingFte: must be more than 0, got 0"], // an empty cell is 0
  ['=SOCIALCARE.CASELOAD("many",1)', "#VALUE!", 'children: must be a number, got the text "many"'],
  ['=SOCIALCARE.SCENARIO("blueprnt","runCost.total")', "#N/A", 'preset: unknown preset "blueprnt"; did you mean "blueprint"?'],
  [`=SOCIALCARE.SCENARIO(${I(14)},"runCost.totl")`, "#N/A", 'figure: unknown figure "runCost.totl"; did you mean "runCost.total"?'],
  ["=SOCIALCARE.NPV(Inputs!A16:G16)", "#VALUE!", 'cashFlows: cell 1 holds the text "Cash flows"; cash flows must be numbers or empty cells'],
  ["=SOCIALCARE.CASELOAD(1/0,1)", "#DIV/0!", undefined], // an error in an argument: the function is not called
  [`=SOCIALCARE.SIMULATE(${I(14)},"runCost.total",2000,95)`, "#NUM!", "percentile: must be from 0 to 1, as PERCENTILE.INC takes it (0.95 or 95% for the 95th percentile), got 95"],
  [`=SOCIALCARE.SIMULATE(${I(14)},"appraisal.npv",2000,0.5)`, "#VALUE!", 'figure: appraisal.npv is a figure of a comparison: give a baseline to compare with (such as "baseline-2018")'],
  [`=SOCIALCARE.TORNADO(${I(14)},"runCost.totl")`, "#N/A", 'figure: unknown figure "runCost.totl"; did you mean "runCost.total"?'],
  ["=SOCIALCARE.HEALTHCHECK(Health!A10:C11)", "#N/A", 'metrics: row 2: unknown metric "Vacancy rte"; did you mean "Vacancy rate"?'],
  ["=SOCIALCARE.HEALTHCHECK(Inputs!A1)", "#VALUE!", 'metrics: health check: 2 problems; row 1, column 1: the header row must start with "metric", got "Children"; years: needs at least one year of metrics'],
  ['=SOCIALCARE.TEAMDESIGN("clustr")', "#N/A", 'preset: unknown preset "clustr"; did you mean "cluster"?'],
];

function rowsOf(hf: HyperFormula, sheet: number, cell: string, height: number, width: number): unknown[][] {
  const start = hf.simpleCellAddressFromString(cell, sheet)!;
  return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => hf.getCellValue({ sheet, row: start.row + r, col: start.col + c })));
}

describe.each([
  ["Excel on the web (an empty cell passed as nothing)", null],
  ["Excel on Windows (an empty cell passed as 0)", 0],
] as [string, Blank][])("the workbook in %s", (_name, blank) => {
  let hf: HyperFormula;
  let calculations: number;
  let registered: unknown;

  beforeAll(async () => {
    const bundle = loadFunctionsBundle(resolve("dist/addin/functions.js"));
    const { plugin, translations, pending } = socialCarePlugin(bundle.functions, blank);
    HyperFormula.registerFunctionPlugin(plugin as never, translations);
    registered = plugin;
    const tables: (string | null)[][] = [];
    for (const [cell, formula] of spills) {
      const at = /^([A-Z]+)(\d+)$/.exec(cell)!;
      const row = Number(at[2]) - 1;
      const col = at[1]!.charCodeAt(0) - 65;
      while (tables.length <= row) tables.push([]);
      tables[row]![col] = formula;
    }
    const build = () =>
      HyperFormula.buildFromSheets(
        {
          Inputs: inputs,
          Health: health,
          Checks: checks.map(([formula]) => [formula]),
          Errors: errors.map(([formula]) => [formula]),
          Tables: tables,
        },
        { licenseKey: "gpl-v3", smartRounding: false },
      );
    hf = build();
    // Cells that answered #BUSY! are calculated again once their answers are in, as Excel does (here by
    // calculating the workbook again: the other cells' answers come from the evaluation cache).
    while (pending.length > 0) {
      await Promise.all(pending.splice(0));
      hf.destroy();
      hf = build();
    }
    calculations = bundle.cache.stats().misses;
  }, 120_000);

  afterAll(() => {
    hf.destroy();
    HyperFormula.unregisterFunctionPlugin(registered as never);
  });

  test.each(checks.map(([formula, expected], row) => [formula, row, expected] as const))("%s", (_formula, row, expected) => {
    const value = hf.getCellValue({ sheet: hf.getSheetId("Checks")!, row, col: 0 });
    const want = expected();
    if (typeof want === "number") expect(value).toBeCloseTo(want, 9);
    else expect(value).toEqual(want);
  });

  test.each(spills.map(([cell, formula, expected]) => [formula, cell, expected] as const))("%s spills from its cell", (_formula, cell, expected) => {
    const want = expected(blank);
    const got = rowsOf(hf, hf.getSheetId("Tables")!, cell, want.length, want[0]!.length);
    expect(got).toEqual(want);
  });

  test.each(errors.map(([formula, code, message], row) => [formula, row, code, message] as const))("%s is an error", (_formula, row, code, message) => {
    const value = hf.getCellValue({ sheet: hf.getSheetId("Errors")!, row, col: 0 }) as { value: string; message: string };
    expect(value.value).toBe(code);
    if (message !== undefined) expect(value.message).toBe(message);
  });

  test("the whole-scenario cells were answered from a handful of evaluations", () => {
    // blueprint, blueprint with the overrides, baseline-2018, two comparisons, one explanation, the presets;
    // three percentiles of two Monte Carlo runs (P10 and P90 share one), two tornados, and blueprint
    // against itself (the names of a comparison's figures, for the message that asks for a baseline).
    expect(calculations).toBeLessThanOrEqual(14);
  });

  test("changing an input recalculates the cells that use it", () => {
    const sheet = hf.getSheetId("Inputs")!;
    hf.setCellContents({ sheet, row: 17, col: 2 }, 4000); // council.children in the overrides table
    const value = hf.getCellValue({ sheet: hf.getSheetId("Checks")!, row: checks.findIndex(([f]) => f.includes('"runCost.total",Inputs!B18:C20')), col: 0 });
    expect(value).toBeCloseTo(runScenario(applySettings(loadPreset("blueprint"), { "council.children": 4000, "council.vacancyRate": 0.12 })).runCost.total, 9);
    hf.setCellContents({ sheet, row: 17, col: 2 }, 3000);
  });
});

test("the workbook calls every SOCIALCARE function", () => {
  const formulas = [...checks.map(([f]) => f), ...spills.map(([, f]) => f), ...errors.map(([f]) => f)].join(" ");
  const ids = (JSON.parse(readFileSync(resolve("dist/addin/functions.json"), "utf8")) as { functions: { id: string }[] }).functions.map((f) => f.id);
  for (const id of ids) expect(formulas).toContain(`SOCIALCARE.${id}(`);
});
