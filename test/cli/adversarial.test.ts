import { applySettings, compareScenarios, loadPreset } from "../../engine/index.js";
import { LIMITS } from "../../engine/scenario/schema.js";
import { spawnSync } from "node:child_process";
import { chmodSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { folderWith, MAIN, parseCsv, ROOT, socialcare, STACK_LINE } from "./socialcare.js";

/**
 * Defects an adversarial user found through the CLI (issue 18), one block per defect: each test
 * failed before its fix.
 */

function json(args: string[], cwd?: string): any {
  const run = socialcare(args, cwd ? { cwd } : {});
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe("a file changing only a tier's caseload target keeps the fields it does not change", () => {
  test("the social workers' share of children stays the preset's; the FTE is children × share ÷ the new target", () => {
    const { dir, cleanup } = folderWith({ "target.yaml": "extends: blueprint\nstructure:\n  tiers:\n    - { id: socialWorker, childrenPerWorker: 16 }\n" });
    try {
      const result = json(["run", "--json", "target.yaml"], dir);
      const preset = loadPreset("blueprint").structure.tiers.find((t) => t.id === "socialWorker")!;
      if (preset.size.rule !== "caseload") throw new Error("the blueprint's social workers are sized by caseload");
      const share = preset.size.shareOfChildren;
      const tier = result.structure.tiers.find((t: { id: string }) => t.id === "socialWorker");
      // 16 children per worker at work: the posts are children × share ÷ (16 × the share with someone at work)
      expect(tier.fte).toBeCloseTo((result.caseload.children * share) / (16 * result.caseload.atWorkShare), 9);
    } finally {
      cleanup();
    }
  });
});



/** Runs `socialcare <command> h.yaml` on a file that extends the Blueprint with `change`. */
function runChange(change: string, command = "run"): ReturnType<typeof socialcare> {
  const { dir, cleanup } = folderWith({ "h.yaml": `extends: blueprint\n${change}\n` });
  try {
    return socialcare([command, "h.yaml"], { cwd: dir });
  } finally {
    cleanup();
  }
}

describe("huge and tiny numbers are refused with the field named, never a hang or an unexpected error", () => {
  // Each of these once spun for good (past 2^53 pennies) or ended in "unexpected error: cannot round a non-finite amount".
  test.each([
    ["council:\n  children: 1e20", "council.children", `at most ${LIMITS.children}`],
    ["council:\n  children: 1e308", "council.children", `at most ${LIMITS.children}`],
    ["structure:\n  tiers:\n    - { id: strategy, fte: 1e18 }", "structure.tiers[6].fte", `at most ${LIMITS.fte}`],
    ["structure:\n  tiers:\n    - { id: socialWorker, salary: 1e308 }", "structure.tiers[0].salary", `at most ${LIMITS.salary}`],
    ["finance:\n  overheadsPerFte: 1e308", "finance.overheadsPerFte", `at most ${LIMITS.salary}`],
    ["structure:\n  teams: { size: 1e-300 }", "structure.teams.size", `at least ${LIMITS.smallestRatio}`],
    ["structure:\n  tiers:\n    - { id: socialWorker, childrenPerWorker: 1e-300 }", "structure.tiers[0].childrenPerWorker", `at least ${LIMITS.smallestRatio}`],
    ["council:\n  lookedAfterSpend: 1e300", "council.lookedAfterSpend", `at most ${LIMITS.amount}`],
  ].map(([change, field, bound]) => ({ change: change!, field: field!, bound: bound! })))("$field: $bound", ({ change, field, bound }) => {
    const run = runChange(change);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`${field}: must be ${bound}`);
    expect(run.stderr).not.toMatch(/unexpected error/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  test("a tier whose rule sizes it past the most one tier may hold is refused, naming the tier", () => {
    const run = runChange("structure:\n  tiers:\n    - { id: strategy, expression: 'children * 1e300' }");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/structure\.tiers\[6\]: sizes to .* FTE, more than the 100,000 one tier may hold \(tier "strategy"\)/);
    expect(run.stderr).not.toMatch(/unexpected error/);
  });

  test("the largest bounded inputs together still run to the penny", () => {
    const run = runChange(`council:\n  children: ${LIMITS.children}\nstructure:\n  tiers:\n    - { id: socialWorker, salary: ${LIMITS.salary} }`, "run");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});

describe("CSV output is safe to open in a spreadsheet", () => {
  // A cell a spreadsheet would read as a formula once ran it: text beginning =, +, -, @, a tab or a
  // carriage return now carries a leading ', and a number (a negative amount) stays a number.
  const FORMULA = /^[=+\-@\t\r]/;
  const council = "=cmd|' /C calc'!A0";

  function checkCells(rows: string[][]): void {
    for (const row of rows) {
      for (const cell of row) {
        if (FORMULA.test(cell)) expect(Number.isFinite(Number(cell))).toBe(true);
      }
    }
  }

  test("sweep: a council's name beginning with = comes out as text, negative amounts as numbers", () => {
    const table = readFileSync(join(ROOT, "test", "fixtures", "illustrative-england-2025.csv"), "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#"))
      .slice(0, 3);
    table[2] = table[2]!.replace(/^[^,]*/, `"${council}"`);
    const { dir, cleanup } = folderWith({ "councils.csv": `${table.join("\n")}\n` });
    try {
      const run = socialcare(["sweep", "councils.csv", "blueprint", "--baseline", "baseline-2018", "--draws", "20", "--csv"], { cwd: dir });
      expect(run.stderr).toBe("");
      const rows = parseCsv(run.stdout);
      checkCells(rows);
      expect(rows.some((row) => row[0] === `'${council}`)).toBe(true);
      const runCost = rows.find((row) => row[0] === `'${council}` && row[3] === "change.runCost")!;
      expect(runCost[5]).toMatch(/^-?\d/); // the central change, a plain number whatever its sign
    } finally {
      cleanup();
    }
  });

  test.each(["=1+1", "+1+1", "-1+1", "@SUM(1)", "\t=1", "\r=1"])("run: a scenario id %j comes out as text", (id) => {
    const { dir, cleanup } = folderWith({ "s.yaml": `extends: blueprint\nid: ${JSON.stringify(id)}\n` });
    try {
      const run = socialcare(["run", "s.yaml", "--csv"], { cwd: dir });
      expect(run.stderr).toBe("");
      const rows = parseCsv(run.stdout);
      checkCells(rows);
      expect(rows[1]![1]).toBe(`'${id}`);
    } finally {
      cleanup();
    }
  });

  test("compare: negative changes stay numbers", () => {
    const rows = parseCsv(socialcare(["compare", "baseline-2018", "blueprint", "--csv"]).stdout);
    const negative = rows.filter((row) => row.some((cell) => /^-\d/.test(cell)));
    expect(negative.length).toBeGreaterThan(0);
    for (const row of negative) for (const cell of row) if (cell.startsWith("-")) expect(Number.isFinite(Number(cell))).toBe(true);
  });
});

describe("a write that fails part way leaves the old file as it was", () => {
  // A file size limit (ulimit -f, in blocks of 1,024 bytes) stops the write after the first kilobytes:
  // the old file was already truncated; now the new one goes to a temporary file beside it, removed.
  function limited(args: string[], cwd: string): ReturnType<typeof spawnSync> {
    const quoted = [process.execPath, MAIN, ...args].map((a) => `'${a}'`).join(" ");
    return spawnSync("bash", ["-c", `ulimit -f 2; exec ${quoted}`], { cwd, encoding: "utf8" });
  }

  test.each([
    ["--out prev.json", ["run", "blueprint", "--json", "--out", "prev.json"], "prev.json"],
    ["compare --csv --out prev.csv", ["compare", "baseline-2018", "blueprint", "--csv", "--out", "prev.csv"], "prev.csv"],
    ["export --xlsx prev.xlsx", ["export", "baseline-2018", "blueprint", "--xlsx", "prev.xlsx"], "prev.xlsx"],
  ])("%s", (_, args, file) => {
    const { dir, cleanup } = folderWith({ [file]: "the old file\n" });
    try {
      const run = limited(args, dir);
      expect(run.status).toBe(1);
      expect(String(run.stderr)).toMatch(new RegExp(`${file.replace(".", "\\.")}.*(larger than allowed|EFBIG)`));
      expect(readFileSync(join(dir, file), "utf8")).toBe("the old file\n");
      expect(readdirSync(dir)).toEqual([file]);
    } finally {
      cleanup();
    }
  });

  test("a write that succeeds replaces the file whole, keeping its permissions", () => {
    const { dir, cleanup } = folderWith({ "prev.json": "the old file\n" });
    try {
      chmodSync(join(dir, "prev.json"), 0o640);
      const run = socialcare(["run", "blueprint", "--json", "--out", "prev.json"], { cwd: dir });
      expect(run.code).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, "prev.json"), "utf8")).scenario.id).toBe("blueprint");
      expect(statSync(join(dir, "prev.json")).mode & 0o777).toBe(0o640);
      expect(readdirSync(dir)).toEqual(["prev.json"]);
    } finally {
      cleanup();
    }
  });
});

