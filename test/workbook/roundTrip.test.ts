import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { applySettings, compareScenarios, listSettings, loadPreset, runScenario, ScenarioError, type Scenario } from "../../engine/index.js";
import { loadScenarioFile } from "../../node/index.js";
import { buildWorkbook, exportWorkbook, importWorkbook, WorkbookError } from "../../workbook/index.js";
import { expectations, mismatches } from "./expectations.js";
import { hyperFormulaOf, loadWorkbook, recalculateWithLibreOffice, testWithLibreOffice, valuesOf } from "./spreadsheets.js";

/**
 * The round trip: export, change inputs in the file as a user would (here with exceljs), import, and
 * the engine's result equals the result of the same changes made with applySettings or a scenario
 * file. And a workbook with bad inputs names every bad cell by sheet, cell and reason.
 */

const DATE = new Date("2026-04-01T00:00:00Z");

/** The Inputs cell of a setting in a scenario's section (found by the key column, as a user would). */
function inputCell(wb: ExcelJS.Workbook, role: string, key: string): ExcelJS.Cell {
  const ws = wb.getWorksheet("Inputs")!;
  let inSection = false;
  for (let r = 1; r <= ws.rowCount; r++) {
    const k = ws.getCell(r, 5).value;
    if (typeof k === "string" && k.startsWith("@")) inSection = k === `@${role}`;
    else if (inSection && k === key) return ws.getCell(r, 2);
  }
  throw new Error(`no input ${key} for ${role}`);
}

async function edited(bytes: Uint8Array, edits: [string, string, unknown][]): Promise<{ bytes: Uint8Array; cells: string[] }> {
  const wb = await loadWorkbook(bytes);
  const cells = edits.map(([role, key, value]) => {
    const cell = inputCell(wb, role, key);
    cell.value = value as ExcelJS.CellValue;
    return cell.address;
  });
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), cells };
}

/** The figures of a comparison without the scenarios' sources (which say where each value came from). */
function figuresOf(baseline: Scenario, option: Scenario) {
  const c = compareScenarios(baseline, option);
  return { figures: c.figures, change: c.change, transition: c.transition, appraisal: c.appraisal, checks: c.checks, costNeutral: c.costNeutral };
}

const CHANGES = {
  baseline: { "structure.tiers.teamManager.span.per": 7 },
  option: { "council.children": 3000, "transition.systems": 750000 },
};

