import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * `npm run build:lib` replaces the compiled re-export modules of mathjs and yaml with one file each
 * (scripts/bundle-dependencies.mjs), so Node starts without loading hundreds of module files. Each
 * bundle must stand alone (no import of the package it replaces) and export exactly what its source
 * module names.
 */
const ROOT = join(__dirname, "..", "..");
const MODULES = [
  { source: "engine/expression/mathjs.ts", compiled: "dist/engine/expression/mathjs.js", from: "mathjs" },
  { source: "engine/scenario/yaml.ts", compiled: "dist/engine/scenario/yaml.js", from: "yaml" },
];

function namesExported(source: string): string[] {
  const text = readFileSync(join(ROOT, source), "utf8");
  const list = [...text.matchAll(/export\s*\{([^}]*)\}\s*from/g)].flatMap((m) => m[1]!.split(","));
  return list.map((n) => n.trim()).filter((n) => n !== "").sort();
}

test.each(MODULES)("$compiled is one self-contained file exporting what $source names", ({ source, compiled, from }) => {
  const text = readFileSync(join(ROOT, compiled), "utf8");
  // No statement loads the package (its own comments may still show how to import it).
  expect(text).not.toMatch(new RegExp(`^\\s*(import|export)\\b[^\\n]*from\\s*["']${from}["'/]`, "m"));
  expect(text).not.toMatch(new RegExp(`(require|import)\\(\\s*["']${from}["'/]`));
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", `const m = await import(${JSON.stringify(join(ROOT, compiled))}); console.log(JSON.stringify(Object.keys(m).sort()))`], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(JSON.parse(run.stdout)).toEqual(namesExported(source));
});
