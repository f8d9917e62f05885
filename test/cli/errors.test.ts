import { readFileSync } from "node:fs";
import { join } from "node:path";
import { COMMANDS } from "../../cli/commands/index.js";
import { folderWith, ROOT, socialcare, socialcareAsync, STACK_LINE } from "./socialcare.js";

/**
 * What a user sees when something is wrong: exit 1 and a message naming the field or the file for a
 * bad scenario, exit 2 and the usage line for wrong usage; never a stack trace unless --debug.
 */

const files = folderWith({
  "invalid.json": '{ "extends": "blueprint", "council": { "children": 3000, } }\n',
  "invalid.yaml": "extends: blueprint\ncouncil:\n  children: [1, 2\n  name: x\n",
  "negative.yaml": "extends: blueprint\nstructure:\n  tiers:\n    - { id: strategy, fte: -2 }\n",
  "string.yaml": "extends: blueprint\ncouncil:\n  children: lots\n",
  "self.yaml": "extends: blueprint\nstructure:\n  tiers:\n    - { id: strategy, reportsTo: strategy }\n",
  // 0.55 + the Blueprint's 0.44 + 0.09 + 0.14 + 0.08 = 1.30.
  "shares.json": JSON.stringify({ extends: "blueprint", timeUse: { directContact: 0.55 } }),
  "no-preset.yaml": "extends: blueprnt\nname: Misspelt\n",
  "no-base.yaml": "extends: ./missing-base.yaml\n",
  "empty.yaml": "",
  "via-invalid.yaml": "extends: ./invalid.yaml\n",
  "several.yaml": "extends: blueprint\ncouncil:\n  children: -5\n  vacancyRate: lots\n",
});
afterAll(files.cleanup);
const at = (name: string) => join(files.dir, name);

interface BadInput {
  what: string;
  args: string[];
  /** What the message must say: the field, the name or the file. */
  says: (string | RegExp)[];
}

const BAD_INPUTS: BadInput[] = [
  { what: "invalid JSON", args: ["run", at("invalid.json")], says: ["invalid.json", "is not valid JSON", /line 1, column \d+/] },
  { what: "invalid YAML", args: ["run", at("invalid.yaml")], says: ["invalid.yaml", "is not valid YAML", /line 4, column \d+/] },
  { what: "a negative count", args: ["run", at("negative.yaml")], says: ["negative.yaml", "structure.tiers[6].fte", "must be at least 0, got -2"] },
  { what: "a string where a number belongs", args: ["run", at("string.yaml")], says: ["string.yaml", "council.children", "must be a number", '"lots"'] },
  { what: "a tier reporting to itself", args: ["run", at("self.yaml")], says: ["self.yaml", "structure.tiers[6].reportsTo", "cannot report to itself"] },
  { what: "time-use shares that sum to 1.3", args: ["run", at("shares.json")], says: ["shares.json", "timeUse", "must sum to 1, got 1.3"] },
  { what: "an unknown preset", args: ["run", "blueprnt"], says: ['unknown preset "blueprnt"', 'did you mean "blueprint"'] },
  { what: "an unknown preset as the option of a comparison", args: ["compare", "baseline-2018", "clustr"], says: ['unknown preset "clustr"', '"cluster"'] },
  { what: "an extends of a missing preset", args: ["run", at("no-preset.yaml")], says: ["no-preset.yaml", 'unknown preset "blueprnt"', '"blueprint"'] },
  { what: "an extends of a missing file", args: ["run", at("no-base.yaml")], says: ["no-base.yaml", "extends", "missing-base.yaml"] },
  { what: "an empty file", args: ["run", at("empty.yaml")], says: ["empty.yaml", "must not be empty"] },
  { what: "an extends of a file that does not parse", args: ["run", at("via-invalid.yaml")], says: [join(files.dir, "invalid.yaml"), "is not valid YAML"] },
  { what: "a missing file", args: ["run", at("not-there.yaml")], says: ["not-there.yaml", "no such file"] },
  { what: "a missing file as the baseline", args: ["compare", at("not-there.json"), "blueprint"], says: ["not-there.json", "no such file"] },
  { what: "an unknown figure", args: ["explain", "blueprint", "runCost.totl"], says: ['unknown figure "runCost.totl"', '"runCost.total"'] },
];

