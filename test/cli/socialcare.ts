import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/**
 * Runs the real `socialcare` CLI (dist/cli/socialcare.mjs, the bin, built by `npm test`'s build step) as a user
 * would: a separate node process, its exit code, what it printed to stdout and to stderr.
 */

export const ROOT = join(__dirname, "..", "..");
export const MAIN = join(ROOT, "dist", "cli", "socialcare.mjs");

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function socialcare(args: readonly string[], options: { cwd?: string } = {}): Run {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` (npm test does) before these tests`);
  const run = spawnSync(process.execPath, [MAIN, ...args], { cwd: options.cwd ?? ROOT, encoding: "utf8", timeout: 120000 });
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The same, without blocking: for tables of cases run with test.concurrent, using both cores. */
export function socialcareAsync(args: readonly string[], options: { cwd?: string } = {}): Promise<Run> {
  if (!existsSync(MAIN)) return Promise.reject(new Error(`${MAIN} is missing: run \`npm run build\` (npm test does) before these tests`));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: options.cwd ?? ROOT, timeout: 120000 });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A node stack trace line ("    at parse (/…/file.js:12:3)"). */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** A fresh folder with the given files (paths relative to it), removed by `cleanup`. */
export function folderWith(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "socialcare-cli-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Parses CSV as RFC 4180 writes it (quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** "£1,234,567.89" or "-£12.30" as a number of pounds; throws on anything else. */
export function pounds(text: string): number {
  const match = /^(-?)£(\d{1,3}(?:,\d{3})*)\.(\d\d)$/.exec(text.trim());
  if (!match) throw new Error(`not money as £ with thousands separators and pence: "${text}"`);
  const value = Number(match[2]!.replace(/,/g, "")) + Number(match[3]) / 100;
  return match[1] ? -value : value;
}

/** Sums amounts in whole pennies, so a reconciliation test is exact. */
export function sumPennies(amounts: readonly number[]): number {
  return amounts.reduce((s, a) => s + Math.round(a * 100), 0);
}

/** The cells of a text table's line (columns are separated by two or more spaces). */
export function cells(line: string): string[] {
  return line.trim().split(/\s{2,}/);
}

/** The lines of `text` from the one starting with `header` to the next blank line. */
export function block(text: string, header: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith(header));
  if (start < 0) throw new Error(`no block starting "${header}" in:\n${text}`);
  const end = lines.findIndex((l, i) => i > start && l.trim() === "");
  return lines.slice(start, end < 0 ? undefined : end);
}
