import { CLAIM_KIND_WORDS, CLAIMS_NOTE, type ClaimsTable } from "../engine/index.js";
import type { Format, Sheet } from "./grid.js";

/**
 * The claims table (engine/claims/claims.ts) as a sheet of values: each of the Blueprint's headline
 * claims beside what the model computes for it, whether that is an output of drivers or an input
 * restated, whether it holds by the test stated with it, and the chance it holds over the uncertain
 * inputs. Values, not formulas: the chances come from a Monte Carlo run when the workbook was made, so
 * the sheet records that run (draws and seed on it) rather than recalculating.
 */
export function claimsSheet(sheet: Sheet, tables: readonly ClaimsTable[]): void {
  sheet.put(0, 0, { value: "The Blueprint's claims, tested", style: "title" });
  sheet.put(1, 0, { value: CLAIMS_NOTE, style: "note" });
  let r = 3;
  const header = ["Claim", "The model gives", "Unit", "Is it", "Holds", "Chance it holds", "Test", "From"];
  for (const t of tables) {
    sheet.put(r++, 0, { value: `${t.option} against ${t.baseline}, on ${t.council} (${t.year} prices); chances from ${t.draws} draws, seed ${t.seed}`, style: "section" });
    header.forEach((h, c) => sheet.put(r, c, { value: h, style: "header" }));
    r++;
    for (const row of t.rows) {
      const format: Format = row.unit === "£" ? "money" : row.unit === "share" ? "share" : "number";
      sheet.put(r, 0, { value: row.claim, style: "label" });
      sheet.put(r, 1, { value: row.value, style: "calc", format });
      sheet.put(r, 2, { value: row.unit, style: "unit" });
      sheet.put(r, 3, { value: CLAIM_KIND_WORDS[row.kind], style: "calc" });
      sheet.put(r, 4, { value: row.holds ? "yes" : "no", style: "calc" });
      if (row.chance === null) sheet.put(r, 5, { value: "nothing varies", style: "calc" });
      else sheet.put(r, 5, { value: row.chance, style: "calc", format: "share" });
      sheet.put(r, 6, { value: row.test, style: "note" });
      sheet.put(r, 7, { value: row.drivers, style: "note" });
      r++;
    }
    r++;
  }
  sheet.freeze = { rows: 0, cols: 1 };
  Object.assign(sheet.widths, { 0: 52, 1: 16, 2: 8, 3: 22, 4: 8, 5: 16, 6: 60, 7: 80 });
}
