import { fmt, Inputs, money, type ExplainedInput } from "../explain/explain.js";
import { runScenario, type Result, type TierResult } from "../model/result.js";
import { WEEKS_PER_MONTH } from "../scenario/validate.js";
import type { Scenario } from "../scenario/types.js";

/**
 * Team-design indicators: the measurable traits that successful children's social work teams share
 * (small teams, few management layers, administrative and clinical support close to practice,
 * experienced staff who still hold cases, time to reflect together, a budget the team controls,
 * time spent on the children at most risk), computed for any structure from its scenario and result.
 * Each indicator carries its rule, the formula with the numbers in it and its inputs with their
 * sources, as `explain` does for a figure, so a director can audit it.
 */

export const TEAM_DESIGN_INDICATORS = [
  "teamSize",
  "caseHoldersPerTeam",
  "managementLayers",
  "spanOfControl",
  "adminSupportPerPractitioner",
  "cliniciansPerTeam",
  "seniorStaffHoldingCasesShare",
  "groupSupervisionHoursPerMonth",
  "devolvedBudgetPerTeam",
  "vulnerableShareOfCasework",
  "vulnerableDirectContactShareOfWeek",
] as const;
export type TeamDesignIndicatorName = (typeof TEAM_DESIGN_INDICATORS)[number];

export type TeamDesignUnit = "FTE" | "layers" | "ratio" | "share" | "hours a month" | "£ a year";

export interface TeamDesignIndicator {
  indicator: TeamDesignIndicatorName;
  label: string;
  unit: TeamDesignUnit;
  /** The indicator's value; null when the scenario does not state what it needs, or there is nothing to divide by. */
  value: number | null;
  /** The rule in words. */
  rule: string;
  /** The formula with the numbers in it. */
  formula: string;
  inputs: ExplainedInput[];
  /** Why the value is null. */
  note?: string;
}

export interface TeamDesign {
  scenario: { id: string; name: string; structure: string };
  indicators: TeamDesignIndicator[];
}

/** The team-design indicators of a scenario. */
export function teamDesign(scenario: Scenario): TeamDesign {
  return teamDesignOf(scenario, runScenario(scenario));
}

