import { ref, type Expr } from "./formula.js";
import type { Cell, Sheet } from "./grid.js";
import { ALLOCATION_HEADERS, allocationTable, penniesOf, poundsOf, type Allocation, type AllocationPart } from "./money.js";

/**
 * The Rounding sheet: where exact figures from Calculations become pounds and pence, by the engine's
 * rules (half away from zero; parts allocated so they add up to their rounded total). Outputs show
 * the rounded figures from here.
 */
export class RoundingSheet {
  constructor(readonly sheet: Sheet) {
    sheet.put(0, 0, { value: "Rounding to the penny", style: "title" });
    sheet.put(1, 0, {
      value:
        "Money is rounded half away from zero (as ROUND does), deciding a half penny by the amount as written in decimals. Parts that make up a total are allocated: each is rounded down to whole pennies, and the pennies the rounded total still needs go to the parts with the largest fractions (the earlier part first among equals), so every total equals the sum of its shown parts.",
      style: "note",
    });
    sheet.nextRow = 3;
    sheet.freeze = { rows: 3, cols: 1 };
    Object.assign(sheet.widths, { 0: 52, 1: 18, 2: 18, 3: 16, 4: 14, 5: 14, 6: 14, 7: 16, 8: 18 });
  }

  section(title: string): void {
    this.sheet.put(this.sheet.takeRow(1), 0, { value: title, style: "section" });
  }

  allocate(title: string, note: string, parts: AllocationPart[], targetPennies: Expr): Allocation {
    return allocationTable(this.sheet, title, note, parts, targetPennies);
  }

  /** Amounts rounded one by one (each stands alone): a header and a row for each. */
  singles(title: string, rows: { label: string; amount: Expr }[]): { pennies: Cell; pounds: Cell }[] {
    const sheet = this.sheet;
    sheet.put(sheet.takeRow(1), 0, { value: title, style: "section" });
    const header = sheet.takeRow();
    [0, 1, 7, 8].forEach((c) => sheet.put(header, c, { value: ALLOCATION_HEADERS[c]!, style: "header" }));
    return rows.map(({ label, amount }) => {
      const r = sheet.takeRow();
      sheet.put(r, 0, { value: label, style: "label" });
      const exact = sheet.put(r, 1, { formula: amount, format: "money", style: "calc" });
      const pennies = sheet.put(r, 7, { formula: penniesOf(ref(exact)), format: "integer", style: "calc" });
      const pounds = sheet.put(r, 8, { formula: poundsOf(ref(pennies)), format: "money", style: "output" });
      return { pennies, pounds };
    });
  }

  /** A figure computed from rounded figures (a sum of pennies, a count): label and formula. */
  derived(label: string, formula: Expr, format: "integer" | "money"): Cell {
    const r = this.sheet.takeRow();
    this.sheet.put(r, 0, { value: label, style: "label" });
    return this.sheet.put(r, format === "integer" ? 7 : 8, { formula, format, style: format === "integer" ? "calc" : "output" });
  }
}
