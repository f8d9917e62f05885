import { applySettings, compareScenarios, explain, listPresets, listSettings, loadPreset, loadScenario, runScenario, ScenarioError, teamDesign, validateScenario } from "../../engine/index.js";
import { smallScenario } from "../fixtures/small.js";

/**
 * The two levers of issue 8, worked by hand on the small scenario (100 children; 10 social workers at
 * 10 children each; 2 managers, one team each; a head; a 40-hour week with 25% direct contact and 50%
 * recording and admin).
 */

describe("devolved team budgets: their own line in the run cost, teams × budget", () => {
  const small = loadScenario(smallScenario());
  const withBudget = applySettings(small, { "structure.teamBudget": 5000 });
  const before = runScenario(small);
  const after = runScenario(withBudget);

  test("2 teams × £5,000 = £10,000 a year, added to the run cost and nothing else", () => {
    expect(before.runCost.components.teamBudgets).toBe(0);
    expect(after.structure.teams).toBe(2);
    expect(after.runCost.components.teamBudgets).toBe(10000);
    expect(after.runCost.total).toBeCloseTo(before.runCost.total + 10000, 2);
    for (const k of ["pay", "employerNi", "pension", "apprenticeshipLevy", "agencyPremium", "overheads"] as const) {
      expect(after.runCost.components[k]).toBe(before.runCost.components[k]);
    }
    expect(after.structure.tiers.map((t) => t.annualCost)).toEqual(before.structure.tiers.map((t) => t.annualCost));
    expect(after.checks.filter((c) => !c.ok)).toEqual([]);
  });

  test("explain traces it to the teams and the budget, with the budget's source", () => {
    const e = explain(withBudget, "runCost.components.teamBudgets");
    expect(e.formula).toBe("2 × £5,000.00 = £10,000.00");
    expect(e.inputs.find((i) => i.name === "structure.teamBudget")).toMatchObject({ value: 5000, source: "override" });
    expect(explain(withBudget, "runCost.total").formula).toMatch(/\+ £10,000\.00 = /);
    expect(explain(small, "runCost.components.teamBudgets").inputs.find((i) => i.name === "structure.teamBudget")!.assumption).toMatch(/no devolved team budgets/);
  });

  test("in a comparison the run cost change is exactly the budgets", () => {
    const c = compareScenarios(small, withBudget);
    expect(c.change.runCost).toBe(10000);
    expect(c.figures.find((f) => f.figure === "runCost.components.teamBudgets")!.change).toBe(10000);
  });

  test("a Blueprint with £25,000 a team: teams × £25,000 a year on its own line, added to the run cost", () => {
    const blueprint = applySettings(loadPreset("blueprint"), { "structure.teamBudget": 25000 });
    const r = runScenario(blueprint);
    expect(r.runCost.components.teamBudgets).toBe(r.structure.teams * 25000);
    expect(r.runCost.total).toBeCloseTo(runScenario(loadPreset("blueprint")).runCost.total + r.structure.teams * 25000, 2);
    const c = compareScenarios(loadPreset("baseline-2018"), blueprint);
    expect(c.costNeutral).toBe(Math.abs(c.change.runCostPct) <= blueprint.finance.appraisal.costNeutralTolerance);
    expect(teamDesign(blueprint).indicators.find((i) => i.indicator === "devolvedBudgetPerTeam")!.value).toBe(25000);
  });

  test("the presets state their team budget (0: the lever off) with a reason", () => {
    for (const id of ["blueprint", "cluster"]) {
      const s = loadPreset(id);
      expect(s.structure.teamBudget).toBe(0);
      expect(s.sources["structure.teamBudget"]!.assumption).toMatch(/lever off/);
    }
    expect(validateScenario({ ...smallScenario(), structure: { ...smallScenario().structure, teamBudget: -1 } })).toMatchObject({ ok: false, issues: [{ path: "structure.teamBudget", reason: "must be at least 0, got -1" }] });
  });
});

