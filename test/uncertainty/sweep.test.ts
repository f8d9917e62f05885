import { applySettings, compareScenarios, createSweep, loadPreset, loadScenario, parseCouncilTable, ScenarioError, sweep } from "../../engine/index.js";
import { smallOption, smallScenario } from "../fixtures/small.js";
import { illustrativeTable } from "../fixtures/councilTables.js";

const CSV = `# Two councils for a test
name,region,council.children,council.vacancyRate,baseline.structure.tiers.worker.childrenPerWorker
Northtown,North,90,0.05,9
"Southby, upon Sea",South,130,0.1,12
`;

describe("council tables", () => {
  test("a CSV with notes, labels, council.* and baseline.* columns", () => {
    const table = parseCouncilTable(CSV, "test.csv");
    expect(table.notes).toEqual(["Two councils for a test"]);
    expect(table.labelColumns).toEqual(["region"]);
    expect(table.columns).toEqual([
      { column: "council.children", key: "council.children", applies: "all" },
      { column: "council.vacancyRate", key: "council.vacancyRate", applies: "all" },
      { column: "baseline.structure.tiers.worker.childrenPerWorker", key: "structure.tiers.worker.childrenPerWorker", applies: "baseline" },
    ]);
    expect(table.councils).toEqual([
      { name: "Northtown", line: 3, labels: { region: "North" }, values: [90, 0.05, 9] },
      { name: "Southby, upon Sea", line: 4, labels: { region: "South" }, values: [130, 0.1, 12] },
    ]);
  });

  test.each([
    ["council.children\n100\n", 'test.csv line 1: needs a "name" column (columns: council.children)'],
    ["name,council.children\nA,lots\n", 'test.csv line 2, council.children: must be a number, got "lots"'],
    ["name,council.children\nA,1,2\n", "test.csv line 2: has 3 cells; the header has 2"],
    ["name,council.children\nA,1\nA,2\n", 'test.csv line 3, name: "A" is already the name on line 2'],
    ["name,structure.teams.size\nA,1\n", 'test.csv line 1: column "structure.teams.size" is not a council.<setting>, a baseline.<setting> or a label'],
    ["# only notes\n", "test.csv: has no header row (name, council.children, …)"],
  ])("a bad table is refused with its line: %j", (text, message) => {
    expect(() => parseCouncilTable(text, "test.csv")).toThrow(ScenarioError);
    try {
      parseCouncilTable(text, "test.csv");
    } catch (error) {
      expect((error as ScenarioError).issues.map((i) => `${i.path}: ${i.reason}`)).toContain(message);
    }
  });

  test("the illustrative table: 153 councils labelled as illustrative, matching the national figures", () => {
    const table = illustrativeTable();
    expect(table.notes[0]).toMatch(/^ILLUSTRATIVE COUNCILS: made-up rows, not the figures of any real council/);
    expect(table.councils).toHaveLength(153);
    expect(table.councils.every((c) => c.name.startsWith("Illustrative council "))).toBe(true);
    const column = (key: string) => table.councils.map((c) => c.values[table.columns.findIndex((col) => col.column === key)]!);
    const children = column("council.children");
    const caseload = column("council.caseload");
    const vacancy = column("council.vacancyRate");
    // DfE 2025: 321,661 cases held; caseload 15.2 (children ÷ case-holders); vacancy rate 14.2%.
    expect(children.reduce((s, c) => s + c, 0)).toBe(321661);
    const caseHolders = children.reduce((s, c, i) => s + c / caseload[i]!, 0);
    expect(321661 / caseHolders).toBeCloseTo(15.2, 1);
    expect(vacancy.reduce((s, v, i) => s + v * (children[i]! / caseload[i]!), 0) / caseHolders).toBeCloseTo(0.142, 3);
    // Within the published ranges: caseloads 9.7–24.9 across councils (2020), vacancies 8%–27% by region (2017).
    expect(Math.min(...caseload)).toBeGreaterThanOrEqual(9.7);
    expect(Math.max(...caseload)).toBeLessThanOrEqual(24.9);
    expect(Math.min(...vacancy)).toBeGreaterThanOrEqual(0.08);
    expect(Math.max(...vacancy)).toBeLessThanOrEqual(0.27);
  });
});

