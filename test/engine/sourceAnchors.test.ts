import { sourceAnchors } from "../../engine/index.js";

describe("sourceAnchors: the anchors of docs/sources.md a source cites", () => {
  test("each anchor once, in the order first cited, from the source and the assumption", () => {
    const source = "NJC pay agreement 2024/25 (docs/sources.md#pay-and-agency, verified); see also docs/sources.md#green-book";
    const assumption = "as docs/sources.md#pay-and-agency says, and docs/sources.md#time-use";
    expect(sourceAnchors(source, assumption)).toEqual(["pay-and-agency", "green-book", "time-use"]);
  });

  test("none where nothing is cited, or nothing given", () => {
    expect(sourceAnchors("our CIN census, March 2026", undefined)).toEqual([]);
    expect(sourceAnchors()).toEqual([]);
  });

  test("an anchor ends where a slug's letters end", () => {
    expect(sourceAnchors("(docs/sources.md#green-book).")).toEqual(["green-book"]);
  });
});