/** The team-design indicators of a scenario whose result is already to hand. */
export function teamDesignOf(scenario: Scenario, result: Result): TeamDesign {
  const tiers = result.structure.tiers;
  const teams = result.structure.teams;
  const caseHolders = result.caseload.caseHoldingFte;
  const indicators: TeamDesignIndicator[] = [];
  const add = (
    indicator: TeamDesignIndicatorName,
    label: string,
    unit: TeamDesignUnit,
    build: (inputs: Inputs) => { value: number | null; rule: string; formula: string; note?: string },
  ): void => {
    const inputs = new Inputs(scenario);
    const built = build(inputs);
    const entry: TeamDesignIndicator = { indicator, label, unit, value: built.value, rule: built.rule, formula: built.formula, inputs: inputs.list };
    if (built.note) entry.note = built.note;
    indicators.push(entry);
  };
  const perTeam = (amount: number) => (teams > 0 ? amount / teams : null);
  const noTeams = "the structure has no teams";
  const teamsInput = (inputs: Inputs) => inputs.figure("structure.teams", "Teams", teams, "teams");
  const fteSum = (list: TierResult[]) => list.reduce((s, t) => s + t.fte, 0);
  const fteTerms = (list: TierResult[]) => (list.length ? list.map((t) => `${t.name} ${fmt(t.fte)}`).join(" + ") : "none");
  const tierInputs = (inputs: Inputs, list: TierResult[]) => list.forEach((t) => inputs.figure(`structure.tiers.${t.id}.fte`, `${t.name}: FTE`, t.fte, "FTE"));

  const members = teamMembers(scenario, tiers);
  add("teamSize", "Team size (FTE per team)", "FTE", (inputs) => {
    tierInputs(inputs, members);
    teamsInput(inputs);
    const total = fteSum(members);
    const value = perTeam(total);
    return {
      value,
      rule: "Team size = FTE of the team members ÷ teams. Members are the tier teams are made of, every case-holding tier, and every tier that is not a manager and reports to one of those (in-team practitioners and support).",
      formula: `(${fteTerms(members)}) ÷ ${fmt(teams)} = ${value === null ? "none" : fmt(value)}`,
      ...(value === null ? { note: noTeams } : {}),
    };
  });

  add("caseHoldersPerTeam", "Case-holders per team", "FTE", (inputs) => {
    inputs.figure("caseload.caseHoldingFte", "Case-holding FTE", caseHolders, "FTE");
    teamsInput(inputs);
    const value = perTeam(caseHolders);
    return {
      value,
      rule: "Case-holders per team = case-holding FTE ÷ teams.",
      formula: `${fmt(caseHolders)} ÷ ${fmt(teams)} = ${value === null ? "none" : fmt(value)}`,
      ...(value === null ? { note: noTeams } : {}),
    };
  });

  add("managementLayers", "Management layers", "layers", () => ({
    value: result.structure.layers,
    rule: "Management layers = the management tiers (holding no cases) above the front line on the longest reporting line from a case-holding tier.",
    formula: `${result.structure.layers}`,
  }));

  add("spanOfControl", "Span of control", "ratio", (inputs) => {
    const managing = tiers.filter((t) => t.span !== null);
    tierInputs(inputs, managing);
    return {
      value: result.structure.spanOfControl,
      rule: "Span of control = FTE reporting directly to tiers that have reports ÷ FTE of those tiers.",
      formula: `${managing.map((t) => `${t.name} ${fmt(t.span ?? 0)}`).join("; ") || "no tier has reports"} → ${fmt(result.structure.spanOfControl)} overall`,
    };
  });

  add("adminSupportPerPractitioner", "Administrative support per case-holder", "ratio", (inputs) => {
    const support = tiers.filter((t) => t.role === "support");
    tierInputs(inputs, support);
    inputs.figure("caseload.caseHoldingFte", "Case-holding FTE", caseHolders, "FTE");
    const value = caseHolders > 0 ? fteSum(support) / caseHolders : null;
    return {
      value,
      rule: "Administrative support per case-holder = FTE of support tiers ÷ case-holding FTE.",
      formula: `(${fteTerms(support)}) ÷ ${fmt(caseHolders)} = ${value === null ? "none" : fmt(value, 3)}`,
      ...(value === null ? { note: "no one holds cases" } : {}),
    };
  });

  add("cliniciansPerTeam", "Clinicians or therapeutic staff per team", "FTE", (inputs) => {
    const clinicians = tiers.filter((t) => t.role === "clinician");
    tierInputs(inputs, clinicians);
    teamsInput(inputs);
    const value = perTeam(fteSum(clinicians));
    return {
      value,
      rule: "Clinicians per team = FTE of tiers whose role is clinician (therapists, psychologists) ÷ teams: how interdisciplinary the teams are.",
      formula: `(${fteTerms(clinicians)}) ÷ ${fmt(teams)} = ${value === null ? "none" : fmt(value, 3)}`,
      ...(value === null ? { note: noTeams } : {}),
    };
  });

  add("seniorStaffHoldingCasesShare", "Senior and experienced staff who hold cases", "share", (inputs) => {
    const senior = tiers.filter((t) => scenario.structure.tiers.find((x) => x.id === t.id)!.senior);
    senior.forEach((t) => inputs.setting(`structure.tiers.${t.id}.senior`));
    tierInputs(inputs, senior);
    const holding = senior.filter((t) => t.holdsCases);
    const all = fteSum(senior);
    const value = all > 0 ? fteSum(holding) / all : null;
    return {
      value,
      rule: "Share of senior and experienced staff who hold cases = FTE of senior tiers that hold cases ÷ FTE of all senior tiers. A tier is senior when marked so; managers are unless marked otherwise.",
      formula: `(${fteTerms(holding)}) ÷ (${fteTerms(senior)}) = ${value === null ? "none" : pct(value)}`,
      ...(value === null ? { note: "no tier is marked senior" } : {}),
    };
  });

  add("groupSupervisionHoursPerMonth", "Group supervision and reflection per case-holder", "hours a month", (inputs) => {
    const stated = scenario.timeUse.groupSupervisionHours;
    if (stated === undefined) {
      return { value: null, rule: "Group supervision and reflection, hours a month per case-holder: an input (timeUse.groupSupervisionHours).", formula: "not stated", note: "the scenario does not state timeUse.groupSupervisionHours" };
    }
    const hours = inputs.setting("timeUse.groupSupervisionHours");
    const supervision = inputs.setting("timeUse.supervision");
    const week = inputs.setting("timeUse.hoursPerWeek");
    const ofSupervision = supervision * week * WEEKS_PER_MONTH;
    return {
      value: hours,
      rule: "Group supervision and reflection, hours a month per case-holder: an input, part of the supervision share of the week.",
      formula: `${fmt(hours)} hours a month, of ${fmt(ofSupervision)} hours of supervision and reporting (${pct(supervision)} × ${fmt(week)} hours × 52 ÷ 12)`,
    };
  });

  add("devolvedBudgetPerTeam", "Devolved budget per team", "£ a year", (inputs) => {
    const budget = inputs.setting("structure.teamBudget");
    teamsInput(inputs);
    inputs.figure("runCost.components.teamBudgets", "Run cost: devolved team budgets", result.runCost.components.teamBudgets, "£ a year");
    return {
      value: budget,
      rule: "Devolved budget per team: the discretionary budget each team holds, an input; all teams' budgets are their own line in the run cost.",
      formula: `${money(budget)} a team × ${fmt(teams)} teams = ${money(result.runCost.components.teamBudgets)} a year`,
    };
  });

  const vulnerable = vulnerableShare(scenario);
  add("vulnerableShareOfCasework", "Share of casework on child protection and looked-after children", "share", (inputs) => {
    if (!vulnerable) return notStatedVulnerable();
    inputs.setting("council.childProtectionShare");
    inputs.setting("council.lookedAfterShare");
    const w = inputs.setting("timeUse.vulnerableCaseWeight");
    return {
      value: vulnerable.share,
      rule: "Share of casework on the most vulnerable = (child protection + looked-after share of children) × their relative time ÷ ((that share) × relative time + the rest of the children).",
      formula: `${pct(vulnerable.cases)} × ${fmt(w)} ÷ (${pct(vulnerable.cases)} × ${fmt(w)} + ${pct(1 - vulnerable.cases)}) = ${pct(vulnerable.share)}`,
    };
  });

  add("vulnerableDirectContactShareOfWeek", "Share of the week in direct contact with child protection and looked-after children", "share", (inputs) => {
    if (!vulnerable) return notStatedVulnerable();
    inputs.setting("council.childProtectionShare");
    inputs.setting("council.lookedAfterShare");
    inputs.setting("timeUse.vulnerableCaseWeight");
    inputs.figure("time.directContactShare", "Direct contact share of the week (after direct payments)", result.time.directContactShare, "share");
    const value = result.time.directContactShare * vulnerable.share;
    return {
      value,
      rule: "Share of the week in direct contact with the most vulnerable = direct contact share of the week (after direct payments) × share of casework on child protection and looked-after children.",
      formula: `${pct(result.time.directContactShare)} × ${pct(vulnerable.share)} = ${pct(value)}`,
    };
  });

  return { scenario: { id: scenario.id, name: scenario.name, structure: scenario.structure.name }, indicators };
}

