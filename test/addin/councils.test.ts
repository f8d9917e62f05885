/// <reference types="custom-functions-runtime" />
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { councilFiguresFile } from "../../addin/onDemand/councilFigures.js";
import { publishedYears } from "../../engine/councils/publishedYears.js";
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
  // The add-in's build leaves the councils' figures out of the bundle and writes one file per council
  // (addin/onDemand/councilFigures.ts, webpack.config.js): a call that needs a council's figures first
  // answers later (#BUSY!), once the file is fetched; every later call for that council answers at once.
  const DIST = resolve("dist/addin");

  test("COUNCIL answers later the first time (its file fetched once), then at once; COUNCILS needs no file", async () => {
    const bundle = loadFunctionsBundle(resolve(DIST, "functions.js"));
    const councils = bundle.functions.get("COUNCILS")!;
    expect((councils("leeds") as unknown[][])[1]![0]).toBe("Leeds");
    expect(bundle.fetched).toEqual([]);
    const council = bundle.functions.get("COUNCIL")!;
    const first = council("Leeds", "cases", 2024) as Promise<unknown>;
    expect(typeof first.then).toBe("function");
    // two cells asking while the file is on its way share one fetch
    const second = council("Leeds", "caseload", 2024) as Promise<unknown>;
    expect(await first).toBe(Number(leedsRow.cases));
    expect(await second).toBe(Number(leedsRow.caseload_fte));
    expect(bundle.fetched).toEqual([councilFiguresFile("383")]);
    expect(council("Leeds", "cases", 2024)).toBe(Number(leedsRow.cases));
    expect(bundle.fetched).toHaveLength(1);
  });

  test("a whole-scenario function on a published council answers later with the engine's run on it (the wait is not kept as an answer)", async () => {
    const bundle = loadFunctionsBundle(resolve(DIST, "functions.js"));
    const scenario = bundle.functions.get("SCENARIO")!;
    const later = scenario("traditional", "runCost.total", [["council", "Leeds 2024"]]) as Promise<unknown>;
    expect(typeof later.then).toBe("function");
    const expected = runScenario(onPublishedCouncil(loadPreset("traditional"), "Leeds", 2024)).runCost.total;
    expect(await later).toBeCloseTo(expected, 6);
    expect(scenario("traditional", "runCost.total", [["council", "Leeds 2024"]])).toBeCloseTo(expected, 6);
  });

  test("a council's file that cannot be fetched is #N/A saying so, and is tried again by the next call", async () => {
    const copy = mkdtempSync(join(tmpdir(), "addin-"));
    copyFileSync(resolve(DIST, "functions.js"), join(copy, "functions.js"));
    const bundle = loadFunctionsBundle(join(copy, "functions.js"));
    const council = bundle.functions.get("COUNCIL")!;
    const failed = await (council("Leeds", "cases", 2024) as Promise<unknown>).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ExcelError);
    expect((failed as ExcelError).code).toBe("#N/A");
    expect((failed as ExcelError).message).toMatch(/^the published figures of Leeds could not be loaded \(councils\/383\.json: 404 Not Found\); try again$/);
    // the file arrives (a network back): the next call fetches it and answers
    mkdirSync(join(copy, "councils"));
    copyFileSync(resolve(DIST, councilFiguresFile("383")), join(copy, councilFiguresFile("383")));
    expect(await (council("Leeds", "cases", 2024) as Promise<unknown>)).toBe(Number(leedsRow.cases));
    expect(bundle.fetched).toEqual([councilFiguresFile("383"), councilFiguresFile("383")]);
    rmSync(copy, { recursive: true, force: true });
  });

  test("the build writes every council's figures to the file the bundle asks for, as the engine holds them", () => {
    for (const c of listCouncils()) {
      const file = JSON.parse(readFileSync(resolve(DIST, councilFiguresFile(c.dfe)), "utf8")) as { dfe: string; years: unknown };
      expect(file).toEqual({ dfe: c.dfe, years: publishedYears(c.dfe) });
    }
  });
});
