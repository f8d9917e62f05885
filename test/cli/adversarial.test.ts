import { loadPreset } from "../../engine/index.js";
import { folderWith, socialcare } from "./socialcare.js";

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