describe("break-even with a target out of reach says so with the searched range's real ends", () => {
  // A target of 1e200 once gave "stays between £0 and £0" (the figure less the target, plus the target
  // again, lost every digit of the figure); 1e20 gave imprecise ends.
  test.each(["1e200", "1e20", "-1e20"])("--target %s", (target) => {
    const result = json(["breakeven", "blueprint", "--baseline", "baseline-2018", "--input", "council.children", "--target", target, "--json"]);
    expect(result.found).toBe(false);
    const [from, to] = result.range as [number, number];
    // The ends: the comparison worked with the input (the two sides' council) at each end of the range searched.
    const at = (children: number) =>
      compareScenarios(applySettings(loadPreset("baseline-2018"), { "council.children": children }), applySettings(loadPreset("blueprint"), { "council.children": children })).change.runCost;
    // within a penny: the search rounds the exact change, the comparison differences two rounded totals
    expect(Math.abs(result.figureAtLow - at(from))).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(Math.abs(result.figureAtHigh - at(to))).toBeLessThanOrEqual(0.01 + 1e-9);
    const pounds = (x: number) => `${x < 0 ? "-" : ""}£${Math.abs(x).toLocaleString("en-GB", { maximumFractionDigits: 2 })}`;
    const ends = [...result.message.matchAll(/between (-?£[\d,.]+) and (-?£[\d,.]+)/g)][0]!;
    const least = Number(ends[1].replace(/[£,]/g, ""));
    const most = Number(ends[2].replace(/[£,]/g, ""));
    expect(least).toBeLessThanOrEqual(Math.min(result.figureAtLow, result.figureAtHigh));
    expect(most).toBeGreaterThanOrEqual(Math.max(result.figureAtLow, result.figureAtHigh));
    expect(least).toBeLessThan(most);
    expect(result.message).toContain(`while council.children runs from ${from} to ${to}`);
    expect(result.message).toContain(`never ${Number(target) < 0 ? "-" : ""}£${Math.abs(Number(target)).toPrecision(4)}`);
    expect(pounds(least)).toBe(ends[1]);
  });
});