describe("direct payments: care-management time freed per case moves into direct contact", () => {
  const small = loadScenario(smallScenario());
  const dp = applySettings(small, { "timeUse.directPayments.shareOfFamilies": 0.2, "timeUse.directPayments.hoursFreedPerCase": 0.5 });

  test("20% of families, half an hour freed a case: 2 cases × 0.5 h = 1 hour a week per case-holder", () => {
    const r = runScenario(dp);
    expect(r.time.directPayments.casesPerCaseHolder).toBeCloseTo(2, 12);
    expect(r.time.directPayments.hoursFreedPerCaseHolderPerWeek).toBeCloseTo(1, 12);
    // 25% + 1/40 = 27.5% direct contact; 20% − 1/40 = 17.5% administration.
    expect(r.time.directContactShare).toBeCloseTo(0.275, 12);
    expect(r.time.administrationShare).toBeCloseTo(0.175, 12);
    expect(Object.values(r.time.shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // 40 × 27.5% = 11 hours a week of direct contact; ÷ 10 children = 1.1 hours a child (from 1.0).
    expect(r.time.directContactHoursPerCaseHolderPerWeek).toBeCloseTo(11, 12);
    expect(r.time.directContactHoursPerChildPerWeek).toBeCloseTo(1.1, 12);
    // 1 hour × 10 case-holders ÷ 40 hours = a quarter of a case-holder's capacity.
    expect(r.time.directPayments.capacityFte).toBeCloseTo(0.25, 12);
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  });

  test("it moves time, not money: the run cost is unchanged", () => {
    expect(runScenario(dp).runCost).toEqual(runScenario(small).runCost);
  });

  test("time added rather than freed moves the other way", () => {
    const r = runScenario(applySettings(small, { "timeUse.directPayments.shareOfFamilies": 0.2, "timeUse.directPayments.hoursFreedPerCase": -0.5 }));
    expect(r.time.directContactShare).toBeCloseTo(0.225, 12);
    expect(r.time.directContactHoursPerChildPerWeek).toBeCloseTo(0.9, 12);
    expect(r.time.directPayments.capacityFte).toBeCloseTo(-0.25, 12);
  });

  test("a comparison sees the change in contact time: 27.5% against 25% is +10%", () => {
    const c = compareScenarios(small, dp);
    expect(c.change.contactTimePct).toBeCloseTo(0.1, 12);
    expect(c.change.directContactHoursPerChildPct).toBeCloseTo(0.1, 12);
    expect(c.change.runCost).toBe(0);
  });

  test("explain traces the lever in the figures it moves", () => {
    const share = explain(dp, "time.directContactShare");
    expect(share.formula).toBe("25% + 100% × 0% + 1 ÷ 40 = 27.5%");
    expect(share.inputs.map((i) => i.name)).toEqual(expect.arrayContaining(["timeUse.directContact", "timeUse.directPayments.shareOfFamilies", "timeUse.directPayments.hoursFreedPerCase", "caseload.childrenPerCaseHolderAtWork"]));
    expect(share.inputs.find((i) => i.name === "timeUse.directPayments.shareOfFamilies")).toMatchObject({ value: 0.2, source: "override" });
    expect(explain(dp, "time.directPayments.hoursFreedPerCaseHolderPerWeek").formula).toBe("2 × 0.5 = 1");
    expect(explain(dp, "time.directPayments.capacityFte").formula).toBe("1 × 10 × 100% ÷ 40 = 0.25");
    expect(explain(dp, "time.directContactHoursPerChildPerWeek").formula).toBe("40 × 27.5% ÷ 10 = 1.1");
    expect(explain(dp, "time.administrationShare").formula).toBe("20% × (1 − 0%) − 1 ÷ 40 = 17.5%");
  });

  test("off by default, so every preset is unchanged: stated shares exactly, nothing freed, the defaults labelled", () => {
    for (const { id } of listPresets()) {
      const s = loadPreset(id);
      const r = runScenario(s);
      // with no direct payments, direct contact is the starting share plus its part of what the structure's changes free
      const freed = r.time.hoursFreedByChangesPerCaseHolderPerWeek / r.time.hoursPerWeek;
      expect(r.time.directContactShare).toBeCloseTo(s.timeUse.directContact + s.timeUse.changes.freedToDirectContact * freed, 14);
      expect(r.time.administrationShare).toBeCloseTo(s.timeUse.administration * (1 - s.timeUse.changes.administrationToSupport), 14);
      expect(r.time.directPayments.capacityFte).toBe(0);
      const settings = listSettings(s).filter((x) => x.key.startsWith("timeUse.directPayments."));
      expect(settings.map((x) => [x.key, x.value])).toEqual([
        ["timeUse.directPayments.shareOfFamilies", 0],
        ["timeUse.directPayments.hoursFreedPerCase", 0],
      ]);
      for (const x of settings) expect(x.provenance?.assumption).toMatch(/default: no direct payments lever/);
    }
    // Either half of the lever alone does nothing.
    const shareOnly = runScenario(applySettings(small, { "timeUse.directPayments.shareOfFamilies": 0.5 })).time;
    expect([shareOnly.directContactShare, shareOnly.directPayments.hoursFreedPerCaseHolderPerWeek, shareOnly.directPayments.capacityFte]).toEqual([0.25, 0, 0]);
    expect(runScenario(applySettings(small, { "timeUse.directPayments.hoursFreedPerCase": 3 })).time.directContactShare).toBe(0.25);
  });

  test("freeing more care-management time than the week's administration is an error naming the lever", () => {
    // All families, 3 hours a case: 30 hours a week against 8 hours of administration (20% of 40).
    expect(() => runScenario(applySettings(small, { "timeUse.directPayments.shareOfFamilies": 1, "timeUse.directPayments.hoursFreedPerCase": 3 }))).toThrow(
      /timeUse\.directPayments\.hoursFreedPerCase: direct payments would free 30 care-management hours a week per case-holder \(10 cases × 3 hours\), more than the 8 hours of administration left in the week/,
    );
    // Adding 15 hours against 10 hours of direct contact.
    expect(() => runScenario(applySettings(small, { "timeUse.directPayments.shareOfFamilies": 1, "timeUse.directPayments.hoursFreedPerCase": -1.5 }))).toThrow(/would add 15 .*more than the 10 hours of direct contact/);
  });

  test.each([
    ["a share above 1", { shareOfFamilies: 1.2 }, "timeUse.directPayments.shareOfFamilies", /must be at most 1, got 1.2/],
    ["more than 10 hours a case", { hoursFreedPerCase: 11 }, "timeUse.directPayments.hoursFreedPerCase", /must be at most 10, got 11/],
    ["text for hours", { hoursFreedPerCase: "lots" }, "timeUse.directPayments.hoursFreedPerCase", /must be a number/],
  ])("invalid: %s", (_name, directPayments, path, reason) => {
    const input = smallScenario();
    input.timeUse.directPayments = directPayments;
    const v = validateScenario(input);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues.find((i) => i.path === path)?.reason).toMatch(reason);
  });
});

describe("the other new inputs are checked", () => {
  test("group supervision cannot exceed the supervision share of the week", () => {
    const input = smallScenario();
    input.timeUse.groupSupervisionHours = 20; // 5% of 40 hours × 52 ÷ 12 = 8.67 hours a month
    const v = validateScenario(input);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues[0]).toEqual({ path: "timeUse.groupSupervisionHours", reason: expect.stringMatching(/20 hours a month is more than the whole supervision share of the week \(0.05 × 40 hours × 52 ÷ 12 = 8.666667 hours a month\)/) });
  });

  test("child protection and looked-after shares cannot add up to more than all the children", () => {
    const input = smallScenario();
    Object.assign(input.council, { childProtectionShare: 0.6, lookedAfterShare: 0.5 });
    expect(() => loadScenario(input)).toThrow(ScenarioError);
    expect(() => loadScenario(input)).toThrow(/add up to 1.1; they must not exceed 1/);
  });
});
