import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import type { WorkerMessage, WorkerTask } from "./worker.js";

/**
 * `npm run fuzz`: drives the scenario loader, the library's overrides, the CLI, every custom function
 * (through the built bundle) and the workbook import with generated hostile input, and reports by
 * face how many cases ran, how many were answered, how many refused with a clear message, and every
 * failure: a crash, a hang, a NaN or Infinity, an uncaught exception, an internal message.
 *
 *   npm run fuzz                      the full run (at least 100,000 cases)
 *   npm run fuzz -- --seed 7 --scale 0.1
 */

export interface FaceReport {
  face: string;
  cases: number;
  answered: number;
  refused: number;
  failures: { index: number; input: string; problem: string }[];
}

/** Cases per face in a full run: the import parses a whole workbook per case, so it runs fewer. */
export const FULL_RUN: Record<string, number> = {
  "scenario loader": 25_000,
  "library overrides": 25_000,
  CLI: 15_000,
  "custom functions": 40_000,
  "workbook import": 400,
};

/** A case still running after this long is a hang. */
const HANG_MS = 20_000;

const WORKER = fileURLToPath(new URL("./worker.js", import.meta.url));

/** Runs cases [0, count) of one face; a hung case is recorded and the face carries on from the next. */
export async function fuzzFace(face: string, count: number, seed: number): Promise<FaceReport> {
  const report: FaceReport = { face, cases: 0, answered: 0, refused: 0, failures: [] };
  let from = 0;
  while (from < count) {
    from = await new Promise<number>((resolve, reject) => {
      const worker = new Worker(WORKER, { workerData: { face, seed, from, to: count } satisfies WorkerTask });
      let current = { index: from, input: "" };
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          report.cases++;
          report.failures.push({ index: current.index, input: current.input, problem: `no answer in ${HANG_MS / 1000} s (a hang)` });
          void worker.terminate();
          resolve(current.index + 1);
        }, HANG_MS);
      };
      worker.on("message", (m: WorkerMessage) => {
        if (m.type === "start") {
          current = { index: m.index, input: m.input };
          arm();
        } else if (m.type === "outcome") {
          report.cases++;
          if (m.kind === "answered") report.answered++;
          else if (m.kind === "refused") report.refused++;
          else report.failures.push({ index: m.index, input: current.input, problem: m.problem ?? "" });
        } else {
          clearTimeout(timer);
          void worker.terminate();
          resolve(count);
        }
      });
      worker.on("error", (error) => {
        // An error that escaped the case (an unhandled rejection, a crash of the thread): recorded, and on.
        clearTimeout(timer);
        report.cases++;
        report.failures.push({ index: current.index, input: current.input, problem: `the thread stopped: ${error.message}` });
        resolve(current.index + 1);
      });
      worker.on("exit", (code) => {
        clearTimeout(timer);
        if (code !== 0 && code !== 1) reject(new Error(`the ${face} worker exited with code ${code}`));
      });
    });
  }
  return report;
}

export async function fuzz(options: { seed: number; scale: number; faces?: string[] }): Promise<FaceReport[]> {
  const reports: FaceReport[] = [];
  for (const [face, full] of Object.entries(FULL_RUN)) {
    if (options.faces && !options.faces.includes(face)) continue;
    reports.push(await fuzzFace(face, Math.max(1, Math.round(full * options.scale)), options.seed));
  }
  return reports;
}

/** The report as a table: cases, answered, refused and failures by face, then each failure. */
export function formatReport(reports: FaceReport[], seed: number): string {
  const rows = reports.map((r) => [r.face, r.cases, r.answered, r.refused, r.failures.length].map(String));
  const total = ["total", ...[1, 2, 3, 4].map((i) => String(rows.reduce((s, r) => s + Number(r[i]), 0)))];
  const table = [["face", "cases", "answered", "refused", "failures"], ...rows, total];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const lines = table.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
  lines.unshift(`Fuzzing, seed ${seed}: refused means rejected with a clear one-line message; a failure is a crash, a hang, a NaN or Infinity, or an internal message.`);
  for (const r of reports) for (const f of r.failures) lines.push(`FAILURE ${r.face} #${f.index}: ${f.problem}\n  input: ${f.input}`);
  return lines.join("\n");
}

/**
 * Replays the cases of a regressions file (fuzz/regressions.json) through their faces, in this
 * process. Long text is written there as `{{NEST n}}` (n groups nested) or `{{REPEAT c n}}`.
 */
export async function replay(file: string): Promise<string> {
  const { FACES } = await import("./faces.js");
  const { cases } = JSON.parse(readFileSync(file, "utf8")) as { cases: { face: string; found: string; input: unknown }[] };
  const expand = (value: unknown): unknown =>
    typeof value === "string"
      ? value.replace(/\{\{NEST (\d+)\}\}/g, (_m, n: string) => `${'{"a":'.repeat(Number(n))}1${"}".repeat(Number(n))}`).replace(/\{\{REPEAT (.) (\d+)\}\}/g, (_m, c: string, n: string) => c.repeat(Number(n)))
      : Array.isArray(value)
        ? value.map(expand)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v)]))
          : value;
  const lines = [`replayed ${cases.length} case(s) from ${file}`];
  for (const c of cases) {
    const face = FACES.find((f) => f.name === c.face);
    const outcome = face ? await face.run(expand(c.input)) : { kind: "failed" as const, problem: `no face named "${c.face}"` };
    if (outcome.kind === "failed") lines.push(`FAILURE ${c.face} (${c.found}): ${outcome.problem}\n  input: ${JSON.stringify(c.input).slice(0, 300)}`);
  }
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const replayFile = process.argv.indexOf("--replay");
  if (replayFile > 0) {
    const text = await replay(process.argv[replayFile + 1]!);
    console.log(text);
    process.exit(text.includes("\nFAILURE") ? 1 : 0);
  }
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const seed = arg("seed", 20261203);
  const reports = await fuzz({ seed, scale: arg("scale", 1) });
  console.log(formatReport(reports, seed));
  process.exitCode = reports.some((r) => r.failures.length > 0) ? 1 : 0;
}
