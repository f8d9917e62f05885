import { CATEGORY_LABELS, compileComparison, sameGradeGroups, TRANSITION_CATEGORIES, type Scenario } from "../engine/index.js";
import { CalcSheet } from "./calcSheet.js";
import { abs, add, div, eq, fn, ge, gt, IF, le, lt, mul, neg, num, ref, sub, sumChain, text, type Expr } from "./formula.js";
import type { Cell } from "./grid.js";
import { penniesOf, poundsOf } from "./money.js";
import type { RoundingSheet } from "./roundingSheet.js";
import type { ScenarioCells } from "./scenarioRules.js";
import { flowsRules, monthLabels, type FlowsCells } from "./flowsRules.js";

/**
 * The comparison of an option with the baseline as rows of the Calculations sheet: the change in run
 * cost, the transition spend from its drivers (posts deleted and their holders redeployed or made
 * redundant, statutory redundancy by age and service, pension strain, recruitment, training, double
 * running, systems, the programme team), spread over the transition years by the profiles, and the
 * Green Book appraisal over the financial years of the horizon. Then, on the Rounding sheet, the
 * transition spend and present values in pounds and pence as the engine rounds them.
 */

export interface ComparisonCells {
  /** Figure name (figures.ts, comparison-only figures) → cell. */
  figures: Map<string, Cell>;
  /** The appraisal's financial years. */
  years: string[];
  transitionYears: string[];
  /** Rounded rows by appraisal year, for the Outputs sheet's cash flow table. */
  cashFlow: { transition: Cell[]; runCostChange: Cell[]; runCostOptimismBias: Cell[]; retention: Cell[]; amount: Cell[]; discountFactor: Cell[]; presentValue: Cell[]; cumulative: Cell[] };
  /** Per category (TRANSITION_CATEGORIES order), rounded. */
  byCategory: Cell[];
  /** Per transition year, rounded. */
  byYear: Cell[];
  /** Whether the payback index is within the horizon, and its index. */
  paybackIndex: Cell;
  /** Each cash flow's pennies + transition + run cost change (0 when it reconciles). */
  flowResiduals: Cell[];
  posts: { holders: Cell; redeployed: Cell; leavers: Cell; naturalWastage: Cell };
  /** Pennies handed out by each allocation (their size must not exceed the number of parts). */
  allocationTargets: { remainder: Cell; parts: Cell[] }[];
  /** Whole pennies: the transition total, by category, by year; present values and the NPV. */
  pennies: { total: Cell | undefined; byCategory: Cell[]; byYear: Cell[]; presentValues: Cell[]; npv: Cell };
}

