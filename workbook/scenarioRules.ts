import { addYears, compileScenario, componentLabel, RUN_COST_COMPONENTS, TIME_USE_SHARES, yearsBetween, type Scenario, type Tier } from "../engine/index.js";
import { CalcSheet } from "./calcSheet.js";
import { expressionFormula, ceilNear } from "./expression.js";
import { add, div, fn, gt, IF, le, mul, num, ref, sub, sumChain, type Expr } from "./formula.js";
import type { Cell } from "./grid.js";
import type { ScenarioInputs } from "./inputsSheet.js";
import { penniesOf, poundsOf } from "./money.js";
import type { RoundingSheet } from "./roundingSheet.js";

/**
 * One scenario's rules as rows of the Calculations sheet, each the engine's rule written as a formula
 * on the named inputs, in the engine's order of operations (so the exact figures agree with the
 * engine's to the last bit wherever the spreadsheet does plain double arithmetic):
 * sizing, teams and caseload; time use; pay carried to the costed year by the pay awards; run cost by
 * tier and component; structure indicators. Then the Rounding sheet turns the run cost into pounds
 * and pence as the engine does.
 */

export interface ScenarioCells {
  inputs: ScenarioInputs;
  fte: Cell[];
  /** Salary in the costed year, exact. */
  salary: Cell[];
  caseHoldingFte: Cell;
  teams: Cell;
  /** Run cost before rounding (the engine's ModelState.runCost). */
  runCostExact: Cell;
  /** The run cost in whole pennies (the rounded total). */
  runCostPennies: Cell;
  /** Every figure of the engine's result (figures.ts names) → its cell. */
  figures: Map<string, Cell>;
  /** What the Checks sheet compares. */
  check: {
    children: Cell;
    childrenPerCaseHolder: Cell;
    totalFte: Cell;
    /** The week after the changes and the direct payments lever (TIME_USE_SHARES order). */
    shares: Expr[];
    tierCost: Cell[];
    /** Whole pennies by tier, the team budgets last. */
    tierPennies: Cell[];
    tierPounds: Cell[];
    componentPennies: Cell[];
    allocations: { remainder: Cell; parts: Cell[] }[];
  };
}

const ref_ = (c: Cell) => ref(c);

