import {
  applySettings,
  councilFigures,
  financeForDataYear,
  findCouncil,
  listCouncils,
  listParts,
  loadPreset,
  loadScenario,
  runScenario,
  usePublishedCouncilTable,
  type Scenario,
} from "../../engine/index.js";
import { ScenarioError, UnknownNameError } from "../../engine/errors.js";
import { onCouncil } from "../../node/council.js";
import { socialcare } from "../cli/socialcare.js";

/**
 * A published council in a scenario (`council: leeds`) and on the command line (`--council leeds`): its
 * figures as published, the data year's prices, and its caseload for a structure run as councils run it
 * today. Each expectation is worked from the council's own published figures, never a headline.
 */

usePublishedCouncilTable();

const leeds = councilFigures("leeds", 2025);
const num = (figure: string, f = leeds): number => f[figure]!.value as number;
const caseHolders = (s: Scenario) => s.structure.tiers.filter((t) => t.holdsCases && t.size.rule === "caseload");
const caseloadOf = (s: Scenario) => caseHolders(s).map((t) => (t.size as { childrenPerWorker: number }).childrenPerWorker);

describe("council: <published council> in a scenario", () => {
  const s = loadScenario({ extends: "traditional", council: "leeds" });

  test("the council's figures are its published ones, each with its publication", () => {
    expect(s.council.children).toBe(num("cases"));
    expect(s.council.caseload).toBe(num("caseload"));
    expect(s.council.vacancyRate).toBeCloseTo(num("vacancyRate"), 12);
    // agency cover = agency workers covering vacancies ÷ vacancies (FTE)
    expect(s.council.agencyCoverShare).toBeCloseTo(num("agencyCoverFte") / num("vacancyFte"), 12);
    expect(s.sources["council.children"]!.source).toContain("DfE, Children's social work workforce 2025, Leeds");
    expect(s.sources["council.caseload"]!.source).toContain("Leeds");
  });

  test("a structure run as councils run it today takes the council's caseload for every case-holding tier", () => {
    expect(s.structure.caseloadFromCouncil).toBe(true);
    expect(caseloadOf(s).length).toBeGreaterThan(0);
    for (const c of caseloadOf(s)) expect(c).toBe(num("caseload"));
    expect(s.sources["structure.tiers.socialWorker.childrenPerWorker"]!.source).toContain("council.caseload");
    // so the case-holding FTE is the children over the published caseload, as the DfE counts it
    const r = runScenario(s);
    expect(r.caseload.caseHoldingFte).toBeCloseTo(num("cases") / num("caseload"), 9);
  });

  test("the data year's prices: 2025 figures are costed in 2025/26", () => {
    expect(s.finance.year).toBe("2025/26");
  });

  test("an option's own caseload target stays its own", () => {
    const b = loadScenario({ extends: "blueprint", council: "leeds" });
    const preset = loadPreset("blueprint");
    expect(b.structure.caseloadFromCouncil).toBeUndefined();
    expect(caseloadOf(b)).toEqual(caseloadOf(preset));
    expect(b.council.children).toBe(num("cases"));
    expect(b.finance.year).toBe("2025/26");
  });

  test("by ONS code or DfE number, with a year, and the file's own figures laid over", () => {
    const y2024 = councilFigures("leeds", 2024);
    const byCode = loadScenario({ extends: "traditional", council: { name: "E08000035", year: 2024, vacancyRate: 0.05 } });
    expect(byCode.council.children).toBe(num("cases", y2024));
    expect(byCode.council.vacancyRate).toBe(0.05);
    const byNumber = loadScenario({ extends: "traditional", council: { name: "383", year: 2024 } });
    expect(byNumber.council.caseload).toBe(num("caseload", y2024));
  });

  test("in a file, a DfE number and a year are read as written (a file's bare numbers carry its name as their source)", () => {
    const s = loadScenario("extends: traditional\ncouncil: 383\n", { source: "mine.yaml" });
    expect(s.council.children).toBe(num("cases"));
    const y = loadScenario("extends: traditional\ncouncil: { name: 383, year: 2024 }\n", { source: "mine.yaml" });
    expect(y.council.children).toBe(num("cases", councilFigures("leeds", 2024)));
  });

  test("a file that names its finance keeps it", () => {
    const own = loadScenario({ extends: "traditional", council: "leeds", finance: "finance-2019-20" });
    expect(own.finance.year).toBe("2019/20");
  });

  test("a council of the file's own (with children) is not looked up, even if named like one", () => {
    const own = loadScenario({ extends: "england-2025", council: { name: "Leeds", children: 1000, childrenPerFamily: 1.4, vacancyRate: 0.1, agencyCoverShare: 0.5, agencyPremium: 0.3 } });
    expect(own.council.children).toBe(1000);
    // the rest of the council is the preset's own, not the published Leeds
    expect(own.council.caseload).toBe(loadPreset("england-2025").council.caseload);
    expect(own.sources["council.caseload"]?.source).not.toContain("Leeds");
  });

  test("a missing figure is named, with the council, the year and the reason, and nothing is filled in", () => {
    const kc = councilFigures("kensington and chelsea", 2025);
    expect(kc.cases!.value).toBeUndefined(); // published as `x` for 2025
    let error: unknown;
    try {
      loadScenario({ extends: "traditional", council: "kensington and chelsea" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const issues = (error as ScenarioError).issues;
    const children = issues.find((i) => i.path === "council.children")!;
    expect(children.reason).toContain("Kensington and Chelsea, 2025");
    expect(children.reason).toContain("not available");
  });

  test("a figure the user gives meets the need for it", () => {
    let error: unknown;
    try {
      loadScenario({ extends: "traditional", council: { name: "kensington and chelsea", year: 2025, children: 600 } });
    } catch (e) {
      error = e;
    }
    const paths = (error as ScenarioError).issues.map((i) => i.path);
    expect(paths).not.toContain("council.children");
    expect(paths).toContain("council.caseload");
  });

  test("an unknown council lists the close matches; a bad year is named", () => {
    expect(() => loadScenario({ extends: "traditional", council: "leedz" })).toThrow(UnknownNameError);
    try {
      loadScenario({ extends: "traditional", council: "leedz" });
    } catch (e) {
      expect((e as UnknownNameError).suggestions).toContain("Leeds");
    }
    expect(() => loadScenario({ extends: "traditional", council: { name: "leeds", year: "latest" } })).toThrow(/council\.year: must be a year/);
  });
});

describe("caseloadFromCouncil: the rule on its own", () => {
  test("the council's caseload, changed, moves every case-holding tier of the traditional structure", () => {
    const s = applySettings(loadPreset("england-2025"), { "council.caseload": 20 });
    for (const c of caseloadOf(s)) expect(c).toBe(20);
    const r = runScenario(s);
    // 20 children per case-holder at work: posts = children ÷ (20 × the share with someone at work)
    const atWork = 1 - s.council.vacancyRate * (1 - s.council.agencyCoverShare);
    expect(r.caseload.caseHoldingFte).toBeCloseTo(s.council.children / (20 * atWork), 9);
    expect(r.caseload.childrenPerCaseHolderAtWork).toBeCloseTo(20, 9);
  });
  test("turned off, the tiers' own figures stand", () => {
    const s = applySettings(loadPreset("england-2025"), { "council.caseload": 20, "structure.caseloadFromCouncil": false });
    expect(caseloadOf(s)).toEqual(caseloadOf(loadPreset("england-2025")));
  });
});

describe("the finance for a data year", () => {
  const held = listParts("finance").map((id) => id.replace(/^finance-(\d{4})-(\d{2})$/, "$1/$2")).sort();
  test("a year the model holds is its own", () => {
    for (const year of held) {
      const dataYear = Number(year.slice(0, 4));
      expect(financeForDataYear(dataYear)).toEqual({ finance: `finance-${year.replace("/", "-")}`, year });
    }
  });
  test("a year it does not hold takes the nearest later one it does, and says so", () => {
    const priced = financeForDataYear(2022);
    const later = held.find((y) => y > "2022/23")!;
    expect(priced.year).toBe(later);
    expect(priced.note).toContain("2022");
    const s = loadScenario({ extends: "traditional", council: { name: "leeds", year: 2022 } });
    expect(s.finance.year).toBe(later);
    expect(s.council.name).toContain(`costed in ${later} prices`);
  });
});

describe("every council loads and runs, or says which figure it lacks", () => {
  test.each(listCouncils().map((c) => [c.name, c.dfe, c.latestYear] as const))("%s (%s), %s", (name, dfe, year) => {
    try {
      const s = loadScenario({ extends: "traditional", council: { name: dfe, year } });
      const r = runScenario(s);
      expect(Number.isFinite(r.runCost.total)).toBe(true);
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      for (const issue of (e as ScenarioError).issues) {
        expect(issue.path).toMatch(/^council\./);
        expect(issue.reason).toContain(`${findCouncil(dfe).name}, ${year}`);
      }
    }
  });
});

describe("--council <published council> on the command line", () => {
  test("onCouncil moves the scenario to the council, its year's prices, and (for the traditional structure) its caseload", () => {
    const b = onCouncil(loadPreset("blueprint"), "leeds");
    expect(b.council.children).toBe(num("cases"));
    expect(b.finance.year).toBe("2025/26");
    expect(caseloadOf(b)).toEqual(caseloadOf(loadPreset("blueprint")));
    const t = onCouncil(loadPreset("baseline-2018"), "leeds 2024");
    for (const c of caseloadOf(t)) expect(c).toBe(num("caseload", councilFigures("leeds", 2024)));
  });

  test("socialcare compare traditional blueprint --council leeds: one council, one year, the council's figures shown with their source", () => {
    const run = socialcare(["compare", "traditional", "blueprint", "--council", "leeds", "--json"]);
    expect(run.code).toBe(0);
    const [c] = JSON.parse(run.stdout) as { basis: { sameYear: boolean; sameCouncil: boolean }; baseline: { caseload: { caseHoldingFte: number } } }[];
    expect(c!.basis).toMatchObject({ sameYear: true, sameCouncil: true });
    expect(c!.baseline.caseload.caseHoldingFte).toBeCloseTo(num("cases") / num("caseload"), 9);
    const text = socialcare(["compare", "traditional", "blueprint", "--council", "leeds"]).stdout;
    expect(text).toContain(`against Traditional hierarchy, on ${findCouncil("leeds").name}, 2025 (2025/26 prices)`);
    expect(text).toContain("Council inputs: Leeds, 2025");
    expect(text).toContain(`(council.caseload) = ${num("caseload")} children per worker`);
    expect(text).toContain("DfE, Children's social work workforce 2025, Leeds: vacancy rate");
  });

  test("an unknown council is one line with the close matches, exit 1", () => {
    const run = socialcare(["run", "blueprint", "--council", "leedz"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain('did you mean "Leeds"');
  });
});
