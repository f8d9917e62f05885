import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applySettings, compareOptions, compareScenarios, loadPreset, runScenario } from "../../engine/index.js";
import { cells, parseCsv, pounds, sumPennies } from "../cli/socialcare.js";

/**
 * The package as an analyst gets it: `npm pack`, installed from the tarball into a fresh folder,
 * imported by name with its types, and the scripts in examples/ run there. Their output is checked
 * against the engine run here from the sources.
 */

const ROOT = join(__dirname, "..", "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");
let dir = "";

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "node", "index.js"))) throw new Error("dist/ is missing: run `npm run build` (npm test does) before this test");
  dir = mkdtempSync(join(tmpdir(), "socialcare-package-"));
  // --ignore-scripts: pack the dist/ that npm test's build step made, rather than rebuilding it
  // underneath the CLI tests running beside this one.
  const packed = execFileSync(NPM, ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8" });
  const tarball = join(dir, (JSON.parse(packed) as { filename: string }[])[0]!.filename);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "analyst", private: true, type: "module" }));
  execFileSync(NPM, ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", tarball], { cwd: dir, encoding: "utf8" });
  for (const file of readdirSync(join(ROOT, "examples"))) copyFileSync(join(ROOT, "examples", file), join(dir, file));
}, 180000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function node(args: string[]): string {
  const run = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8", timeout: 60000 });
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}:\n${run.stderr}`);
  return run.stdout;
}

describe("the installed package", () => {
  test("holds the library, the CLI, the presets as data, and no sources or tests", () => {
    const installed = join(dir, "node_modules", "socialcare-model");
    for (const file of ["dist/node/index.js", "dist/node/index.d.ts", "dist/engine/index.d.ts", "dist/cli/main.js", "dist/cli/socialcare.mjs", "models/presets/blueprint.yaml", "README.md"]) {
      expect(existsSync(join(installed, file))).toBe(true);
    }
    for (const absent of ["engine", "test", "dist/bench", "node_modules/typescript"]) expect(existsSync(join(installed, absent))).toBe(false);
  });

  test("imports by name in plain Node, the four names analysts start with among them", () => {
    const out = node([
      "--input-type=module",
      "-e",
      `import * as m from "socialcare-model";
       const names = ["runScenario", "compareScenarios", "loadPreset", "explain", "loadScenarioFile", "applySettings"];
       console.log(JSON.stringify(names.map((n) => typeof m[n])));
       console.log(m.runScenario(m.loadPreset("blueprint")).runCost.total);`,
    ]);
    const [types, total] = out.trim().split("\n");
    expect(JSON.parse(types!)).toEqual(Array(6).fill("function"));
    expect(Number(total)).toBe(runScenario(loadPreset("blueprint")).runCost.total);
  });

  test("has types: TypeScript checks a script against them, and the examples with checkJs", () => {
    writeFileSync(
      join(dir, "typed.ts"),
      `import { runScenario, compareScenarios, loadPreset, explain, type Result, type Comparison, type Explanation } from "socialcare-model";