export function scenarioRules(calc: CalcSheet, rounding: RoundingSheet, inputs: ScenarioInputs): ScenarioCells {
  const scenario = inputs.scenario;
  const model = compileScenario(scenario);
  const tiers = scenario.structure.tiers;
  const I = inputs.input;
  const tierKey = (t: Tier, field: string) => `structure.tiers.${t.id}.${field}`;
  const who = inputs.role.label;
  const figures = new Map<string, Cell>();

  calc.section(`${who}: ${scenario.name}`, `Rules of the scenario "${scenario.id}", on the inputs named ${inputs.role.prefix}_… on the Inputs sheet.`);

  // Sizing, teams and caseload.
  calc.group("Caseload and sizing");
  const children = calc.scalar("Children open to social care", "children", I("council.children"), "number");
  const families = calc.scalar("Families = children ÷ children per family", "families", div(ref(children), I("council.childrenPerFamily")), "number");
  const hours = calc.scalar("Contracted hours a week", "hours a week", I("timeUse.hoursPerWeek"), "hours");
  const handedPerCaseHolder = calc.scalar(
    "Administration handed to support staff per case-holder = contracted hours × starting administration share × share handed over",
    "hours a week",
    mul(mul(ref(hours), I("timeUse.administration")), I("timeUse.changes.administrationToSupport")),
    "hours",
  );
  const atWork = calc.scalar(
    "Posts with someone at work = 1 − vacancy rate × (1 − share covered by agency) (a caseload target counts case-holders at work, as the DfE does)",
    "share",
    sub(num(1), mul(I("council.vacancyRate"), sub(num(1), I("council.agencyCoverShare")))),
    "share",
  );
  const fte: Cell[] = tiers.map((t) => calc.reserve(`FTE: ${t.name} (${sizingText(t)})`, "FTE", "fte"));
  const caseHolding = calc.reserve("Case-holding FTE (case-holding tiers added in the order their sizing resolves)", "FTE", "fte");
  const teamsOf = scenario.structure.teams.of;
  const teamsExact = calc.reserve(`Teams before rounding = ${teamsOf === "caseHolders" ? "case-holding FTE" : `FTE of ${teamsOf}`} ÷ team size`, "teams", "ratio");
  const roundUp = scenario.structure.teams.rounding === "up";
  const teams = calc.reserve(roundUp ? "Teams (a part team counts as a whole one; within 1e-12 of a whole number counts as it)" : "Teams (part teams left fractional)", "teams", "ratio");
  const totalFte = calc.reserve("Total FTE (tiers added in the order their sizing resolves)", "FTE", "fte");

  const quantity = (name: string): Expr => {
    switch (name) {
      case "children":
        return ref(children);
      case "families":
        return ref(families);
      case "teams":
        return ref(teams);
      case "caseHolders":
        return ref(caseHolding);
      case "totalFte":
        return ref(totalFte);
      case "referrals":
        return I("council.referralsPerYear");
      case "administrationHours":
        return mul(ref(caseHolding), ref(handedPerCaseHolder));
    }
    const i = tiers.findIndex((t) => t.id === name);
    if (i < 0) throw new Error(`sizing names unknown quantity ${name}`);
    return ref(fte[i]!);
  };
  tiers.forEach((t, i) => {
    const size = t.size;
    switch (size.rule) {
      case "fixed":
        fte[i]!.formula = I(tierKey(t, "fte"));
        break;
      case "caseload":
        // a structure run as the council runs it today sizes its case-holders by the council's caseload (engine/scenario/validate.ts)
        fte[i]!.formula = div(
          mul(ref(children), I(tierKey(t, "shareOfChildren"))),
          mul(I(t.holdsCases && scenario.structure.caseloadFromCouncil === true && scenario.council.caseload !== undefined ? "council.caseload" : tierKey(t, "childrenPerWorker")), ref(atWork)),
        );
        break;
      case "span":
        fte[i]!.formula = div(mul(quantity(size.of), I(tierKey(t, "span.fte"))), I(tierKey(t, "span.per")));
        break;
      case "expression":
        fte[i]!.formula = expressionFormula(size.expression, quantity);
        break;
    }
  });
  const order = Array.from(model.order);
  caseHolding.formula = sumChain(order.filter((i) => tiers[i]!.holdsCases).map((i) => ref(fte[i]!)));
  totalFte.formula = sumChain(order.map((i) => ref(fte[i]!)));
  const members = teamsOf === "caseHolders" ? ref(caseHolding) : ref(fte[tiers.findIndex((t) => t.id === teamsOf)]!);
  teamsExact.formula = div(members, I("structure.teams.size"));
  teams.formula = roundUp ? ceilNear(ref(teamsExact)) : ref(teamsExact);
  const perCaseHolder = (x: Cell) => IF(gt(ref(caseHolding), num(0)), div(ref(x), ref(caseHolding)), num(0));
  const childrenPerCaseHolder = calc.scalar("Children per case-holder = children ÷ case-holding FTE", "children", perCaseHolder(children), "ratio");
  const familiesPerCaseHolder = calc.scalar("Families per case-holder = families ÷ case-holding FTE", "families", perCaseHolder(families), "ratio");
  const childrenAtWork = calc.scalar(
    "Children per case-holder at work (the caseload as the DfE counts it) = children ÷ (case-holding FTE × posts with someone at work)",
    "children",
    IF(gt(mul(ref(caseHolding), ref(atWork)), num(0)), div(ref(children), mul(ref(caseHolding), ref(atWork))), num(0)),
    "ratio",
  );

  // Time use: the starting week changed by the structure's drivers (engine/time/weekAfter.ts, the
  // same operations in the same order), then direct payments, whose care-management time moves from
  // administration into direct contact.
  calc.group("Time use: the starting week, the structure's changes to it and the direct payments lever");
  const dpCases = calc.scalar(
    "Cases on direct payments per case-holder = share of families on direct payments × children per case-holder at work",
    "cases",
    mul(I("timeUse.directPayments.shareOfFamilies"), ref(childrenAtWork)),
    "ratio",
  );
  const hoursFreed = calc.scalar(
    "Care-management hours freed per case-holder a week = cases on direct payments × hours freed per case (negative: added)",
    "hours a week",
    mul(ref(dpCases), I("timeUse.directPayments.hoursFreedPerCase")),
    "hours",
  );
  const capacityFreed = calc.scalar(
    "Case-holding capacity freed = hours freed × case-holding FTE at work ÷ contracted hours",
    "FTE",
    div(mul(ref(hoursFreed), mul(ref(caseHolding), ref(atWork))), ref(hours)),
    "fte",
  );
  const handedToSupport = calc.scalar("Administration handed to support staff, all case-holders = case-holding FTE × hours handed per case-holder", "hours a week", mul(ref(caseHolding), ref(handedPerCaseHolder)), "hours");
  const administrationKept = calc.scalar(
    "Administration kept (before direct payments) = starting share × (1 − share handed to support)",
    "share",
    mul(I("timeUse.administration"), sub(num(1), I("timeUse.changes.administrationToSupport"))),
    "share",
  );
  const reportingAfter = calc.scalar(
    `Meetings and reporting after = starting share × MAX(0, 1 − cut per layer × (layers when measured − this structure's ${model.layers}))`,
    "share",
    mul(I("timeUse.meetingsAndReporting"), fn("MAX", num(0), sub(num(1), mul(I("timeUse.changes.reportingCutPerLayer"), sub(I("timeUse.changes.managementLayersBefore"), num(model.layers)))))),
    "share",
  );
  const travelAfter = calc.scalar("Travel after = starting share × (1 − travel cut)", "share", mul(I("timeUse.travel"), sub(num(1), I("timeUse.changes.travelCut"))), "share");
  const supervisionAfter = calc.scalar("Supervision after = starting share × (1 + change in supervision)", "share", mul(I("timeUse.supervision"), add(num(1), I("timeUse.changes.supervisionChange"))), "share");
  const freedByChanges = calc.scalar(
    "Share of the week the changes free = (administration − kept) + (meetings and reporting − after) + (travel − after) + (supervision − after)",
    "share",
    add(
      add(add(sub(I("timeUse.administration"), ref(administrationKept)), sub(I("timeUse.meetingsAndReporting"), ref(reportingAfter))), sub(I("timeUse.travel"), ref(travelAfter))),
      sub(I("timeUse.supervision"), ref(supervisionAfter)),
    ),
    "share",
  );
  const hoursFreedByChanges = calc.scalar("Hours a week per case-holder the changes free = share freed × contracted hours", "hours a week", mul(ref(freedByChanges), ref(hours)), "hours");
  const contactShare = calc.scalar(
    "Direct contact share of the week = starting share + share of freed time to direct contact × share freed + direct payments hours freed ÷ contracted hours",
    "share",
    add(add(I("timeUse.directContact"), mul(I("timeUse.changes.freedToDirectContact"), ref(freedByChanges))), div(ref(hoursFreed), ref(hours))),
    "share",
  );
  const administrationShare = calc.scalar(
    "Administration share of the week = administration kept − direct payments hours freed ÷ contracted hours",
    "share",
    sub(ref(administrationKept), div(ref(hoursFreed), ref(hours))),
    "share",
  );
  const learningShare = calc.scalar(
    "Learning and other share of the week = starting share + (1 − share of freed time to direct contact) × share freed",
    "share",
    add(I("timeUse.learning"), mul(sub(num(1), I("timeUse.changes.freedToDirectContact")), ref(freedByChanges))),
    "share",
  );
  const weekAfter: Record<string, Cell | undefined> = {
    directContact: contactShare,
    administration: administrationShare,
    travel: travelAfter,
    meetingsAndReporting: reportingAfter,
    supervision: supervisionAfter,
    learning: learningShare,
  };
  const contactPerCaseHolder = calc.scalar("Direct contact hours per case-holder a week = hours × direct contact share", "hours a week", mul(ref(hours), ref(contactShare)), "hours");
  const contactPerChild = calc.scalar(
    "Direct contact hours per child a week = contact hours per case-holder ÷ children per case-holder at work",
    "hours a week",
    IF(gt(ref(childrenAtWork), num(0)), div(ref(contactPerCaseHolder), ref(childrenAtWork)), num(0)),
    "hours",
  );

  // Pay: salaries stated in one year, carried year by year to the costed year by the pay awards.
  const finance = scenario.finance;
  const payYears = Array.from({ length: yearsBetween(finance.salaryYear, finance.year) + 1 }, (_, k) => addYears(finance.salaryYear, k));
  calc.group(
    payYears.length === 1
      ? `Pay: salaries as stated, in ${finance.year} prices`
      : `Pay: salaries stated in ${finance.salaryYear}, carried to ${finance.year} by the pay awards (a flat sum up to a salary, a percentage above it)`,
  );
  const salary: Cell[] = tiers.map((t) => {
    const row = calc.timeline(
      `Salary: ${t.name}`,
      "£ a year",
      payYears,
      (k, prev) => (k === 0 ? I(tierKey(t, "salary")) : award(inputs, payYears[k]!, ref(prev!))),
      "money",
      (cells) => ref(cells[cells.length - 1]!),
    );
    return row.total!;
  });

  // Run cost, tier by tier.
  calc.group("Posts in post: employed, and vacant but covered by agency (uncovered vacancies cost nothing)");
  const vacancy = I("council.vacancyRate");
  const agencyShare = I("council.agencyCoverShare");
  const employed = tiers.map((t, i) => calc.scalar(`FTE employed: ${t.name} = FTE × (1 − vacancy rate)`, "FTE", mul(ref(fte[i]!), sub(num(1), vacancy)), "fte"));
  const covered = tiers.map((t, i) => calc.scalar(`FTE covered by agency: ${t.name} = FTE × vacancy rate × agency cover`, "FTE", mul(mul(ref(fte[i]!), vacancy), agencyShare), "fte"));
  const inPost = tiers.map((t, i) => calc.scalar(`FTE in post: ${t.name}`, "FTE", add(ref(employed[i]!), ref(covered[i]!)), "fte"));
  calc.group("On-costs of one FTE");
  const niEach = tiers.map((t, i) =>
    calc.scalar(
      `Employer NI per FTE: ${t.name} = rate × (salary − threshold), nothing below the threshold`,
      "£ a year",
      IF(gt(ref(salary[i]!), I("finance.employerNi.threshold")), mul(I("finance.employerNi.rate"), sub(ref(salary[i]!), I("finance.employerNi.threshold"))), num(0)),
      "money",
    ),
  );
  const pensionEach = tiers.map((t, i) => calc.scalar(`Employer pension per FTE: ${t.name} = pension rate × salary`, "£ a year", mul(I("finance.pensionRate"), ref(salary[i]!)), "money"));
  calc.group("Run cost components by tier");
  const pay = tiers.map((t, i) => calc.scalar(`Pay: ${t.name} = salary × FTE in post`, "£ a year", mul(ref(salary[i]!), ref(inPost[i]!)), "money"));
  const ni = tiers.map((t, i) => calc.scalar(`Employer NI: ${t.name} = NI per FTE × FTE in post`, "£ a year", mul(ref(niEach[i]!), ref(inPost[i]!)), "money"));
  const pension = tiers.map((t, i) => calc.scalar(`Employer pension: ${t.name} = pension per FTE × FTE in post`, "£ a year", mul(ref(pensionEach[i]!), ref(inPost[i]!)), "money"));
  const levyGross = tiers.map((t, i) =>
    calc.scalar(`Apprenticeship levy before the allowance: ${t.name} = levy rate × salary × FTE employed`, "£ a year", mul(mul(I("finance.apprenticeshipLevy.rate"), ref(salary[i]!)), ref(employed[i]!)), "money"),
  );
  const agency = tiers.map((t, i) =>
    calc.scalar(
      `Agency premium: ${t.name} = premium × (salary + NI + pension per FTE) × FTE covered`,
      "£ a year",
      mul(mul(I("council.agencyPremium"), add(add(ref(salary[i]!), ref(niEach[i]!)), ref(pensionEach[i]!))), ref(covered[i]!)),
      "money",
    ),
  );
  const overheads = tiers.map((t, i) => calc.scalar(`Non-pay overheads: ${t.name} = overheads per FTE × FTE in post`, "£ a year", mul(I("finance.overheadsPerFte"), ref(inPost[i]!)), "money"));
  calc.group("Apprenticeship levy: the allowance is set against the whole pay bill's levy, shared across tiers pro rata");
  const levyTotal = calc.scalar("Levy before the allowance, all tiers", "£ a year", sumChain(levyGross.map(ref_)), "money");
  const levyDue = calc.scalar("Levy due = the greater of 0 and levy − allowance", "£ a year", fn("MAX", num(0), sub(ref(levyTotal), I("finance.apprenticeshipLevy.allowance"))), "money");
  const levyScale = calc.scalar("Share of the levy payable = levy due ÷ levy before the allowance", "share", IF(gt(ref(levyTotal), num(0)), div(ref(levyDue), ref(levyTotal)), num(0)), "factor");
  const levy = tiers.map((t, i) => calc.scalar(`Apprenticeship levy: ${t.name}`, "£ a year", mul(ref(levyGross[i]!), ref(levyScale)), "money"));
  calc.group("Run cost");
  const tierCost = tiers.map((t, i) =>
    calc.scalar(`Run cost: ${t.name} = pay + NI + pension + levy + agency premium + overheads`, "£ a year", sumChain([pay[i]!, ni[i]!, pension[i]!, levy[i]!, agency[i]!, overheads[i]!].map(ref_)), "money"),
  );
  const teamBudgets = calc.scalar("Devolved team budgets = teams × budget per team", "£ a year", mul(ref(teams), I("structure.teamBudget")), "money");
  const runCostExact = calc.scalar("Run cost = tiers' run costs + team budgets", "£ a year", add(sumChain(tierCost.map(ref_)), ref(teamBudgets)), "money");
  const componentRows = [pay, ni, pension, levy, agency, overheads];
  const componentTotals = componentRows.map((cells, j) => calc.scalar(`${componentLabel(RUN_COST_COMPONENTS[j]!)}, all tiers`, "£ a year", sumChain(cells.map(ref_)), "money"));

  // Structure indicators.
  calc.group("Structure");
  const byRole = (role: string, of: Cell[]) => sumChain(tiers.map((t, i) => (t.role === role ? ref(of[i]!) : null)).filter((x): x is Expr => x !== null));
  const managementFte = calc.scalar("Management FTE (manager tiers)", "FTE", byRole("manager", fte), "fte");
  const managementPay = calc.scalar("Management pay (manager tiers)", "£ a year", byRole("manager", pay), "money");
  const supportFte = calc.scalar("Support FTE (support tiers)", "FTE", byRole("support", fte), "fte");
  const clinicianFte = calc.scalar("Clinician FTE (clinician tiers)", "FTE", byRole("clinician", fte), "fte");
  const below = tiers.map((t, i) =>
    model.hasReports[i] ? calc.scalar(`FTE reporting directly to ${t.name}`, "FTE", sumChain(tiers.map((_, j) => (model.reportsToIndex[j] === i ? ref(fte[j]!) : null)).filter((x): x is Expr => x !== null)), "fte") : null,
  );
  const managers = tiers.map((_, i) => i).filter((i) => model.hasReports[i]);
  const reportingFte = calc.scalar("FTE reporting to a tier with reports", "FTE", sumChain(managers.map((i) => ref(below[i]!))), "fte");
  const managingFte = calc.scalar("FTE of tiers with reports", "FTE", sumChain(managers.map((i) => ref(fte[i]!))), "fte");
  const span = calc.scalar("Span of control = reporting FTE ÷ FTE of tiers with reports", "ratio", IF(gt(ref(managingFte), num(0)), div(ref(reportingFte), ref(managingFte)), num(0)), "ratio");
  const managementShare = calc.scalar("Management share of pay", "share", IF(gt(ref(componentTotals[0]!), num(0)), div(ref(managementPay), ref(componentTotals[0]!)), num(0)), "share");
  const adminSupport = calc.scalar("Admin support per case-holder = support FTE ÷ case-holding FTE", "ratio", IF(gt(ref(caseHolding), num(0)), div(ref(supportFte), ref(caseHolding)), num(0)), "ratio");
  const layers = calc.constant("Management layers (counted from the reporting lines on Inputs when the workbook was made)", "layers", model.layers, "integer");

  // Rounding: the tiers × components table (with a row for team budgets), as the engine rounds it.
  rounding.section(`${who}: run cost to the penny`);
  const grandExact = rounding.derived(
    "Run cost added cell by cell (tier by tier, component by component), as the engine totals the table",
    add(sumChain(tiers.flatMap((_, i) => componentRows.map((rows) => ref(rows[i]!)))), ref(teamBudgets)),
    "money",
  );
  const grandPennies = rounding.derived("Run cost in whole pennies", penniesOf(ref(grandExact)), "integer");
  const byComponent = rounding.allocate(
    `${who}: run cost by component`,
    "Each component, all tiers together, rounded so that they add up to the rounded run cost.",
    RUN_COST_COMPONENTS.map((c, j) => ({ label: componentLabel(c), amount: j < componentTotals.length ? ref(componentTotals[j]!) : ref(teamBudgets) })),
    ref(grandPennies),
  );
  // Team budgets are one amount, its own line of the run cost: the tiers share what the run cost has left
  // once that line has its pennies, so the tiers and the team budgets add up to the run cost exactly.
  const tiersPennies = rounding.derived(
    "Run cost less the team budgets line, in whole pennies (what the tiers share)",
    sub(ref(grandPennies), ref(byComponent.pennies[RUN_COST_COMPONENTS.indexOf("teamBudgets")]!)),
    "integer",
  );
  const byTier = rounding.allocate(
    `${who}: run cost by tier`,
    "Each tier's run cost rounded so that, with the team budgets line, they add up to the rounded run cost.",
    tiers.map((t, i) => ({ label: t.name, amount: ref(tierCost[i]!) })),
    ref(tiersPennies),
  );
  const runCostRounded = rounding.derived("Run cost to the penny", poundsOf(ref(grandPennies)), "money");
  const salaries = rounding.singles(
    `${who}: salaries in ${finance.year} to the penny`,
    tiers.map((t, i) => ({ label: t.name, amount: ref(salary[i]!) })),
  );

  const set = (name: string, cell: Cell) => figures.set(name, cell);
  set("caseload.children", children);
  set("caseload.families", families);
  set("caseload.caseHoldingFte", caseHolding);
  set("caseload.childrenPerCaseHolder", childrenPerCaseHolder);
  set("caseload.familiesPerCaseHolder", familiesPerCaseHolder);
  set("caseload.atWorkShare", atWork);
  set("caseload.childrenPerCaseHolderAtWork", childrenAtWork);
  set("structure.totalFte", totalFte);
  set("structure.teams", teams);
  set("structure.layers", layers);
  set("structure.spanOfControl", span);
  set("structure.managementFte", managementFte);
  set("structure.managementShareOfPay", managementShare);
  set("structure.adminSupportPerPractitioner", adminSupport);
  set("structure.clinicianFte", clinicianFte);
  set("time.hoursPerWeek", hours);
  set("time.directContactShare", contactShare);
  set("time.administrationShare", administrationShare);
  set("time.hoursFreedByChangesPerCaseHolderPerWeek", hoursFreedByChanges);
  set("time.administrationHoursToSupport", handedToSupport);
  set("time.directPayments.casesPerCaseHolder", dpCases);
  set("time.directPayments.hoursFreedPerCaseHolderPerWeek", hoursFreed);
  set("time.directPayments.capacityFte", capacityFreed);
  set("time.directContactHoursPerCaseHolderPerWeek", contactPerCaseHolder);
  set("time.directContactHoursPerChildPerWeek", contactPerChild);
  set("runCost.total", runCostRounded);
  RUN_COST_COMPONENTS.forEach((c, j) => set(`runCost.components.${c}`, byComponent.pounds[j]!));
  tiers.forEach((t, i) => {
    set(`structure.tiers.${t.id}.fte`, fte[i]!);
    set(`structure.tiers.${t.id}.salary`, salaries[i]!.pounds);
    set(`structure.tiers.${t.id}.annualCost`, byTier.pounds[i]!);
  });
  return {
    inputs,
    fte,
    salary,
    caseHoldingFte: caseHolding,
    teams,
    runCostExact,
    runCostPennies: grandPennies,
    figures,
    check: {
      children,
      childrenPerCaseHolder,
      totalFte,
      shares: TIME_USE_SHARES.map((k) => (weekAfter[k] ? ref(weekAfter[k]!) : I(`timeUse.${k}`))),
      tierCost,
      tierPennies: byTier.pennies,
      tierPounds: byTier.pounds,
      componentPennies: byComponent.pennies,
      allocations: [
        { remainder: byTier.remainder, parts: byTier.pennies },
        { remainder: byComponent.remainder, parts: byComponent.pennies },
      ],
    },
  };
}

/** One year's pay award on a salary: a flat sum at or below a salary, a percentage above it. */
function award(inputs: ScenarioInputs, year: string, prev: Expr): Expr {
  const base = `finance.payAwards.${year}`;
  if (inputs.has(base)) return mul(prev, add(num(1), inputs.input(base)));
  const percent = inputs.has(`${base}.percent`) ? mul(prev, add(num(1), inputs.input(`${base}.percent`))) : prev;
  if (!inputs.has(`${base}.flat`)) return percent;
  const flat = inputs.input(`${base}.flat`);
  const condition = inputs.has(`${base}.flatUpTo`) ? fn("AND", gt(flat, num(0)), le(prev, inputs.input(`${base}.flatUpTo`))) : gt(flat, num(0));
  return IF(condition, add(prev, flat), percent);
}

function sizingText(t: Tier): string {
  const s = t.size;
  switch (s.rule) {
    case "fixed":
      return "fixed";
    case "caseload":
      return "children × share ÷ (caseload target × posts at work)";
    case "span":
      return `${s.of} × FTE per span ÷ one post per`;
    case "expression":
      return s.expression;
  }
}
