import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareScenarios, loadPreset, sensitivity, simulate, switchingValue } from "../../engine/index.js";
import { publishedCouncilTable } from "../../engine/index.js";
import { ILLUSTRATIVE_TABLE_FILE } from "../fixtures/councilTables.js";

// The real CLI, as built by npm test (dist/cli/socialcare.mjs, the bin), run as a user would run it.
const CLI = join(__dirname, "..", "..", "dist", "cli", "socialcare.mjs");
jest.setTimeout(240_000);

function socialcare(...args: string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

describe("socialcare simulate", () => {
  test("--json is the engine's result for the same seed and draws, on one worker or two", () => {
    const expected = simulate(loadPreset("blueprint"), { baseline: loadPreset("baseline-2018"), draws: 3000, seed: 12, budget: 7_000_000 });
    for (const workers of ["1", "2"]) {
      const run = socialcare("simulate", "blueprint", "--baseline", "baseline-2018", "--draws", "3,000", "--seed", "12", "--budget", "£7,000,000", "--workers", workers, "--json");
      expect([workers, run.code, run.stderr]).toEqual([workers, 0, ""]);
      expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });

  test("the table shows each figure's percentiles and the probabilities; the progress bar goes to stderr", () => {
    const run = socialcare("simulate", "blueprint", "--baseline", "baseline-2018", "--draws", "2000", "--budget", "7000000", "--progress");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Monte Carlo: blueprint against baseline-2018, 2,000 draws, seed 1/);
    // the central column is the comparison's own transition spend, in pounds and pence
    const central = compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint")).transition.total;
    const pounds = `£${central.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    expect(run.stdout).toMatch(new RegExp(`Transition spend\\s+${pounds.replace(/[.$]/g, "\\$&")}`));
    expect(run.stdout).toMatch(/Chance the option is cost neutral: \d+\.\d%/);
    expect(run.stdout).toMatch(/Chance transition spend exceeds £7,000,000\.00: \d+\.\d%/);
    expect(run.stdout).toMatch(/Rank correlations: council.vacancyRate ~ council.agencyCoverShare 0.5/);
    expect(run.stderr).toMatch(/simulate \[#+\] 100% {2}2,000\/2,000 draws\n$/);
    expect(run.stdout).not.toMatch(/#####/);
  });

  test("without --progress and without a terminal, stderr stays quiet", () => {
    const run = socialcare("simulate", "england-2025", "--draws", "500", "--csv");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n")[0]).toBe("figure,label,unit,central,mean,sd,min,max,p5,p10,p50,p90,p95");
  });

  test("--vary and --correlate add uncertain inputs from the command line", () => {
    const run = socialcare("simulate", "england-2025", "--draws", "500", "--vary", "timeUse.directContact=uniform(0.1,0.2); finance.pensionRate=triangular(0.18,0.2,0.23)", "--correlate", "timeUse.directContact~finance.pensionRate=-0.3", "--json");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.inputs.map((i: { key: string }) => i.key)).toEqual(expect.arrayContaining(["timeUse.directContact", "finance.pensionRate"]));
    expect(result.correlations).toContainEqual({ between: ["timeUse.directContact", "finance.pensionRate"], rank: -0.3 });
  });

  test.each([
    [["simulate", "blueprint", "--baseline", "baseline-2018", "--figure", "transition.totl"], 1, 'socialcare: unknown figure "transition.totl"; did you mean "transition.total"?\n'],
    [["simulate", "blueprint", "--draws", "0"], 1, "socialcare: draws: must be a whole number from 1 to 5,000,000, got 0\n"],
    [["simulate", "blueprint", "--draws", "many"], 2, 'socialcare simulate: --draws must be a whole number, got "many"\n'],
    [["simulate", "blueprint", "--vary", "council.vacancyRate"], 2, 'socialcare simulate: --vary takes key=distribution pairs separated by ";", got "council.vacancyRate"\n'],
    [["simulate", "blueprint", "--workers", "0"], 1, "socialcare: workers: must be a whole number from 1 to 64, got 0\n"],
    [["simulate"], 2, "socialcare simulate: simulate needs one scenario (a preset or a file)\n"],
  ])("%j exits %i with a message and no stack trace", (args, code, message) => {
    const run = socialcare(...args);
    expect(run.code).toBe(code);
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe("");
  });
});

describe("socialcare sensitivity and breakeven", () => {
  test("the tornado is the engine's, widest swing first", () => {
    const expected = sensitivity(loadPreset("blueprint"), { baseline: loadPreset("baseline-2018"), figure: "transition.total" });
    const run = socialcare("sensitivity", "blueprint", "--baseline", "baseline-2018", "--figure", "transition.total", "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    const text = socialcare("sensitivity", "blueprint", "--baseline", "baseline-2018", "--figure", "transition.total").stdout;
    const order = expected.bars.map((b) => text.indexOf(`(${b.key})`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  });

  test("breakeven finds the caseload at which the Blueprint is cost neutral, and says when there is no crossing", () => {
    const baseline = loadPreset("baseline-2018");
    const option = loadPreset("blueprint");
    const found = switchingValue(option, { baseline, input: "option.structure.tiers.socialWorker.childrenPerWorker", figure: "change.runCost" });
    const run = socialcare("breakeven", "blueprint", "--baseline", "baseline-2018", "--input", "option.structure.tiers.socialWorker.childrenPerWorker", "--figure", "change.runCost");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(found.message);
    const none = socialcare("breakeven", "blueprint", "--baseline", "baseline-2018", "--input", "council.vacancyRate", "--from", "0.1", "--to", "0.3");
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/no crossing in range: change.runCost stays between £[\d,.]+ and £[\d,.]+, never £0, while council.vacancyRate runs from 0.1 to 0.3/);
    expect(socialcare("breakeven", "blueprint").code).toBe(2);
    expect(socialcare("breakeven", "blueprint", "--input", "council.children", "--from", "1").stderr).toMatch(/give both --from and --to, or neither/);
  });
});

describe("socialcare sweep", () => {
  test("the published councils by default: every council reporting, by name, one row per council and scenario", () => {
    const table = publishedCouncilTable();
    const run = socialcare("sweep", "published", "blueprint", "--baseline", "traditional", "--draws", "20", "--workers", "2");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Sweep: ${table.councils.length} councils from ${table.source} × blueprint against traditional, 20 draws each, seed 1`);
    for (const name of ["Leeds", "Birmingham", "Cornwall"]) expect(run.stdout).toMatch(new RegExp(`^${name} +blueprint`, "m"));
  });

  test("the illustrative fixture, labelled as such, read as a file", () => {
    const run = socialcare("sweep", ILLUSTRATIVE_TABLE_FILE, "blueprint", "--baseline", "baseline-2018", "--draws", "20", "--workers", "2");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ILLUSTRATIVE COUNCILS: made-up rows, not the figures of any real council/);
    expect(run.stdout.match(/^Illustrative council \d{3} +blueprint/gm)).toHaveLength(153);
  });

  test("a council file of one's own, as CSV out", () => {
    const dir = mkdtempSync(join(tmpdir(), "socialcare-sweep-"));
    const file = join(dir, "ours.csv");
    writeFileSync(file, "name,council.children,council.vacancyRate\nOurs,2400,0.12\nNeighbour,1800,0.2\n");
    const run = socialcare("sweep", file, "blueprint", "cluster", "--baseline", "baseline-2018", "--draws", "30", "--csv", "--workers", "1");
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split("\n");
    expect(rows[0]).toBe("council,scenario,baseline,figure,unit,central,mean,sd,min,max,p5,p10,p50,p90,p95");
    // 2 councils × 2 scenarios × (3 figures + 2 probabilities).
    expect(rows).toHaveLength(1 + 2 * 2 * 5);
    expect(rows[1]).toMatch(/^Ours,blueprint,baseline-2018,change.runCost,£ a year,/);
    const bad = socialcare("sweep", join(dir, "missing.csv"), "blueprint");
    expect([bad.code, bad.stderr]).toEqual([1, `socialcare: ${join(dir, "missing.csv")}: no such file\n`]);
  });
});

test("socialcare --help lists the uncertainty commands", () => {
  const run = socialcare("--help");
  for (const name of ["simulate", "sensitivity", "breakeven", "sweep"]) expect(run.stdout).toMatch(new RegExp(`^  ${name} `, "m"));
});
