import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The API reference (`npm run docs`): TypeDoc over the package's entry, built from the doc comments.
 * Built here into a scratch folder with the project's own typedoc.json, so the configuration the
 * script uses is the one tested.
 */

const ROOT = join(__dirname, "..", "..");
const out = mkdtempSync(join(tmpdir(), "socialcare-docs-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

test("TypeDoc documents the package's functions from their doc comments, without errors", () => {
  const run = spawnSync(process.execPath, [join(ROOT, "node_modules", "typedoc", "bin", "typedoc"), "--out", out, "--logLevel", "Error"], { cwd: ROOT, encoding: "utf8", timeout: 120000 });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const page = (kind: string, name: string) => {
    const file = join(out, kind, `${name}.html`);
    expect(existsSync(file)).toBe(true);
    return readFileSync(file, "utf8").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  };
  // The words of each function's doc comment appear on its page.
  expect(page("functions", "runScenario")).toContain("Runs a scenario");
  expect(page("functions", "loadScenarioFile")).toContain("Loads a scenario file, resolving");
  expect(page("functions", "onCouncil")).toContain("with the council of");
  expect(page("functions", "explain")).toContain("was computed");
  expect(page("interfaces", "Result")).toContain("runCost");
}, 120000);
