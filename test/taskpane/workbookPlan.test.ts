import { applySettings, compareScenarios, listSettings, loadPreset, loadScenario, runScenario, toScenarioInput, type Scenario } from "../../engine/index.js";
import { blockRange, parseCell, type Cell, type WritePlan } from "../../addin/office/plan.js";
import { buildWorkbookPlan, COMPARISON_SHEET, INPUTS_SHEET, liveOverrides, type PlannedScenario } from "../../addin/taskpane/compute/workbookPlan.js";

/** The cells a sheet of the plan ends up with, rebuilt from its blocks (a later block overwrites). */
function grid(plan: WritePlan, sheet: string): Map<string, { value: Cell; formula: string | null; format: string }> {
  const out = new Map<string, { value: Cell; formula: string | null; format: string }>();
  for (const b of plan.sheets.find((s) => s.name === sheet)!.blocks) {
    const { row, column } = parseCell(b.at);
    b.values.forEach((line, r) =>
      line.forEach((value, c) => {
        const address = `${String.fromCharCode(64 + column + c)}${row + r}`;
        out.set(address, { value, formula: b.formulas?.[r]?.[c] ?? null, format: b.numberFormat?.[r]?.[c] ?? "General" });
      }),
    );
  }
  return out;
}

function planned(ref: string, scenario: Scenario, basedOn: string | null, name = scenario.name): PlannedScenario {
  return { ref, name, basedOn, scenario, result: runScenario(scenario) };
}

const baseline = loadPreset("baseline-2018");
const blueprint = applySettings(loadPreset("blueprint"), { "council.children": 2500 });
const scenarios = [planned("preset:baseline-2018", baseline, "baseline-2018"), planned("user:user-1", blueprint, "blueprint", "Our Blueprint")];
const comparisons = [compareScenarios(baseline, blueprint)];

