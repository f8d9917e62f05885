import { CALIBRATION_LABELS, CALIBRATION_MEASURES, type CalibrationTable } from "../engine/index.js";
import type { Sheet } from "./grid.js";

/**
 * The calibration table as a sheet of values: each council's modelled spend beside its RO3 2024-25
 * outturn, with the ratio and the flag (engine/councils/calibration.ts holds the rule). Values, not
 * formulas: the published figures are facts and the model's are the engine's, so the sheet is a record
 * to judge the model by, not part of the model's live calculation.
 */
export function calibrationSheet(sheet: Sheet, calibration: CalibrationTable): void {
  sheet.put(0, 0, { value: "Calibration: the model beside what councils spent", style: "title" });
  let r = 1;
  for (const note of calibration.notes) sheet.put(r++, 0, { value: note, style: "note" });
  for (const m of CALIBRATION_MEASURES) sheet.put(r++, 0, { value: `${m}: the model's ${CALIBRATION_LABELS[m].model}; beside ${CALIBRATION_LABELS[m].published}.`, style: "note" });
  r++;
  const header = ["Council", "ONS code", "DfE number", "Region", "Data year", "Prices", ...CALIBRATION_MEASURES.flatMap((m) => [`${m}: model £`, `${m}: RO3 £`, `${m}: ratio`, `${m}: flag`]), "Not modelled because"];
  header.forEach((h, c) => sheet.put(r, c, { value: h, style: "header" }));
  sheet.freeze = { rows: r + 1, cols: 1 };
  r++;
  for (const row of calibration.rows) {
    const cells: (string | number | null)[] = [row.council, row.ons, row.dfe, row.region, row.dataYear, row.financeYear ?? ""];
    for (const m of CALIBRATION_MEASURES) {
      const x = row[m];
      cells.push(x.model === null ? "" : Math.round(x.model * 100) / 100, x.published ?? x.missing ?? "", x.ratio ?? "", x.flag ?? "");
    }
    cells.push(row.problem ?? "");
    cells.forEach((value, c) => {
      if (value !== null && value !== "") sheet.put(r, c, { value, style: c === 0 ? "label" : "calc", ...(typeof value === "number" && c >= 6 ? { format: (c - 6) % 4 === 2 ? "ratio" : "money" } : {}) });
    });
    r++;
  }
  Object.assign(sheet.widths, { 0: 34, 1: 12, 2: 10, 3: 24, 4: 10, 5: 10 });
}
