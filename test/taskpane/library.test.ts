import { loadPreset, loadScenario, runScenario } from "../../engine/index.js";
import { checkDraft } from "../../addin/taskpane/model/draft.js";
import { duplicate, emptyLibrary, exportScenario, importScenario, newFromPreset, presetRef, readLibrary, remove, rename, toggleCompared, toStored, update, userRef } from "../../addin/taskpane/model/library.js";

describe("the scenario library", () => {
  test("new from a preset, duplicate, rename, delete and undo", () => {
    let { library, scenario } = newFromPreset(emptyLibrary(), "blueprint");
    expect(scenario.basedOn).toBe("blueprint");
    expect(checkDraft(scenario.input).scenario!.council).toEqual(loadPreset("blueprint").council);
    ({ library } = duplicate(library, userRef(scenario.id)));
    library = rename(library, userRef(scenario.id), "  Ours  ");
    expect(library.scenarios.map((s) => s.name)).toEqual(["Ours", `Copy of ${loadPreset("blueprint").name}: my version`]);
    expect(library.scenarios[0]!.input.name).toBe("Ours");
    expect(() => rename(library, userRef(scenario.id), " ")).toThrow(/must not be empty/);
    library = toggleCompared(library, userRef(scenario.id));
    const { library: without, restore } = remove(library, userRef(scenario.id));
    expect(without.scenarios.map((s) => s.name)).toEqual([library.scenarios[1]!.name]);
    expect(without.compare).not.toContain(userRef(scenario.id));
    const back = restore(without);
    expect(back.scenarios).toEqual(library.scenarios);
    expect(back.compare).toEqual(library.compare);
  });

  test("names stay unique and ids are never reused", () => {
    let library = emptyLibrary();
    for (let i = 0; i < 3; i++) library = newFromPreset(library, "cluster").library;
    expect(new Set(library.scenarios.map((s) => s.name)).size).toBe(3);
    const { library: fewer } = remove(library, userRef(library.scenarios[2]!.id));
    const again = newFromPreset(fewer, "cluster").scenario;
    expect(library.scenarios.map((s) => s.id)).not.toContain(again.id);
  });

  test("at most four scenarios are compared", () => {
    let library = { ...emptyLibrary(), compare: [] as string[] };
    for (const id of ["baseline-2018", "blueprint", "cluster", "reclaim", "england-2025"]) library = toggleCompared(library, presetRef(id));
    expect(library.compare).toEqual(["baseline-2018", "blueprint", "cluster", "reclaim"].map(presetRef));
  });

  test("export and import: the file keeps every value and source", () => {
    const { library, scenario } = newFromPreset(emptyLibrary(), "reclaim");
    const file = exportScenario(library, userRef(scenario.id));
    expect(file.fileName).toMatch(/\.json$/);
    const imported = importScenario(emptyLibrary(), file.text, file.fileName);
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    const back = loadScenario(imported.scenario.input);
    expect(runScenario(back).runCost).toEqual(runScenario(loadPreset("reclaim")).runCost);
    expect(back.sources["council.children"]).toEqual(loadPreset("reclaim").sources["council.children"]);
    expect(imported.scenario.basedOn).toBeNull();
  });

  test("an exported preset or a file that extends one keeps the preset's values as its defaults", () => {
    const fromPreset = importScenario(emptyLibrary(), exportScenario(emptyLibrary(), presetRef("cluster")).text, "cluster.json");
    expect(fromPreset.ok && fromPreset.scenario.basedOn).toBe("cluster");
    const extending = importScenario(emptyLibrary(), "extends: blueprint\nname: Ours\ncouncil:\n  children: 3000\n", "ours.yaml");
    expect(extending.ok && extending.scenario.basedOn).toBe("blueprint");
  });

  test("a bad file is refused with every problem and leaves the library as it was", () => {
    const library = emptyLibrary();
    const outcome = importScenario(library, "extends: blueprint\ncouncil:\n  children: -3\n  vacancyRate: 2\n", "bad.yaml");
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues.map((i) => i.path)).toEqual(["council.children", "council.vacancyRate"]);
    const broken = importScenario(library, "{ not json", "broken.json");
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.issues[0]!.reason).toMatch(/not valid JSON/);
    const unknown = importScenario(library, "extends: blueprnt\n", "typo.yaml");
    expect(!unknown.ok && unknown.issues[0]!.reason).toMatch(/did you mean "blueprint"/);
  });

  test("reading back from document settings tolerates anything", () => {
    expect(readLibrary(null)).toEqual(emptyLibrary());
    expect(readLibrary("nonsense")).toEqual(emptyLibrary());
    const { library } = newFromPreset(emptyLibrary(), "blueprint");
    const stored = JSON.parse(JSON.stringify({ ...library, compare: [...library.compare, "user:missing", 7] }));
    const back = readLibrary(stored);
    expect(back.scenarios).toEqual(library.scenarios);
    expect(back.compare).toEqual(library.compare);
    expect(readLibrary({ scenarios: [{ id: "user-9", name: "x", input: {} }, { bad: true }] }).nextId).toBe(10);
  });

  test("stored compactly: the last valid version only while it differs from the draft, and read back whole", () => {
    const { library, scenario } = newFromPreset(emptyLibrary(), "blueprint");
    const ref = userRef(scenario.id);
    const stored = JSON.parse(JSON.stringify(toStored(library)));
    expect(stored.scenarios[0].lastValid).toBeUndefined();
    expect(readLibrary(stored).scenarios).toEqual(library.scenarios);
    const broken = update(library, ref, (s) => ({ ...s, input: { ...s.input, council: "not a council" } }));
    const kept = JSON.parse(JSON.stringify(toStored(broken)));
    expect(kept.scenarios[0].lastValid).toEqual(library.scenarios[0]!.input);
    expect(readLibrary(kept).scenarios[0]!.lastValid).toEqual(library.scenarios[0]!.input);
  });
});
