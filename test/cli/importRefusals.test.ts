import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { main } from "../../cli/main.js";
import { applySettings, listSettings, loadPreset, toScenarioInput } from "../../engine/index.js";
import { exportWorkbook, importWorkbook } from "../../workbook/index.js";
import { loadWorkbook } from "../workbook/spreadsheets.js";

// What `socialcare import` and `export` make of files a user may hand them (issues 16, 18 and 19):
// a file that is not a workbook, a small file that would unpack to gigabytes, a workbook with a blank
// line in a text, a formula with no saved result, a setting repeated on Inputs, a tiny number.

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    out: (s) => ((out += s), true),
    err: (s) => ((err += s), true),
  });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "socialcare-import-"));
const DATE = new Date("2026-04-01T00:00:00Z");

describe("a file that is not a workbook is named in one line, without the zip library's words", () => {
  test.each([
    ["text", "notes.xlsx", Buffer.from("council: 1\n")],
    ["an empty file", "empty.xlsx", Buffer.alloc(0)],
    ["a zip with a damaged entry", "damaged.xlsx", Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200), Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)])],
  ])("%s", async (_, name, bytes) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const { code, err } = await run("import", file);
    expect(code).not.toBe(0);
    const lines = err.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${file} is not an .xlsx workbook`);
    expect(err).not.toMatch(/zip|central directory|undefined|sheetNo/i);
  });
});

test("a small archive that declares a huge unpacked size is refused before it is unpacked", async () => {
  const bytes = Buffer.from(await exportWorkbook(loadPreset("blueprint"), [], { date: DATE }));
  // Each central-directory entry (signature 50 4B 01 02) declares its unpacked size at +24: say 300 MB.
  let patched = 0;
  for (let i = bytes.indexOf("PK\u0001\u0002"); i >= 0; i = bytes.indexOf("PK\u0001\u0002", i + 4)) {
    bytes.writeUInt32LE(300e6, i + 24);
    patched++;
  }
  expect(patched).toBeGreaterThan(2);
  const file = join(dir, "bomb.xlsx");
  writeFileSync(file, bytes);
  const { code, err } = await run("import", file);
  expect(code).not.toBe(0);
  // The declared total, worked by hand: every entry at 300 MB.
  expect(err.trimEnd()).toBe(`socialcare: ${file} is not an .xlsx workbook this program can read: it would unpack to ${(patched * 300).toLocaleString("en-GB")} MB, more than the 200 MB any exported workbook needs`);
});

test("whatever exports imports back to the same scenario: blank lines, line breaks and trailing spaces in every text", async () => {
  const base = loadPreset("blueprint");
  // The free texts: the scenario's, the council's, the structure's and each tier's name and description
  // (ids, tier references and correlated settings are names the engine looks up, not prose).
  const texts = listSettings(base).filter((s) => s.kind === "text" && /(^|\.)(name|description)$/.test(s.key));
  expect(texts.length).toBeGreaterThan(3);
  const scenario = applySettings(base, texts.map((s, i) => [s.key, `line ${i}\n\nafter a blank line  \n  indented\ttab and trailing spaces   `] as [string, unknown]));
  const file = join(dir, "texts.xlsx");
  writeFileSync(file, await exportWorkbook(scenario, [], { date: DATE }));
  const [imported] = await importWorkbook(readFileSync(file));
  expect(imported!.changes).toEqual([]);
  expect(toScenarioInput(imported!.scenario)).toEqual(toScenarioInput(scenario));
});

test("a sizing expression with a tiny number exports, written as a plain decimal", async () => {
  const scenario = applySettings(loadPreset("blueprint"), [["structure.tiers.enabler.expression", "1 + 0.0000000000000000000000001 * teams"]]);
  const file = join(dir, "tiny.xlsx");
  writeFileSync(file, await exportWorkbook(scenario, [], { date: DATE }));
  const wb = await loadWorkbook(readFileSync(file));
  const formulas: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
    const f = (cell.value as { formula?: string } | null)?.formula;
    if (f?.includes("0000000000000000000000001")) formulas.push(f);
  })));
  expect(formulas.length).toBeGreaterThan(0);
  expect(formulas.join(" ")).toContain("0.0000000000000000000000001");
});

describe("Inputs cells the importer cannot take are named by cell, in the user's terms", () => {
  async function withInputs(edit: (ws: ExcelJS.Worksheet, row: (key: string) => number) => void): Promise<string> {
    const wb = await loadWorkbook(await exportWorkbook(loadPreset("blueprint"), [], { date: DATE }));
    const ws = wb.getWorksheet("Inputs")!;
    const row = (key: string) => {
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 5).value === key) return r;
      throw new Error(`no row for ${key}`);
    };
    edit(ws, row);
    const file = join(dir, `edited-${Math.random().toString(36).slice(2)}.xlsx`);
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const { code, err } = await run("import", file);
    expect(code).not.toBe(0);
    return err.trimEnd();
  }

  test("a formula with no saved result", async () => {
    const err = await withInputs((ws, row) => {
      ws.getCell(row("council.children"), 2).value = { formula: "1+1" } as ExcelJS.CellFormulaValue;
    });
    expect(err).toMatch(/^socialcare: Inputs!B\d+ \(council\.children\): holds a formula with no saved result: open the workbook in Excel and save it, or type the value$/);
  });

  test("a problem of the whole sheet names the sheet, with no empty cell after it", async () => {
    const err = await withInputs((ws) => {
      for (let r = 1; r <= ws.rowCount; r++) if (String(ws.getCell(r, 5).value ?? "").startsWith("@")) ws.getCell(r, 5).value = null;
    });
    expect(err).toMatch(/^socialcare: Inputs: has no section for the \w+ /);
  });

  test("a setting repeated in a later row", async () => {
    let first = 0;
    let later = 0;
    const err = await withInputs((ws, row) => {
      first = row("council.children");
      later = ws.rowCount + 1;
      ws.getCell(later, 5).value = "council.children";
      ws.getCell(later, 2).value = 4100;
    });
    expect(err).toBe(`socialcare: Inputs!B${later} (council.children): is given twice (also in B${first})`);
  });
});

test("a workbook not made by export is named in one line, with the sheets it lacks", async () => {
  const ExcelJSModule = (await import("exceljs")).default;
  const wb = new ExcelJSModule.Workbook();
  wb.addWorksheet("Budget").getCell("A1").value = 1;
  const file = join(dir, "budget.xlsx");
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  const { code, err } = await run("import", file);
  expect(code).not.toBe(0);
  expect(err.trimEnd()).toBe(`socialcare: ${file} is not a workbook made by socialcare export: it has no "Scenario files" or "Inputs" sheet`);
});
