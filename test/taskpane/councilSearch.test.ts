import { searchCouncils, type CouncilChoice } from "../../addin/taskpane/model/councilSearch.js";

// A handful of councils, as the council table will list them (names as DfE and ONS give them).
const COUNCILS: CouncilChoice[] = [
  { id: "E06000043", name: "Brighton and Hove", region: "South East" },
  { id: "E09000012", name: "Hackney", region: "London" },
  { id: "E08000019", name: "Sheffield", region: "Yorkshire and The Humber" },
  { id: "E10000034", name: "Worcestershire", region: "West Midlands" },
  { id: "E06000016", name: "Leicester", region: "East Midlands" },
  { id: "E10000018", name: "Leicestershire", region: "East Midlands" },
  { id: "E06000023", name: "Bristol, City of", region: "South West" },
];
const ids = (list: CouncilChoice[]) => list.map((c) => c.name);

describe("finding a council by what a director types", () => {
  test("each word typed must start a word of the name or region; case and punctuation do not matter", () => {
    expect(ids(searchCouncils(COUNCILS, "hack"))).toEqual(["Hackney"]);
    expect(ids(searchCouncils(COUNCILS, "BRISTOL"))).toEqual(["Bristol, City of"]);
    expect(ids(searchCouncils(COUNCILS, "city bristol"))).toEqual(["Bristol, City of"]);
    // "ey" is inside "Hackney" but starts no word: no match.
    expect(ids(searchCouncils(COUNCILS, "ey"))).toEqual([]);
  });

  test("an ampersand is read as \"and\"", () => {
    expect(ids(searchCouncils(COUNCILS, "Brighton & Hove"))).toEqual(["Brighton and Hove"]);
  });

  test("a region finds its councils, names that start with what was typed first, then by name", () => {
    expect(ids(searchCouncils(COUNCILS, "east midlands"))).toEqual(["Leicester", "Leicestershire"]);
    // "Midlands" starts no council's name: all three Midlands councils, by name.
    expect(ids(searchCouncils(COUNCILS, "midlands"))).toEqual(["Leicester", "Leicestershire", "Worcestershire"]);
    expect(ids(searchCouncils(COUNCILS, "south"))).toEqual(["Brighton and Hove", "Bristol, City of"]);
  });

  test("nothing typed lists nothing, and the list stops at the limit", () => {
    expect(searchCouncils(COUNCILS, "  ")).toEqual([]);
    // "e" starts "East" (Midlands) and "East" (South East): three councils, none named with an "e" first; two by name.
    expect(searchCouncils(COUNCILS, "e")).toHaveLength(3);
    expect(ids(searchCouncils(COUNCILS, "e", 2))).toEqual(["Brighton and Hove", "Leicester"]);
  });
});
