import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";

/**
 * The API reference (`npm run docs`): TypeDoc over the package's entry, built from the doc comments.
 * Built here into a scratch folder with the project's own typedoc.json, so the configuration the
 * script uses is the one tested.
 */

const ROOT = join(__dirname, "..", "..");
const out = mkdtempSync(join(tmpdir(), "socialcare-docs-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

test("TypeDoc documents the package's functions from their doc comments, without errors", () => {
  const run = spawnSync(process.execPath, [join(ROOT, "node_modules", "typedoc", "bin", "typedoc"), "--out", out, "--logLevel", "Error"], { cwd: ROOT, encoding: "utf8", timeout: 120000 });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const page = (kind: string, name: string) => {
    const file = join(out, kind, `${name}.html`);
    expect(existsSync(file)).toBe(true);
    return readFileSync(file, "utf8").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  };
  // The words of each function's doc comment appear on its page.
  expect(page("functions", "runScenario")).toContain("Runs a scenario");
  expect(page("functions", "loadScenarioFile")).toContain("Loads a scenario file, resolving");
  expect(page("functions", "onCouncil")).toContain("with the council of");
  expect(page("functions", "explain")).toContain("was computed");
  expect(page("interfaces", "Result")).toContain("runCost");
}, 120000);

/**
 * Every command and snippet in README.md and docs/ runs. A fenced block's language says what it is:
 * `sh` lines are `socialcare` commands, run through the built CLI; `ts` and `js` are snippets, run as
 * ES modules that import the package by its name; `yaml`, `json` and `csv` are files, written (under
 * the name a `<!-- file: name -->` line above gives) where the commands after them read them. Each
 * document's blocks run in order in a folder of their own. A block that cannot run here (it installs,
 * builds or serves) has a `<!-- skip: reason -->` line above it. Other blocks (output, layout) are
 * prose.
 */
interface Block {
  doc: string;
  line: number;
  lang: string;
  body: string;
  skip?: string;
  file?: string;
}

const RUNNABLE = new Set(["sh", "bash", "shell", "ts", "typescript", "js", "javascript", "yaml", "yml", "json", "csv"]);

function documents(): string[] {
  return ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
}

function blocksOf(doc: string): Block[] {
  const lines = readFileSync(join(ROOT, doc), "utf8").split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!fence) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`${doc}:${i + 1}: a code block that is never closed`);
    const block: Block = { doc, line: i + 1, lang: fence[1]!, body: lines.slice(i + 1, end).join("\n") + "\n" };
    const marker = /^<!--\s*(skip|file):\s*(.*?)\s*-->$/.exec(lines[i - 1] ?? "");
    if (marker?.[1] === "skip") block.skip = marker[2];
    if (marker?.[1] === "file") block.file = marker[2];
    blocks.push(block);
    i = end;
  }
  return blocks;
}

/** Splits a command line as a shell would for these: words, "double" and 'single' quotes, # comments. */
function words(line: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"' || c === "'") {
      const close = line.indexOf(c, i + 1);
      if (close < 0) throw new Error(`unclosed quote in: ${line}`);
      word = (word ?? "") + line.slice(i + 1, close);
      i = close;
    } else if (c === " " || c === "\t") {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else if (c === "#" && word === undefined) {
      break;
    } else {
      word = (word ?? "") + c;
    }
  }
  if (word !== undefined) out.push(word);
  return out;
}

test("words splits as the shell does", () => {
  expect(words(`socialcare simulate x --vary "council.vacancyRate=pert(0.10,0.142,0.20)" # note`)).toEqual(["socialcare", "simulate", "x", "--vary", "council.vacancyRate=pert(0.10,0.142,0.20)"]);
  expect(words("a 'b c'd")).toEqual(["a", "b cd"]);
});

function runBlock(block: Block, dir: string, index: number): void {
  const where = `${block.doc}:${block.line}`;
  if (["yaml", "yml", "json", "csv"].includes(block.lang)) {
    if (!block.file) throw new Error(`${where}: a ${block.lang} block needs a <!-- file: name --> line (and a command that reads it) or a <!-- skip: reason --> line`);
    writeFileSync(join(dir, block.file), block.body);
    return;
  }
  if (["sh", "bash", "shell"].includes(block.lang)) {
    const commands = block.body.split("\n").map(words).filter((w) => w.length > 0);
    expect(commands.length).toBeGreaterThan(0);
    for (const [program, ...args] of commands) {
      if (program !== "socialcare") throw new Error(`${where}: \`${program}\` is not a socialcare command: mark the block <!-- skip: reason --> if it cannot run in a test`);
      const run = spawnSync(process.execPath, [join(ROOT, "dist", "cli", "socialcare.mjs"), ...args], { cwd: dir, encoding: "utf8", timeout: 120000 });
      expect({ where, command: `socialcare ${args.join(" ")}`, code: run.status, stderr: run.status === 0 ? "" : run.stderr }).toEqual({ where, command: `socialcare ${args.join(" ")}`, code: 0, stderr: "" });
      // A command writes what it prints, or the file --out (or --xlsx) names.
      const outIndex = args.findIndex((a) => a === "--out" || a === "--xlsx");
      if (outIndex >= 0) expect(readFileSync(join(dir, args[outIndex + 1]!)).length).toBeGreaterThan(0);
      else expect(run.stdout.length).toBeGreaterThan(0);
    }
    return;
  }
  // A snippet: TypeScript loses its types; both run as an ES module inside the repository, where the
  // package's own name resolves to its build (dist/).
  const source = ["ts", "typescript"].includes(block.lang) ? ts.transpileModule(block.body, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText : block.body;
  const file = join(dir, `snippet-${index}.mjs`);
  writeFileSync(file, source);
  const run = spawnSync(process.execPath, [file], { cwd: dir, encoding: "utf8", timeout: 120000 });
  expect({ where, code: run.status, stderr: run.stderr }).toEqual({ where, code: 0, stderr: "" });
  expect(run.stdout.length).toBeGreaterThan(0);
}

describe("every command and snippet in the README and docs/ runs", () => {
  const all = documents().flatMap(blocksOf);

  test("skipped blocks give their reason, and no runnable block is left out silently", () => {
    for (const b of all) if (b.skip !== undefined) expect(b.skip.length > 10 ? b.skip : `${b.doc}:${b.line}: no reason`).toBe(b.skip);
    expect(all.filter((b) => RUNNABLE.has(b.lang) && b.skip === undefined).length).toBeGreaterThan(10);
  });

  test.each(documents().filter((doc) => blocksOf(doc).some((b) => RUNNABLE.has(b.lang) && b.skip === undefined)))("%s", (doc) => {
    if (!existsSync(join(ROOT, "dist", "cli", "socialcare.mjs"))) throw new Error("dist/ is missing: run `npm run build` (npm test does) before this test");
    mkdirSync(join(ROOT, ".tmp"), { recursive: true });
    const dir = mkdtempSync(join(ROOT, ".tmp", "docs-"));
    try {
      blocksOf(doc).forEach((block, i) => {
        if (RUNNABLE.has(block.lang) && block.skip === undefined) runBlock(block, dir, i);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300000);
});

test("docs/functions.md is what the functions' metadata gives (npm run docs:functions)", () => {
  const run = spawnSync(process.execPath, [join(ROOT, "scripts", "functions-doc.mjs"), "--stdout"], { cwd: ROOT, encoding: "utf8", timeout: 120000 });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  // Compared line by line so a difference shows where it is.
  expect(readFileSync(join(ROOT, "docs", "functions.md"), "utf8").split("\n")).toEqual(run.stdout.split("\n"));
}, 120000);
