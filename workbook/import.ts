import ExcelJS from "exceljs";
import JSZip from "jszip";
import { applySettings, listSettings, loadScenario, runScenario, ScenarioError, SocialCareError, UnknownNameError, type Scenario, type Setting } from "../engine/index.js";
import { SHEETS } from "./build.js";
import { SCENARIO_FILE_MARKER } from "./coverSheet.js";
import { a1 } from "./formula.js";
import { INPUT_COLUMNS, ROLE_MARKER } from "./inputsSheet.js";

/**
 * `importWorkbook(bytes)`: reads a workbook made by `exportWorkbook`, whose Inputs may have been
 * edited by hand, back into scenarios. Each scenario starts from its scenario file (the Scenario
 * files sheet) and takes every Inputs value that differs from it; the engine validates and runs the
 * result, and every problem is reported by sheet, cell and reason (the engine's own words).
 */

export interface WorkbookProblem {
  sheet: string;
  /** A1 address, or a range of addresses when a rule spans several settings. */
  cell: string;
  /** The setting key, when the problem is one setting's. */
  key?: string;
  reason: string;
}

/** A workbook that cannot be read back: every bad cell, with sheet, cell and reason. */
export class WorkbookError extends SocialCareError {
  override name = "WorkbookError";
  readonly problems: readonly WorkbookProblem[];
  constructor(problems: readonly WorkbookProblem[]) {
    // A problem of the whole file names the file in its reason; one of a whole sheet has no cell to name.
    const lines = problems.map((p) => (p.sheet === FILE ? p.reason : `${p.sheet}${p.cell ? `!${p.cell}` : ""}${p.key ? ` (${p.key})` : ""}: ${p.reason}`));
    super(problems.length === 1 ? lines[0]! : `${problems.length} problems in the workbook\n${lines.map((l) => `  ${l}`).join("\n")}`);
    this.problems = problems;
  }
}

export interface InputChange {
  key: string;
  /** Where the new value is, e.g. Inputs!B12. */
  cell: string;
  from: unknown;
  to: unknown;
}

export interface ImportedScenario {
  /** "scenario", "baseline", "option", "option2", … */
  role: string;
  scenario: Scenario;
  changes: InputChange[];
}

/** The sheet of a problem with the whole file (it cannot be read as a workbook at all). */
export const FILE = "(file)";

export interface ImportOptions {
  /** The file's name as the user gave it, for messages about the whole file ("this file" if left out). */
  name?: string;
}

export async function importWorkbook(bytes: Uint8Array | ArrayBuffer, options: ImportOptions = {}): Promise<ImportedScenario[]> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const name = options.name ?? "this file";
  const notWorkbook = (why: string) => new WorkbookError([{ sheet: FILE, cell: "", reason: `${name} is not an .xlsx workbook${why}` }]);
  // The archive's own account of its size is read before anything is unpacked, so a small file that
  // unpacks to gigabytes is refused at once (it took 39 s and 3.6 GB before).
  const size = declaredSize(data);
  if (size === undefined) throw notWorkbook("");
  if (size > LARGEST_UNPACKED) throw notWorkbook(` this program can read: it would unpack to ${Math.round(size / 1e6).toLocaleString("en-GB")} MB, more than the ${LARGEST_UNPACKED / 1e6} MB any exported workbook needs`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((await onlyNeededSheets(data)) as unknown as ArrayBuffer);
  } catch {
    // The zip or spreadsheet library's words ("Corrupted zip", "Cannot set properties of undefined")
    // mean nothing to the user: the file is damaged or not a workbook.
    throw notWorkbook(" (it is damaged or another kind of file)");
  }
  const files = wb.getWorksheet(SHEETS.files);
  const inputs = wb.getWorksheet(SHEETS.inputs);
  const missing = [SHEETS.files, SHEETS.inputs].filter((name) => !wb.getWorksheet(name));
  if (!files || !inputs) throw new WorkbookError([{ sheet: FILE, cell: "", reason: `${name} is not a workbook made by socialcare export: it has no ${missing.map((sheet) => `"${sheet}"`).join(" or ")} sheet` }]);

  const problems: WorkbookProblem[] = [];
  const originals = readScenarioFiles(files, problems);
  const edited = readInputs(inputs, problems);
  const imported: ImportedScenario[] = [];
  for (const { role, scenario } of originals) {
    const section = edited.get(role);
    if (!section) {
      problems.push({ sheet: SHEETS.inputs, cell: "", reason: `has no section for the ${role} (its first row has ${ROLE_MARKER}${role} in column ${a1(0, INPUT_COLUMNS.key).replace(/\d+/, "")})` });
      continue;
    }
    const settings = listSettings(scenario);
    const byKey = new Map(settings.map((s) => [s.key, s]));
    const changes: InputChange[] = [];
    for (const [key, { value, cell }] of section) {
      const setting = byKey.get(key);
      if (setting && same(setting.value, value)) continue;
      changes.push({ key, cell: `${SHEETS.inputs}!${cell}`, from: setting?.value, to: value });
    }
    try {
      const overrides = changes.map(({ key, cell, to }) => [key, to === null || to === undefined ? null : { value: to, source: `edited in the workbook, ${cell}` }] as const);
      const changed = applySettings(scenario, overrides);
      // Some limits hold only once the model runs (the direct payments lever cannot free more time than
      // the week's recording and admin): run it, so such a cell is reported here, not when the file is used.
      runScenario(changed);
      imported.push({ role, scenario: changed, changes });
    } catch (error) {
      if (error instanceof ScenarioError) problems.push(...error.issues.map((issue) => locate(issue, settings, section, changes)));
      else if (error instanceof UnknownNameError) {
        const cell = section.get(error.unknown)?.cell ?? "";
        problems.push({ sheet: SHEETS.inputs, cell, key: error.unknown, reason: error.message });
      } else throw error;
    }
  }
  if (problems.length > 0) throw new WorkbookError(problems);
  return imported;
}

