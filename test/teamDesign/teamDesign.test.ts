import { applySettings, compareTeamDesigns, listPresets, loadPreset, loadScenario, teamDesign, teamDesignRows, TEAM_DESIGN_INDICATORS, type TeamDesign } from "../../engine/index.js";
import { smallScenario } from "../fixtures/small.js";

const value = (d: TeamDesign, name: string) => d.indicators.find((i) => i.indicator === name)!.value;

/**
 * Each preset's indicators worked by hand from the numbers in its YAML file (children, caseload
 * targets, spans, fixed FTE, the council's child protection and looked-after shares), not from the
 * engine's output.
 */
/** Share of case-holding posts with someone at work, 1 − vacancy × (1 − agency cover), on each average council. */
const AT_WORK_2018 = 1 - 0.17 * (1 - 0.744);
const AT_WORK_2025 = 1 - 0.142 * (1 - 0.736);

const byHand: Record<string, Record<string, number>> = (() => {
  const out: Record<string, Record<string, number>> = {};
  {
    // baseline-2018: 2,154 children at 17.4 each at work (posts: ÷ the 95.648% with someone at work,
    // 1 − 17% vacant × 25.6% uncovered); team managers 1 per 6 case-holders (teams of one manager,
    // 21.6 → 22 teams); service managers 1 per 4 team managers; 2 heads; business support 1 per 5
    // case-holders; senior practitioners hold a fifth of the children.
    const ch = 2154 / (17.4 * AT_WORK_2018), sp = (2154 * 0.2) / (17.4 * AT_WORK_2018), tm = ch / 6, sm = tm / 4, hos = 2, bs = ch / 5, teams = 22;
    out["baseline-2018"] = {
      teamSize: (ch + tm + bs) / teams, caseHoldersPerTeam: ch / teams, managementLayers: 3,
      spanOfControl: (ch + bs + tm + sm) / (tm + sm + hos), adminSupportPerPractitioner: 0.2, cliniciansPerTeam: 0,
      seniorStaffHoldingCasesShare: sp / (sp + tm + sm + hos), groupSupervisionHoursPerMonth: 1.5, devolvedBudgetPerTeam: 0,
      vulnerableShareOfCasework: 0.1329 + 0.1864, vulnerableDirectContactShareOfWeek: 0.16 * (0.1329 + 0.1864),
    };
  }
  {
    // blueprint: 14 children each at work; teams of 8 case-holders (160.9 / 8 = 20.1 → 21 teams); referral
    // workers 1 per 600 of the council's 4,313 referrals; enablers carrying today's business support
    // 1 per 5 case-holders, and 1 per 30 hours of the administration handed over (half of 20% of a
    // 37-hour week per case-holder); insight 1 per 4 teams (5.25); a strategy team of 4 over everyone.
    // The week after: 16% + 75% × (20% × 50% + 5% × 30% × 2 layers + 12% × 25% − 5% × 9%) = 27.66%.
    const ch = 2154 / (14 * AT_WORK_2018), sp = (2154 * 0.2) / (14 * AT_WORK_2018), teams = 21, referral = 4313 / 600, insight = 5.25, strategy = 4;
    const enabler = ch / 5 + (ch * 37 * 0.2 * 0.5) / 30;
    const directContact = 0.16 + 0.75 * (0.2 * 0.5 + 0.05 * 0.3 * 2 + 0.12 * 0.25 - 0.05 * 0.09);
    out.blueprint = {
      teamSize: ch / teams, caseHoldersPerTeam: ch / teams, managementLayers: 1,
      spanOfControl: (ch + referral + enabler + insight) / strategy, adminSupportPerPractitioner: enabler / ch, cliniciansPerTeam: 0,
      seniorStaffHoldingCasesShare: sp / (sp + insight + strategy), groupSupervisionHoursPerMonth: 2.25, devolvedBudgetPerTeam: 0,
      vulnerableShareOfCasework: 0.1329 + 0.1864, vulnerableDirectContactShareOfWeek: directContact * (0.1329 + 0.1864),
    };
  }
  {
    // england-2025: as baseline-2018 on 2,102 children at 15.2 each at work (posts: ÷ 96.2512%, 1 −
    // 14.2% vacant × 26.4% uncovered; 23.95 team managers → 24 teams).
    const ch = 2102 / (15.2 * AT_WORK_2025), sp = (2102 * 0.2) / (15.2 * AT_WORK_2025), tm = ch / 6, sm = tm / 4, hos = 2, bs = ch / 5, teams = 24;
    out["england-2025"] = {
      teamSize: (ch + tm + bs) / teams, caseHoldersPerTeam: ch / teams, managementLayers: 3,
      spanOfControl: (ch + bs + tm + sm) / (tm + sm + hos), adminSupportPerPractitioner: 0.2, cliniciansPerTeam: 0,
      seniorStaffHoldingCasesShare: sp / (sp + tm + sm + hos), groupSupervisionHoursPerMonth: 1.5, devolvedBudgetPerTeam: 0,
      vulnerableShareOfCasework: 0.1323 + 0.2094, vulnerableDirectContactShareOfWeek: 0.19 * (0.1323 + 0.2094),
    };
    // traditional: england-2025 under another name (it extends it), so the same by hand
    out.traditional = out["england-2025"];
  }
  {
    // cluster: 15.2 each at work; a team per case-holding lead (28.7 → 29 teams); family support 1 per team
    // (reporting to the lead, so in the team); a clinician per 2 teams and a principal practitioner per
    // 4 teams (both outside the teams); one head of department.
    const ch = 2102 / (15.2 * AT_WORK_2025), sp = (2102 * 0.2) / (15.2 * AT_WORK_2025), sw = ch - sp, teams = 29, fs = 29, clin = 14.5, pp = 7.25, hod = 1;
    out.cluster = {
      teamSize: (ch + fs) / teams, caseHoldersPerTeam: ch / teams, managementLayers: 2,
      spanOfControl: (sw + fs + sp + clin + pp) / (sp + pp + hod), adminSupportPerPractitioner: fs / ch, cliniciansPerTeam: 0.5,
      seniorStaffHoldingCasesShare: sp / (sp + pp + hod), groupSupervisionHoursPerMonth: 4, devolvedBudgetPerTeam: 0,
      vulnerableShareOfCasework: 0.1323 + 0.2094, vulnerableDirectContactShareOfWeek: 0.22 * (0.1323 + 0.2094),
    };
  }
  {
    // reclaim: a unit per consultant social worker at 45 children at work (48.5 → 49 units), each with a social
    // worker, a children's practitioner and a coordinator; a clinician per 2 units and a service manager
    // per 8 units outside the units; 2 heads.
    const csw = 2102 / (45 * AT_WORK_2025), units = 49, clin = 24.5, sm = 49 / 8, hos = 2;
    out.reclaim = {
      teamSize: (4 * csw) / units, caseHoldersPerTeam: (2 * csw) / units, managementLayers: 2,
      spanOfControl: (3 * csw + csw + clin + sm) / (csw + sm + hos), adminSupportPerPractitioner: 0.5, cliniciansPerTeam: 0.5,
      seniorStaffHoldingCasesShare: csw / (csw + sm + hos), groupSupervisionHoursPerMonth: 6.5, devolvedBudgetPerTeam: 0,
      vulnerableShareOfCasework: 0.1323 + 0.2094, vulnerableDirectContactShareOfWeek: 0.24 * (0.1323 + 0.2094),
    };
  }
  return out;
})();

