import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadPreset, teamDesign } from "../../engine/index.js";

/** The real `socialcare` CLI as a process (built to dist/ by `npm test` before jest runs). */
const ROOT = join(__dirname, "..", "..");
const CLI = join(ROOT, "dist", "cli", "socialcare.mjs");

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "socialcare-healthcheck-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const csv = file(
  "anytown.csv",
  ["metric,2023,2024,2025", "vacancyRate,21%,18%,13%", "averageCaseload,17,16,16.5", "supervisionSessions,0.7,0.9,", "sicknessAbsence,3%,3.6%,5.5%"].join("\n"),
);

describe("socialcare healthcheck <file.csv|json>", () => {
  test("a CSV of several years: areas, ratings, England, trend, missing named", () => {
    const r = run("healthcheck", csv);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/Overall: RED/);
    expect(r.stdout).toMatch(/Workload management: AMBER/);
    expect(r.stdout).toMatch(/Vacancy rate\s+13\.0%\s+GREEN\s+14\.2%\s+better\s+21\.0% → 18\.0% → 13\.0% \(improving\)/);
    expect(r.stdout).toMatch(/Average caseload\s+16\.5\s+AMBER\s+15\.2\s+worse/);
    expect(r.stdout).toMatch(/Supervision sessions per worker a month\s+missing\s+MISSING/);
    expect(r.stdout).toMatch(/A healthy workplace: RED/);
    expect(r.stdout).toMatch(/Missing in 2025 \(not scored\): Supervision sessions per worker a month;/);
    expect(r.stdout).toMatch(/Vacancy rate: green at or below 14.2%; amber above 14.2% up to 20%; red above 20%/);
  });

  test("--json gives the engine's object", () => {
    const r = run("healthcheck", csv, "--json");
    expect(r.code).toBe(0);
    const check = JSON.parse(r.stdout);
    expect(check.latestYear).toBe("2025");
    expect(check.overall).toBe("red");
    expect(check.metrics.find((m: { metric: string }) => m.metric === "supervisionSessions").rating).toBe("missing");
  });

  test("--csv gives one tidy row per metric and year", () => {
    const r = run("healthcheck", csv, "--csv");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("metric,area,year,value,unit,rating,england,england_year,against_england");
    expect(lines).toContain("vacancyRate,workloadManagement,2025,0.13,share,green,0.142,2025,better");
    expect(lines).toContain("supervisionSessions,workloadManagement,2025,,sessions a month,missing,,,");
    expect(lines).toContain("overall,,2025,,rating,red,,,");
  });

  test("a JSON file with the council's own thresholds, written with --out", () => {
    const json = file("ours.json", JSON.stringify({ council: "Ourtown", years: { "2025/26": { vacancyRate: 0.13 } }, thresholds: { vacancyRate: { green: 0.1, red: 0.15 } } }));
    const out = join(dir, "out.txt");
    const r = run("healthcheck", json, "--out", out);
    expect(r.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toMatch(/Social work health check: Ourtown, 2025\/26/);
    expect(text).toMatch(/Vacancy rate\s+13\.0%\s+AMBER/);
    expect(text).toMatch(/Vacancy rate: green at or below 10%; amber above 10% up to 15%; red above 15%/);
  });

  test.each([
    ["an unknown metric", file("bad1.csv", "metric,2025\nvacancyRat,10%\n"), /row 2, column 1: "vacancyRat": unknown metric; did you mean "vacancyRate"/],
    ["a share over 1", file("bad2.csv", "metric,2025\nvacancyRate,14.2\n"), /must be between 0 and 1 \(write 14.2% or 0.142\), got 14.2/],
    ["invalid JSON", file("bad3.json", "{ years: "), /bad3.json: is not valid JSON/],
    ["a missing file", join(dir, "nowhere.csv"), /nowhere.csv: no such file/],
  ])("%s: exit 1, a message naming it, no stack trace", (_name, path, message) => {
    const r = run("healthcheck", path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test("no file: exit 2 with the usage line", () => {
    const r = run("healthcheck");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/healthcheck needs a file of metrics/);
    expect(r.stderr).toMatch(/usage: socialcare/);
  });

  test("--help explains the file layout", () => {
    const r = run("healthcheck", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/usage: socialcare healthcheck <file.json\|file.csv>/);
    expect(r.stdout).toMatch(/metric,2023,2024,2025/);
  });
});

describe("team-design indicators in socialcare compare", () => {
  test("side by side for the baseline and each option, with the change", () => {
    const r = run("compare", "baseline-2018", "blueprint", "england-2025");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Team design\s+baseline-2018\s+blueprint\s+england-2025\s+blueprint change\s+england-2025 change/);
    expect(r.stdout).toMatch(/Management layers\s+3\s+1\s+3\s+-2\s+0/);
    // each side's indicator as the engine's team design gives it, to one decimal of a percent
    const share = (id: string) => `${(teamDesign(loadPreset(id)).indicators.find((i) => i.indicator === "seniorStaffHoldingCasesShare")!.value! * 100).toFixed(1)}%`;
    expect(r.stdout).toMatch(new RegExp(`Senior and experienced staff who hold cases\\s+${share("baseline-2018")}\\s+${share("blueprint")}`));
  });

  test("--csv carries them as teamDesign.<indicator> rows", () => {
    const r = run("compare", "baseline-2018", "blueprint", "--csv");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^teamDesign\.managementLayers,blueprint,1,layers$/m);
    expect(r.stdout).toMatch(/^teamDesign\.groupSupervisionHoursPerMonth,baseline-2018,1\.5,hours a month$/m);
  });
});
