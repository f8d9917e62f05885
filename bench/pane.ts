import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * The task pane's download: every script of the production build (dist/addin), gzipped as a web
 * server sends it. The page loads functions.js (the custom functions and the engine, shared by the
 * pane) and taskpane.js; the engine worker and the chunks it imports load when the first computation
 * starts. Reported against the 400 KB budget, and the pane's own code against the functions bundle it
 * builds on. Run `npm run build:addin` first.
 */

export const PANE_BUDGET_BYTES = 400 * 1024;

export interface BundleSize {
  file: string;
  bytes: number;
  gzip: number;
  /** "page" when taskpane.html loads it, "worker" when the engine worker does. */
  loads: "page" | "worker";
}

export function paneBundleSizes(dir = join(process.cwd(), "dist", "addin")): BundleSize[] {
  if (!existsSync(join(dir, "taskpane.js"))) throw new Error(`no task pane build in ${dir}: run npm run build:addin first`);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file));
      return { file, bytes: text.length, gzip: gzipSync(text, { level: 9 }).length, loads: file === "functions.js" || file === "taskpane.js" ? "page" : "worker" };
    });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

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
  const total = page + worker;
  const functions = sizes.find((s) => s.file === "functions.js")?.gzip ?? 0;
  const own = sizes.find((s) => s.file === "taskpane.js")?.gzip ?? 0;
  const lines = [
    "pane bundle (gzip -9, production build)",
    ...sizes.map((s) => `  ${s.file.padEnd(22)} ${kb(s.bytes).padStart(10)} → ${kb(s.gzip).padStart(9)}  (${s.loads})`),
    `  page load (functions.js + taskpane.js)  ${kb(page)}`,
    `  engine worker, loaded on first use      ${kb(worker)}`,
    `  whole pane                              ${kb(total)}  = ${(total / PANE_BUDGET_BYTES).toFixed(2)}× the 400 KB budget (goal ≤ 1.00)`,
    `  the pane's own code (taskpane.js)       ${kb(own)}  = ${(functions > 0 ? own / functions : 0).toFixed(2)}× the functions bundle it shares`,
  ];
  return lines.join("\n");
}