export function comparisonRules(calc: CalcSheet, rounding: RoundingSheet, base: ScenarioCells, option: ScenarioCells, label: string, flowsSheet?: () => CalcSheet): ComparisonCells {
  const baseline: Scenario = base.inputs.scenario;
  const opt: Scenario = option.inputs.scenario;
  const model = compileComparison(baseline, opt);
  const P = option.inputs.input;
  const B = base.inputs.input;
  const transition = opt.transition;
  const figures = new Map<string, Cell>();
  const refs = (cells: Cell[]) => cells.map((c) => ref(c));

  calc.section(`${label}: ${opt.name} against ${baseline.name}`, `Transition and appraisal settings are the option's (${option.inputs.role.prefix}_…).`);
  calc.group("Run cost change");
  const change = calc.scalar("Run cost change = option's run cost − baseline's (before rounding)", "£ a year", sub(ref(option.runCostExact), ref(base.runCostExact)), "money");
  calc.scalar("Run cost change as a share of the baseline's", "share", IF(gt(ref(base.runCostExact), num(0)), div(ref(change), ref(base.runCostExact)), num(0)), "share");
  const costNeutral = calc.scalar("Cost neutral: the change is within the tolerance of the baseline's run cost", "yes/no", le(abs(ref(change)), mul(P("finance.appraisal.costNeutralTolerance"), ref(base.runCostExact))), "bool");

  const years = Array.from({ length: model.horizon }, (_, y) => model.yearOf(y));
  const transitionYears = years.slice(0, model.years);
  const baseTiers = baseline.structure.tiers;
  const optionTiers = opt.structure.tiers;
  const categories: Expr[] = TRANSITION_CATEGORIES.map(() => num(0));
  let postCells: { deleted: Cell[]; holders: Cell[]; redeployed: Cell[]; leavers: Cell[]; wastage: Cell[]; recruited: Cell | undefined; newPosts: Cell[] } = { deleted: [], holders: [], redeployed: [], leavers: [], wastage: [], recruited: undefined, newPosts: [] };
  const rows: Cell[][] = [];
  const yearTotals: Cell[] = [];
  let flowCells: FlowsCells | undefined;

  if (transition) {
    const flowing = model.fromFlows;
    calc.group("Posts deleted in the baseline's tiers, and their holders");
    const optionFte = (id: string): Expr => {
      const o = optionTiers.findIndex((t) => t.id === id);
      return o >= 0 ? ref(option.fte[o]!) : num(0);
    };
    const deleted = baseTiers.map((t, b) => calc.scalar(`Posts deleted: ${t.name} = the greater of 0 and baseline FTE − option FTE`, "FTE", fn("MAX", num(0), sub(ref(base.fte[b]!), optionFte(t.id))), "fte"));
    const holders = baseTiers.map((t, b) => calc.scalar(`Holders of deleted posts: ${t.name} = posts deleted × (1 − baseline vacancy rate)`, "FTE", mul(ref(deleted[b]!), sub(num(1), B("council.vacancyRate"))), "fte"));
    // New posts come before the redeployed: holders fill new posts of their own grade first (engine/transition/sameGrade.ts).
    const baseFte = (id: string): Expr => {
      const b = baseTiers.findIndex((t) => t.id === id);
      return b >= 0 ? ref(base.fte[b]!) : num(0);
    };
    const newPosts = optionTiers.map((t, o) => calc.scalar(`New posts: ${t.name} = the greater of 0 and option FTE − baseline FTE`, "FTE", fn("MAX", num(0), sub(ref(option.fte[o]!), baseFte(t.id))), "fte"));
    const groups = sameGradeGroups(baseTiers, optionTiers);
    const sameGrade: (Cell | undefined)[] = baseTiers.map(() => undefined);
    if (groups.length > 0) calc.group("Same-grade moves: holders of deleted posts fill new posts of their own grade first");
    for (const g of groups) {
      const held = calc.scalar(`Holders of deleted posts graded ${g.grade}`, "FTE", sumChain(g.base.map((b) => ref(holders[b]!))), "fte");
      const filled = calc.scalar(`New posts graded ${g.grade} filled = Σ new posts × (1 − option vacancy rate)`, "FTE", sumChain(g.option.map((o) => mul(ref(newPosts[o]!), sub(num(1), P("council.vacancyRate"))))), "fte");
      const moves = calc.scalar(`Same-grade moves, ${g.grade} = the lesser of the holders and the posts filled`, "FTE", fn("MIN", ref(held), ref(filled)), "fte");
      for (const b of g.base) {
        sameGrade[b] = calc.scalar(`Same-grade moves: ${baseTiers[b]!.name} = moves × its share of the holders`, "FTE", IF(gt(ref(held), num(0)), div(mul(ref(moves), ref(holders[b]!)), ref(held)), num(0)), "fte");
      }
    }
    const shareKey = (t: { id: string }) => (option.inputs.has(`transition.redeployed.${t.id}`) ? `transition.redeployed.${t.id}` : "transition.redeployedDefault");
    const redeployed = flowing
      ? []
      : baseTiers.map((t, b) => {
          const typed = mul(ref(holders[b]!), P(shareKey(t)));
          const moves = sameGrade[b];
          return moves
            ? calc.scalar(`Redeployed: ${t.name} = the greater of holders × share redeployed and its same-grade moves`, "FTE", fn("MAX", typed, ref(moves)), "fte")
            : calc.scalar(`Redeployed: ${t.name} = holders × share redeployed`, "FTE", typed, "fte");
        });
    const leavers = flowing ? [] : baseTiers.map((t, b) => calc.scalar(`Leavers: ${t.name} = holders − redeployed`, "FTE", sub(ref(holders[b]!), ref(redeployed[b]!)), "fte"));

    calc.group("Redundancy: statutory weeks by age and service (at most 20 years; ½ week a year under 22, 1 from 22, 1½ from 41; none under 2 years)");
    const weeks = transition.leavers.map((_, g) =>
      calc.scalar(`Statutory weeks due: leaver group ${g + 1}`, "weeks", statutoryWeeksFormula(P(`transition.leavers.${g}.age`), P(`transition.leavers.${g}.yearsOfService`)), "number"),
    );
    const weeksPerLeaver = calc.scalar("Weeks due to an average leaver = Σ share × weeks", "weeks", sumChain(weeks.map((w, g) => mul(P(`transition.leavers.${g}.share`), ref(w)))), "number");
    const strainShare = calc.scalar(
      "Share of leavers old enough for pension strain",
      "share",
      sumChain(transition.leavers.map((_, g) => IF(ge(P(`transition.leavers.${g}.age`), P("transition.redundancy.strainAge")), P(`transition.leavers.${g}.share`), num(0)))),
      "share",
    );
    let redundancy: Cell[] = [];
    let strain: Cell[] = [];
    if (!flowing) {
      const weekly = baseTiers.map((t, b) =>
        calc.scalar(
          `A week's pay: ${t.name} = salary ÷ 52, capped unless paid at actual pay`,
          "£",
          IF(P("transition.redundancy.actualPay"), div(ref(base.salary[b]!), num(52)), fn("MIN", div(ref(base.salary[b]!), num(52)), P("transition.redundancy.weeklyPayCap"))),
          "money",
        ),
      );
      redundancy = baseTiers.map((t, b) =>
        calc.scalar(`Redundancy: ${t.name} = leavers × weeks per leaver × a week's pay × multiplier`, "£", mul(mul(mul(ref(leavers[b]!), ref(weeksPerLeaver)), ref(weekly[b]!)), P("transition.redundancy.multiplier")), "money"),
      );
      strain = baseTiers.map((t, b) =>
        calc.scalar(`Pension strain: ${t.name} = leavers × strain share × strain per salary × salary`, "£", mul(mul(mul(ref(leavers[b]!), ref(strainShare)), P("transition.redundancy.strainPerSalary")), ref(base.salary[b]!)), "money"),
      );
    }

    calc.group(flowing ? "New posts in the option's tiers (filled as the workforce flows say)" : "New posts in the option's tiers, filled by the redeployed first and then by recruitment");
    let recruited: Cell;
    if (flowing) {
      flowCells = flowsRules(flowsSheet!(), monthLabels(years), { base, option, holders, sameGrade, weeksPerLeaver, strainShare, transitionYears, startYear: model.startYear, horizon: model.horizon });
      recruited = calc.scalar("Recruited = starters beyond replacing leavers (workforce flows)", "FTE", ref(flowCells.recruited), "fte");
      postCells = { deleted, holders, redeployed: flowCells.redeployed, leavers: flowCells.redundant, wastage: flowCells.wastage, recruited, newPosts };
    } else {
      const filled = calc.scalar("New posts filled = Σ new posts × (1 − option vacancy rate)", "FTE", sumChain(newPosts.map((c) => mul(ref(c), sub(num(1), P("council.vacancyRate"))))), "fte");
      const redeployedTotal = calc.scalar("Redeployed, all tiers", "FTE", sumChain(refs(redeployed)), "fte");
      recruited = calc.scalar("Recruited = the greater of 0 and new posts filled − redeployed", "FTE", fn("MAX", num(0), sub(ref(filled), ref(redeployedTotal))), "fte");
      postCells = { deleted, holders, redeployed, leavers, wastage: [], recruited, newPosts };
    }

    calc.group("Transition spend by category");
    const niRate = P("finance.employerNi.rate");
    const niThreshold = P("finance.employerNi.threshold");
    const programmeSalary = P("transition.programmeTeam.salary");
    const programmeCost = calc.scalar(
      "Programme team cost of one FTE a year = salary + employer NI + pension + levy",
      "£ a year",
      add(add(add(programmeSalary, IF(gt(programmeSalary, niThreshold), mul(niRate, sub(programmeSalary, niThreshold)), num(0))), mul(P("finance.pensionRate"), programmeSalary)), mul(P("finance.apprenticeshipLevy.rate"), programmeSalary)),
      "money",
    );
    const fromFlows = (c: keyof FlowsCells["byYear"]) => sumChain(refs(flowCells!.byYear[c]));
    const categoryFormulas: Record<string, Expr> = flowing
      ? {
          redundancy: fromFlows("redundancy"),
          pensionStrain: fromFlows("pensionStrain"),
          recruitment: fromFlows("recruitment"),
          doubleRunning: fromFlows("doubleRunning"),
          agencyBridging: fromFlows("agencyBridging"),
        }
      : {
          redundancy: sumChain(refs(redundancy)),
          pensionStrain: sumChain(refs(strain)),
          recruitment: mul(ref(recruited), P("transition.recruitmentPerPost")),
          doubleRunning: mul(mul(P("transition.doubleRunning.share"), ref(base.runCostExact)), div(P("transition.doubleRunning.months"), num(12))),
          agencyBridging: num(0),
        };
    categoryFormulas.training = add(mul(P("transition.training.perWorker"), ref(option.caseHoldingFte)), mul(P("transition.training.perTeam"), ref(option.teams)));
    categoryFormulas.systems = P("transition.systems");
    categoryFormulas.programmeTeam = mul(mul(P("transition.programmeTeam.fte"), ref(programmeCost)), P("transition.programmeTeam.years"));
    const categoryCells = TRANSITION_CATEGORIES.map((c) => calc.scalar(`${CATEGORY_LABELS[c]}${flowing && flowCells!.byYear[c as keyof FlowsCells["byYear"]] ? " (from the workforce flows)" : ""}`, "£", categoryFormulas[c]!, "money"));
    categoryCells.forEach((cell, c) => (categories[c] = ref(cell)));

    calc.group("Transition spend by year: each category spread by its profile (the weights need not add up to 1)");
    TRANSITION_CATEGORIES.forEach((category, c) => {
      const timed = flowCells?.byYear[category as keyof FlowsCells["byYear"]];
      if (timed) {
        rows.push(calc.timeline(`${CATEGORY_LABELS[category]} by year, as the workforce flows place it`, "£", transitionYears, (y) => ref(timed[y]!), "money", "sum").cells);
        return;
      }
      const own = transition.categoryProfiles[category] !== undefined;
      const weight = (y: number) => P(own ? `transition.categoryProfiles.${category}.${y}` : `transition.profile.${y}`);
      const weightSum = calc.scalar(`Profile weights of ${CATEGORY_LABELS[category]!.toLowerCase()}, added`, "", sumChain(transitionYears.map((_, y) => weight(y))), "number");
      const row = calc.timeline(
        `${CATEGORY_LABELS[category]} by year = category × weight ÷ weights added`,
        "£",
        transitionYears,
        (y) => IF(gt(ref(weightSum), num(0)), div(mul(ref(categoryCells[c]!), weight(y)), ref(weightSum)), num(0)),
        "money",
        "sum",
      );
      rows.push(row.cells);
    });
    yearTotals.push(...calc.timeline("Transition spend by year (categories added)", "£", transitionYears, (y) => sumChain(rows.map((r) => ref(r[y]!))), "money", "sum").cells);
  }

  // Appraisal.
  calc.group(`Appraisal over ${model.horizon} years in ${model.priceBaseYear} prices: cash flows in real terms, Green Book discounting (year 0 undiscounted)`);
  const index = calc.timeline("Year of the appraisal", "year", years, (y, prev) => (y === 0 ? num(0) : add(ref(prev!), num(1))), "integer").cells;
  const offset = calc.constant(`Years from the price base year ${model.priceBaseYear} to ${model.startYear} (from the years on Inputs when the workbook was made)`, "years", model.offset, "integer");
  const bands = opt.finance.appraisal.discountSchedule.map((_, i) => ({ from: P(`finance.appraisal.discountSchedule.${i}.fromYear`), rate: P(`finance.appraisal.discountSchedule.${i}.rate`) }));
  const rateIn = (year: Expr): Expr => bands.slice(1).reduce<Expr>((acc, band) => IF(ge(year, band.from), band.rate, acc), bands[0]!.rate);
  const rate = calc.timeline("Discount rate in the year (the band it falls in, counted from the price base year)", "share", years, (y) => rateIn(add(ref(index[y]!), ref(offset))), "share").cells;
  const startFactor = calc.scalar(
    "Discount factor at the first year",
    "factor",
    Array.from({ length: model.offset }, (_, k) => k + 1).reduce<Expr>((acc, k) => div(acc, add(num(1), rateIn(num(k)))), num(1)),
    "factor",
  );
  const factor = calc.timeline("Discount factor = the year before's ÷ (1 + the year's rate)", "factor", years, (y, prev) => (y === 0 ? ref(startFactor) : div(ref(prev!), add(num(1), ref(rate[y]!)))), "factor").cells;
  const growth = calc.scalar("Real growth of pay = (1 + later pay award) ÷ (1 + GDP deflator)", "factor", div(add(num(1), P("finance.futurePayAward")), add(num(1), P("finance.appraisal.gdpDeflator"))), "factor");
  const real = calc.timeline("Real terms index of pay", "factor", years, (y, prev) => (y === 0 ? num(1) : mul(ref(prev!), ref(growth))), "factor").cells;
  const ramp = calc.timeline("Run cost change realised (the ramp; 1 after the transition)", "share", years, (y) => (y < transitionYears.length ? P(`transition.ramp.${y}`) : num(1)), "share").cells;
  const bias = calc.scalar("1 + optimism bias", "factor", add(num(1), P("finance.appraisal.optimismBias")), "factor");
  const spend = calc.timeline("Transition spend with optimism bias", "£", years, (y) => (y < transitionYears.length ? mul(ref(yearTotals[y]!), ref(bias)) : num(0)), "money", "sum").cells;
  const runChange = calc.timeline("Run cost change, phased and in real terms = change × ramp × real index", "£", years, (y) => mul(mul(ref(change), ref(ramp[y]!)), ref(real[y]!)), "money", "sum").cells;
  const runBias = calc.timeline(
    "Optimism bias on the run cost change = its share × the change's size (against the option, whichever way the change goes)",
    "£",
    years,
    (y) => mul(P("finance.appraisal.optimismBiasRunCost"), abs(ref(runChange[y]!))),
    "money",
    "sum",
  ).cells;
  // The retention lever (ComparisonModel.retentionSaving): its own line, never part of the run cost.
  let retentionFull: Expr = num(0);
  if (transition) {
    calc.group("Retention: the option's turnover and vacancy rates against the council's, once phased in (its own line of the appraisal)");
    const v = P("council.vacancyRate");
    const cover = P("council.agencyCoverShare");
    const levy = P("finance.apprenticeshipLevy.rate");
    const niRate = P("finance.employerNi.rate");
    const niThreshold = P("finance.employerNi.threshold");
    const onCost = optionTiers.map((t, o) => {
      const salary = ref(option.salary[o]!);
      return calc.scalar(`${t.name}: pay, NI and pension of one FTE`, "£ a year", add(add(salary, IF(gt(salary, niThreshold), mul(niRate, sub(salary, niThreshold)), num(0))), mul(P("finance.pensionRate"), salary)), "money");
    });
    const inPost = calc.scalar("In post, all the option's tiers = Σ FTE × (1 − vacancy rate)", "FTE", sumChain(optionTiers.map((_, o) => mul(ref(option.fte[o]!), sub(num(1), v)))), "fte");
    const premiumAll = calc.scalar("Agency premium on every vacant post covered = Σ FTE × share covered × premium × (pay, NI, pension)", "£ a year", sumChain(optionTiers.map((_, o) => mul(mul(mul(ref(option.fte[o]!), cover), P("council.agencyPremium")), ref(onCost[o]!)))), "money");
    const payAll = calc.scalar(
      "Pay of every vacant post filled = Σ FTE × ((1 − share covered) × employed cost + share covered × levy × salary)",
      "£ a year",
      sumChain(optionTiers.map((_, o) => mul(ref(option.fte[o]!), add(mul(sub(num(1), cover), add(add(ref(onCost[o]!), mul(levy, ref(option.salary[o]!))), P("finance.overheadsPerFte"))), mul(mul(cover, levy), ref(option.salary[o]!)))))),
      "money",
    );
    const turnover = option.inputs.has("council.turnoverRate") ? P("council.turnoverRate") : num(0);
    const recruitmentAvoided = calc.scalar("Recruitment avoided = turnover × the cut in turnover × in post × recruitment cost per post", "£ a year", mul(mul(mul(turnover, neg(P("transition.retention.turnoverChange"))), ref(inPost)), P("transition.recruitmentPerPost")), "money");
    const premiumAvoided = calc.scalar("Agency premium avoided = vacancy rate × the cut in vacancies × agency premium on every vacant post covered", "£ a year", mul(mul(v, neg(P("transition.retention.vacancyChange"))), ref(premiumAll)), "money");
    const payFilled = calc.scalar("Pay of posts filled that stood empty = vacancy rate × the cut in vacancies × pay of every vacant post filled", "£ a year", mul(mul(v, neg(P("transition.retention.vacancyChange"))), ref(payAll)), "money");
    retentionFull = ref(calc.scalar("Retention saving a year once phased in = recruitment avoided + agency premium avoided − pay of posts filled", "£ a year", sub(add(ref(recruitmentAvoided), ref(premiumAvoided)), ref(payFilled)), "money"));
  }
  const phaseIn = transition ? P("transition.retention.phaseInYears") : num(1);
  const retentionPhased = calc.timeline("Retention saving, phased in an equal share a year, in real terms", "£", years, (y) => mul(mul(retentionFull, fn("MIN", num(1), div(num(y + 1), phaseIn))), ref(real[y]!)), "money", "sum").cells;
  const retentionKept = calc.timeline("Retention saving after optimism bias at the run cost's rate = phased − bias × its size", "£", years, (y) => sub(ref(retentionPhased[y]!), mul(P("finance.appraisal.optimismBiasRunCost"), abs(ref(retentionPhased[y]!)))), "money", "sum").cells;
  const amount = calc.timeline(
    "Net cash flow = −(transition spend + run cost change + its optimism bias) + retention saving; positive is a saving",
    "£",
    years,
    (y) => add(neg(add(add(ref(spend[y]!), ref(runChange[y]!)), ref(runBias[y]!))), ref(retentionKept[y]!)),
    "money",
    "sum",
  ).cells;
  const present = calc.timeline("Present value = cash flow × discount factor", "£", years, (y) => mul(ref(amount[y]!), ref(factor[y]!)), "money", "sum");

  // The demand lever (ComparisonModel.compareGeneral): its cashable benefit beside the NPV, never in it.
  let demandCells: { benefitKept: Cell[]; npvWithBenefits: Cell; unitCost: Cell; perChild: Cell } | undefined;
  const costedDemand = transition !== null && option.inputs.has("council.childrenLookedAfter") && option.inputs.has("council.lookedAfterSpend") && model.evaluate().lookedAfterUnitCost > 0;
  if (costedDemand) {
    calc.group("Demand: fewer children looked after, once phased in, at the council's unit cost (beside the NPV, not in it)");
    const children = P("council.childrenLookedAfter");
    const unitCost = calc.scalar("Unit cost of a child looked after = RO3 spend on children looked after ÷ children looked after", "£ a year", IF(gt(children, num(0)), div(P("council.lookedAfterSpend"), children), num(0)), "money");
    const benefitFull = calc.scalar("Cashable benefit a year once phased in = children looked after × the cut × unit cost", "£ a year", mul(mul(children, neg(P("transition.demand.lookedAfterChange"))), ref(unitCost)), "money");
    const phase = P("transition.demand.phaseInYears");
    const phased = calc.timeline("Cashable benefit, phased in an equal share a year (in the price base's real terms, not grown with pay)", "£", years, (y) => mul(ref(benefitFull), fn("MIN", num(1), div(num(y + 1), phase))), "money", "sum").cells;
    const benefitKept = calc.timeline("Cashable benefit after optimism bias at the run cost's rate", "£", years, (y) => sub(ref(phased[y]!), mul(P("finance.appraisal.optimismBiasRunCost"), abs(ref(phased[y]!)))), "money", "sum").cells;
    const withBenefits = calc.timeline("Present value with the cashable benefit = (cash flow + benefit) × discount factor", "£", years, (y) => mul(add(ref(amount[y]!), ref(benefitKept[y]!)), ref(factor[y]!)), "money", "sum");
    const perChild = calc.scalar(
      "Present value of one fewer child looked after, phased in as the lever phases, after optimism bias = unit cost × (1 − bias) × Σ phase share × discount factor",
      "£",
      mul(mul(ref(unitCost), sub(num(1), P("finance.appraisal.optimismBiasRunCost"))), sumChain(years.map((_, y) => mul(fn("MIN", num(1), div(num(y + 1), phase)), ref(factor[y]!))))),
      "money",
    );
    demandCells = { benefitKept, npvWithBenefits: withBenefits.total!, unitCost, perChild };
  }
  // The demand lever's change in the children held (engine/workforce/childrenHeld.ts): a group whose share the council does not state moves with the other children in need.
  let heldCells: { change: Cell; caseload: Cell } | undefined;
  if (transition !== null) {
    calc.group("Demand: the children held once the lever is whole, and the caseload at work they leave (the option's posts as sized)");
    const shares = ([
      ["council.childProtectionShare", "transition.demand.onPlanChange"],
      ["council.lookedAfterShare", "transition.demand.lookedAfterChange"],
    ] as const).filter(([share]) => option.inputs.has(share));
    const rest = shares.reduce<Expr>((e, [share]) => sub(e, P(share)), num(1));
    const change = calc.scalar(
      `Change in the children held = ${shares.length > 0 ? "(1 − " + shares.map(([k]) => (k === "council.childProtectionShare" ? "share on a plan" : "share looked after")).join(" − ") + ") × " : ""}change in other children in need${shares.map(([k]) => (k === "council.childProtectionShare" ? " + share on a plan × its change" : " + share looked after × its change")).join("")}`,
      "share",
      shares.reduce<Expr>((e, [share, own]) => add(e, mul(P(share), P(own))), mul(rest, P("transition.demand.inNeedChange"))),
      "share",
    );
    const caseload = calc.scalar("Children per case-holder at work once the lever is whole = the option's × (1 + the change)", "children per worker", mul(ref(option.figures.get("caseload.childrenPerCaseHolderAtWork")!), add(num(1), ref(change))), "ratio");
    heldCells = { change, caseload };
  }

  calc.group("Cash flows to the penny (the rounded figures the Outputs show)");
  const spendPennies = calc.timeline("Transition spend with optimism bias, whole pennies", "pennies", years, (y) => penniesOf(ref(spend[y]!)), "integer", "sum").cells;
  const runPennies = calc.timeline("Run cost change, whole pennies", "pennies", years, (y) => penniesOf(ref(runChange[y]!)), "integer", "sum").cells;
  const biasPennies = calc.timeline("Optimism bias on the run cost change, whole pennies", "pennies", years, (y) => penniesOf(ref(runBias[y]!)), "integer", "sum").cells;
  const retentionPennies = calc.timeline("Retention saving, whole pennies", "pennies", years, (y) => penniesOf(ref(retentionKept[y]!)), "integer", "sum").cells;
  const amountPennies = calc.timeline("Net cash flow, whole pennies", "pennies", years, (y) => add(neg(add(add(ref(spendPennies[y]!), ref(runPennies[y]!)), ref(biasPennies[y]!))), ref(retentionPennies[y]!)), "integer", "sum").cells;
  const cumulative = calc.timeline("Cumulative net cash flow, whole pennies", "pennies", years, (y, prev) => (y === 0 ? ref(amountPennies[0]!) : add(ref(prev!), ref(amountPennies[y]!))), "integer").cells;
  const paidBack = calc.timeline("Paid back by the end of the year (cumulative at least 0)", "flag", years, (y) => IF(ge(ref(cumulative[y]!), num(0)), num(1), num(0)), "integer", "sum");
  const firstPaidBack = calc.timeline("First year paid back", "flag", years, (y, prev) => (y === 0 ? ref(paidBack.cells[0]!) : IF(fn("AND", ge(ref(paidBack.cells[y]!), num(1)), lt(sumChain(paidBack.cells.slice(0, y).map((c) => ref(c))), num(1))), num(1), num(0))), "integer").cells;
  const paybackIndex = calc.scalar("Payback: year of the appraisal (−1 when not within the horizon)", "year", IF(ge(ref(paidBack.total!), num(1)), sumChain(firstPaidBack.map((c, y) => mul(ref(c), ref(index[y]!)))), num(-1)), "integer");
  const spendPounds = calc.timeline("Transition spend with optimism bias, £", "£", years, (y) => poundsOf(ref(spendPennies[y]!)), "money").cells;
  const runPounds = calc.timeline("Run cost change, £", "£", years, (y) => poundsOf(ref(runPennies[y]!)), "money").cells;
  const biasPounds = calc.timeline("Optimism bias on the run cost change, £", "£", years, (y) => poundsOf(ref(biasPennies[y]!)), "money").cells;
  const retentionPounds = calc.timeline("Retention saving, £", "£", years, (y) => poundsOf(ref(retentionPennies[y]!)), "money").cells;
  const amountPounds = calc.timeline("Net cash flow, £", "£", years, (y) => poundsOf(ref(amountPennies[y]!)), "money").cells;
  const cumulativePounds = calc.timeline("Cumulative net cash flow, £", "£", years, (y) => poundsOf(ref(cumulative[y]!)), "money").cells;
  const flowResiduals = calc.timeline(
    "Check: net cash flow + transition + run cost change + its optimism bias − retention saving, whole pennies (0 when it reconciles)",
    "pennies",
    years,
    (y) => sub(add(add(add(ref(amountPennies[y]!), ref(spendPennies[y]!)), ref(runPennies[y]!)), ref(biasPennies[y]!)), ref(retentionPennies[y]!)),
    "integer",
  ).cells;

  // Rounding: the transition table and the present values, as the engine rounds them.
  rounding.section(`${label}: transition spend and present values to the penny`);
  const allocationTargets: { remainder: Cell; parts: Cell[] }[] = [];
  let totalPennies: Cell | undefined;
  let categoryPennies: Cell[] = [];
  let yearPennies: Cell[] = [];
  let byCategory: Cell[];
  let byYear: Cell[] = [];
  let totalCell: Cell;
  if (transition) {
    const grand = rounding.derived("Transition spend added cell by cell (category by category, year by year), as the engine totals the table", sumChain(rows.flatMap((r) => refs(r))), "money");
    const grandPennies = rounding.derived("Transition spend in whole pennies", penniesOf(ref(grand)), "integer");
    const categoryRowSums = rows.map((r) => sumChain(refs(r)));
    const cat = rounding.allocate(
      `${label}: transition spend by category`,
      "Each category (its years added) rounded so that the categories add up to the rounded transition spend.",
      TRANSITION_CATEGORIES.map((c, i) => ({ label: CATEGORY_LABELS[c]!, amount: categoryRowSums[i]! })),
      ref(grandPennies),
    );
    const yr = rounding.allocate(
      `${label}: transition spend by year`,
      "Each year (its categories added) rounded so that the years add up to the rounded transition spend.",
      transitionYears.map((y, k) => ({ label: y, amount: ref(yearTotals[k]!) })),
      ref(grandPennies),
    );
    byCategory = cat.pounds;
    byYear = yr.pounds;
    totalCell = rounding.sheet.get(cat.target.row, 8)!;
    allocationTargets.push({ remainder: cat.remainder, parts: cat.pennies }, { remainder: yr.remainder, parts: yr.pennies });
    totalPennies = grandPennies;
    categoryPennies = cat.pennies;
    yearPennies = yr.pennies;
  } else {
    byCategory = TRANSITION_CATEGORIES.map((c) => rounding.derived(`${CATEGORY_LABELS[c]} (no transition)`, num(0), "money"));
    totalCell = rounding.derived("Transition spend (no transition)", num(0), "money");
  }
  const npvPennies = rounding.derived("Net present value in whole pennies", penniesOf(ref(present.total!)), "integer");
  const pv = rounding.allocate(
    `${label}: present values`,
    "Each year's present value rounded so that they add up to the rounded net present value.",
    years.map((y, k) => ({ label: y, amount: ref(present.cells[k]!) })),
    ref(npvPennies),
  );
  allocationTargets.push({ remainder: pv.remainder, parts: pv.pennies });
  const withBias = rounding.derived("Transition spend with optimism bias (years rounded, then added)", poundsOf(sumChain(refs(spendPennies))), "money");
  const runBiasTotal = rounding.derived("Optimism bias on the run cost change over the horizon (years rounded, then added)", poundsOf(sumChain(refs(biasPennies))), "money");
  const retentionTotal = rounding.derived("Retention saving over the horizon (years rounded, then added)", poundsOf(sumChain(refs(retentionPennies))), "money");

  // Figures the comparison adds (figures.ts comparisonOnlyFigures).
  const changePennies = sub(ref(option.runCostPennies), ref(base.runCostPennies));
  const changeRounded = rounding.derived("Change in run cost, rounded (option's rounded run cost − baseline's)", poundsOf(changePennies), "money");
  const baseTotal = base.figures.get("runCost.total")!;
  const pct = (figure: string) => {
    const from = ref(base.figures.get(figure)!);
    const to = ref(option.figures.get(figure)!);
    return IF(eq(from, num(0)), IF(eq(to, num(0)), num(0), text("n/a")), sub(div(to, from), num(1)));
  };
  const set = (name: string, cell: Cell) => figures.set(name, cell);
  set("change.runCost", changeRounded);
  set("change.runCostPct", rounding.derived("Change in run cost (%) = rounded change ÷ baseline's rounded run cost", IF(gt(ref(baseTotal), num(0)), div(ref(changeRounded), ref(baseTotal)), num(0)), "money"));
  figures.get("change.runCostPct")!.format = "share";
  set("change.childrenPerCaseHolderPct", shareCell(rounding, "Change in children per case-holder (%)", pct("caseload.childrenPerCaseHolder")));
  set("change.contactTimePct", shareCell(rounding, "Change in direct contact time (%)", pct("time.directContactShare")));
  set("change.directContactHoursPerChildPct", shareCell(rounding, "Change in direct contact hours per child (%)", pct("time.directContactHoursPerChildPerWeek")));
  set("costNeutral", costNeutral);
  set("transition.total", totalCell);
  TRANSITION_CATEGORIES.forEach((c, i) => set(`transition.byCategory.${c}`, byCategory[i]!));
  transitionYears.forEach((y, k) => set(`transition.byYear.${y}`, byYear[k]!));
  const postSum = (label_: string, cells: Cell[]) => calc.scalar(label_, "FTE", cells.length > 0 ? sumChain(refs(cells)) : num(0), "fte");
  calc.group("Posts, all tiers");
  const deletedTotal = postSum("Posts deleted, all tiers", postCells.deleted);
  const holdersTotal = postSum("Holders of deleted posts, all tiers", postCells.holders);
  const redeployedAll = postSum("Holders redeployed, all tiers", postCells.redeployed);
  const leaversTotal = postSum("Leavers made redundant, all tiers", postCells.leavers);
  const wastageTotal = postSum("Holders lost by natural wastage, all tiers (workforce flows only)", postCells.wastage);
  set("transition.posts.naturalWastage", wastageTotal);
  if (flowCells) {
    const months = flowCells.monthsToFullStaffing;
    set("transition.workforce.monthsToFullStaffing", rounding.derived("Months to full staffing", IF(lt(ref(months), num(0)), text("not within the horizon"), ref(months)), "integer"));
    set("transition.workforce.extraAgencyFteMonths", rounding.derived("Agency cover beyond the usual, FTE-months", ref(flowCells.extraAgencyFteMonths), "integer"));
    set("transition.workforce.convertedFromAgency", flowCells.convertedFromAgency);
    set("transition.workforce.unfilledPayNotSpent", rounding.derived("Pay not spent on posts not yet filled, rounded (not counted in the transition)", poundsOf(penniesOf(ref(flowCells.unfilledPayNotSpent))), "money"));
  }
  set("transition.posts.deleted", deletedTotal);
  set("transition.posts.redeployed", redeployedAll);
  set("transition.posts.leavers", leaversTotal);
  set("transition.posts.recruited", postCells.recruited ?? calc.scalar("Recruited (no transition)", "FTE", num(0), "fte"));
  set("appraisal.transitionWithOptimismBias", withBias);
  set("appraisal.runCostOptimismBias", runBiasTotal);
  set("appraisal.retention", retentionTotal);
  if (demandCells) {
    const benefitPennies = calc.timeline("Cashable benefit after optimism bias, whole pennies", "pennies", years, (y) => penniesOf(ref(demandCells!.benefitKept[y]!)), "integer", "sum");
    set("appraisal.cashableBenefits", rounding.derived("Cashable benefits over the horizon (years rounded, then added)", poundsOf(ref(benefitPennies.total!)), "money"));
    set("appraisal.npvWithBenefits", rounding.derived("Net present value with cashable benefits, rounded", poundsOf(penniesOf(ref(demandCells.npvWithBenefits))), "money"));
    const fewer = rounding.derived(
      "Fewer children looked after that would bring the NPV to zero = −NPV ÷ present value of one fewer (0 when the NPV is not negative)",
      IF(ge(ref(present.total!), num(0)), num(0), div(neg(ref(present.total!)), ref(demandCells.perChild))),
      "money",
    );
    fewer.format = "number";
    set("demand.fewerLookedAfterToBreakEven", fewer);
  }
  if (heldCells) {
    set("demand.childrenHeldChange", heldCells.change);
    set("demand.caseloadAfterDemand", heldCells.caseload);
  }
  set("appraisal.npv", rounding.sheet.get(pv.target.row, 8)!);
  set("appraisal.paybackIndex", paybackIndex);

  return {
    figures,
    years,
    transitionYears,
    cashFlow: { transition: spendPounds, runCostChange: runPounds, runCostOptimismBias: biasPounds, retention: retentionPounds, amount: amountPounds, discountFactor: factor, presentValue: pv.pounds, cumulative: cumulativePounds },
    byCategory,
    byYear,
    paybackIndex,
    flowResiduals,
    posts: { holders: holdersTotal, redeployed: redeployedAll, leavers: leaversTotal, naturalWastage: wastageTotal },
    allocationTargets,
    pennies: { total: totalPennies, byCategory: categoryPennies, byYear: yearPennies, presentValues: pv.pennies, npv: pv.target },
  };
}

function shareCell(rounding: RoundingSheet, label: string, formula: Expr): Cell {
  const cell = rounding.derived(label, formula, "money");
  cell.format = "share";
  return cell;
}

/**
 * Statutory redundancy weeks for a leaver of `age` with `service` full years: of the last
 * min(service, 20) years, those from age 41 count 1½ weeks, from 22 one week, before that ½ week;
 * nothing under 2 years' service. Counting the years in each band replaces the engine's loop.
 */
export function statutoryWeeksFormula(age: Expr, service: Expr): Expr {
  const counted = fn("MIN", service, num(20));
  const from41 = fn("MAX", num(0), fn("MIN", counted, sub(age, num(41))));
  const from22 = fn("MAX", num(0), fn("MIN", counted, sub(age, num(22))));
  return IF(lt(service, num(2)), num(0), add(add(mul(num(1.5), from41), sub(from22, from41)), mul(num(0.5), sub(counted, from22))));
}