describe("team-design indicators of each preset, checked by hand", () => {
  test("every preset is worked by hand", () => {
    expect(Object.keys(byHand).sort()).toEqual(listPresets().map((p) => p.id).sort());
  });

  const cases = Object.entries(byHand).flatMap(([preset, expected]) => TEAM_DESIGN_INDICATORS.map((name) => [preset, name, expected[name]!] as const));
  test.each(cases)("%s: %s", (preset, name, expected) => {
    expect(value(teamDesign(loadPreset(preset)), name)).toBeCloseTo(expected, 9);
  });

  test.each(listPresets().map((p) => p.id))("%s: every indicator has a rule, a formula and sourced inputs", (id) => {
    for (const indicator of teamDesign(loadPreset(id)).indicators) {
      expect(indicator.rule.length).toBeGreaterThan(10);
      expect(indicator.formula).not.toMatch(/NaN|Infinity|undefined/);
      for (const input of indicator.inputs) expect(input.source ?? input.assumption).toBeDefined();
    }
  });

  test("the Blueprint against the hierarchy: fewer layers, more senior staff holding cases, more group supervision", () => {
    const side = compareTeamDesigns([loadPreset("baseline-2018"), loadPreset("blueprint")]);
    const row = (name: string) => side.rows.find((r) => r.indicator === name)!;
    expect(row("managementLayers").changes).toEqual([0, -2]);
    expect(row("seniorStaffHoldingCasesShare").changes[1]).toBeGreaterThan(0.3);
    expect(row("groupSupervisionHoursPerMonth").values).toEqual([1.5, 2.25]);
    expect(side.scenarios.map((s) => s.id)).toEqual(["baseline-2018", "blueprint"]);
  });

  test("plain rows for a spill: header, then label, unit and one value per scenario", () => {
    const rows = teamDesignRows([teamDesign(loadPreset("cluster")), teamDesign(loadPreset("reclaim"))]);
    expect(rows[0]).toEqual(["Indicator", "Unit", "Cluster model (multidisciplinary teams)", "Reclaim (Hackney-style units)"]);
    expect(rows).toHaveLength(1 + TEAM_DESIGN_INDICATORS.length);
    expect(rows.find((r) => r[0] === "Clinicians or therapeutic staff per team")).toEqual(["Clinicians or therapeutic staff per team", "FTE", 0.5, 0.5]);
  });
});

