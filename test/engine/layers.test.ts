import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "..", "..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith(".ts") ? [full] : [];
  });
}

describe("layers point down only", () => {
  test("engine/ imports nothing from the faces, Node, the DOM or Office", () => {
    const offending: string[] = [];
    for (const file of files(join(ROOT, "engine"))) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/from\s+["']([^"']+)["']/g)) {
        const target = match[1]!;
        if (/^node:|^(fs|path|os|child_process|worker_threads)$/.test(target) || /\.\.\/(\.\.\/)*(addin|cli|node|workbook)\//.test(target)) {
          offending.push(`${relative(ROOT, file)} imports ${target}`);
        }
      }
      if (/\b(document|window|Office|Excel)\./.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ""))) offending.push(`${relative(ROOT, file)} touches the DOM or Office`);
    }
    expect(offending).toEqual([]);
  });
});