describe("bad input: exit 1, a message naming the field or file, no stack trace", () => {
  test.concurrent.each(BAD_INPUTS)("$what", async ({ args, says }) => {
    const run = await socialcareAsync(args);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^socialcare: /);
    for (const s of says) expect(run.stderr).toMatch(typeof s === "string" ? new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : s);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  test("--debug shows the stack trace as well", () => {
    const run = socialcare(["run", at("negative.yaml"), "--debug"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("structure.tiers[6].fte");
    expect(run.stderr).toMatch(STACK_LINE);
  });
});

describe("socialcare validate lists every problem, as path and reason", () => {
  test("two problems in one file, both listed, exit 1", () => {
    const run = socialcare(["validate", at("several.yaml")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/2 problems/);
    expect(run.stdout).toMatch(/^ {2}council\.children: must be at least 0, got -5$/m);
    expect(run.stdout).toMatch(/^ {2}council\.vacancyRate: must be a number .*"lots"$/m);
    expect(run.stderr).toBe("");
  });

  test("--json is the engine's Validation; --csv is path and reason", () => {
    const json = JSON.parse(socialcare(["validate", at("several.yaml"), "--json"]).stdout);
    expect(json.ok).toBe(false);
    expect(json.issues.map((i: { path: string }) => i.path)).toEqual(["council.children", "council.vacancyRate"]);
    const csv = socialcare(["validate", at("several.yaml"), "--csv"]);
    expect(csv.code).toBe(1);
    expect(csv.stdout.split("\n")[0]).toBe("path,reason");
  });

  test.concurrent.each(BAD_INPUTS.filter((b) => b.args[0] === "run" && b.args[1]!.startsWith(files.dir)))("$what is a problem validate reports", async ({ args, says }) => {
    const run = await socialcareAsync(["validate", args[1]!]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/1 problem/);
    for (const s of says.slice(1)) expect(run.stdout).toMatch(typeof s === "string" ? new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : s);
  });
});

describe("wrong usage: exit 2 with the usage line", () => {
  const USAGE_ERRORS: { what: string; args: string[]; usage: RegExp; says: string }[] = [
    { what: "no command", args: [], usage: /^usage: socialcare <command>/m, says: "Commands:" },
    { what: "an unknown command", args: ["comapre", "a", "b"], usage: /^usage: socialcare <command>/m, says: 'did you mean "compare"' },
    { what: "a missing argument", args: ["run"], usage: /^usage: socialcare run <preset\|file>/m, says: "missing <preset|file>" },
    { what: "a compare with no option", args: ["compare", "baseline-2018"], usage: /^usage: socialcare compare <baseline> <option>/m, says: "missing <option>" },
    { what: "an argument too many", args: ["run", "blueprint", "cluster"], usage: /^usage: socialcare run/m, says: 'unexpected argument "cluster"' },
    { what: "an unknown option", args: ["run", "blueprint", "--jsn"], usage: /^usage: socialcare run/m, says: 'did you mean "--json"' },
    { what: "an option missing its value", args: ["run", "blueprint", "--out"], usage: /^usage: socialcare run/m, says: "--out needs a value" },
    { what: "--json with --csv", args: ["run", "blueprint", "--json", "--csv"], usage: /^usage: socialcare run/m, says: "choose one of --json and --csv" },
  ];
  test.concurrent.each(USAGE_ERRORS)("$what", async ({ args, usage, says }) => {
    const run = await socialcareAsync(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(usage);
    expect(run.stderr).toContain(says);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe("help and version", () => {
  test.concurrent.each(COMMANDS.map((c) => c.name))("socialcare %s --help: the usage line, the options and an example", async (name) => {
    const command = COMMANDS.find((c) => c.name === name)!;
    const run = await socialcareAsync([name, "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`usage: ${command.usage}`);
    for (const option of command.options) expect(run.stdout).toContain(`--${option.name}`);
    expect(run.stdout).toMatch(/Example:\n {2}socialcare \S+/);
    expect(run.stdout).toContain(command.example);
  });

  test("socialcare --help lists every command", () => {
    const run = socialcare(["--help"]);
    expect(run.code).toBe(0);
    for (const command of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^ {2}${command.name} +${command.summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"));
  });

  test("socialcare help <command> is that command's --help", () => {
    const run = socialcare(["help", "compare"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(socialcare(["compare", "--help"]).stdout);
  });

  test("socialcare --version prints the package's version", () => {
    const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
    for (const flag of ["--version", "-V"]) {
      const run = socialcare([flag]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
    }
  });
});

describe("npm start", () => {
  test("prints the default comparison, baseline-2018 against blueprint", () => {
    // The start script builds, then runs the CLI; the build is npm test's own first step, so run
    // what follows it.
    const start: string = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts.start;
    const command = start.split("&&").at(-1)!.trim();
    const match = /^node dist\/cli\/socialcare\.mjs (.+)$/.exec(command);
    expect(match).not.toBeNull();
    const run = socialcare(match![1]!.split(" "));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Blueprint \(Buurtzorg-style self-managing teams\)\n {2}against Traditional hierarchy, 2018/);
    expect(run.stdout).toMatch(/^Transition spend/m);
  });
});