describe("a sweep over councils", () => {
  const baseline = () => {
    const s = smallScenario();
    s.council.vacancyRate = { value: 0.02, distribution: "uniform(0, 0.2)" };
    s.finance.overheadsPerFte = { value: 1000, distribution: "uniform(500, 1500)" };
    return loadScenario(s);
  };
  const option = () => loadScenario(smallOption());

  test("each council's central case is the full comparison with its figures, and its own figures are not drawn", () => {
    const result = sweep({ councils: CSV, scenarios: [option()], baseline: baseline(), draws: 200, seed: 3, figures: ["change.runCost", "transition.total", "baseline.runCost.total"] });
    expect(result.rows).toHaveLength(2);
    expect(result.table).toEqual({ source: "councils", notes: ["Two councils for a test"], councils: 2 });
    for (const [row, council] of [
      [result.rows[0]!, { children: 90, vacancy: 0.05, caseload: 9 }],
      [result.rows[1]!, { children: 130, vacancy: 0.1, caseload: 12 }],
    ] as const) {
      const b = applySettings(baseline(), { "council.children": council.children, "council.vacancyRate": council.vacancy, "structure.tiers.worker.childrenPerWorker": council.caseload });
      const o = applySettings(option(), { "council.children": council.children, "council.vacancyRate": council.vacancy });
      const full = compareScenarios(b, o);
      expect(row.figures[0]!.central).toBeCloseTo(full.change.runCost, 2);
      expect(row.figures[1]!.central).toBeCloseTo(full.transition.total, 2);
      expect(row.figures[2]!.central).toBeCloseTo(full.baseline.runCost.total, 2);
      // Overheads still vary, so the figures spread.
      expect(row.figures[0]!.sd).toBeGreaterThan(0);
      expect(row.labels).toEqual({ region: council.children === 90 ? "North" : "South" });
    }
  });

  test("a setting the table gives is the council's own: its distribution is not drawn", () => {
    const s = smallScenario();
    s.council.vacancyRate = { value: 0.02, distribution: "uniform(0, 0.2)" };
    const result = sweep({ councils: CSV, scenarios: [option()], baseline: loadScenario(s), draws: 50 });
    for (const row of result.rows) for (const f of row.figures) expect([f.figure, f.sd, f.min === f.max]).toEqual([f.figure, 0, true]);
  });

  test("rows are the same however the jobs are split", () => {
    const options = { councils: illustrativeTable(), scenarios: [loadPreset("blueprint"), loadPreset("cluster")], baseline: loadPreset("baseline-2018"), draws: 20, seed: 8 };
    const whole = sweep(options);
    const s = createSweep(options);
    const split = s.combine([...s.runJobs(0, 100), ...s.runJobs(100, 101), ...s.runJobs(101, s.jobs)]);
    expect(JSON.stringify(split)).toBe(JSON.stringify(whole));
    expect(whole.rows).toHaveLength(306);
    expect(whole.rows[0]).toMatchObject({ council: "Illustrative council 001", scenario: "blueprint", baseline: "baseline-2018" });
    expect(whole.rows[1]).toMatchObject({ council: "Illustrative council 001", scenario: "cluster" });
  });

  test("a council's figure outside its setting's legal range is refused with its line", () => {
    const bad = "name,council.vacancyRate\nA,0.1\nB,1.2\n";
    expect(() => sweep({ councils: parseCouncilTable(bad, "bad.csv"), scenarios: [option()], baseline: baseline(), draws: 5 })).toThrow("bad.csv line 3, council.vacancyRate: must be less than 1, got 1.2");
  });

  test("a baseline.* column needs a baseline", () => {
    expect(() => sweep({ councils: CSV, scenarios: [option()], draws: 5, figures: ["runCost.total"] })).toThrow(/sets the baseline, and there is none/);
  });
});
