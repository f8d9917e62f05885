import { blockBytes, blockRange, cell, columnLetter, parseCell, range, splitBlock, type Block } from "../../addin/office/plan.js";

describe("A1 addresses", () => {
  test.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
  ])("column %i is %s", (n, letters) => {
    expect(columnLetter(n)).toBe(letters);
    expect(parseCell(`${letters}7`)).toEqual({ row: 7, column: n });
  });

  test("absolute references and ranges", () => {
    expect(cell(5, 10, true)).toBe("$J$5");
    expect(range(4, 1, 40, 13)).toBe("A4:M40");
    expect(parseCell("$AB$12")).toEqual({ row: 12, column: 28 });
  });

  test("a block covers its values from its top-left cell", () => {
    expect(blockRange({ at: "C5", values: [[1, 2, 3], [4, 5, 6]] })).toBe("C5:E6");
    expect(blockRange({ at: "A1", values: [["title"]] })).toBe("A1:A1");
  });
});

describe("splitting a block to keep requests small", () => {
  const rows = Array.from({ length: 200 }, (_, i) => [`row ${i}`, i, i * 1.5]);
  const block: Block = { at: "B10", values: rows, numberFormat: rows.map(() => ["General", "0", "0.0"]), formulas: rows.map((_, i) => [null, null, `=C${10 + i}*2`]) };

  test("every part fits the budget, and the parts put back together are the block", () => {
    const max = 1200;
    const parts = splitBlock(block, max);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(blockBytes(p)).toBeLessThanOrEqual(max);
    expect(parts.flatMap((p) => p.values)).toEqual(block.values);
    expect(parts.flatMap((p) => p.formulas!)).toEqual(block.formulas);
    expect(parts.flatMap((p) => p.numberFormat!)).toEqual(block.numberFormat);
    // Consecutive rows in the same column: each part starts where the last ended.
    let next = 10;
    for (const p of parts) {
      expect(parseCell(p.at)).toEqual({ row: next, column: 2 });
      next += p.values.length;
    }
  });

  test("a block under the budget is left whole", () => {
    expect(splitBlock(block, 10_000_000)).toEqual([block]);
  });
});
