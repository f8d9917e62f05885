import { resolve } from "node:path";
import { LIMITS } from "../../engine/scenario/schema.js";
import { ExcelError, loadFunctionsBundle, type FunctionsBundle } from "../../bench/functionsBundle.js";

// Hostile numbers through the built bundle, as Excel calls it (issue 18): a council of 1e20 children
// once spun for good (Excel froze), and the edge of the float range ended in "#VALUE! unexpected
// error". Each must come back at once as an Excel error naming what is wrong: #NUM! where Excel's own
// arithmetic would overflow, #VALUE! naming the setting for a value past its bound.

let bundle: FunctionsBundle;
beforeAll(() => {
  bundle = loadFunctionsBundle(resolve("dist/addin/functions.js"));
});

function call(id: string, ...args: unknown[]): unknown {
  try {
    return bundle.functions.get(id)!(...args);
  } catch (error) {
    if (error instanceof ExcelError) return error;
    throw error;
  }
}

test.each([
  ["STAFFCOST(1e300, 1e300)", "STAFFCOST", [1e300, 1e300, null, null, null, null]],
  ["EMPLOYERCOST(1e300)", "EMPLOYERCOST", [1e300, null, null]],
  ["REDUNDANCY(45, 10, 1e308, 1e308)", "REDUNDANCY", [45, 10, 1e308, 1e308, null]],
  ["NPV({1e308, 1e308})", "NPV", [[[1e308, 1e308]], 0.1]],
])("%s is #NUM! with its reason, not an unexpected error", (_, id, args) => {
  const answer = call(id, ...args);
  expect(answer).toBeInstanceOf(ExcelError);
  expect((answer as ExcelError).code).toBe("#NUM!");
  expect((answer as ExcelError).message).toMatch(/^amount: /);
  expect((answer as ExcelError).message).not.toMatch(/unexpected/);
});

test.each([
  ["SCENARIO", ["blueprint", "runCost.total", [["council.children", 1e20]]]],
  ["TORNADO", ["blueprint", "runCost.total", null, [["council.children", 1e20]]]],
  ["SCENARIO", ["blueprint", "runCost.total", [["structure.tiers.strategy.fte", 1e18]]]],
])("%s with a setting past its bound answers at once, naming the setting (%j)", (id, args) => {
  const answer = call(id, ...args);
  expect(answer).toBeInstanceOf(ExcelError);
  expect((answer as ExcelError).code).toBe("#VALUE!");
  expect((answer as ExcelError).message).toMatch(new RegExp(`(council\\.children: must be at most ${LIMITS.children}|fte: must be at most ${LIMITS.fte})`));
});

test.each([
  ["a figure", ["blueprint", `runCost.total${"x".repeat(32_754)}`, null], "#N/A"],
  ["a preset", [`blueprint${"x".repeat(32_758)}`, "runCost.total", null], "#N/A"],
])("SCENARIO with %s name of 32,767 characters: its error quotes it cut short, with no close-match search", (_, args, code) => {
  const answer = call("SCENARIO", ...args);
  expect(answer).toBeInstanceOf(ExcelError);
  expect((answer as ExcelError).code).toBe(code);
  expect((answer as ExcelError).message).toContain("(32,767 characters)");
  expect((answer as ExcelError).message!.length).toBeLessThan(400);
});

test("HEALTHCHECK: a value in a column with no heading is reported, not dropped", () => {
  const answer = call("HEALTHCHECK", [["Metric", 2024, 2025, null], ["Vacancy rate", 0.2, 0.16, 0.5]], null, null);
  expect(answer).toBeInstanceOf(ExcelError);
  expect((answer as ExcelError).message).toMatch(/row 2, column 4 \(vacancyRate\): "0.5" is in a column with no heading/);
});
