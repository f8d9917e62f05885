import JSZip from "jszip";
import { loadPreset } from "../../engine/index.js";
import { exportWorkbook, importWorkbook } from "../../workbook/index.js";

/**
 * Import reads two sheets (Scenario files and Inputs) and unpacks no other: a workbook whose other
 * sheets are damaged or swollen imports as if they were not there, because their data is never parsed.
 */
test("sheets import does not read are not parsed: garbage or a swollen sheet elsewhere changes nothing", async () => {
  const bytes = await exportWorkbook(loadPreset("baseline-2018"), [loadPreset("blueprint")], { date: new Date("2026-04-01T00:00:00Z") });
  const clean = await importWorkbook(bytes);
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const pathOf = (sheet: string) => {
    const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1]!;
    return `xl/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]}`;
  };
  // Not XML at all: a library that parsed this sheet would fail.
  zip.file(pathOf("Calculations"), "this is not a worksheet <<<");
  // Swollen: a million rows of numbers (about 40 MB unpacked) that would take seconds to parse.
  zip.file(pathOf("Outputs"), `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row><c t="n"><v>1</v></c></row>'.repeat(1_000_000)}</sheetData></worksheet>`);
  const changed = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const imported = await importWorkbook(changed);
  expect(imported.map((i) => [i.role, i.scenario, i.changes])).toEqual(clean.map((i) => [i.role, i.scenario, i.changes]));
}, 60000);
