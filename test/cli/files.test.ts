import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { applySettings, compareScenarios, loadPreset, runScenario, type Result } from "../../engine/index.js";
import { folderWith, parseCsv, ROOT, socialcare } from "./socialcare.js";

/**
 * Scenario files: YAML and JSON alike, `extends` of a preset or of another file (relative to the file
 * that names it, wherever the CLI is run from), overrides merged over what they extend, and other
 * councils' figures under a structure with --council. And --out.
 */

const OURS_YAML = `# Our council on the Blueprint: more children, a bigger strategy team.
extends: blueprint
name: Our council
council:
  children: { value: 3000, source: "our CIN census, March 2026" }
structure:
  tiers:
    - { id: strategy, fte: 5 }
`;

const OURS_JSON = JSON.stringify({
  extends: "blueprint",
  name: "Our council",
  council: { children: { value: 3000, source: "our CIN census, March 2026" } },
  structure: { tiers: [{ id: "strategy", fte: 5 }] },
});

const files = folderWith({
  "yaml/ours.yaml": OURS_YAML,
  "json/ours.json": OURS_JSON,
  // A file extending a file, by a path relative to itself; then overriding again.
  "teams/smaller.yml": "extends: base/ours.yaml\nname: Our council, teams of 6\nstructure:\n  teams: { size: 6 }\n",
  "teams/base/ours.yaml": OURS_YAML,
  "councils/ours.yaml": "name: Our council\nchildren: 2600\nchildrenPerFamily: 1.5\nvacancyRate: 0.1\nagencyCoverShare: 0.5\nagencyPremium: 0.3\nreferralsPerYear: 5000\n",
  "councils/no-referrals.yaml": "name: Our council\nchildren: 2600\nchildrenPerFamily: 1.5\nvacancyRate: 0.1\nagencyCoverShare: 0.5\nagencyPremium: 0.3\n",
});
afterAll(files.cleanup);

/** The Blueprint's council: 1 − 17% vacant × (1 − 74.4% covered by agency) of posts have someone at work. */
const BLUEPRINT_AT_WORK = 1 - 0.17 * (1 - 0.744);

const runJson = (args: string[], cwd?: string): Result => {
  const run = socialcare([...args, "--json"], cwd ? { cwd } : {});
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Result;
};

