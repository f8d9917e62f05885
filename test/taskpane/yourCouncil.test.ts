import { councilFigures, runScenario, validateScenario } from "../../engine/index.js";
import { ScenarioError } from "../../engine/errors.js";
import { COUNCIL_STRUCTURES, emptyLibrary, MAX_COMPARED, newOnCouncil, userRef } from "../../addin/taskpane/model/library.js";
import { searchCouncils } from "../../addin/taskpane/model/councilSearch.js";

/**
 * "Your council" in the pane: picking a council makes the council as it is and the Blueprint, clusters and reclaim units on it,
 * with the council's published figures written out (so the pane's engine worker, which has no council
 * table, loads them), ticked for comparison with the council as it is first.
 */

const leeds = councilFigures("leeds");

test("the council as it is and each structure on it, its figures written out with their sources, compared as baseline and options", () => {
  const { library, scenarios } = newOnCouncil(emptyLibrary(), "383");
  expect(scenarios.map((s) => s.name)).toEqual(COUNCIL_STRUCTURES.map(([, label]) => `Leeds: ${label}`));
  expect(scenarios.map((s) => s.basedOn)).toEqual(COUNCIL_STRUCTURES.map(([preset]) => preset));
  expect(library.compare).toEqual(scenarios.map((s) => userRef(s.id)));
  expect(scenarios.length).toBeLessThanOrEqual(MAX_COMPARED);
  for (const s of scenarios) {
    const council = s.input.council as Record<string, { value: number; source: string }>;
    expect(typeof council).toBe("object");
    expect(council.children!.value).toBe(leeds.cases!.value);
    expect(council.children!.source).toContain("Leeds");
    const checked = validateScenario(s.input);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.scenario.finance.year).toBe("2025/26");
  }
  // the Blueprint's week, changed by its drivers, starts from the council's week as it is
  const [baseline, blueprint] = scenarios.map((x) => validateScenario(x.input));
  if (baseline!.ok && blueprint!.ok) {
    expect(blueprint.scenario.timeUse.directContact).toBe(baseline.scenario.timeUse.directContact);
    expect(blueprint.scenario.timeUse.changes.managementLayersBefore).toBe(runScenario(baseline.scenario).structure.layers);
  }
  const asItIs = validateScenario(scenarios[0]!.input);
  if (asItIs.ok) expect(runScenario(asItIs.scenario).caseload.childrenPerCaseHolder).toBeCloseTo(leeds.caseload!.value as number, 9);
});

test("a council the model lacks a figure for is refused, naming it, and the library is unchanged", () => {
  const before = emptyLibrary();
  expect(() => newOnCouncil(before, "kensington and chelsea")).toThrow(ScenarioError);
  expect(() => newOnCouncil(before, "kensington and chelsea")).toThrow(/Kensington and Chelsea, 2025/);
  expect(before.scenarios).toEqual([]);
});

test("the picker finds a council as a director types it", () => {
  const councils = [{ id: "383", name: "Leeds", region: "Yorkshire and The Humber" }, { id: "384", name: "Wakefield", region: "Yorkshire and The Humber" }];
  expect(searchCouncils(councils, "lee").map((c) => c.id)).toEqual(["383"]);
});
