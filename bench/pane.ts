import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * The task pane's download: every script of the production build (dist/addin), gzipped as a web
 * server sends it, in three parts. The page loads functions.js (the custom functions and the engine,
 * shared by the pane) and taskpane.js; the engine worker (engine-worker.js) starts with the first
 * computation and takes its engine from functions.js, which the browser already holds (so it is counted
 * once). Those load without the user asking and are held to issue 14's 250 KB budget. The rest are
 * chunks loaded only when the user asks for what needs them (a Monte Carlo run, the Health view,
 * writing to the workbook, downloading a workbook with exceljs), or only where a worker cannot start;
 * they are reported apart, each with what loads it. So are the councils' published figures, one small
 * file per council (councils/*.json), fetched when a council is first asked for (the first run's council
 * choice, or a SOCIALCARE function that names one): the pane keeps a chosen council's figures in its
 * scenarios, so they are not fetched again before a figure. Run `npm run build:addin` first.
 */

export const PANE_BUDGET_BYTES = 250 * 1024;

export type Loads = "page" | "worker" | "on demand";

export interface BundleSize {
  file: string;
  bytes: number;
  gzip: number;
  loads: Loads;
  /** For a chunk loaded on demand: what the user does that loads it. */
  when?: string;
}

/** What loads each lazy chunk (named by webpackChunkName in the sources). */
const ON_DEMAND: Record<string, string> = {
  "workbook-plan.js": "Write to workbook",
  "workbook-export.js": "Download workbook",
  "engine-inline.js": "only where a Web Worker cannot start",
  "yaml.js": "Import a scenario file written in YAML",
};

function classify(file: string, text: Buffer): { loads: Loads; when?: string } {
  if (file === "functions.js" || file === "taskpane.js") return { loads: "page" };
  // the worker's own code; its engine is functions.js, from the browser's cache (engineFromPage.ts)
  if (file === "engine-worker.js") return { loads: "worker" };
  const when = ON_DEMAND[file] ?? (text.includes("exceljs") ? "Download workbook (exceljs)" : "a lazy chunk");
  return { loads: "on demand", when };
}

export function paneBundleSizes(dir = join(process.cwd(), "dist", "addin")): BundleSize[] {
  if (!existsSync(join(dir, "taskpane.js"))) throw new Error(`no task pane build in ${dir}: run npm run build:addin first`);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file));
      return { file, bytes: text.length, gzip: gzipSync(text, { level: 9 }).length, ...classify(file, text) };
    });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Each council's figures file (councils/*.json), gzipped: fetched when the council is first asked for. */
export function councilFileSizes(dir = join(process.cwd(), "dist", "addin", "councils")): number[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => gzipSync(readFileSync(join(dir, f)), { level: 9 }).length)
    .sort((a, b) => a - b);
}

export function paneBenchmark(): string {
  let sizes: BundleSize[];
  try {
    sizes = paneBundleSizes();
  } catch (error) {
    return `pane bundle: skipped (${(error as Error).message})`;
  }
  const sum = (list: BundleSize[]) => list.reduce((s, b) => s + b.gzip, 0);
  const page = sum(sizes.filter((s) => s.loads === "page"));
  const worker = sum(sizes.filter((s) => s.loads === "worker"));
  const unasked = page + worker;
  const onDemand = sizes.filter((s) => s.loads === "on demand");
  const functions = sizes.find((s) => s.file === "functions.js")?.gzip ?? 0;
  const own = sizes.find((s) => s.file === "taskpane.js")?.gzip ?? 0;
  const lines = [
    "pane bundle (gzip -9, production build)",
    ...sizes.map((s) => `  ${s.file.padEnd(22)} ${kb(s.bytes).padStart(10)} → ${kb(s.gzip).padStart(9)}  (${s.loads}${s.when ? `: ${s.when}` : ""})`),
    `  page load (functions.js + taskpane.js)        ${kb(page)}`,
    `  engine worker, started by the first figure    ${kb(worker)}  (its engine is functions.js, already loaded)`,
    `  loaded without asking (page + worker)         ${kb(unasked)}  = ${(unasked / PANE_BUDGET_BYTES).toFixed(2)}× the ${PANE_BUDGET_BYTES / 1024} KB budget (goal ≤ 1.00)`,
    `  on demand, only when asked (${onDemand.length} chunks)      ${kb(sum(onDemand))}  (largest: ${onDemand.sort((a, b) => b.gzip - a.gzip)[0]?.file ?? "none"})`,
    `  the pane's own code (taskpane.js)             ${kb(own)}  = ${(functions > 0 ? own / functions : 0).toFixed(2)}× the functions bundle it shares`,
  ];
  const councils = councilFileSizes();
  if (councils.length > 0) {
    const largest = councils[councils.length - 1]!;
    lines.push(
      `  a council's figures, when first asked for     ${kb(councils[Math.floor(councils.length / 2)]!)} median, ${kb(largest)} largest (${councils.length} files, ${kb(councils.reduce((a, b) => a + b, 0))} in all)`,
      `  first run: page + worker + a council's figures ${kb(unasked + largest)}  = ${((unasked + largest) / PANE_BUDGET_BYTES).toFixed(2)}× the budget (the largest council)`,
    );
  }
  return lines.join("\n");
}
