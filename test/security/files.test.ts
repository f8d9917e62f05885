import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadScenarioFile, MOST_SCENARIO_BYTES, validateScenarioFile } from "../../node/index.js";
import { ScenarioError } from "../../engine/index.js";
import { socialcare } from "../cli/socialcare.js";

/**
 * Files from users: `extends` reads a file only inside a folder the caller allows (symbolic links
 * included), only regular files of a sane size are read, and a long list of problems is cut to twenty
 * and a count.
 */
const dir = mkdtempSync(join(tmpdir(), "socialcare-files-"));
const outside = mkdtempSync(join(tmpdir(), "socialcare-outside-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});
const at = (name: string, text: string) => {
  const full = join(dir, name);
  mkdirSync(join(full, ".."), { recursive: true });
  writeFileSync(full, text);
  return full;
};
writeFileSync(join(outside, "secret.yaml"), "extends: blueprint\nname: outside\n");
const base = at("base.yaml", "extends: blueprint\nname: base\n");
const child = at("child.yaml", "extends: ./base.yaml\nname: child\n");
const escape = at("escape.yaml", `extends: ${join(outside, "secret.yaml")}\n`);
const upward = at("sub/up.yaml", "extends: ../base.yaml\n");
symlinkSync(join(outside, "secret.yaml"), join(dir, "link.yaml"));
const viaLink = at("vialink.yaml", "extends: ./link.yaml\n");
const passwd = at("passwd.yaml", "extends: ../../../../../../etc/passwd\n");
const preset = at("preset.yaml", "extends: cluster\nname: by preset\n");

describe("the library reads no other file unless given a folder", () => {
  test("without a folder, an extends naming a file is refused; a preset by name works", () => {
    expect(() => loadScenarioFile(child)).toThrow(/names a file, and files are read only from a folder the caller allows/);
    expect(() => loadScenarioFile(passwd)).toThrow(ScenarioError);
    expect(loadScenarioFile(preset).name).toBe("by preset");
    expect(base).toBeDefined();
  });

  test("with a folder, files inside it are read; outside it, by path, by ../ or by a symbolic link, are refused", () => {
    expect(loadScenarioFile(child, { folder: dir }).name).toBe("child");
    for (const file of [escape, viaLink, passwd]) expect(() => loadScenarioFile(file, { folder: dir })).toThrow(/is outside .*the folder scenario files are read from/);
    expect(() => loadScenarioFile(upward, { folder: join(dir, "sub") })).toThrow(/is outside/);
    expect(loadScenarioFile(upward, { folder: dir }).name).toBe("base");
  });

  test("the CLI allows the folder of the file it was given, and no further", () => {
    expect(socialcare(["run", child]).code).toBe(0);
    const run = socialcare(["run", passwd]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/is outside/);
    expect(run.stderr).not.toMatch(/root:/);
  });
});

describe("only regular files of a sane size are read", () => {
  test("a device, a folder and an oversized file are refused by name before reading", () => {
    expect(() => loadScenarioFile("/dev/zero")).toThrow("/dev/zero: is not a regular file");
    expect(() => loadScenarioFile(dir)).toThrow("is a folder");
    const big = at("big.yaml", `# ${"x".repeat(MOST_SCENARIO_BYTES)}\nextends: blueprint\n`);
    expect(() => loadScenarioFile(big)).toThrow(/MB is refused/);
    const viaExtends = at("zero.yaml", "extends: /dev/zero\n");
    expect(() => loadScenarioFile(viaExtends, { folder: "/" })).toThrow(/not a regular file/);
  });

  test("the CLI's run, healthcheck and import refuse /dev/zero in one line", () => {
    for (const args of [["run", "/dev/zero"], ["healthcheck", "/dev/zero"], ["import", "/dev/zero"]]) {
      const run = socialcare(args);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/not a regular file/);
    }
  });

  test("an extends of an empty file is a problem naming that file", () => {
    const empty = at("empty.yaml", "");
    const file = at("extends-empty.yaml", "extends: ./empty.yaml\n");
    const validation = validateScenarioFile(file, { folder: dir });
    expect(validation.ok).toBe(false);
    if (!validation.ok) expect(validation.issues[0]!.reason).toContain(`${empty}: must not be empty`);
  });
});

test("hundreds of problems: the message lists twenty and counts the rest", () => {
  const many = at("many.yaml", `extends: blueprint\ncouncil:\n${Array.from({ length: 300 }, (_, i) => `  unknown${i}: 1`).join("\n")}\n`);
  const run = socialcare(["run", many]);
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split("\n");
  expect(lines[0]).toMatch(/300 problems$/);
  expect(lines).toHaveLength(22);
  expect(lines[21]).toBe("  … and 280 more problems");
  const validate = socialcare(["validate", many]);
  expect(validate.stdout.trim().split("\n")).toHaveLength(22);
  expect(JSON.parse(socialcare(["validate", many, "--json"]).stdout).issues).toHaveLength(300);
});