/** No exported workbook comes near this unpacked; a larger one is refused before it is unpacked. */
const LARGEST_UNPACKED = 200e6;

/**
 * The unpacked size a zip archive declares for all its entries, from its central directory, or
 * undefined when the bytes are not a zip archive (an .xlsx file is one).
 */
/** A worksheet with no cells, standing in for a sheet import does not read. */
const EMPTY_SHEET = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

/**
 * The workbook with every sheet but the two import reads (Scenario files and Inputs) emptied before
 * the spreadsheet library unpacks it: it parses every sheet it is given, so a workbook whose other
 * sheets were made huge took seconds and gigabytes to refuse. The other sheets' data is never
 * decompressed. A file that is not such an archive is passed on as it is, for the library to refuse.
 */
async function onlyNeededSheets(data: Uint8Array): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return data;
  }
  const workbook = await zip.file("xl/workbook.xml")?.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (workbook === undefined || rels === undefined) return data;
  const wanted = new Set<string>([SHEETS.files, SHEETS.inputs]);
  const keep = new Set<string>();
  for (const sheet of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(sheet[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(sheet[0])?.[1];
    if (name === undefined || id === undefined || !wanted.has(unescapeXml(name))) continue;
    const target = new RegExp(`<Relationship\\b[^>]*\\bId="${id.replace(/[^A-Za-z0-9_-]/g, "")}"[^>]*>`).exec(rels)?.[0];
    const path = target ? /\bTarget="([^"]*)"/.exec(target)?.[1] : undefined;
    if (path) keep.add(path.startsWith("/") ? path.slice(1) : `xl/${path}`);
  }
  let emptied = 0;
  zip.forEach((path) => {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(path) && !keep.has(path)) {
      zip.file(path, EMPTY_SHEET);
      emptied++;
    }
  });
  if (emptied === 0) return data;
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function declaredSize(data: Uint8Array): number | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // The end-of-central-directory record: its signature, within the last 22 + 65,535 bytes (a comment).
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = view.getUint16(end + 10, true);
  // An empty archive is no workbook either.
  if (entries === 0) return undefined;
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > data.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const unpacked = view.getUint32(at + 24, true);
    // 0xFFFFFFFF says the size is in a ZIP64 field: more than 4 GB, far more than any workbook.
    total += unpacked === 0xffffffff ? Number.POSITIVE_INFINITY : unpacked;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === "number" && typeof b === "number" && Object.is(a, b);
}

/**
 * The scenario files on their sheet: each starts at a row `@role` and runs to the next such row or the
 * end of the sheet. An empty row inside is an empty line of the file (a description may hold a blank
 * line); the empty rows after a file's last line only separate it from the next.
 */
