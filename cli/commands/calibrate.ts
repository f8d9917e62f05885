import { calibrationTable, CALIBRATION_LABELS, CALIBRATION_MEASURES, councilCalibration, type CalibrationMeasure, type CalibrationRow } from "../../engine/councils/index.js";
import { COMMON_OPTIONS, type Command } from "../command.js";
import { formatMoney, table, wrap } from "../format.js";

/**
 * `socialcare calibrate [council]`: the model's run cost of each council's social work staff beside what
 * the council spent (RO3 2024-25), with the ratio and the councils far from the rest flagged. The rule,
 * and why the two differ, are in engine/councils/calibration.ts and docs/data.md.
 */

const HEADINGS: Record<(typeof CALIBRATION_MEASURES)[number], string> = { employees: "Employees", total: "Total", agency: "Agency" };

const money = (x: number | null): string => (x === null ? "" : formatMoney(Math.round(x)).replace(/\.00$/, ""));
const ratio = (m: CalibrationMeasure): string => (m.ratio === null ? (m.published === null && m.missing ? m.missing.split(":")[0]! : "") : `${m.ratio.toFixed(2)}${m.flag ? ` (${m.flag})` : ""}`);

export const calibrate: Command = {
  name: "calibrate",
  summary: "the model's run cost of each council's social work staff beside its published spend (RO3 2024-25), with the ratio",
  usage: "socialcare calibrate [council]",
  example: "socialcare calibrate --csv --out calibration.csv",
  options: [...COMMON_OPTIONS],
  run(args) {
    const name = args.positionals.join(" ");
    const all = calibrationTable();
    // one council is shown with the fences of all, so its flag means the same as in the national table
    const rows: CalibrationRow[] = name === "" ? all.rows : [flagged(councilCalibration(name), all.rows)];
    const text = [
      table(
        ["Council", "Year", "Prices", ...CALIBRATION_MEASURES.flatMap((m) => [`${HEADINGS[m]}: model`, `${HEADINGS[m]}: RO3`, "ratio"])],
        rows.map((r) => [r.council, String(r.dataYear), r.financeYear ?? "", ...CALIBRATION_MEASURES.flatMap((m) => [money(r[m].model), money(r[m].published), ratio(r[m])])]),
        ["left", "left", "left"],
      ),
      "",
      ...CALIBRATION_MEASURES.map((m) => wrap(`${HEADINGS[m]}: the model's ${CALIBRATION_LABELS[m].model}; beside ${CALIBRATION_LABELS[m].published}.`, 100, "  ")),
      ...CALIBRATION_MEASURES.flatMap((m) => {
        const f = all.fences[m];
        return f ? [`${HEADINGS[m]}: flagged outside ${f.low.toFixed(2)} to ${f.high.toFixed(2)} (${f.councils} councils).`] : [];
      }),
      ...all.notes.map((n) => wrap(n, 100, "  ")),
      ...rows.filter((r) => r.problem).map((r) => wrap(`Not modelled: ${r.problem}`, 100, "  ")),
    ].join("\n");
    return {
      text,
      json: name === "" ? all : { ...all, rows },
      csv: [
        ["council", "ons", "dfe", "region", "dataYear", "financeYear", ...CALIBRATION_MEASURES.flatMap((m) => [`${m}.model`, `${m}.published`, `${m}.ratio`, `${m}.flag`]), "problem"],
        ...rows.map((r) => [r.council, r.ons, r.dfe, r.region, r.dataYear, r.financeYear, ...CALIBRATION_MEASURES.flatMap((m) => [r[m].model, r[m].published ?? r[m].missing ?? null, r[m].ratio, r[m].flag]), r.problem]),
      ],
    };
  },
};

/** The council's row with the flags it has in the national table. */
function flagged(row: CalibrationRow, all: readonly CalibrationRow[]): CalibrationRow {
  return all.find((r) => r.ons === row.ons && r.dfe === row.dfe) ?? row;
}
