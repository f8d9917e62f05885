import { loadPreset } from "../../engine/index.js";
import { LIMITS } from "../../engine/scenario/schema.js";
import { folderWith, socialcare, STACK_LINE } from "./socialcare.js";

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
      expect(tier.fte).toBeCloseTo((result.caseload.children * share) / 16, 9);
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
    ["structure:\n  tiers:\n    - { id: strategy, fte: 1e18 }", "structure.tiers[5].fte", `at most ${LIMITS.fte}`],
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
    expect(run.stderr).toMatch(/structure\.tiers\[5\]: sizes to .* FTE, more than the 100,000 one tier may hold \(tier "strategy"\)/);
    expect(run.stderr).not.toMatch(/unexpected error/);
  });

  test("the largest bounded inputs together still run to the penny", () => {
    const run = runChange(`council:\n  children: ${LIMITS.children}\nstructure:\n  tiers:\n    - { id: socialWorker, salary: ${LIMITS.salary} }`, "run");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});
