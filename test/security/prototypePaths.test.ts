import type ExcelJS from "exceljs";
import { applySettings, loadPreset, loadScenario, parseHealthCheckText, readHealthCheckObject, ScenarioError, SocialCareError, UnknownNameError, validateScenario } from "../../engine/index.js";
import { readLibrary } from "../../addin/taskpane/model/library.js";
import { setAtPath, getAtPath } from "../../addin/taskpane/model/draft.js";
import { exportWorkbook, importWorkbook, WorkbookError } from "../../workbook/index.js";
import { loadWorkbook } from "../workbook/spreadsheets.js";

/**
 * A name or path from a user never reaches an object's prototype: `__proto__`, `constructor` and
 * `prototype` anywhere in a setting path, a scenario file, a stored pane library, a health-check
 * table or a workbook's Inputs sheet are unknown settings, and Object.prototype is exactly as it was.
 * (The custom functions' face is tested through the built bundle in test/addin/prototypePaths.test.ts.)
 */

const PATHS = ["__proto__.x", "__proto__.toString", "constructor.prototype.x", "prototype.x", "council.__proto__.polluted", "council.constructor", "council.toString", "structure.tiers.__proto__.salary"];

/** Every own property of Object.prototype with its value, to compare before and after. */
function prototypeNow(): [string, unknown][] {
  return Object.getOwnPropertyNames(Object.prototype).map((name) => [name, (Object.prototype as Record<string, unknown>)[name]]);
}
const before = prototypeNow();
afterEach(() => {
  expect(prototypeNow()).toEqual(before);
  expect(({} as Record<string, unknown>).x).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(String({})).toBe("[object Object]");
});

describe("applySettings", () => {
  test.each(PATHS)("%s is an unknown setting, and nothing is written", (path) => {
    expect(() => applySettings(loadPreset("blueprint"), { [path]: 5 })).toThrow(UnknownNameError);
    expect(() => applySettings(loadPreset("blueprint"), [[path, 5]])).toThrow(`unknown setting "${path}"`);
  });

  test("an unknown setting still offers the close matches", () => {
    try {
      applySettings(loadPreset("blueprint"), { "council.childern": 5 });
      throw new Error("accepted");
    } catch (error) {
      expect((error as UnknownNameError).suggestions).toContain("council.children");
    }
  });
});

describe("a scenario file", () => {
  test("prototype member names in any part are unknown settings, named by path", () => {
    const text = JSON.stringify({ extends: "blueprint", council: { constructor: 1, toString: 2, hasOwnProperty: 3 } }).replace("{\"constructor\"", "{\"__proto__\":{\"polluted\":1},\"constructor\"");
    const result = validateScenario(text, { source: "mine.json" });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.reason}`);
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) expect(paths).toContainEqual(expect.stringMatching(new RegExp(`^council\\.${name.replace(/_/g, "_")}: unknown setting`)));
  });

  test("the same in YAML, at the top and in a pay award map", () => {
    const yaml = "extends: blueprint\n__proto__:\n  polluted: 1\nfinance:\n  payAwards:\n    __proto__: 0.02\n";
    expect(() => loadScenario(yaml, { source: "mine.yaml" })).toThrow(ScenarioError);
  });

  test("a preset, a council or an extends named after a prototype member is unknown, not a function", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(() => loadPreset(name)).toThrow(UnknownNameError);
      expect(() => loadScenario({ extends: name })).toThrow(UnknownNameError);
      expect(() => loadScenario({ extends: "blueprint", council: name })).toThrow(/unknown/);
    }
  });
});

describe("the task pane's stored library", () => {
  test("a stored scenario with prototype names loads as a draft whose problems are unknown settings", () => {
    const stored = JSON.parse('{"version":1,"scenarios":[{"id":"user-1","name":"Ours","basedOn":null,"input":{"extends":"blueprint","__proto__":{"polluted":1},"council":{"constructor":{"prototype":{"x":1}}}},"typed":{"__proto__":"x","constructor.prototype.x":"y","council.children":"3,000"}}],"compare":[],"nextId":2}');
    const library = readLibrary(stored);
    const scenario = library.scenarios[0]!;
    expect(Object.keys(scenario.typed)).toEqual(["council.children"]);
    const result = validateScenario(scenario.input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["__proto__", "council.constructor"]));
  });

  test("an edit at a prototype path is refused before anything is written", () => {
    for (const path of ["__proto__.x", "constructor.prototype.x", "prototype.x", "council.__proto__.polluted"]) {
      expect(() => setAtPath({ council: {} }, path, 1)).toThrow(UnknownNameError);
      expect(() => getAtPath({ council: {} }, path)).toThrow(UnknownNameError);
    }
  });
});

describe("health-check tables", () => {
  test("a CSV whose metric or header names a prototype member is refused by name", () => {
    for (const name of ["__proto__", "constructor", "prototype", "toString"]) {
      expect(() => parseHealthCheckText(`metric,2025\n${name},0.1\n`, "check.csv")).toThrow(SocialCareError);
      expect(() => parseHealthCheckText(`metric,2025,${name}\nvacancyRate,0.1,0.2\n`, "check.csv")).toThrow(SocialCareError);
    }
  });

  test("a JSON health check with prototype names in years, metrics or thresholds is refused", () => {
    const raw = JSON.parse('{"years":{"__proto__":{"vacancyRate":0.1},"2025":{"constructor":0.1,"__proto__":0.2}},"thresholds":{"__proto__":{"green":1}}}');
    expect(() => readHealthCheckObject(raw)).toThrow(SocialCareError);
  });
});

describe("an imported workbook", () => {
  test("an Inputs key edited to a prototype path is reported at its cell as an unknown setting", async () => {
    const bytes = await exportWorkbook(loadPreset("baseline-2018"), [loadPreset("blueprint")], { date: new Date("2026-04-01T00:00:00Z") });
    for (const path of ["__proto__.toString", "constructor.prototype.x", "prototype.x"]) {
      const wb: ExcelJS.Workbook = await loadWorkbook(bytes);
      const ws = wb.getWorksheet("Inputs")!;
      let row = 0;
      for (let r = 1; r <= ws.rowCount && row === 0; r++) if (ws.getCell(r, 5).value === "council.children") row = r;
      ws.getCell(row, 5).value = path;
      const changed = new Uint8Array(await wb.xlsx.writeBuffer());
      const error = await importWorkbook(changed).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(WorkbookError);
      expect((error as WorkbookError).problems).toContainEqual(expect.objectContaining({ sheet: "Inputs", key: path, reason: expect.stringContaining(`unknown setting "${path}"`) }));
    }
  }, 60000);
});
