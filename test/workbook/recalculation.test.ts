import { applySettings, compareScenarios, listPresets, loadPreset, onBaselineBasis, runScenario, type Scenario } from "../../engine/index.js";
import { onCouncil } from "../../node/council.js";
import { buildWorkbook, exportWorkbook } from "../../workbook/index.js";
import { expectations, mismatches, type Expectation } from "./expectations.js";
import { directPaymentsAddingCareManagement, unusualOption } from "./fixtures.js";
import { describeWithLibreOffice, hyperFormulaOf, loadWorkbook, recalculateWithLibreOffice, valuesOf } from "./spreadsheets.js";

/**
 * The exported workbook, recalculated by spreadsheets that are not the engine, gives every output
 * and check the engine gives, to the penny, and its master check is TRUE: for every preset on its
 * own, for the default comparison (baseline-2018 against blueprint), for two options against one
 * baseline in one workbook, for an option that uses the rules no preset uses (the direct payments
 * lever freeing time among them), and for a scenario whose direct payments add care management. The
 * expected figures come from runScenario / compareScenarios, not from the workbook.
 */

const DATE = new Date("2026-04-01T00:00:00Z");

interface Case {
  name: string;
  baseline: Scenario;
  options: Scenario[];
}

const cases: Case[] = [
  ...listPresets().map((p) => ({ name: `preset-${p.id}`, baseline: loadPreset(p.id), options: [] })),
  { name: "default-comparison", baseline: loadPreset("baseline-2018"), options: [loadPreset("blueprint")] },
  { name: "two-options", baseline: loadPreset("england-2025"), options: [loadPreset("cluster"), loadPreset("reclaim")] },
  { name: "unusual-option", baseline: loadPreset("baseline-2018"), options: [unusualOption()] },
  { name: "direct-payments-adding", baseline: directPaymentsAddingCareManagement(), options: [] },
  // the retention and demand levers on, and a transition costed from the workforce flows, on a published council
  {
    name: "retention-and-flows-on-leeds",
    baseline: onCouncil(loadPreset("traditional"), "leeds"),
    options: [
      applySettings(onBaselineBasis(onCouncil(loadPreset("traditional"), "leeds"), onCouncil(loadPreset("blueprint"), "leeds")).option, {
        "transition.retention.turnoverChange": -0.2,
        "transition.retention.vacancyChange": -0.3,
        "transition.retention.phaseInYears": 2,
        "transition.demand.lookedAfterChange": -0.04,
        "transition.demand.phaseInYears": 3,
      }),
    ],
  },
];

const built = new Map<string, { list: Expectation[]; bytes: Uint8Array }>();

beforeAll(async () => {
  for (const c of cases) {
    const book = buildWorkbook(c.baseline, c.options, { date: DATE });
    built.set(c.name, { list: expectations(book), bytes: await exportWorkbook(c.baseline, c.options, { date: DATE }) });
  }
});

test("the cases cover every preset and the default comparison", () => {
  expect(listPresets().length).toBeGreaterThanOrEqual(5);
  expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(listPresets().map((p) => `preset-${p.id}`)));
  // The default comparison has transition spend and an appraisal worth checking.
  const c = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"));
  expect(c.transition.total).toBeGreaterThan(1_000_000);
  expect(c.checks.every((k) => k.ok)).toBe(true);
  // The presets leave the direct payments lever off; two cases switch it on, one each way.
  expect(listPresets().map((p) => runScenario(loadPreset(p.id)).time.directPayments.hoursFreedPerCaseHolderPerWeek)).toEqual(listPresets().map(() => 0));
  const freeing = runScenario(unusualOption()).time;
  const adding = runScenario(directPaymentsAddingCareManagement()).time;
  expect(freeing.directPayments.hoursFreedPerCaseHolderPerWeek).toBeGreaterThan(1);
  expect(freeing.directContactShare).toBeGreaterThan(unusualOption().timeUse.directContact);
  expect(adding.directPayments.hoursFreedPerCaseHolderPerWeek).toBeLessThan(-1);
  expect(adding.administrationShare).toBeGreaterThan(directPaymentsAddingCareManagement().timeUse.administration);
});

describe.each(cases.map((c) => c.name))("%s", (name) => {
  test("has an expectation for every output and check", () => {
    const { list } = built.get(name)!;
    expect(list.length).toBeGreaterThan(40);
    expect(list.some((e) => e.what === "master check")).toBe(true);
    expect(list.filter((e) => e.kind === "money").length).toBeGreaterThan(10);
  });

  test("the cached values in the file are the engine's figures", async () => {
    const { list, bytes } = built.get(name)!;
    expect(mismatches(list, valuesOf(await loadWorkbook(bytes)))).toEqual([]);
  });

  test("HyperFormula, recalculating every formula, gives the engine's figures and a true master check", async () => {
    const { list, bytes } = built.get(name)!;
    const hf = hyperFormulaOf(await loadWorkbook(bytes));
    expect(mismatches(list, hf.read)).toEqual([]);
  });
});

describeWithLibreOffice("LibreOffice (headless), recalculating on load", () => {
  let recalculated: Record<string, Awaited<ReturnType<typeof loadWorkbook>>>;
  const CONTROL_WRONG = 123456.78;

  beforeAll(async () => {
    // A control: in every file, the cached values of the master check and of one money output are
    // made wrong, so only a real recalculation can give the right ones back.
    const files: Record<string, Uint8Array> = {};
    for (const c of cases) {
      const { list, bytes } = built.get(c.name)!;
      const wb = await loadWorkbook(bytes);
      const money = list.find((e) => e.kind === "money" && e.expected !== 0)!;
      for (const e of [money, list.find((x) => x.what === "master check")!]) {
        const cell = wb.getWorksheet(e.sheet)!.getCell(e.row + 1, e.col + 1);
        const formula = cell.formula;
        cell.value = { formula, result: e.kind === "money" ? CONTROL_WRONG : false } as never;
      }
      files[c.name] = new Uint8Array(await wb.xlsx.writeBuffer());
      // The control really is in the file LibreOffice gets.
      const check = valuesOf(await loadWorkbook(files[c.name]!));
      expect(check(money.sheet, money.row, money.col)).toBe(CONTROL_WRONG);
    }
    recalculated = await recalculateWithLibreOffice(files);
  }, 300_000);

  test.each(cases.map((c) => c.name))("%s: every output and check is the engine's, and the master check is true", (name) => {
    const { list } = built.get(name)!;
    const read = valuesOf(recalculated[name]!);
    expect(mismatches(list, read)).toEqual([]);
    const master = list.find((e) => e.what === "master check")!;
    expect(read(master.sheet, master.row, master.col)).toBe(true);
  });
});