const result: Result = runScenario(loadPreset("blueprint"));
const total: number = result.runCost.total;
const comparison: Comparison = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"));
const payback: string | null = comparison.appraisal.paybackYear;
const how: Explanation = explain(loadPreset("blueprint"), "runCost.total");
// @ts-expect-error the run cost is a number, so the types must refuse it as a string
const wrong: string = result.runCost.total;
// @ts-expect-error runScenario needs a scenario
runScenario("blueprint");
export { total, payback, how, wrong };
`,
    );
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, allowJs: true, checkJs: true, skipLibCheck: false, typeRoots: [join(ROOT, "node_modules", "@types")], types: ["node"] },
        include: ["typed.ts", "*.mjs"],
      }),
    );
    const run = spawnSync(process.execPath, [TSC, "-p", "tsconfig.json"], { cwd: dir, encoding: "utf8", timeout: 120000 });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 120000);

  test("installs the socialcare command, which gives the engine's comparison", () => {
    const run = spawnSync(join(dir, "node_modules", ".bin", "socialcare"), ["compare", "baseline-2018", "blueprint", "--json"], { cwd: dir, encoding: "utf8", timeout: 60000 });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(compareOptions(loadPreset("baseline-2018"), [loadPreset("blueprint")]))));
  });
});

describe("examples/compare-presets.mjs, run where the package is installed", () => {
  test.each([
    ["baseline-2018", "blueprint"],
    ["england-2025", "cluster"],
  ])("%s against %s: the table shows the engine's figures", (baselineId, optionId) => {
    const out = node(["compare-presets.mjs", baselineId, optionId]);
    const c = compareScenarios(loadPreset(baselineId), loadPreset(optionId));
    const lines = out.split("\n");
    expect(cells(lines[0]!)).toEqual(["Figure", baselineId, optionId]);
    const row = (label: string) => cells(lines.find((l) => l.startsWith(label))!).slice(1);
    expect(row("Children per case-holder").map(Number)).toEqual([c.baseline, c.option].map((r) => Number(r.caseload.childrenPerCaseHolder.toFixed(1))));
    expect(row("Management layers").map(Number)).toEqual([c.baseline.structure.layers, c.option.structure.layers]);
    expect(row("Run cost").map((v) => sumPennies([pounds(v)]))).toEqual([c.baseline, c.option].map((r) => sumPennies([r.runCost.total])));
    // The change it prints is the difference of the two run costs it printed.
    const [base, option] = row("Run cost").map(pounds);
    const change = pounds(/^Change in run cost: (\S+)/m.exec(out)![1]!);
    expect(sumPennies([change])).toBe(sumPennies([option!]) - sumPennies([base!]));
    expect(sumPennies([pounds(/^Net present value: (\S+);/m.exec(out)![1]!)])).toBe(sumPennies([c.appraisal.npv]));
    expect(out).toContain(`payback: ${c.appraisal.paybackYear ?? "not within the horizon"}`);
  });
});

describe("examples/sweep-caseload.mjs, run where the package is installed", () => {
  test("writes one CSV row per caseload target, each the engine's run of that target", () => {
    node(["sweep-caseload.mjs", "--from", "12", "--to", "16", "--step", "0.5", "--out", "sweep.csv"]);
    const [header, ...rows] = parseCsv(readFileSync(join(dir, "sweep.csv"), "utf8"));
    expect(header).toEqual(["caseloadTarget", "caseHoldingFte", "caseloadAtWork", "totalFte", "runCost", "runCostChange", "runCostChangePct", "costNeutral", "transitionTotal", "npv"]);
    // 12, 12.5, …, 16: nine targets.
    expect(rows.map((r) => Number(r[0]))).toEqual([12, 12.5, 13, 13.5, 14, 14.5, 15, 15.5, 16]);
    const blueprint = loadPreset("blueprint");
    const baseline = loadPreset("baseline-2018");
    const children = blueprint.council.children;
    for (const row of rows) {
      const [target, fte, perHolder, , runCost, , , neutral, transition, npv] = row;
      // Every case-holding tier is sized at the target, so the caseload at work is the target and
      // case-holding FTE is children ÷ (target × the share of posts with someone at work): by hand.
      const atWork = 1 - blueprint.council.vacancyRate * (1 - blueprint.council.agencyCoverShare);
      expect(Number(perHolder)).toBeCloseTo(Number(target), 9);
      expect(Number(fte)).toBeCloseTo(children / (Number(target) * atWork), 9);
      const keys = ["socialWorker", "seniorPractitioner"].map((id) => `structure.tiers.${id}.childrenPerWorker`);
      const scenario = applySettings(blueprint, Object.fromEntries(keys.map((k) => [k, Number(target)])));
      const c = compareScenarios(baseline, scenario);
      expect(Number(runCost)).toBe(c.option.runCost.total);
      expect(Number(transition)).toBe(c.transition.total);
      expect(Number(npv)).toBe(c.appraisal.npv);
      expect(neutral).toBe(String(c.costNeutral));
    }
    // Fewer children per worker needs more workers and costs more: the run cost falls as the target rises.
    const costs = rows.map((r) => Number(r[4]));
    for (let i = 1; i < costs.length; i++) expect(costs[i]!).toBeLessThan(costs[i - 1]!);
  });
});
