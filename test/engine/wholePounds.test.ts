import fc from "fast-check";
import { allocate, allocateTableWholePounds, allocateWholePounds, toPennies, toWholePounds, wholePoundsChange } from "../../engine/index.js";

// Amounts as the engine publishes them: whole pennies.
const pennies = fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).map((p) => p / 100);
const positivePennies = fc.integer({ min: 0, max: 2_000_000_000 }).map((p) => p / 100);

describe("whole pounds (to the penny, then to the pound, half away from zero)", () => {
  test.each([
    [0, 0],
    [0.49, 0],
    [0.5, 1],
    [1.5, 2],
    [2.5, 3],
    [-0.5, -1],
    [-2.49, -2],
    [12753873.5, 12753874],
    [0.495, 1], // £0.495 is £0.50 to the penny, which rounds up to the pound
    [1.005, 1],
  ])("%p → %p", (amount, pounds) => {
    expect(toWholePounds(amount)).toBe(pounds);
  });

  test("never minus zero", () => {
    expect(Object.is(toWholePounds(-0.3), 0)).toBe(true);
    expect(Object.is(wholePoundsChange(5.2, 5.4), 0)).toBe(true);
  });
});

describe("allocating whole pounds", () => {
  test("the tiers of the example reconcile: three parts of £x.50 under a total that rounds once", () => {
    // Each part alone rounds up (to 4,251,292), which would show £12,753,876 of parts under £12,753,874.
    const parts = [4251291.5, 4251291.5, 4251291.33];
    const total = 12753874.33;
    const shown = allocateWholePounds(parts, total);
    expect(shown.reduce((s, p) => s + p, 0)).toBe(12753874);
    // Largest pennies left over first (50p, 50p, then 33p): the first two go up, the third down.
    expect(shown).toEqual([4251292, 4251291, 4251291]);
  });

  test("parts add up exactly to the whole-pound total, each within a pound of its amount", () => {
    fc.assert(
      fc.property(fc.array(pennies, { minLength: 1, maxLength: 15 }), (parts) => {
        const shown = allocateWholePounds(parts);
        const totalPennies = parts.reduce((s, p) => s + toPennies(p), 0);
        expect(shown.reduce((s, p) => s + p, 0)).toBe(toWholePounds(totalPennies / 100));
        shown.forEach((p, i) => {
          expect(Number.isInteger(p)).toBe(true);
          expect(Math.abs(p - parts[i]!)).toBeLessThan(1);
        });
      }),
      { numRuns: 500 },
    );
  });

  test("against a stated total (the engine's, already reconciled to the penny) the parts meet it", () => {
    fc.assert(
      fc.property(fc.array(positivePennies, { minLength: 1, maxLength: 12 }), (raw) => {
        // Parts the engine would publish: allocated to the penny under their total.
        const parts = allocate(raw);
        const total = raw.reduce((s, p) => s + p, 0);
        const shown = allocateWholePounds(parts, total);
        expect(shown.reduce((s, p) => s + p, 0)).toBe(toWholePounds(total));
      }),
      { numRuns: 300 },
    );
  });

  test("whole pounds already: unchanged", () => {
    expect(allocateWholePounds([10, 20, 30], 60)).toEqual([10, 20, 30]);
    expect(allocateWholePounds([])).toEqual([]);
  });
});

describe("a table in whole pounds", () => {
  test("rows, columns and the grand total add up; each cell within a pound; the grand total is the total in whole pounds", () => {
    fc.assert(
      fc.property(
        // Zeros often, as a transition table has them (a category with no spend in a year).
        fc.integer({ min: 1, max: 8 }).chain((rows) => fc.integer({ min: 1, max: 6 }).chain((cols) => fc.array(fc.array(fc.oneof(positivePennies, fc.constant(0), fc.integer({ min: 0, max: 300 }).map((p) => p / 100)), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }))),
        (cells) => {
          const t = allocateTableWholePounds(cells);
          t.cells.forEach((row, i) => {
            expect(row.reduce((s, v) => s + v, 0)).toBe(t.rowTotals[i]);
            row.forEach((v, j) => {
              expect(Number.isInteger(v)).toBe(true);
              // Within a pound; just under two where rows and columns rounded on their own leave no such table.
              expect(Math.abs(v - cells[i]![j]!)).toBeLessThan(2);
            });
            // A row total is its exact sum rounded down or up.
            expect(Math.abs(t.rowTotals[i]! - cells[i]!.reduce((s, v) => s + v, 0))).toBeLessThan(1 + 1e-6);
          });
          t.columnTotals.forEach((c, j) => expect(c).toBe(t.cells.reduce((s, row) => s + row[j]!, 0)));
          expect(t.columnTotals.reduce((s, v) => s + v, 0)).toBe(t.total);
          const totalPennies = cells.flat().reduce((s, v) => s + toPennies(v), 0);
          expect(t.total).toBe(toWholePounds(totalPennies / 100));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("a small table worked by hand", () => {
    // Cells 0.50 | 0.50 over 0.50 | 0.50: the grand total £2, each row £1, each column £1.
    const t = allocateTableWholePounds([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
    expect(t.total).toBe(2);
    expect(t.rowTotals).toEqual([1, 1]);
    expect(t.columnTotals).toEqual([1, 1]);
    expect(t.cells.flat().sort()).toEqual([0, 0, 1, 1]);
  });
});

describe("a change in whole pounds", () => {
  test("equals the shown option less the shown baseline", () => {
    fc.assert(
      fc.property(pennies, pennies, (a, b) => {
        expect(wholePoundsChange(a, b)).toBe(toWholePounds(b) - toWholePounds(a) || 0);
      }),
    );
    // £10.50 → £11.49: each shows as £11, so no change shows, though the exact change is 99p.
    expect(wholePoundsChange(10.5, 11.49)).toBe(0);
  });
});