describe("export, edit three inputs, import", () => {
  let imported: Awaited<ReturnType<typeof importWorkbook>>;
  let editedBytes: Uint8Array;

  beforeAll(async () => {
    const bytes = await exportWorkbook(loadPreset("baseline-2018"), [loadPreset("blueprint")], { date: DATE });
    const edits: [string, string, unknown][] = [
      ["baseline", "structure.tiers.teamManager.span.per", 7],
      ["option", "council.children", 3000],
      ["option", "transition.systems", 750000],
    ];
    editedBytes = (await edited(bytes, edits)).bytes;
    imported = await importWorkbook(editedBytes);
  });

  test("reads both scenarios back, with the three changes and where they were made", () => {
    expect(imported.map((s) => s.role)).toEqual(["baseline", "option"]);
    expect(imported.map((s) => s.scenario.id)).toEqual(["baseline-2018", "blueprint"]);
    expect(imported[0]!.changes.map((c) => [c.key, c.from, c.to])).toEqual([["structure.tiers.teamManager.span.per", 6, 7]]);
    expect(imported[1]!.changes.map((c) => [c.key, c.from, c.to])).toEqual([
      ["council.children", 2154, 3000],
      ["transition.systems", 500000, 750000],
    ]);
    expect(imported[1]!.changes[0]!.cell).toMatch(/^Inputs!B\d+$/);
    expect(imported[1]!.scenario.sources["council.children"]).toEqual({ source: `edited in the workbook, ${imported[1]!.changes[0]!.cell}` });
  });

  test("the engine's result equals the same changes made with applySettings", () => {
    const baseline = applySettings(loadPreset("baseline-2018"), CHANGES.baseline);
    const option = applySettings(loadPreset("blueprint"), CHANGES.option);
    const expected = figuresOf(baseline, option);
    expect(figuresOf(imported[0]!.scenario, imported[1]!.scenario)).toEqual(expected);
    // The changes matter: the result is not the presets' own.
    expect(expected.transition.total).not.toBe(compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint")).transition.total);
  });

  test("the engine's result equals the same changes made in scenario files", () => {
    const dir = mkdtempSync(join(tmpdir(), "socialcare-roundtrip-"));
    writeFileSync(join(dir, "baseline.yaml"), "extends: baseline-2018\nstructure:\n  tiers:\n    - { id: teamManager, span: { of: caseHolders, per: 7 } }\n");
    writeFileSync(join(dir, "option.yaml"), "extends: blueprint\ncouncil:\n  children: 3000\ntransition:\n  systems: 750000\n");
    const baseline = loadScenarioFile(join(dir, "baseline.yaml"));
    const option = loadScenarioFile(join(dir, "option.yaml"));
    expect(figuresOf(imported[0]!.scenario, imported[1]!.scenario)).toEqual(figuresOf(baseline, option));
  });

  test("the edited workbook itself, recalculated, gives the engine's figures for the edited scenarios", async () => {
    const list = expectations(buildWorkbook(imported[0]!.scenario, [imported[1]!.scenario], { date: DATE }));
    const hf = hyperFormulaOf(await loadWorkbook(editedBytes));
    expect(mismatches(list, hf.read)).toEqual([]);
  });

  test("a workbook with no changes imports as the scenarios it was made from", async () => {
    const again = await importWorkbook(await exportWorkbook(loadPreset("england-2025"), [loadPreset("cluster"), loadPreset("reclaim")], { date: DATE }));
    expect(again.map((s) => [s.role, s.scenario.id, s.changes.length])).toEqual([
      ["baseline", "england-2025", 0],
      ["option1", "cluster", 0],
      ["option2", "reclaim", 0],
    ]);
    expect(figuresOf(again[0]!.scenario, again[2]!.scenario)).toEqual(figuresOf(loadPreset("england-2025"), loadPreset("reclaim")));
  });
});

describe("export, switch the direct payments lever on in the file, import", () => {
  // The presets leave the lever off; a finance officer switches it on in both scenarios on Inputs:
  // the option's direct payments free care-management time, the baseline's add some.
  const LEVER = {
    baseline: { "timeUse.directPayments.shareOfFamilies": 0.2, "timeUse.directPayments.hoursFreedPerCase": -0.5 },
    option: { "timeUse.directPayments.shareOfFamilies": 0.3, "timeUse.directPayments.hoursFreedPerCase": 0.75 },
  };
  let imported: Awaited<ReturnType<typeof importWorkbook>>;
  let editedBytes: Uint8Array;
  let outputs: Map<string, { sheetName: string; row: number; col: number }>;

  beforeAll(async () => {
    const bytes = await exportWorkbook(loadPreset("baseline-2018"), [loadPreset("blueprint")], { date: DATE });
    outputs = buildWorkbook(loadPreset("baseline-2018"), [loadPreset("blueprint")], { date: DATE }).outputs.get("option")!;
    const edits = (["baseline", "option"] as const).flatMap((role) => Object.entries(LEVER[role]).map(([key, value]) => [role, key, value] as [string, string, unknown]));
    editedBytes = (await edited(bytes, edits)).bytes;
    imported = await importWorkbook(editedBytes);
  });

  test("reads the lever's inputs back as the changes", () => {
    expect(imported.map((s) => s.changes.map((c) => [c.key, c.from, c.to]))).toEqual([
      [
        ["timeUse.directPayments.shareOfFamilies", 0, 0.2],
        ["timeUse.directPayments.hoursFreedPerCase", 0, -0.5],
      ],
      [
        ["timeUse.directPayments.shareOfFamilies", 0, 0.3],
        ["timeUse.directPayments.hoursFreedPerCase", 0, 0.75],
      ],
    ]);
  });

  test("the engine's result equals the same changes made with applySettings and in scenario files", () => {
    const expected = figuresOf(applySettings(loadPreset("baseline-2018"), LEVER.baseline), applySettings(loadPreset("blueprint"), LEVER.option));
    expect(figuresOf(imported[0]!.scenario, imported[1]!.scenario)).toEqual(expected);
    const dir = mkdtempSync(join(tmpdir(), "socialcare-lever-"));
    writeFileSync(join(dir, "baseline.yaml"), "extends: baseline-2018\ntimeUse:\n  directPayments: { shareOfFamilies: 0.2, hoursFreedPerCase: -0.5 }\n");
    writeFileSync(join(dir, "option.yaml"), "extends: blueprint\ntimeUse:\n  directPayments: { shareOfFamilies: 0.3, hoursFreedPerCase: 0.75 }\n");
    expect(figuresOf(imported[0]!.scenario, imported[1]!.scenario)).toEqual(figuresOf(loadScenarioFile(join(dir, "baseline.yaml")), loadScenarioFile(join(dir, "option.yaml"))));
    // The lever moves the figures: hours per case-holder, by hand: 0.3 × 14 children × 0.75 hours and 0.2 × 17.4 × −0.5.
    const option = expected.figures.find((f) => f.figure === "time.directPayments.hoursFreedPerCaseHolderPerWeek")!;
    expect(option.option).toBeCloseTo(3.15, 9);
    expect(option.baseline).toBeCloseTo(-1.74, 9);
  });

  // The file still holds the figures cached when it was made (the lever off), so only a recalculation
  // that follows the edited inputs through the Calculations sheet gives the engine's new figures.
  const stale = async () => valuesOf(await loadWorkbook(editedBytes));
  const LEVER_FIGURES = ["time.directPayments.hoursFreedPerCaseHolderPerWeek", "time.directPayments.capacityFte", "time.directContactShare", "time.administrationShare", "time.directContactHoursPerChildPerWeek"];

  test("the cached values are the lever-off figures: the edit alone changes nothing shown", async () => {
    const read = await stale();
    const before = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint")).figures;
    for (const figure of LEVER_FIGURES) {
      const cell = outputs.get(`option:${figure}`)!;
      expect([figure, read(cell.sheetName, cell.row, cell.col)]).toEqual([figure, before.find((f) => f.figure === figure)!.option]);
    }
  });

  test("HyperFormula, recalculating the edited workbook, follows the lever to the engine's figures", async () => {
    const list = expectations(buildWorkbook(imported[0]!.scenario, [imported[1]!.scenario], { date: DATE }));
    const hf = hyperFormulaOf(await loadWorkbook(editedBytes));
    expect(mismatches(list, hf.read)).toEqual([]);
    expect(mismatches(list, await stale()).length).toBeGreaterThan(LEVER_FIGURES.length);
  });

  testWithLibreOffice("LibreOffice (headless), recalculating the edited workbook on load, follows the lever to the engine's figures", async () => {
    const list = expectations(buildWorkbook(imported[0]!.scenario, [imported[1]!.scenario], { date: DATE }));
    const { edited: recalculated } = await recalculateWithLibreOffice({ edited: editedBytes });
    expect(mismatches(list, valuesOf(recalculated!))).toEqual([]);
  }, 300_000);
});

describe("bad inputs are reported by sheet, cell and reason", () => {
  test("every bad cell, in the engine's words", async () => {
    const bytes = await exportWorkbook(loadPreset("baseline-2018"), [loadPreset("blueprint")], { date: DATE });
    const { bytes: bad, cells } = await edited(bytes, [
      ["option", "council.children", "lots"],
      ["baseline", "structure.tiers.socialWorker.salary", -5],
      ["option", "transition.redundancy.actualPay", "perhaps"],
    ]);
    const error = await importWorkbook(bad).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookError);
    const problems = (error as WorkbookError).problems;
    // The engine's own messages for the same values.
    const engineReason = (scenario: Scenario, key: string, value: unknown) => {
      try {
        applySettings(scenario, { [key]: value });
      } catch (e) {
        return (e as ScenarioError).issues[0]!.reason;
      }
      throw new Error("the engine accepted it");
    };
    expect(problems).toEqual(
      expect.arrayContaining([
        { sheet: "Inputs", cell: cells[0], key: "council.children", reason: engineReason(loadPreset("blueprint"), "council.children", "lots") },
        { sheet: "Inputs", cell: cells[1], key: "structure.tiers.socialWorker.salary", reason: engineReason(loadPreset("baseline-2018"), "structure.tiers.socialWorker.salary", -5) },
        { sheet: "Inputs", cell: cells[2], key: "transition.redundancy.actualPay", reason: engineReason(loadPreset("blueprint"), "transition.redundancy.actualPay", "perhaps") },
      ]),
    );
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.key === "council.children")!.reason).toMatch(/must be a number/);
    expect((error as WorkbookError).message).toContain(`Inputs!${cells[0]} (council.children): must be a number`);
  });

  test("a rule across several inputs is reported against their cells", async () => {
    const bytes = await exportWorkbook(loadPreset("blueprint"), [], { date: DATE });
    const { bytes: bad } = await edited(bytes, [["scenario", "timeUse.directContact", 0.5]]);
    const error = (await importWorkbook(bad).catch((e: unknown) => e)) as WorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    const wb = await loadWorkbook(bad);
    // The rule is the time-use group's: the cells from its first setting to its last.
    const rows = listSettings(loadPreset("blueprint"))
      .filter((s) => s.key.startsWith("timeUse."))
      .map((s) => Number(inputCell(wb, "scenario", s.key).row));
    expect(rows.length).toBeGreaterThan(6);
    expect(error.problems).toEqual([{ sheet: "Inputs", cell: `B${Math.min(...rows)}:B${Math.max(...rows)}`, key: "timeUse", reason: expect.stringMatching(new RegExp(`^shares must sum to 1, got ${1 + 0.5 - loadPreset("blueprint").timeUse.directContact}`.replace(".", "\\."))) }]);
  });

  test("direct payments that free more time than the week's administration are reported at their cell", async () => {
    const bytes = await exportWorkbook(loadPreset("baseline-2018"), [loadPreset("blueprint")], { date: DATE });
    // 0.9 × 14 children × 2 hours = 25.2 hours, more than the option's administration left once half is handed to enablers (20% × 50% × 37 = 3.7 hours).
    const lever = { "timeUse.directPayments.shareOfFamilies": 0.9, "timeUse.directPayments.hoursFreedPerCase": 2 };
    const { bytes: bad, cells } = await edited(
      bytes,
      Object.entries(lever).map(([key, value]) => ["option", key, value]),
    );
    const error = (await importWorkbook(bad).catch((e: unknown) => e)) as WorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    // Each value is allowed on its own; the engine refuses them only when it runs the scenario.
    const scenario = applySettings(loadPreset("blueprint"), lever);
    const reason = (() => {
      try {
        runScenario(scenario);
      } catch (e) {
        return (e as ScenarioError).issues[0]!.reason;
      }
      throw new Error("the engine ran it");
    })();
    expect(reason).toMatch(/free 25\.2 care-management hours .*more than the 3\.7 hours of administration left in the week/);
    expect(error.problems).toEqual([{ sheet: "Inputs", cell: cells[1], key: "timeUse.directPayments.hoursFreedPerCase", reason }]);
  });

  test("a file that is not a workbook, or not one made by export", async () => {
    await expect(importWorkbook(new TextEncoder().encode("not a zip"))).rejects.toThrow(WorkbookError);
    const ExcelJSModule = (await import("exceljs")).default;
    const other = new ExcelJSModule.Workbook();
    other.addWorksheet("Sheet1").getCell("A1").value = 1;
    await expect(importWorkbook(new Uint8Array(await other.xlsx.writeBuffer()))).rejects.toThrow(/^this file is not a workbook made by socialcare export: it has no "Scenario files" or "Inputs" sheet$/);
  });
});
