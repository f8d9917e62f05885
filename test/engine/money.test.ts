import fc from "fast-check";
import { allocate, allocateTable, DomainError, roundMoney, toPennies } from "../../engine/index.js";
import { allocatePennies, allocateTablePennies, allocateWholePounds } from "../../engine/money/index.js";

describe("rounding money to the penny (half away from zero, as Excel's ROUND)", () => {
  test.each([
    [0, 0],
    [1.004, 1],
    [1.005, 1.01], // stored as 1.00499999999999989…; decimal.js reads the 1.005 that was written
    [1.015, 1.02],
    [2.675, 2.68],
    [-1.005, -1.01],
    [-0.004, 0],
    [1234567.125, 1234567.13],
    [0.1 + 0.2, 0.3],
    [99999999.995, 100000000],
  ])("%p → %p", (amount, rounded) => {
    expect(roundMoney(amount)).toBe(rounded);
  });

  test("never returns minus zero", () => {
    expect(Object.is(roundMoney(-0.001), 0)).toBe(true);
  });

  test("refuses what is not a finite amount", () => {
    expect(() => roundMoney(Number.NaN)).toThrow(DomainError);
    expect(() => roundMoney(Number.NaN)).toThrow(/not a finite number/);
    expect(() => roundMoney(Infinity)).toThrow(/not a finite number/);
  });

  test("refuses an amount whose pennies a double cannot count (beyond 2^53 pennies), naming it the amount", () => {
    expect(toPennies(1e13)).toBe(1e15);
    for (const pounds of [1e18, 1e20, 2 ** 53, -1e20]) expect(() => toPennies(pounds)).toThrow(/^amount: .*more than money is counted to the penny/);
  });
});

const amount = fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true });

describe("allocation", () => {
  test("parts sum exactly to the rounded total, each within a penny of its amount", () => {
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 12 }), (parts) => {
        const shown = allocate(parts);
        const total = toPennies(parts.reduce((s, p) => s + p, 0));
        expect(shown.reduce((s, p) => s + toPennies(p), 0)).toBe(total);
        shown.forEach((p, i) => expect(Math.abs(p - parts[i]!)).toBeLessThan(0.01 + 1e-9));
      }),
    );
  });

  test("a table whose rounded rows and columns no within-a-penny table meets still adds up exactly", () => {
    // Rows 0.747 and 0.555 round to 75p and 55p under a grand total of £1.30 (0.7 beats 0.5); columns
    // 0.754, 0.544 and 0.004 tie on 0.4 and the first takes the penny: 76p, 54p, 0p. Column one needs
    // 76p from 19.9p and 55.5p, but the second row must stay at 55p, so the first cell takes 21p.
    const shown = allocateTable([
      [0.199, 0.544, 0.004],
      [0.555, 0, 0],
    ]).map((row) => row.map(toPennies));
    expect(shown).toEqual([
      [21, 54, 0],
      [55, 0, 0],
    ]);
  });

  test("a table is rounded the same whatever was rounded before it (the working arrays are reused between calls)", () => {
    const small = [
      [10.004, 20.006, 0.333],
      [5.555, 1.115, 2.224],
    ];
    const alone = allocateTablePennies(small);
    // a larger table leaves longer working arrays, with amounts of its own in them
    allocateTablePennies(Array.from({ length: 20 }, (_, i) => Array.from({ length: 20 }, (_, j) => (i * 31 + j * 17) / 7)));
    expect(allocateTablePennies(small)).toEqual(alone);
    // the rows are their sums (3,034.3p and 889.4p) shared out of the grand total rounded (3,924p): each
    // rounded down (3,923p), the penny left to the larger fraction (0.4 of the second row)
    expect(alone.map((row) => row.reduce((s, p) => s + p, 0))).toEqual([3034, 890]);
  });

  test("a three-way split of £100 reconciles", () => {
    expect(allocate([100 / 3, 100 / 3, 100 / 3], 100)).toEqual([33.34, 33.33, 33.33]);
  });

  test("tables reconcile: every row and column is its exact sum rounded down or up, rows and columns share one grand total", () => {
    const cell = fc.oneof(fc.double({ min: -1e5, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 1000 }).map((x) => x / 1000));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((rows) => fc.integer({ min: 1, max: 9 }).chain((cols) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }))),
        (cells) => {
          const shown = allocateTable(cells).map((row) => row.map(toPennies));
          const near = (pennies: number, exact: number) => Math.abs(pennies - exact * 100) < 1 + 1e-6 * Math.max(1, Math.abs(exact * 100));
          shown.forEach((row, i) => expect(near(row.reduce((s, c) => s + c, 0), cells[i]!.reduce((s, c) => s + c, 0))).toBe(true));
          cells[0]!.forEach((_, j) => expect(near(shown.reduce((s, r) => s + r[j]!, 0), cells.reduce((s, r) => s + r[j]!, 0))).toBe(true));
          const byRows = shown.reduce((s, r) => s + r.reduce((a, c) => a + c, 0), 0);
          const byCols = shown[0]!.reduce((s, _, j) => s + shown.reduce((a, r) => a + r[j]!, 0), 0);
          expect(byRows).toBe(byCols);
          expect(near(byRows, cells.flat().reduce((s, c) => s + c, 0))).toBe(true);
          // Each cell within a penny, except where rows and columns rounded on their own leave no such table:
          // then a cell moves by less than two pennies (see the worked case below).
          shown.forEach((row, i) => row.forEach((c, j) => expect(Math.abs(c - cells[i]![j]! * 100)).toBeLessThan(2 + 1e-6 * Math.max(1, Math.abs(cells[i]![j]! * 100)))));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("allocation ends whatever it is given (a remainder past 2^53 pennies once looped for good)", () => {
  // Each case is refused or answered; a hang would time the test out.
  test.each([1e18, 1e20, 2 ** 53])("parts of %p pennies are refused as too large to count to the penny", (pennies) => {
    expect(() => allocatePennies([pennies / 100, 1], undefined)).toThrow(DomainError);
    expect(() => allocate([pennies / 100, 1])).toThrow(DomainError);
    expect(() => allocateTable([[pennies / 100, 1], [1, 1]])).toThrow(DomainError);
    expect(() => allocateWholePounds([pennies / 100, 1])).toThrow(DomainError);
  });

  test.each([1e18, 1e20, 2 ** 53])("a target of %p pennies for small parts is refused", (pennies) => {
    expect(() => allocatePennies([0.5, 0.25], pennies)).toThrow(DomainError);
    expect(() => allocateTablePennies([[0.5, 0.25]], { grand: pennies })).toThrow(DomainError);
    expect(() => allocateWholePounds([0.5, 0.25], pennies / 100)).toThrow(DomainError);
  });

  test("a target far from the parts goes to every part in whole rounds, the rest to the largest fractions", () => {
    // Parts 0.004 and 0.006 are 0.4 and 0.6 pennies: both round down to 0. A target of 2^52 + 1 pennies
    // leaves 2^52 + 1 to give: 2^51 each, and the odd penny to the larger fraction (the second part).
    const target = 2 ** 52 + 1;
    expect(allocatePennies([0.004, 0.006], target)).toEqual([2 ** 51, 2 ** 51 + 1]);
    // Taking back: -5 pennies from parts of 0.4 and 0.6 pennies: -2 each, and one more from the smaller fraction.
    expect(allocatePennies([0.004, 0.006], -5)).toEqual([-3, -2]);
  });

  test("a total with no parts to give it to is refused rather than looped over", () => {
    expect(() => allocatePennies([], 5)).toThrow(DomainError);
    expect(allocatePennies([], 0)).toEqual([]);
  });
});
