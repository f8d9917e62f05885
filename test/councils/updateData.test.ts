import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * npm run data -- <folder>: a new year's files are checked, copied in and the council table rebuilt; a
 * file missing a column the reader takes is refused with the file and column named, and nothing is
 * copied. Run on a copy of data/ (never the repository's own), writing the table to a scratch file.
 */

const ROOT = join(__dirname, "..", "..");
const SCRIPT = join(ROOT, "scripts", "update-data.mjs");
const WORKFORCE = "csww_indicators_2017_to_2025.csv";

let scratch: string;
let data: string;
let incoming: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "update-data-"));
  data = join(scratch, "data");
  incoming = join(scratch, "new");
  cpSync(join(ROOT, "data"), data, { recursive: true });
  cpSync(join(ROOT, "data"), incoming, { recursive: true, filter: (src) => src === join(ROOT, "data") });
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: "utf8" });
const snapshot = (dir: string) => readdirSync(dir).sort().map((n) => [n, readFileSync(join(dir, n)).length]);
const workforceText = () => readFileSync(join(ROOT, "data", WORKFORCE), "utf8");

test("a new year's workforce file replaces the old one, and the rebuilt table holds its year", () => {
  const lines = workforceText().replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l !== "");
  const leeds = lines.find((l) => l.startsWith("2025,") && l.includes(",Leeds,"))!;
  writeFileSync(join(incoming, "csww_indicators_2017_to_2026.csv"), [...lines, leeds.replace(/^2025,/, "2026,")].join("\n") + "\n");
  const out = join(scratch, "councils.ts");
  const r = run(incoming, "--data", data, "--out", out);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("workforce: csww_indicators_2017_to_2026.csv (2017–2025 → 2017–2026)");
  expect(readdirSync(data)).toContain("csww_indicators_2017_to_2026.csv");
  expect(readdirSync(data)).not.toContain(WORKFORCE);
  // the figures are written beside the index (the module holds them as JSON text, and the same table is
  // written out as JSON): only Leeds was given a 2026 row
  const figures = JSON.parse(readFileSync(join(scratch, "councilFigures.json"), "utf8")) as Record<string, Record<string, { fteInPost?: unknown }>>;
  expect(Object.keys(figures).filter((dfe) => figures[dfe]!["2026"]?.fteInPost !== undefined)).toHaveLength(1);
  const module = readFileSync(join(scratch, "councilFigures.ts"), "utf8");
  expect(module).toContain(JSON.stringify(JSON.stringify(figures)));
  // and the index lists 2026 among Leeds's workforce years alone
  expect(readFileSync(out, "utf8").match(/"workforceYears":\[[\d,]*2026\]/g)).toHaveLength(1);
});

test("a file without a column the reader takes is refused, naming the file and the column, and nothing is copied", () => {
  const [head, ...rest] = workforceText().replace(/^\uFEFF/, "").split(/\r?\n/);
  const columns = head!.split(",");
  const drop = columns.indexOf("caseload_fte");
  const strip = (line: string) => line.split(",").filter((_, i) => i !== drop).join(",");
  writeFileSync(join(incoming, "csww_indicators_2017_to_2026.csv"), [strip(head!), ...rest.filter((l) => l !== "").map(strip)].join("\n") + "\n");
  const before = snapshot(data);
  const r = run(incoming, "--data", data, "--out", join(scratch, "councils.ts"));
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("update-data: csww_indicators_2017_to_2026.csv: has no column caseload_fte, which the reader takes");
  expect(r.stderr).toContain("nothing was copied");
  expect(snapshot(data)).toEqual(before);
});

test("a file that is none of the published files is refused", () => {
  writeFileSync(join(incoming, "budget.csv"), "a,b\n1,2\n");
  const r = run(incoming, "--data", data, "--out", join(scratch, "councils.ts"));
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("budget.csv: not a file the reader takes");
});