describe("indicators a scenario does not state what it needs for are null, with the reason", () => {
  const small = loadScenario(smallScenario());
  const d = teamDesign(small);

  test("no group supervision hours and no child protection shares: not stated, not zero", () => {
    for (const name of ["groupSupervisionHoursPerMonth", "vulnerableShareOfCasework", "vulnerableDirectContactShareOfWeek"]) {
      const i = d.indicators.find((x) => x.indicator === name)!;
      expect(i.value).toBeNull();
      expect(i.note).toMatch(/does not state/);
    }
  });

  test("the small scenario by hand: 10 workers, 2 managers as 2 teams, a head", () => {
    // Members: the managers the teams are made of and the workers who report to them; 12 FTE in 2 teams.
    expect(value(d, "teamSize")).toBe(6);
    expect(value(d, "caseHoldersPerTeam")).toBe(5);
    expect(value(d, "managementLayers")).toBe(2);
    expect(value(d, "spanOfControl")).toBeCloseTo((10 + 2) / (2 + 1), 12);
    // Managers count as senior by default; no senior tier holds cases.
    expect(value(d, "seniorStaffHoldingCasesShare")).toBe(0);
  });

  test("marking the workers senior and stating the inputs fills them in", () => {
    const s = applySettings(small, {
      "structure.tiers.worker.senior": true,
      "timeUse.groupSupervisionHours": 2,
      "council.childProtectionShare": 0.1,
      "council.lookedAfterShare": 0.2,
      "timeUse.vulnerableCaseWeight": 2,
    });
    const e = teamDesign(s);
    expect(value(e, "seniorStaffHoldingCasesShare")).toBeCloseTo(10 / 13, 12);
    expect(value(e, "groupSupervisionHoursPerMonth")).toBe(2);
    // 30% of cases at twice the time: 0.6 ÷ (0.6 + 0.7).
    expect(value(e, "vulnerableShareOfCasework")).toBeCloseTo(0.6 / 1.3, 12);
    expect(value(e, "vulnerableDirectContactShareOfWeek")).toBeCloseTo((0.25 * 0.6) / 1.3, 12);
    const senior = e.indicators.find((i) => i.indicator === "seniorStaffHoldingCasesShare")!;
    expect(senior.inputs.find((i) => i.name === "structure.tiers.worker.senior")!.source).toBe("override");
  });

  test("no children, so no teams: per-team indicators are null, never a division by zero", () => {
    const empty = teamDesign(applySettings(small, { "council.children": 0 }));
    for (const name of ["teamSize", "caseHoldersPerTeam", "cliniciansPerTeam", "adminSupportPerPractitioner"]) {
      expect(value(empty, name)).toBeNull();
    }
  });
});

describe("the library exports", () => {
  test("healthCheck and teamDesign come from the package entry, as analysts import them", async () => {
    const lib = await import("socialcare-model");
    expect(typeof lib.healthCheck).toBe("function");
    expect(typeof lib.teamDesign).toBe("function");
    expect(lib.teamDesign(lib.loadPreset("blueprint")).indicators.find((i) => i.indicator === "managementLayers")!.value).toBe(1);
  });
});
