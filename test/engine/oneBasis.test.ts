import { addYears, compareOptions, compareScenarios, loadPreset, onBaselineBasis, runScenario, applySettings, TIME_USE_SHARES, yearsBetween } from "../../engine/index.js";
import { startsFromBaselineWeek } from "../../engine/compare/oneBasis.js";
import { ScenarioError } from "../../engine/errors.js";
import { socialcare } from "../cli/socialcare.js";

/**
 * One price base, one council: an option stated on another council or year is run on the baseline's,
 * with its own structure, time use and transition; as given, the comparison carries the warning.
 */

const baseline = loadPreset("england-2025");
const option = loadPreset("blueprint");

describe("rebasing an option onto the baseline's council and year", () => {
  const { option: moved, rebased } = onBaselineBasis(baseline, option);

  test("the council and the finance are the baseline's; the structure, the week's changes and the transition the option's; the starting week the baseline's", () => {
    expect(moved.council).toEqual(baseline.council);
    expect(moved.finance).toEqual(baseline.finance);
    expect(moved.structure).toEqual(option.structure);
    // the transition's drivers are the option's, its money carried from its price year by the baseline's pay awards
    const index = moved.transition!.programmeTeam.salary / option.transition!.programmeTeam.salary;
    let carried = option.transition!.programmeTeam.salary;
    for (let k = 1; k <= yearsBetween(option.finance.year, baseline.finance.year); k++) {
      const award = baseline.finance.payAwards[addYears(option.finance.year, k)]!;
      carried = award.flat > 0 && carried <= award.flatUpTo ? carried + award.flat : carried * (1 + award.percent);
    }
    expect(moved.transition!.programmeTeam.salary).toBeCloseTo(carried, 6);
    expect(moved.transition!.systems).toBeCloseTo(option.transition!.systems * index, 6);
    expect(moved.transition!.recruitmentPerPost).toBeCloseTo(option.transition!.recruitmentPerPost * index, 6);
    expect(moved.transition!.training.perTeam).toBeCloseTo(option.transition!.training.perTeam * index, 6);
    expect(moved.transition!.priceYear).toBe(baseline.finance.year);
    expect(moved.transition!.leavers).toEqual(option.transition!.leavers);
    expect(moved.transition!.ramp).toEqual(option.transition!.ramp);
    // the option's drivers change the week the council works today: the baseline's, in its layers
    for (const k of TIME_USE_SHARES) expect(moved.timeUse[k]).toBe(baseline.timeUse[k]);
    expect(moved.timeUse.hoursPerWeek).toBe(baseline.timeUse.hoursPerWeek);
    expect(moved.timeUse.changes).toEqual({ ...option.timeUse.changes, managementLayersBefore: runScenario(baseline).structure.layers });
    expect(moved.timeUse.groupSupervisionHours).toBe(option.timeUse.groupSupervisionHours);
    expect(rebased).toContain("week starting from");
    expect(rebased).toContain(baseline.council.name);
    expect(rebased).toContain(`${baseline.finance.year} prices`);
  });

  test("an option that types its own week keeps it; one on the same council and year with the baseline's week is left as it is", () => {
    const cluster = loadPreset("cluster");
    expect(startsFromBaselineWeek(loadPreset("england-2025"), cluster)).toBe(false);
    expect(onBaselineBasis(loadPreset("baseline-2018"), loadPreset("blueprint")).rebased).toBeNull();
  });

  test("a salary is carried from its stated year by the baseline's pay awards: the option's tier pay equals the baseline's for the same stated salary", () => {
    const r = runScenario(moved);
    const b = runScenario(baseline);
    const sw = (x: typeof r) => x.structure.tiers.find((t) => t.id === "socialWorker")!.salary;
    // both state the social worker at £36,582 (2019/20) and both now carry it by the same awards
    expect(option.structure.tiers.find((t) => t.id === "socialWorker")!.salary).toBe(baseline.structure.tiers.find((t) => t.id === "socialWorker")!.salary);
    expect(sw(r)).toBe(sw(b));
  });

  test("compareOptions rebases by default and says so; as given it does not, and the basis warns", () => {
    const [c] = compareOptions(baseline, [option]);
    expect(c!.basis).toMatchObject({ sameYear: true, sameCouncil: true, warning: null });
    expect(c!.basis.rebased).toBe(rebased);
    expect(c!.appraisal.npv).toBe(compareScenarios(baseline, moved).appraisal.npv);
    const [g] = compareOptions(baseline, [option], { basis: "as given" });
    expect(g!.basis.sameYear).toBe(false);
    expect(g!.basis.warning).toMatch(/Not one price base/);
    expect(g!.basis.rebased).toBeUndefined();
  });

  test("an option already on the baseline's council and year is left as it is", () => {
    const same = loadPreset("reclaim");
    expect(onBaselineBasis(baseline, same)).toEqual({ option: same, rebased: null });
  });

  test("salaries stated at another year's pay cannot be moved, and the message says how to run it", () => {
    const other = applySettings(loadPreset("blueprint"), { "finance.salaryYear": "2018/19", "finance.payAwards.2019/20": 0.02 });
    expect(() => onBaselineBasis(baseline, other)).toThrow(ScenarioError);
    expect(() => onBaselineBasis(baseline, other)).toThrow(/cannot be moved onto england-2025's year; state both at one salary year, or compare them as given/);
  });
});

describe("the CLI: never a silent mixed-year comparison", () => {
  test("compare england-2025 blueprint runs the Blueprint on the baseline's council and year, and says so", () => {
    const run = socialcare(["compare", "england-2025", "blueprint", "--json"]);
    expect(run.code).toBe(0);
    const [c] = JSON.parse(run.stdout) as { basis: { sameYear: boolean; sameCouncil: boolean; rebased?: string } }[];
    expect(c!.basis).toMatchObject({ sameYear: true, sameCouncil: true });
    const text = socialcare(["compare", "england-2025", "blueprint"]).stdout;
    expect(text).toContain("Note: blueprint is run on");
  });
  test("--as-given compares them as they are, with a warning above the verdict", () => {
    const text = socialcare(["compare", "england-2025", "blueprint", "--as-given"]).stdout;
    const warning = text.indexOf("WARNING, not one price base");
    expect(warning).toBeGreaterThan(-1);
    expect(warning).toBeLessThan(text.indexOf("Run cost falls by") >= 0 ? text.indexOf("Run cost falls by") : text.indexOf("Run cost rises by"));
  });
  test("simulate and sensitivity with a baseline on another year rebase the same way", () => {
    const run = socialcare(["sensitivity", "blueprint", "--baseline", "england-2025"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Note: blueprint is run on/);
  });
});