function readScenarioFiles(ws: ExcelJS.Worksheet, problems: WorkbookProblem[]): { role: string; scenario: Scenario; row: number }[] {
  const out: { role: string; scenario: Scenario; row: number }[] = [];
  let current: { role: string; row: number; lines: string[] } | undefined;
  const finish = () => {
    if (!current) return;
    while (current.lines.length > 0 && current.lines[current.lines.length - 1] === "") current.lines.pop();
    try {
      out.push({ role: current.role, row: current.row, scenario: loadScenario(current.lines.join("\n"), { source: `${SHEETS.files}!A${current.row}` }) });
    } catch (error) {
      if (!(error instanceof SocialCareError)) throw error;
      problems.push({ sheet: SHEETS.files, cell: `A${current.row}`, reason: `the scenario file of the ${current.role} does not load: ${error.message}` });
    }
    current = undefined;
  };
  for (let r = 1; r <= ws.rowCount; r++) {
    const text = textOf(ws.getCell(r, 1));
    if (typeof text === "string" && text.startsWith(SCENARIO_FILE_MARKER) && /^@[a-z0-9]+$/.test(text)) {
      finish();
      current = { role: text.slice(1), row: r, lines: [] };
    } else if (current) {
      current.lines.push(text === null ? "" : String(text));
    }
  }
  finish();
  return out;
}

/** The values on Inputs, by role and setting key, with the cell each is in. */
function readInputs(ws: ExcelJS.Worksheet, problems: WorkbookProblem[]): Map<string, Map<string, { value: unknown; cell: string }>> {
  const out = new Map<string, Map<string, { value: unknown; cell: string }>>();
  let section: Map<string, { value: unknown; cell: string }> | undefined;
  for (let r = 1; r <= ws.rowCount; r++) {
    const key = textOf(ws.getCell(r, INPUT_COLUMNS.key + 1));
    if (typeof key !== "string" || key === "" || key === "Setting key") continue;
    if (key.startsWith(ROLE_MARKER)) {
      section = new Map();
      out.set(key.slice(ROLE_MARKER.length), section);
      continue;
    }
    const cell = a1(r - 1, INPUT_COLUMNS.value);
    // A setting given twice is refused, as in the add-in's overrides, rather than the later row winning.
    const before = section?.get(key);
    if (before) problems.push({ sheet: SHEETS.inputs, cell, key, reason: `is given twice (also in ${before.cell})` });
    else {
      const valueCell = ws.getCell(r, INPUT_COLUMNS.value + 1);
      if (isUncalculatedFormula(valueCell)) problems.push({ sheet: SHEETS.inputs, cell, key, reason: "holds a formula with no saved result: open the workbook in Excel and save it, or type the value" });
      else section?.set(key, { value: textOf(valueCell), cell });
    }
  }
  return out;
}

/** A formula whose result was never saved (a file written by a program that does not calculate). */
function isUncalculatedFormula(cell: ExcelJS.Cell): boolean {
  const v = cell.value as unknown;
  return v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v) && (cell.result === undefined || cell.result === null);
}

/** A cell's value as a scenario file would hold it: numbers, text, true/false, or null when empty. */
function textOf(cell: ExcelJS.Cell): unknown {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const r = cell.result as unknown;
      if (r !== null && typeof r === "object" && "error" in (r as object)) return String((r as { error: string }).error);
      return r === undefined ? null : r;
    }
    if ("richText" in o) return (o.richText as { text: string }[]).map((t) => t.text).join("");
    if ("error" in o) return String(o.error);
    if ("text" in o) return String(o.text);
  }
  return v;
}

/** Where on Inputs an engine issue points: the setting's cell, or the cells of the group it names. */
function locate(issue: { path: string; reason: string }, settings: Setting[], section: Map<string, { value: unknown; cell: string }>, changes: InputChange[]): WorkbookProblem {
  const exact = settings.find((s) => s.path === issue.path);
  if (exact) return { sheet: SHEETS.inputs, cell: section.get(exact.key)?.cell ?? "", key: exact.key, reason: issue.reason };
  const changed = changes.find((c) => c.key === issue.path);
  if (changed) return { sheet: SHEETS.inputs, cell: changed.cell.split("!")[1]!, key: changed.key, reason: issue.reason };
  const inside = settings.filter((s) => issue.path === "" || s.path.startsWith(`${issue.path}.`) || s.path.startsWith(`${issue.path}[`));
  const cells = inside.map((s) => section.get(s.key)?.cell).filter((c): c is string => c !== undefined);
  const cell = cells.length === 0 ? "" : cells.length === 1 ? cells[0]! : `${cells[0]}:${cells[cells.length - 1]}`;
  return { sheet: SHEETS.inputs, cell, ...(issue.path ? { key: issue.path } : {}), reason: issue.reason };
}
