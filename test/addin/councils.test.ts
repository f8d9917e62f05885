/// <reference types="custom-functions-runtime" />
import { resolve } from "node:path";
import * as F from "../../addin/functions/functions.js";
import { evaluations } from "../../addin/functions/evaluationCache.js";
import { applySettings, councilFigures, listCouncils, loadPreset, runScenario } from "../../engine/index.js";
import { onPublishedCouncil } from "../../node/council.js";
import { ExcelError, installCustomFunctionsStub, loadFunctionsBundle } from "../../bench/functionsBundle.js";
import { readCsv } from "../councils/readCsv.js";

// SOCIALCARE.COUNCILS and SOCIALCARE.COUNCIL, and a published council in a whole-scenario function's
// overrides: each answer is the council's own published row, or the engine's run on that council.

installCustomFunctionsStub();

function cell(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    if (error instanceof ExcelError) return error;
    throw error;
  }
}

const leedsRow = readCsv("csww_indicators_2017_to_2025.csv").find((r) => r.la_name === "Leeds" && r.time_period === "2024" && r.geographic_level === "Local authority")!;

describe("SOCIALCARE.COUNCIL", () => {
  test("a figure is the council's own cell of the published file (rates as shares)", () => {
    expect(F.COUNCIL("Leeds", "cases", 2024)).toBe(Number(leedsRow.cases));
    expect(F.COUNCIL("E08000035", "caseload", 2024)).toBe(Number(leedsRow.caseload_fte));
    expect(F.COUNCIL(383, "vacancyRate", 2024)).toBeCloseTo(Number(leedsRow.vacancy_rate_fte) / 100, 12);
    expect(F.COUNCIL("leeds", "Caseload", 2024)).toBe(Number(leedsRow.caseload_fte));
  });

  test("the latest year by default", () => {
    const latest = listCouncils().find((c) => c.name === "Leeds")!.latestYear;
    expect(F.COUNCIL("Leeds", "cases")).toBe(councilFigures("leeds", latest).cases!.value);
  });

  test("a suppressed figure is #N/A with the symbol's meaning, never 0", () => {
    const kc = councilFigures("kensington and chelsea", 2025).cases!;
    expect(kc.value).toBeUndefined();
    const answer = cell(() => F.COUNCIL("Kensington and Chelsea", "cases", 2025)) as ExcelError;
    expect(answer).toBeInstanceOf(ExcelError);
    expect(answer.code).toBe("#N/A");
    expect(answer.message).toContain("Kensington and Chelsea, 2025: cases is not published");
    expect(answer.message).toContain("missing" in kc ? kc.reason : "");
  });

  test("an unknown council or figure names the close matches", () => {
    const council = cell(() => F.COUNCIL("Leedz", "cases")) as ExcelError;
    expect(council.message).toContain("Leeds");
    const figure = cell(() => F.COUNCIL("Leeds", "caseloads")) as ExcelError;
    expect(figure.message).toMatch(/unknown figure "caseloads"; did you mean "caseload"/);
    expect((cell(() => F.COUNCIL("", "cases")) as ExcelError).message).toMatch(/^council: is empty/);
  });
});

describe("SOCIALCARE.COUNCILS", () => {
  test("every council with a header row; a search keeps those whose name holds it", () => {
    const all = F.COUNCILS() as unknown[][];
    expect(all[0]).toEqual(["council", "ONS code", "DfE number", "region", "latest year"]);
    expect(all.length).toBe(listCouncils().length + 1);
    const york = F.COUNCILS("york") as unknown[][];
    expect(york.slice(1).map((r) => r[0]).sort()).toEqual(listCouncils().filter((c) => c.name.toLowerCase().includes("york")).map((c) => c.name).sort());
    expect((cell(() => F.COUNCILS("zzz")) as ExcelError).code).toBe("#N/A");
  });
});

describe("a published council in a whole-scenario function's overrides", () => {
  test('{"council","Leeds"} runs the preset on Leeds, as --council does', () => {
    evaluations.clear();
    const onLeeds = runScenario(onPublishedCouncil(loadPreset("traditional"), "leeds"));
    expect(F.SCENARIO("traditional", "runCost.total", [["council", "Leeds"]])).toBe(onLeeds.runCost.total);
    expect(F.SCENARIO("traditional", "caseload.childrenPerCaseHolder", [["council", "Leeds"]])).toBe(onLeeds.caseload.childrenPerCaseHolder);
  });
  test("with other settings laid over the council", () => {
    const expected = runScenario(applySettings(onPublishedCouncil(loadPreset("blueprint"), "leeds", 2024), { "council.vacancyRate": 0.1 }));
    expect(F.SCENARIO("blueprint", "runCost.total", [["council", "Leeds 2024"], ["council.vacancyRate", 0.1]])).toBe(expected.runCost.total);
  });
  test("an unknown council is an error naming the close matches", () => {
    const answer = cell(() => F.SCENARIO("traditional", "runCost.total", [["council", "Leedz"]])) as ExcelError;
    expect(answer).toBeInstanceOf(ExcelError);
    expect(answer.message).toContain("Leeds");
  });
});

describe("the built bundle", () => {
  test("answers COUNCIL and COUNCILS as the sources do", () => {
    const bundle = loadFunctionsBundle(resolve("dist/addin/functions.js"));
    const council = bundle.functions.get("COUNCIL")!;
    expect(council("Leeds", "cases", 2024)).toBe(Number(leedsRow.cases));
    const councils = bundle.functions.get("COUNCILS")!;
    expect((councils("leeds") as unknown[][])[1]![0]).toBe("Leeds");
  });
});
