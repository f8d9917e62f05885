import { councilFigures, councilNeighbours, findCouncil, listCouncils, NotLoadedYet, usePublishedCouncilTable, validateScenario, whenLoaded, loadScenario } from "../../engine/index.js";

// The engine as the add-in builds it: the councils' figures are fetched when first asked for
// (addin/onDemand/councilFigures.ts takes the place of engine/councils/publishedYears.ts). Here a
// stand-in of that module holds back each council's figures until its load is called. The engine must
// let the wait through every check to the face (never report it as a problem with the scenario), and
// answer as with the whole table once the figures are here.

const loads: string[] = [];
jest.mock("../../engine/councils/publishedYears.js", () => {
  const actual = jest.requireActual("../../engine/councils/publishedYears.js");
  const { NotLoadedYet: Waiting } = jest.requireActual("../../engine/errors.js");
  const here = new Set<string>();
  return {
    publishedYears(dfe: string) {
      if (!here.has(dfe)) {
        throw new Waiting(`the published figures of council ${dfe}`, async () => {
          loads.push(dfe);
          here.add(dfe);
        });
      }
      return actual.publishedYears(dfe);
    },
  };
});

usePublishedCouncilTable();

beforeEach(() => loads.splice(0));

test("finding councils, listing them and their neighbours needs no council's figures", () => {
  expect(findCouncil("Leeds").dfe).toBe("383");
  expect(listCouncils().length).toBeGreaterThan(150);
  expect(councilNeighbours("Leeds").length).toBeGreaterThan(0);
  expect(loads).toEqual([]);
});

test("a scenario on a published council waits for its figures: validation does not report the wait as a problem", async () => {
  const input = { extends: "traditional", council: { name: "Wakefield", year: 2024 } };
  expect(() => validateScenario(input)).toThrow(NotLoadedYet);
  const checked = await whenLoaded(() => validateScenario(input));
  expect(checked.ok).toBe(true);
  expect(loads).toEqual([findCouncil("Wakefield").dfe]);
  // once here, the figures answer at once, as from the whole table
  const scenario = loadScenario(input);
  expect(scenario.council.children).toBe(councilFigures("Wakefield", 2024).cases!.value);
  expect(loads).toHaveLength(1);
});

test("a council's figures wait, then answer; each council loads once", async () => {
  expect(() => councilFigures("Kirklees", 2024)).toThrow(NotLoadedYet);
  const figures = await whenLoaded(() => councilFigures("Kirklees", 2024));
  expect(figures.cases!.year).toBe(2024);
  await whenLoaded(() => councilFigures("Kirklees", 2023));
  expect(loads).toEqual([findCouncil("Kirklees").dfe]);
});