describe("extends with overrides", () => {
  const yaml = runJson(["run", join(files.dir, "yaml/ours.yaml")]);

  test("the overrides take effect and the rest is the preset's", () => {
    expect(yaml.scenario.name).toBe("Our council");
    expect(yaml.caseload.children).toBe(3000);
    expect(yaml.structure.tiers.find((t) => t.id === "strategy")!.fte).toBe(5);
    // Both case-holding tiers stay at the Blueprint's 14 children each at work (shares 0.8 + 0.2), so
    // case-holding FTE = 3000 ÷ (14 × the share of posts with someone at work), worked by hand.
    expect(yaml.caseload.caseHoldingFte).toBeCloseTo(3000 / (14 * BLUEPRINT_AT_WORK), 9);
    const preset = runScenario(loadPreset("blueprint"));
    expect(yaml.structure.tiers.map((t) => t.id)).toEqual(preset.structure.tiers.map((t) => t.id));
    expect(yaml.structure.tiers.find((t) => t.id === "socialWorker")!.salary).toBe(preset.structure.tiers.find((t) => t.id === "socialWorker")!.salary);
  });

  test("the file run is the preset with those settings changed", () => {
    const expected = runScenario(applySettings(loadPreset("blueprint"), { "council.children": 3000, "structure.tiers.strategy.fte": 5 }));
    expect(yaml.runCost).toEqual(expected.runCost);
    expect(yaml.structure.tiers).toEqual(expected.structure.tiers);
  });

  test("JSON and YAML of the same scenario give the same result", () => {
    const json = runJson(["run", join(files.dir, "json/ours.json")]);
    expect(json).toEqual(yaml);
  });

  test("a file extending a file resolves its path from its own folder, wherever the CLI runs", () => {
    const fromElsewhere = runJson(["run", join(files.dir, "teams/smaller.yml")], ROOT);
    const fromInside = runJson(["run", "smaller.yml"], join(files.dir, "teams"));
    expect(fromElsewhere).toEqual(fromInside);
    expect(fromElsewhere.scenario.name).toBe("Our council, teams of 6");
    expect(fromElsewhere.caseload.children).toBe(3000);
    expect(fromElsewhere.structure.teamSize).toBe(6);
    // 224.0 case-holding FTE in teams of 6, a part team counting as a whole one: ceil(37.3) = 38.
    expect(fromElsewhere.structure.teams).toBe(Math.ceil(3000 / (14 * BLUEPRINT_AT_WORK) / 6));
  });

  test("a source given in the file is the source explain shows", () => {
    const run = socialcare(["explain", join(files.dir, "yaml/ours.yaml"), "caseload.children", "--json"]);
    const explanation = JSON.parse(run.stdout);
    expect(explanation.inputs[0]).toMatchObject({ name: "council.children", value: 3000, source: "our CIN census, March 2026" });
  });

  test("validate says a good file is valid", () => {
    const run = socialcare(["validate", join(files.dir, "teams/smaller.yml")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/valid/);
  });
});

describe("--council: a structure on another council's figures", () => {
  const council = parse(readFileSync(join(ROOT, "models/councils/average-council-2025.yaml"), "utf8"));

  test("a shared council by name: its figures, the structure unchanged", () => {
    const moved = runJson(["run", "blueprint", "--council", "average-council-2025"]);
    const original = runScenario(loadPreset("blueprint"));
    expect(moved.scenario.council).toBe(council.name);
    expect(moved.caseload.children).toBe(council.children.value);
    expect(moved.caseload.families).toBeCloseTo(council.children.value / council.childrenPerFamily.value, 9);
    expect(moved.structure.tiers.map((t) => [t.id, t.salary])).toEqual(original.structure.tiers.map((t) => [t.id, t.salary]));
    // the Blueprint's 14 is children per case-holder at work, as the DfE counts
    expect(moved.caseload.childrenPerCaseHolderAtWork).toBeCloseTo(14, 9);
    expect(moved.caseload.childrenPerCaseHolder).toBeCloseTo(14 * (1 - council.vacancyRate.value * (1 - council.agencyCoverShare.value)), 9);
  });

  test("a preset's council, and the sources travel with the figures", () => {
    const run = socialcare(["explain", "blueprint", "caseload.children", "--council", "england-2025", "--json"]);
    expect(run.code).toBe(0);
    const input = JSON.parse(run.stdout).inputs[0];
    expect(input.value).toBe(council.children.value);
    expect(input.source).toBe(council.children.source);
  });

  test("a file holding a council alone", () => {
    const moved = runJson(["run", "blueprint", "--council", join(files.dir, "councils/ours.yaml")]);
    expect(moved.caseload.children).toBe(2600);
    expect(moved.caseload.families).toBeCloseTo(2600 / 1.5, 9);
  });

  test("a council without referrals, under a structure whose referral team they size, is refused naming the setting", () => {
    const run = socialcare(["run", "blueprint", "--council", join(files.dir, "councils/no-referrals.yaml")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/council\.referralsPerYear: tier "referral" \(structure\.tiers\[2\]\) is sized by referrals a year, so the council must state them/);
    expect(run.stdout).toBe("");
  });

  test("compare puts the baseline and every option on that council", () => {
    const run = socialcare(["compare", "baseline-2018", "blueprint", "--council", "average-council-2025", "--json"]);
    const [c] = JSON.parse(run.stdout);
    expect(c.baseline.caseload.children).toBe(council.children.value);
    expect(c.option.caseload.children).toBe(council.children.value);
  });

  test("an unknown council names it and lists the close matches", () => {
    const run = socialcare(["run", "blueprint", "--council", "average-council-2024"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unknown council "average-council-2024"');
    expect(run.stderr).toContain('"average-council-2025"');
  });
});

describe("--out", () => {
  test("writes the output to the file and prints nothing", () => {
    const path = join(files.dir, "comparison.txt");
    const run = socialcare(["compare", "baseline-2018", "blueprint", "--json", "--out", path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    const written = JSON.parse(readFileSync(path, "utf8"));
    expect(written).toEqual(JSON.parse(JSON.stringify([compareScenarios(loadPreset("baseline-2018"), loadPreset("blueprint"))])));
  });

  test("a .csv or .json file gets that format without --csv or --json", () => {
    const csv = join(files.dir, "result.csv");
    expect(socialcare(["run", "blueprint", "--out", csv]).code).toBe(0);
    expect(parseCsv(readFileSync(csv, "utf8"))[0]).toEqual(["figure", "scenario", "value", "unit"]);
    const json = join(files.dir, "result.json");
    expect(socialcare(["run", "blueprint", "--out", json]).code).toBe(0);
    expect(JSON.parse(readFileSync(json, "utf8")).runCost.total).toBe(runScenario(loadPreset("blueprint")).runCost.total);
    const text = join(files.dir, "result.txt");
    expect(socialcare(["run", "blueprint", "--out", text]).code).toBe(0);
    expect(readFileSync(text, "utf8")).toBe(socialcare(["run", "blueprint"]).stdout);
  });

  test("a file that cannot be written is exit 1, naming it", () => {
    const path = join(files.dir, "no-such-folder", "x.csv");
    const run = socialcare(["run", "blueprint", "--out", path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(path);
    expect(run.stderr).toContain("folder does not exist");
    expect(existsSync(path)).toBe(false);
  });
});