describe("the workbook plan", () => {
  const plan = buildWorkbookPlan(scenarios, comparisons, { live: false, writtenOn: "1 April 2026" });

  test("every block is a rectangle, and every table is a header row over its rows", () => {
    for (const sheet of plan.sheets) {
      for (const b of sheet.blocks) {
        const width = b.values[0]!.length;
        expect(b.values.every((r) => r.length === width)).toBe(true);
        if (b.numberFormat) expect(b.numberFormat.map((r) => r.length)).toEqual(b.values.map((r) => r.length));
      }
      const cells = grid(plan, sheet.name);
      const seen: string[] = [];
      for (const t of sheet.tables) {
        const [a, z] = t.range.split(":").map(parseCell);
        const headers = [];
        for (let c = a!.column; c <= z!.column; c++) headers.push(cells.get(`${String.fromCharCode(64 + c)}${a!.row}`)?.value);
        expect(headers.every((h) => typeof h === "string" && h !== "")).toBe(true);
        expect(new Set(headers).size).toBe(headers.length);
        for (let r = a!.row; r <= z!.row; r++) expect(cells.has(`A${r}`)).toBe(true);
        // Tables on one sheet never overlap.
        for (const other of seen) {
          const [b1, b2] = other.split(":").map(parseCell);
          expect(z!.row < b1!.row || a!.row > b2!.row || z!.column < b1!.column || a!.column > b2!.column).toBe(true);
        }
        seen.push(t.range);
      }
    }
  });

  test("the comparison table holds the engine's figures with their change, in currency and percentage formats", () => {
    const cells = grid(plan, COMPARISON_SHEET);
    const figures = comparisons[0]!.figures;
    const rowOf = (figure: string) => [...cells.entries()].find(([a, c]) => a.startsWith("B") && c.value === figure)![0].slice(1);
    for (const name of ["runCost.total", "caseload.childrenPerCaseHolder", "time.directContactShare"]) {
      const f = figures.find((x) => x.figure === name)!;
      const r = rowOf(name);
      expect([cells.get(`D${r}`)!.value, cells.get(`E${r}`)!.value, cells.get(`F${r}`)!.value, cells.get(`G${r}`)!.value]).toEqual([f.baseline, f.option, f.change, f.changePct]);
      expect(cells.get(`G${r}`)!.format).toBe("0.0%");
    }
    expect(cells.get(`D${rowOf("runCost.total")}`)!.format).toMatch(/^£#,##0/);
    expect(cells.get(`D${rowOf("time.directContactShare")}`)!.format).toBe("0.0%");
    expect([...cells.values()].some((c) => c.formula !== null)).toBe(false);
  });

  test("the transition table reconciles: categories by year, and a total row equal to the engine's", () => {
    const cells = grid(plan, COMPARISON_SHEET);
    const t = comparisons[0]!.transition;
    const table = plan.sheets[0]!.tables.find((x) => x.name === "SC_Transition_1")!;
    const [a, z] = table.range.split(":").map(parseCell);
    const totalRow = z!.row + 1;
    expect(cells.get(`A${totalRow}`)!.value).toBe("Total");
    t.years.forEach((_, y) => {
      const column = String.fromCharCode(64 + 2 + y);
      let sum = 0;
      for (let r = a!.row + 1; r <= z!.row; r++) sum += Math.round((cells.get(`${column}${r}`)!.value as number) * 100);
      expect(sum).toBe(Math.round(t.byYear[y]!.amount * 100));
      expect(cells.get(`${column}${totalRow}`)!.value).toBe(t.byYear[y]!.amount);
    });
  });

  test("charts draw from their tables: stacked transition by rows, tiers and cumulative cash flow by columns", () => {
    const sheet = plan.sheets[0]!;
    const byName = new Map(sheet.tables.map((t) => [t.name, t.range]));
    const kinds = sheet.charts.map((c) => [c.kind, c.seriesBy]);
    expect(kinds).toEqual([
      ["barClustered", "columns"],
      ["columnStacked", "rows"],
      ["line", "columns"],
    ]);
    expect(sheet.charts[0]!.source).toBe(byName.get("SC_RunCostByTier"));
    expect(sheet.charts[2]!.source).toBe(byName.get("SC_Cumulative"));
    // Stacked chart: the category column and the year columns, not the Total column.
    const [ta, tz] = byName.get("SC_Transition_1")!.split(":").map(parseCell);
    const [ca, cz] = sheet.charts[1]!.source.split(":").map(parseCell);
    expect([ca, cz!.row, cz!.column]).toEqual([ta, tz!.row, tz!.column - 1]);
  });

  test("the inputs sheet lists every setting of each scenario with its source", () => {
    const cells = grid(plan, INPUTS_SHEET);
    const rows = [...cells.entries()].filter(([a]) => a.startsWith("D") && Number(a.slice(1)) >= 5).map(([a, c]) => ({ row: a.slice(1), key: c.value }));
    expect(rows.length).toBe(listSettings(baseline).length + listSettings(blueprint).length);
    const children = rows.filter((r) => r.key === "council.children").map((r) => [cells.get(`A${r.row}`)!.value, cells.get(`E${r.row}`)!.value, cells.get(`G${r.row}`)!.value, cells.get(`H${r.row}`)!.value]);
    expect(children).toEqual([
      [baseline.name, baseline.council.children, baseline.sources["council.children"]!.source, baseline.council.children],
      ["Our Blueprint", 2500, "override", loadPreset("blueprint").council.children],
    ]);
  });
});

describe("live formulas", () => {
  const plan = buildWorkbookPlan(scenarios, comparisons, { live: true, writtenOn: "1 April 2026" });
  const comparison = grid(plan, COMPARISON_SHEET);
  const inputs = grid(plan, INPUTS_SHEET);

  test("each scenario's figures call SOCIALCARE.SCENARIO on its preset with the Inputs sheet's cells as overrides", () => {
    const r = [...comparison.entries()].find(([a, c]) => a.startsWith("B") && c.value === "runCost.total")![0].slice(1);
    const formula = comparison.get(`E${r}`)!.formula!;
    const m = /^=SOCIALCARE\.SCENARIO\("blueprint","runCost\.total",'SC Inputs'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)\)$/.exec(formula)!;
    expect(m).not.toBeNull();
    const [, keyCol, first, valueCol, last] = m;
    expect(valueCol!.charCodeAt(0)).toBe(keyCol!.charCodeAt(0) + 1);
    // The override pairs are the option's settings; each value is a formula on that setting's Value cell.
    const pairs = [];
    for (let row = Number(first); row <= Number(last); row++) pairs.push({ key: inputs.get(`${keyCol}${row}`)!.value as string, formula: inputs.get(`${valueCol}${row}`)!.formula! });
    const ownRows = new Map([...inputs.entries()].filter(([a, c]) => a.startsWith("D") && inputs.get(`A${a.slice(1)}`)?.value === "Our Blueprint").map(([a, c]) => [c.value as string, a.slice(1)]));
    for (const p of pairs) expect(p.formula).toBe(`=E${ownRows.get(p.key)}`);
    const numeric = listSettings(blueprint).filter((s) => s.kind === "number").map((s) => s.key);
    expect(pairs.map((p) => p.key)).toEqual(expect.arrayContaining(numeric));
    expect(pairs.map((p) => p.key)).not.toContain("id");
    // Changes are formulas on the two cells beside them.
    expect(comparison.get(`F${r}`)!.formula).toBe(`=IF(AND(ISNUMBER(E${r}),ISNUMBER(D${r})),E${r}-D${r},"")`);
    expect(comparison.get(`D${r}`)!.formula).toMatch(/^=SOCIALCARE\.SCENARIO\("baseline-2018","runCost\.total",/);
  });

  test("a scenario whose tiers differ from its preset's is written as values, and the sheet says why", () => {
    const changed = applySettings(loadPreset("blueprint"), {});
    const input = toScenarioInput(changed, { withSources: true }) as any;
    input.structure.tiers.push({ id: "extra", name: "Extra", reportsTo: "strategy", holdsCases: false, role: "support", salary: 30000, fte: 2 });
    const extra = loadScenario(input);
    const p = planned("user:user-2", extra, "blueprint", "With an extra tier");
    expect(liveOverrides(p)).toEqual({ reason: expect.stringContaining("differ in shape") });
    const mixed = buildWorkbookPlan([scenarios[0]!, p], [compareScenarios(baseline, extra)], { live: true, writtenOn: "today" });
    const cells = grid(mixed, COMPARISON_SHEET);
    const r = [...cells.entries()].find(([a, c]) => a.startsWith("B") && c.value === "runCost.total")![0].slice(1);
    expect(cells.get(`E${r}`)!.formula).toBeNull();
    expect(cells.get(`E${r}`)!.value).toBe(runScenario(extra).runCost.total);
    expect(String(cells.get("A2")!.value)).toContain("With an extra tier is written as values");
  });
});
