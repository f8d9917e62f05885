import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The fuzzer (`npm run fuzz`, fuzz/): a small seeded run of every face here, and every case that ever
 * failed replayed through its face. Both run the built harness (npm test builds it first) in a child
 * process, as `npm run fuzz` does, since the harness runs each face on a worker thread it can stop.
 */
const ROOT = join(__dirname, "..", "..");
const RUN = join(ROOT, "dist", "fuzz", "run.js");

test("a seeded run over every face: each case answered or refused with a clear message, no failure", () => {
  const run = spawnSync(process.execPath, [RUN, "--seed", "20261203", "--scale", "0.002"], { cwd: ROOT, encoding: "utf8", timeout: 180_000 });
  const report = run.stdout;
  for (const face of ["scenario loader", "library overrides", "CLI", "custom functions", "workbook import"]) expect(report).toMatch(new RegExp(`^${face}\\s+\\d+`, "m"));
  expect(report.split("\n").filter((l) => l.startsWith("FAILURE"))).toEqual([]);
  expect(run.status).toBe(0);
}, 200_000);

test("every case that ever failed is handled now", () => {
  const { cases } = JSON.parse(readFileSync(join(ROOT, "fuzz", "regressions.json"), "utf8")) as { cases: { face: string; input: unknown }[] };
  expect(cases.length).toBeGreaterThan(0);
  const run = spawnSync(process.execPath, [RUN, "--replay", join(ROOT, "fuzz", "regressions.json")], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  expect(run.stdout.split("\n").filter((l) => l.startsWith("FAILURE"))).toEqual([]);
  expect(run.stdout).toContain(`replayed ${cases.length} case(s)`);
  expect(run.status).toBe(0);
}, 130_000);
