import { abs, add, div, fn, ge, gt, IF, le, lt, mul, neg, num, ref, range, sub, sumChain, type Expr } from "./formula.js";
import type { Cell, Sheet } from "./grid.js";

/**
 * Money to the penny, in formulas that give the engine's figures in every spreadsheet.
 *
 * The engine rounds half away from zero and, for an amount that sits on a half penny, decides by the
 * amount as written in decimals (1.005 rounds to 1.01 although the double is a hair below). ROUND
 * does not do that alike everywhere (HyperFormula's ROUND(1.005,2) gives 1), so the workbook writes
 * the rule out: the whole pennies below the amount, plus one when the amount is at or above the
 * half-penny point between them (that point computed as (2n+1)/200, the double nearest the decimal
 * half, so "at or above" is exactly the engine's decimal decision).
 *
 * Parts that must add up to a rounded total (tier costs to the run cost, categories to the transition
 * total, present values to the NPV) are allocated as the engine allocates them (largest remainder):
 * every part is first rounded down to whole pennies, and the pennies still missing from the rounded
 * total go to the parts with the largest fractions, the earlier part first among equals.
 */

const absExpr = abs;

/** The amount in whole pennies, rounded half away from zero (the engine's toPennies). */
export function penniesOf(x: Expr): Expr {
  const size = absExpr(x);
  const below = fn("INT", mul(size, num(100)));
  const halfPoint = div(add(mul(num(2), below), num(1)), num(200));
  return mul(fn("SIGN", x), add(below, IF(ge(size, halfPoint), num(1), num(0))));
}

/** Pounds from whole pennies (the engine's fromPennies: an integer over 100 is correctly rounded). */
export function poundsOf(pennies: Expr): Expr {
  return div(pennies, num(100));
}

/** Rounds down, counting a value within a millionth of a whole number as that number (the engine's floorSnapped). */
export function floorSnapped(x: Expr): Expr {
  const nearest = fn("ROUND", x, num(0));
  return IF(lt(absExpr(sub(x, nearest)), num(0.000001)), nearest, fn("FLOOR", x, num(1)));
}

export interface AllocationPart {
  label: string;
  /** The exact amount in pounds. */
  amount: Expr;
}

export interface Allocation {
  /** Per part: the cell with its rounded pounds. */
  pounds: Cell[];
  /** Per part: the cell with its whole pennies. */
  pennies: Cell[];
  /** The cell with the target in pennies. */
  target: Cell;
  /** The cell with the pennies handed out (negative: taken back) after rounding every part down. */
  remainder: Cell;
}

export const ALLOCATION_HEADERS = ["Part", "Exact £", "Exact pennies", "Whole pennies", "Fraction", "Order (largest fraction first)", "Order (smallest fraction first)", "Pennies", "Rounded £"];

/**
 * Writes an allocation table on `sheet` from its next row: a header, one row per part, and a total
 * row whose pennies are `targetPennies`. Returns the cells of the rounded parts.
 */
export function allocationTable(sheet: Sheet, title: string, note: string, parts: AllocationPart[], targetPennies: Expr): Allocation {
  const titleRow = sheet.takeRow(1);
  sheet.put(titleRow, 0, { value: title, style: "section" });
  const noteRow = sheet.takeRow();
  sheet.put(noteRow, 0, { value: note, style: "note" });
  const headerRow = sheet.takeRow();
  ALLOCATION_HEADERS.forEach((h, c) => sheet.put(headerRow, c, { value: h, style: "header" }));
  const first = sheet.nextRow;
  const rows = parts.map(() => sheet.takeRow());
  const totalRow = sheet.takeRow();
  const at = (row: number, col: number): Expr => ref({ sheetName: sheet.name, row, col });
  const remainder = at(totalRow, 7);
  const pounds: Cell[] = [];
  const pennies: Cell[] = [];
  parts.forEach((part, i) => {
    const r = rows[i]!;
    sheet.put(r, 0, { value: part.label, style: "label" });
    sheet.put(r, 1, { formula: part.amount, format: "money", style: "calc" });
    sheet.put(r, 2, { formula: mul(at(r, 1), num(100)), format: "number", style: "calc" });
    sheet.put(r, 3, { formula: floorSnapped(at(r, 2)), format: "integer", style: "calc" });
    sheet.put(r, 4, { formula: sub(at(r, 2), at(r, 3)), format: "factor", style: "calc" });
    // Order among the parts: how many come before this one when handing out (largest fraction
    // first, earlier part first among equals) and when taking back (smallest first, later part first).
    const down: Expr[] = [num(0)];
    const up: Expr[] = [num(0)];
    rows.forEach((other, j) => {
      if (j === i) return;
      down.push(j < i ? ge(at(other, 4), at(r, 4)) : gt(at(other, 4), at(r, 4)));
      up.push(j > i ? le(at(other, 4), at(r, 4)) : lt(at(other, 4), at(r, 4)));
    });
    sheet.put(r, 5, { formula: sumChain(down), format: "integer", style: "calc" });
    sheet.put(r, 6, { formula: sumChain(up), format: "integer", style: "calc" });
    const adjustment = IF(fn("AND", ge(remainder, num(1)), lt(at(r, 5), remainder)), num(1), IF(fn("AND", ge(neg(remainder), num(1)), lt(at(r, 6), neg(remainder))), num(-1), num(0)));
    pennies.push(sheet.put(r, 7, { formula: add(at(r, 3), adjustment), format: "integer", style: "calc" }));
    pounds.push(sheet.put(r, 8, { formula: poundsOf(at(r, 7)), format: "money", style: "output" }));
  });
  sheet.put(totalRow, 0, { value: "Total (rounded) and pennies to hand out", style: "label" });
  const target = sheet.put(totalRow, 6, { formula: targetPennies, format: "integer", style: "calc" });
  const wholeSum = rows.length > 0 ? fn("SUM", range({ sheetName: sheet.name, row: first, col: 3 }, { sheetName: sheet.name, row: rows[rows.length - 1]!, col: 3 })) : num(0);
  const remainderCell = sheet.put(totalRow, 7, { formula: sub(at(totalRow, 6), wholeSum), format: "integer", style: "calc" });
  sheet.put(totalRow, 8, { formula: poundsOf(at(totalRow, 6)), format: "money", style: "output" });
  return { pounds, pennies, target, remainder: remainderCell };
}
