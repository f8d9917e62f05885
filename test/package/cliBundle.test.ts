import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join } from "node:path";

/**
 * The `socialcare` bin is dist/cli/socialcare.mjs, the CLI bundled into one file by
 * scripts/bundle-cli.mjs (Node loading about 120 modules one by one was most of its start, issue 16).
 * It must load no module file of the package at start-up, and answer as the unbundled CLI does.
 */
const ROOT = join(__dirname, "..", "..");
const CLI = join(ROOT, "dist", "cli");
const BUNDLE = join(CLI, "socialcare.mjs");

/** What a file's static import statements load (the files are compacted: statements follow each other on a line). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|;)\s*import\b[^;"]*?from\s*"([^"]+)"/gm)].map((m) => m[1]!);
}

function run(file: string, args: string[]) {
  return spawnSync(process.execPath, [file, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120000 });
}

test("starts from one file: its static imports are Node's own modules only", () => {
  const imports = staticImports(BUNDLE);
  expect(imports.length).toBeGreaterThan(0);
  expect(imports.filter((name) => !isBuiltin(name))).toEqual([]);
  expect(readFileSync(BUNDLE, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
});

test("is ASCII throughout, so Node reads it as one-byte text (characters such as £ are escapes)", () => {
  const text = readFileSync(BUNDLE, "utf8");
  expect([...text].filter((c) => c.charCodeAt(0) > 0x7f).slice(0, 5)).toEqual([]);
});

test("its parts loaded on demand reach outside only for the packages some commands use and the worker threads' file in dist/node", () => {
  const chunks = readdirSync(CLI).filter((file) => /^socialcare-.+\.mjs$/.test(file));
  expect(chunks.length).toBeGreaterThan(0);
  const outside = chunks.flatMap((file) => staticImports(join(CLI, file))).filter((name) => !isBuiltin(name));
  expect([...new Set(outside)].sort()).toEqual(["../node/workerFile.js", "exceljs", "jszip", "piscina"]);
});

test.each([
  [["compare", "baseline-2018", "blueprint", "--json"]],
  [["run", "blueprint", "--csv"]],
  [["explain", "blueprint", "runCost.total"]],
  [["compare", "baseline-2018", "blueprnt"]],
])("socialcare %j answers as the unbundled CLI does", (args) => {
  const bundled = run(BUNDLE, args);
  const unbundled = run(join(CLI, "main.js"), args);
  expect(bundled.error).toBeUndefined();
  expect({ code: bundled.status, stdout: bundled.stdout, stderr: bundled.stderr }).toEqual({ code: unbundled.status, stdout: unbundled.stdout, stderr: unbundled.stderr });
});