/** Tiers whose FTE make up the teams: the team-forming tier(s), every case-holder, and non-managers reporting to them. */
function teamMembers(scenario: Scenario, tiers: readonly TierResult[]): TierResult[] {
  const of = scenario.structure.teams.of;
  const core = new Set(tiers.filter((t) => t.holdsCases || t.id === of).map((t) => t.id));
  return tiers.filter((t) => core.has(t.id) || (t.role !== "manager" && t.reportsTo !== null && core.has(t.reportsTo)));
}

function vulnerableShare(scenario: Scenario): { cases: number; share: number } | null {
  const cp = scenario.council.childProtectionShare;
  const la = scenario.council.lookedAfterShare;
  if (cp === undefined || la === undefined) return null;
  const cases = cp + la;
  const w = scenario.timeUse.vulnerableCaseWeight;
  const denominator = cases * w + (1 - cases);
  return { cases, share: denominator > 0 ? (cases * w) / denominator : 0 };
}

function notStatedVulnerable(): { value: null; rule: string; formula: string; note: string } {
  return {
    value: null,
    rule: "Needs the shares of children on a child protection plan and looked after (council.childProtectionShare, council.lookedAfterShare).",
    formula: "not stated",
    note: "the scenario does not state council.childProtectionShare and council.lookedAfterShare",
  };
}

function pct(value: number): string {
  return `${fmt(value * 100, 2)}%`;
}

/** Team-design indicators of several scenarios side by side (the first is the baseline for changes). */
export interface TeamDesignComparison {
  scenarios: TeamDesign["scenario"][];
  designs: TeamDesign[];
  rows: {
    indicator: TeamDesignIndicatorName;
    label: string;
    unit: TeamDesignUnit;
    values: (number | null)[];
    /** Each scenario's value less the first scenario's; null where either is null. */
    changes: (number | null)[];
  }[];
}

/** The indicators of each scenario side by side, with each one's change from the first. */
export function compareTeamDesigns(scenarios: readonly Scenario[]): TeamDesignComparison {
  return teamDesignsSideBySide(scenarios.map(teamDesign));
}

/** Indicators already computed, side by side. */
export function teamDesignsSideBySide(designs: readonly TeamDesign[]): TeamDesignComparison {
  const rows = TEAM_DESIGN_INDICATORS.map((indicator) => {
    const cells = designs.map((d) => d.indicators.find((i) => i.indicator === indicator)!);
    const values = cells.map((c) => c.value);
    const first = values[0] ?? null;
    return {
      indicator,
      label: cells[0]?.label ?? indicator,
      unit: cells[0]?.unit ?? "ratio",
      values,
      changes: values.map((v) => (v === null || first === null ? null : v - first)),
    };
  });
  return { scenarios: designs.map((d) => d.scenario), designs: [...designs], rows };
}

/**
 * The indicators as plain rows a face can spill into cells or print: a header row, then one row per
 * indicator (label, unit, one value per scenario; null where not stated).
 */
export function teamDesignRows(designs: TeamDesign | readonly TeamDesign[]): (string | number | null)[][] {
  const list = Array.isArray(designs) ? (designs as readonly TeamDesign[]) : [designs as TeamDesign];
  const side = teamDesignsSideBySide(list);
  return [["Indicator", "Unit", ...side.scenarios.map((s) => s.name)], ...side.rows.map((r) => [r.label, r.unit, ...r.values])];
}
