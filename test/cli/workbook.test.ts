import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { main } from "../../cli/main.js";
import { compareScenarios, loadPreset, loadScenario } from "../../engine/index.js";
import { loadWorkbook } from "../workbook/spreadsheets.js";

/** `socialcare export` and `socialcare import`: files written and read, messages and exit codes. */

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    out: (s) => {
      out += s;
      return true;
    },
    err: (s) => {
      err += s;
      return true;
    },
  });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "socialcare-cli-"));

test("export writes the workbook of a comparison and says what it holds", async () => {
  const file = join(dir, "default.xlsx");
  const { code, out } = await run("export", "baseline-2018", "blueprint", "--xlsx", file);
  expect(code).toBe(0);
  expect(out).toContain("Wrote");
  expect(out).toContain("checks all pass");
  const wb = await loadWorkbook(readFileSync(file));
  expect(wb.getWorksheet("Outputs")).toBeDefined();
});

test("import prints each scenario as a scenario file that loads back to the same figures", async () => {
  const file = join(dir, "default.xlsx");
  const wb = await loadWorkbook(readFileSync(file));
  const inputs = wb.getWorksheet("Inputs")!;
  let inOption = false;
  for (let r = 1; r <= inputs.rowCount; r++) {
    const key = inputs.getCell(r, 5).value;
    if (typeof key === "string" && key.startsWith("@")) inOption = key === "@option";
    if (inOption && key === "council.children") inputs.getCell(r, 2).value = 2500;
  }
  const edited = join(dir, "edited.xlsx");
  writeFileSync(edited, new Uint8Array(await wb.xlsx.writeBuffer()));
  const out = join(dir, "option.yaml");
  const { code, out: printed } = await run("import", edited, "--scenario", "option", "--out", out);
  expect([code, printed]).toEqual([0, ""]);
  const text = readFileSync(out, "utf8");
  expect(text).toContain("# 1 input(s) changed:");
  expect(text).toMatch(/council\.children \(Inputs!B\d+\): 2154 → 2500/);
  const option = loadScenario(parse(text));
  expect(compareScenarios(loadPreset("baseline-2018"), option).figures).toEqual(compareScenarios(loadPreset("baseline-2018"), { ...loadPreset("blueprint"), council: { ...loadPreset("blueprint").council, children: 2500 } }).figures);
});

test("usage errors exit 2; bad input exits 1 with the cell named, and no stack trace", async () => {
  expect((await run("export", "baseline-2018")).code).toBe(2);
  expect((await run("export", "baseline-2018", "--xlsx", join(dir, "x.csv"))).code).toBe(2);
  expect((await run("export")).code).toBe(2);
  expect((await run("import")).code).toBe(2);
  const missing = await run("import", join(dir, "nothing.xlsx"));
  expect(missing.code).toBe(1);
  expect(missing.err).toContain("no such file");
  const unknown = await run("export", "baseline-2O18", "--xlsx", join(dir, "y.xlsx"));
  expect(unknown.code).toBe(1);
  expect(unknown.err).toContain('did you mean "baseline-2018"');
  expect(existsSync(join(dir, "y.xlsx"))).toBe(false);

  const wb = await loadWorkbook(readFileSync(join(dir, "default.xlsx")));
  const inputs = wb.getWorksheet("Inputs")!;
  let address = "";
  for (let r = 1; r <= inputs.rowCount; r++) {
    if (inputs.getCell(r, 5).value === "council.vacancyRate" && !address) {
      inputs.getCell(r, 2).value = 1.5;
      address = inputs.getCell(r, 2).address;
    }
  }
  const bad = join(dir, "bad.xlsx");
  writeFileSync(bad, new Uint8Array(await wb.xlsx.writeBuffer()));
  const result = await run("import", bad);
  expect(result.code).toBe(1);
  expect(result.err).toContain(`Inputs!${address} (council.vacancyRate): must be less than 1, got 1.5`);
  expect(result.err).not.toMatch(/\n\s+at /);
});
