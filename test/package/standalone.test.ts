import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { socialcare } from "../cli/socialcare.js";

/**
 * The repository stands alone: nothing in it reads, cites or links a folder beside the clone or a path
 * of one particular machine; every source a model file cites is an anchor of docs/sources.md; and the
 * programs from outside npm are reported in one line each where missing (a failure under CI).
 */

const ROOT = join(__dirname, "..", "..");
const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
/** Text files only: a NUL byte in the first 8 KB marks a binary (images, the wasm, workbooks). */
const texts = tracked
  .map((file) => ({ file, bytes: readFileSync(join(ROOT, file)) }))
  .filter(({ bytes }) => !bytes.subarray(0, 8192).includes(0))
  .map(({ file, bytes }) => ({ file, text: bytes.toString("utf8") }));

describe("nothing outside the clone", () => {
  // Built from pieces so that this file does not name what it looks for.
  const dot = "\\.";
  const forbidden: [string, RegExp][] = [
    ["a shared folder beside the clone", new RegExp(`${dot}${dot}/(${dot}${dot}/)*shared\\b`)],
    ["this machine's work folder", new RegExp(`(^|[^\\w.])/wor${"k"}/`)],
    ["a home folder", new RegExp(`(^|[^\\w.])/(home|Users|roo${"t"})/`)],
    ["a system folder", new RegExp(`(^|[^\\w.:])/(tmp|mnt|srv|opt|var|etc)/`)],
    // The one use of /usr that must be: the interpreter line of a script (#!/usr/bin/env node).
    ["a system program path", new RegExp(`(^|[^\\w.:!])/us${"r"}/`)],
    ["a Windows drive", /\b[A-Z]:\\(?!\\)/],
  ];
  test.each(forbidden)("no tracked file names %s", (_what, pattern) => {
    const found = texts.filter(({ file }) => file !== "package-lock.json").flatMap(({ file, text }) =>
      text.split("\n").flatMap((line, i) => (pattern.test(line) && !line.startsWith(`#!/us${"r"}/bin/env `) ? [`${file}:${i + 1}: ${line.trim().slice(0, 120)}`] : [])),
    );
    expect(found).toEqual([]);
  });

  test("the patterns do catch such paths", () => {
    const samples = [`see ${".."}/shared/reference/x.md`, `in /wor${"k"}/shared/schemas`, `in /hom${"e"}/alice/x`, `at /us${"r"}/bin/chromium`, "C:\\Users\\alice"];
    for (const sample of samples) expect(forbidden.some(([, p]) => p.test(sample)) ? sample : `not caught: ${sample}`).toBe(sample);
  });
});

describe("sources in the project", () => {
  const headings = new Set([...readFileSync(join(ROOT, "docs", "sources.md"), "utf8").matchAll(/^## ([a-z0-9-]+)\s*$/gm)].map((m) => m[1]!));
  const cited = texts.filter(({ file }) => file.startsWith("models/") || file.startsWith("scripts/")).flatMap(({ file, text }) => [...text.matchAll(/docs\/sources\.md#([A-Za-z0-9_-]+)/g)].map((m) => ({ file, anchor: m[1]! })));

  test("models/ cites its sources by anchors of docs/sources.md, and every anchor it cites is there", () => {
    expect(cited.length).toBeGreaterThan(50);
    expect(cited.filter((c) => !headings.has(c.anchor)).map((c) => `${c.file}: #${c.anchor}`)).toEqual([]);
  });

  test("every source a model file gives cites its anchor", () => {
    const bare = texts
      .filter(({ file }) => file.startsWith("models/") && file.endsWith(".yaml"))
      .flatMap(({ file, text }) => text.split("\n").flatMap((line, i) => (/\bsource: "/.test(line) && !/docs\/sources\.md#/.test(line) ? [`${file}:${i + 1}`] : [])));
    expect(bare).toEqual([]);
  });

  test("explain links each input whose source cites an anchor to that anchor of the page", () => {
    const run = socialcare(["explain", "blueprint", "appraisal.npv", "--baseline", "baseline-2018"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    const links = lines.filter((l) => l.trim().startsWith("see: "));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const [page, anchor] = link.trim().slice("see: ".length).split("#");
      // The page shipped beside the command, as a file URL, and a heading of it.
      expect(page).toBe(pathToFileURL(join(ROOT, "docs", "sources.md")).href);
      expect(headings.has(anchor!)).toBe(true);
    }
    // Each link follows the source (or assumption) that cites it: the anchor appears in the lines above,
    // up to the input's own line.
    const i = lines.findIndex((l) => l.trim().startsWith("see: "));
    const anchor = lines[i]!.split("#")[1]!;
    const above = lines.slice(0, i).reverse();
    const inputLine = above.findIndex((l) => /^  \S/.test(l));
    expect(above.slice(0, inputLine).join(" ").replace(/\s+/g, "")).toContain(`docs/sources.md#${anchor}`.replace(/\s+/g, ""));
  });

  test("no model file cites a research note outside the repository", () => {
    const outside = texts.filter(({ file }) => file.startsWith("models/")).filter(({ text }) => /FIGURES\.md|§\d/.test(text)).map(({ file }) => file);
    expect(outside).toEqual([]);
  });
});

describe("programs from outside npm", () => {
  /** Loads jest.config.cjs in a child with this environment: what it prints and whether it fails. */
  function loadConfig(env: Record<string, string>) {
    const run = spawnSync(process.execPath, ["-e", `const c = require("./jest.config.cjs"); console.log(JSON.stringify(c.testPathIgnorePatterns));`], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CI: "", ...env },
    });
    return { status: run.status, lines: run.stderr.split("\n").filter(Boolean), ignored: run.status === 0 ? (JSON.parse(run.stdout) as string[]) : [] };
  }
  const missing = { CHROMIUM_PATH: join(ROOT, "no-such-chromium"), SOFFICE_PATH: join(ROOT, "no-such-soffice") };

  test("missing, each is named in one line with how to install it, and the browser suites are left out", () => {
    const { status, lines, ignored } = loadConfig(missing);
    expect(status).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Chromium not found: skipping .*Debian: .*macOS: .*Windows: /);
    expect(lines[1]).toMatch(/^LibreOffice not found: skipping .*Debian: .*macOS: .*Windows: /);
    expect(ignored).toContain("<rootDir>/test/browser/");
  });

  test("under CI a missing program fails the run, naming it", () => {
    const { status, lines } = loadConfig({ ...missing, CI: "true" });
    expect(status).not.toBe(0);
    expect(lines.join("\n")).toMatch(/CI is set, so every suite must run\. Chromium not found: needed by .* LibreOffice not found: needed by /);
  });

  test("a variable pointing at a program that exists is taken, and nothing is printed for it", () => {
    // Node itself stands in for both programs: the finder only needs a file that exists.
    const { status, lines, ignored } = loadConfig({ CHROMIUM_PATH: process.execPath, SOFFICE_PATH: process.execPath });
    expect(status).toBe(0);
    expect(lines).toEqual([]);
    expect(ignored).not.toContain("<rootDir>/test/browser/");
  });
});
