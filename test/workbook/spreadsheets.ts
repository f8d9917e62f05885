import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import { findProgram, missingLine } from "../programs.cjs";

/**
 * Reading a workbook's figures three ways: the cached values stored in the file, HyperFormula
 * recalculating its formulas, and LibreOffice (headless) recalculating it on load.
 */

export type Value = number | string | boolean | null;
/** A cell's value by sheet name and 0-based row and column. */
export type Reader = (sheet: string, row: number, col: number) => Value;

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function plain(cell: ExcelJS.Cell): Value {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === "object") {
    if ("formula" in (v as object) || "sharedFormula" in (v as object)) {
      // cell.result, not cell.value.result: the latter turns a cached 0 into undefined.
      const r = cell.result as unknown;
      if (r === undefined || r === null) return null;
      if (typeof r === "object" && r !== null && "error" in r) return `#ERROR ${(r as { error: string }).error}`;
      return r as Value;
    }
    if ("richText" in (v as object)) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
    if ("error" in (v as object)) return `#ERROR ${(v as { error: string }).error}`;
  }
  return v as Value;
}

/** The values a workbook file holds (cached values of formulas). */
export function valuesOf(wb: ExcelJS.Workbook): Reader {
  return (sheet, row, col) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    return plain(ws.getCell(row + 1, col + 1));
  };
}

export interface HyperFormulaWorkbook {
  hf: HyperFormula;
  read: Reader;
  sheetId(name: string): number;
}

/** Loads the workbook's formulas and values into HyperFormula, which computes every formula itself. */
export function hyperFormulaOf(wb: ExcelJS.Workbook): HyperFormulaWorkbook {
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  wb.eachSheet((ws) => {
    const rows: (string | number | boolean | null)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const out: (string | number | boolean | null)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const formula = cell.formula;
        if (formula) out[c - 1] = `=${formula}`;
        else {
          const v = plain(cell);
          // Text that a spreadsheet would read as a formula or number stays text.
          out[c - 1] = typeof v === "string" && /^[=+\-@]/.test(v) ? `'${v}` : v;
        }
      });
      rows[r - 1] = Array.from(out, (x) => (x === undefined ? null : x));
    });
    sheets[ws.name] = Array.from(rows, (x) => x ?? []);
  });
  const named = (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => ({ name: n.name, expression: `=${n.ranges[0]}` }));
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", smartRounding: false }, named);
  const sheetId = (name: string) => {
    const id = hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet ${name}`);
    return id;
  };
  return {
    hf,
    sheetId,
    read: (sheet, row, col) => {
      const v = hf.getCellValue({ sheet: sheetId(sheet), row, col }) as unknown;
      if (v !== null && typeof v === "object") return `#ERROR ${(v as { value: string }).value}: ${(v as { message: string }).message}`;
      return v as Value;
    },
  };
}

/** A LibreOffice profile that recalculates every formula of an Excel file on load. */
function freshProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), "socialcare-lo-"));
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/** LibreOffice: $SOFFICE_PATH, else soffice or libreoffice on the PATH; undefined when missing. */
export const SOFFICE = findProgram("libreoffice");
/** describe for the tests that need LibreOffice: skipped where it is missing (jest.config.cjs says so in one line, and fails under CI). */
export const describeWithLibreOffice = SOFFICE ? describe : describe.skip;
/** test for one test that needs LibreOffice, likewise. */
export const testWithLibreOffice = SOFFICE ? test : test.skip;

/**
 * Recalculates several workbooks in one LibreOffice run (each conversion takes about a second, and
 * starting LibreOffice takes longer): each file is opened with full recalculation and saved again as
 * .xlsx, whose cached values are then LibreOffice's own.
 */
export async function recalculateWithLibreOffice(files: Record<string, Uint8Array>): Promise<Record<string, ExcelJS.Workbook>> {
  if (!SOFFICE) throw new Error(missingLine("libreoffice"));
  const work = mkdtempSync(join(tmpdir(), "socialcare-recalc-"));
  const inDir = join(work, "in");
  const outDir = join(work, "out");
  mkdirSync(inDir);
  mkdirSync(outDir);
  const profile = freshProfile();
  try {
    const paths = Object.entries(files).map(([name, bytes]) => {
      const path = join(inDir, `${name}.xlsx`);
      writeFileSync(path, bytes);
      return path;
    });
    execFileSync(SOFFICE, ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, ...paths], { stdio: "pipe", timeout: 300_000 });
    const out: Record<string, ExcelJS.Workbook> = {};
    for (const path of paths) {
      const target = join(outDir, basename(path));
      // A file LibreOffice could not open still exits 0: the missing output is the sign.
      if (!existsSync(target)) throw new Error(`LibreOffice wrote no ${basename(path)}`);
      out[basename(path, ".xlsx")] = await loadWorkbook(readFileSync(target));
    }
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
