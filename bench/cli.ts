import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatDuration, median, report } from "./harness.js";

/**
 * The CLI as an analyst feels it: `socialcare compare baseline-2018 blueprint` as a whole process,
 * from start to the last line printed, against `node -e ""` (Node starting and stopping with nothing
 * to do) in the same run. The two alternate, so a busy moment on the machine hits both alike.
 */

const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
const CLI = join(ROOT, "dist", "cli", "socialcare.mjs");
/** The same command unbundled: the modules tsc wrote, loaded one by one (what the bin was before issue 16). */
const UNBUNDLED = join(ROOT, "dist", "cli", "main.js");
const ROUNDS = 15;

function wallNs(args: string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  const ns = Number(process.hrtime.bigint() - start);
  if (run.status !== 0) throw new Error(`bench: node ${args.join(" ")} exited ${run.status}: ${run.stderr.trim()}`);
  return ns;
}

export function cliBenchmark(): string {
  const contenders = [
    { name: "node -e \"\" (Node alone)", args: ["-e", ""] },
    { name: "socialcare compare baseline-2018 blueprint", args: [CLI, "compare", "baseline-2018", "blueprint"] },
    { name: "the same from the unbundled modules (dist/cli/main.js)", args: [UNBUNDLED, "compare", "baseline-2018", "blueprint"] },
  ];
  for (const c of contenders) wallNs(c.args);
  const samples = contenders.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) contenders.forEach((c, i) => samples[i]!.push(wallNs(c.args)));
  const timings = contenders.map((c, i) => ({ name: c.name, nsPerOp: median(samples[i]!) }));
  const cli = timings[1]!.nsPerOp;
  return report("CLI: one comparison printed, as a whole process (median of 15)", timings, contenders[0]!.name, [
    `goal: under 300 ms end to end: ${cli < 300e6 ? "met" : "not met"} (${formatDuration(cli)}, ${(cli / timings[0]!.nsPerOp).toFixed(1)}× Node alone)`,
    `the one-file bundle against the unbundled modules: ${(cli / timings[2]!.nsPerOp).toFixed(2)}× (${formatDuration(timings[2]!.nsPerOp - cli)} less)`,
  ]);
}
