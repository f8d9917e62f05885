import { areaFigures, councilFigures, listCouncils, councilScenarioPart, findCouncil, publishedCouncilTable, publishedTableYear, latestWorkforceYear } from "../../engine/index.js";
import { UnknownNameError } from "../../engine/errors.js";

/**
 * The national sweep's table from the published statistics: each row its council's own figures, a
 * suppressed figure carried forward and said so, a council that cannot be modelled left out with the
 * reason, and the totals against DfE's national row to within the rounding of what is published.
 */

const year = latestWorkforceYear();
const table = publishedCouncilTable(year);
const col = (name: string) => table.columns.findIndex((c) => c.column === name);
const rowOf = (name: string) => table.councils.find((r) => r.name === name);
const num = (f: { value?: number }) => f.value as number;

describe(`the published table, ${year}`, () => {
  test("its name and columns: every setting applies to every scenario", () => {
    expect(table.source).toBe(`published-${year}`);
    expect(publishedTableYear("published")).toBe(year);
    expect(publishedTableYear("published-2024")).toBe(2024);
    expect(table.columns.map((c) => c.column)).toEqual(["council.children", "council.caseload", "council.vacancyRate", "council.agencyCoverShare"]);
    expect(table.columns.every((c) => c.applies === "all")).toBe(true);
  });

  test("one worked council, Leeds: its row is its own published figures", () => {
    const f = councilFigures("leeds", year);
    const r = rowOf("Leeds")!;
    expect(r.values[col("council.children")]).toBe(num(f.cases!));
    expect(r.values[col("council.caseload")]).toBe(num(f.caseload!));
    expect(r.values[col("council.vacancyRate")]).toBeCloseTo(num(f.vacancyRate!), 12);
    expect(r.values[col("council.agencyCoverShare")]).toBeCloseTo(num(f.agencyCoverFte!) / num(f.vacancyFte!), 12);
    expect(r.labels).toMatchObject({ ons: "E08000035", dfe: "383", carried: "" });
  });

  test("a suppressed figure is carried forward from the latest earlier year that publishes it, and the row says so", () => {
    for (const r of table.councils.filter((x) => x.labels.carried !== "")) {
      for (const piece of r.labels.carried!.split("; ")) {
        const [setting, from] = piece.split(" from ");
        const council = findCouncil(r.labels.dfe!);
        // missing in the year itself, published in the year it came from, and equal to that year's figure
        expect(councilScenarioPart(council, year).council[setting!]).toBeUndefined();
        const then = councilScenarioPart(council, Number(from)).council[setting!] as { value: number };
        expect(r.values[col(`council.${setting}`)]).toBe(then.value);
      }
      expect(table.notes.join(" ")).toContain(r.name);
    }
  });

  test("a council that cannot be modelled is left out, named in the notes with the reason", () => {
    for (const c of ["Isles of Scilly"]) {
      const part = councilScenarioPart(c, year);
      if (part.problems.some((p) => /cannot be used/.test(p.message))) {
        expect(rowOf(c)).toBeUndefined();
        expect(table.notes.join(" ")).toContain(c);
      }
    }
  });

  test("the totals against DfE's national row, to the rounding of the published figures", () => {
    const england = areaFigures("England", year);
    const children = table.councils.reduce((s, r) => s + r.values[col("council.children")]!, 0);
    // cases are whole numbers: the councils' cases (some carried forward), with the cases of those left
    // out (a council that cannot be modelled still holds its cases), add up to the national row
    const leftOut = listCouncils()
      .filter((c) => !table.councils.some((r) => r.labels.dfe === c.dfe) && typeof councilFigures(c, year).cases!.value === "number")
      .reduce((s, c) => s + num(councilFigures(c, year).cases!), 0);
    expect(children + leftOut).toBe(num(england.cases!));
    // each council's case-holding FTE is its cases over its caseload, published to one decimal: within
    // cases × 0.05 ÷ caseload² of the true FTE (the derivative of c/x times the rounding half-width)
    let fte = 0;
    let tolerance = 0.05; // the national FTE itself is published to one decimal
    for (const r of table.councils) {
      const c = r.values[col("council.children")]!;
      const k = r.values[col("council.caseload")]!;
      fte += c / k;
      tolerance += (c * 0.05) / (k * k);
    }
    expect(Math.abs(fte - num(england.caseHoldingFte!))).toBeLessThanOrEqual(tolerance);
    // and the national caseload, published to one decimal, from the national cases and that FTE range
    const lowest = num(england.cases!) / (fte + tolerance);
    const highest = num(england.cases!) / (fte - tolerance);
    expect(num(england.caseload!)).toBeGreaterThanOrEqual(lowest - 0.05);
    expect(num(england.caseload!)).toBeLessThanOrEqual(highest + 0.05);
  });

  test("a year not published is an unknown table with the close names", () => {
    expect(() => publishedCouncilTable(1999)).toThrow(UnknownNameError);
  });
});
