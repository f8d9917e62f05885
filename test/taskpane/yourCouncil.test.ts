import { councilFigures, runScenario, validateScenario } from "../../engine/index.js";
import { ScenarioError } from "../../engine/errors.js";
import { emptyLibrary, newOnCouncil, userRef } from "../../addin/taskpane/model/library.js";
import { searchCouncils } from "../../addin/taskpane/model/councilSearch.js";

/**
 * "Your council" in the pane: picking a council makes the council as it is and the Blueprint on it,
 * with the council's published figures written out (so the pane's engine worker, which has no council
 * table, loads them), ticked for comparison with the council as it is first.
 */

const leeds = councilFigures("leeds");

test("two scenarios on the council, its figures written out with their sources, compared as baseline and option", () => {
  const { library, scenarios } = newOnCouncil(emptyLibrary(), "383");
  expect(scenarios.map((s) => s.name)).toEqual(["Leeds: as it is", "Leeds: the Blueprint"]);
  expect(library.compare.slice(0, 2)).toEqual(scenarios.map((s) => userRef(s.id)));
  for (const s of scenarios) {
    const council = s.input.council as Record<string, { value: number; source: string }>;
    expect(typeof council).toBe("object");
    expect(council.children!.value).toBe(leeds.cases!.value);
    expect(council.children!.source).toContain("Leeds");
    const checked = validateScenario(s.input);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.scenario.finance.year).toBe("2025/26");
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
