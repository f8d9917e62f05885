/// <reference types="custom-functions-runtime" />
import fc from "fast-check";
import * as F from "../../addin/functions/functions.js";
import { catalogue } from "../../addin/functions/catalogue.js";
import { define, asNumber, type CustomFunction } from "../../addin/functions/adapter.js";
import { number } from "../../addin/functions/arguments.js";
import { evaluations } from "../../addin/functions/evaluationCache.js";
import { applySettings, CATEGORY_LABELS, compareScenarios, comparisonOnlyFigures, explain, listPresets, loadPreset, MODEL_VERSION, runScenario, TRANSITION_CATEGORIES } from "../../engine/index.js";
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
    expect(lines[0]).toBe("Children per case-holder (caseload.childrenPerCaseHolder) = 14");
    expect(lines[1]).toBe(`Rule: ${e.rule}`);
    expect(lines[2]).toBe(`Formula: ${e.formula}`);
    expect(lines).toHaveLength(4 + e.inputs.length);
    expect(lines.some((l) => l.startsWith("council.children = 2,154 children (Children open to social care; source: "))).toBe(true);
    const money = F.EXPLAIN("blueprint", "runCost.total").map((r) => r[0]);
    expect(money[0]).toMatch(/^Run cost \(runCost\.total\) = £9,744,152\.94 a year$/);
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
];

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

  test.each(Object.keys(catalogue))("%s", (id) => {
    const fn = catalogue[id as keyof typeof catalogue] as CustomFunction<unknown>;
    fc.assert(
      fc.property(fc.array(argument, { minLength: 0, maxLength: fn.args.length + 1 }), (args) => {
        expect(acceptable(cell(() => fn(...args)))).toBe(true);
      }),
      { numRuns: ["SCENARIO", "TIERS", "COMPARE", "TRANSITION", "EXPLAIN"].includes(id) ? 60 : 300 },
    );
  });
});
