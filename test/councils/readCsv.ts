import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The tests' own reading of a published CSV, independent of the build's reader, so each checks the other. */
export function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(join(__dirname, "..", "..", "data", file), "utf8").replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  const split = (line: string): string[] => {
    const out: string[] = [];
    let cur = "";
    let q = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (q && ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (ch === '"') q = !q;
      else if (ch === "," && !q) { out.push(cur); cur = ""; }
      else cur += ch;
    }
    out.push(cur);
    return out.map((s) => s.trim());
  };
  const header = split(lines[0]!);
  return lines.slice(1).map((l) => {
    const cells = split(l);
    return Object.fromEntries(header.map((h, i) => [h.trim(), cells[i] ?? ""]));
  });
}