describe("smaller ones", () => {
  test("a setting given twice in --vary is refused, naming it and both distributions", () => {
    const run = socialcare(["simulate", "blueprint", "--draws", "10", "--vary", "council.children=uniform(1000,3000); council.children=uniform(2000,2500)"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--vary gives council.children twice ("uniform(1000,3000)" and "uniform(2000,2500)")');
  });

  test("--vary given twice is refused rather than the last silently kept", () => {
    const run = socialcare(["simulate", "blueprint", "--draws", "10", "--vary", "council.children=uniform(1000,3000)", "--vary", "council.vacancyRate=uniform(0.1,0.2)"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--vary is given twice/);
  });

  test("a health-check value in a column with no heading is reported, not dropped", () => {
    const { dir, cleanup } = folderWith({ "hc.csv": "metric,2024,2025\nvacancyRate,0.2,0.16,0.5\n", "hc2.csv": "metric,2024,,2025\nvacancyRate,0.2,0.3,0.16\n" });
    try {
      for (const [file, column, value] of [["hc.csv", 4, "0.5"], ["hc2.csv", 3, "0.3"]] as const) {
        const run = socialcare(["healthcheck", file], { cwd: dir });
        expect(run.code).toBe(1);
        expect(run.stderr).toContain(`row 2, column ${column} (vacancyRate): "${value}" is in a column with no heading`);
      }
    } finally {
      cleanup();
    }
  });

  test("export refuses a text longer than an Excel cell holds, naming the cells, and writes nothing", () => {
    const { dir, cleanup } = folderWith({ "long.yaml": `extends: blueprint\ndescription: "${"a".repeat(40_000)}"\n` });
    try {
      const run = socialcare(["export", "long.yaml", "--xlsx", "long.xlsx"], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/Inputs!B\d+: a text of 40,000 characters .* longer than the 32,767 characters an Excel cell holds/);
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(readdirSync(dir)).toEqual(["long.yaml"]);
    } finally {
      cleanup();
    }
  });

  test("an unknown name of 32,767 characters is quoted cut short, with its length, and no close matches", () => {
    const name = `blueprint${"x".repeat(32_758)}`;
    const run = socialcare(["run", name]);
    expect(run.code).toBe(1);
    expect(run.stderr.length).toBeLessThan(400);
    expect(run.stderr).toContain("(32,767 characters)");
    expect(run.stderr).not.toMatch(/did you mean/);
  });
});
