import type { Scenario } from "../engine/index.js";
import type { CalcSheet } from "./calcSheet.js";
import { add, div, eq, fn, ge, gt, IF, mul, num, range, ref, sub, sumChain, type Expr } from "./formula.js";
import type { Cell } from "./grid.js";
import type { ScenarioCells } from "./scenarioRules.js";
import { isSocialWork } from "../engine/index.js";

/**
 * The workforce flows of a move, month by month, as rows of their own sheet (months across the
 * columns), for a transition costed from them (transition.workforce.fromFlows): the rules of
 * engine/workforce/flows.ts and flowCosts.ts as formulas. Each tier's corkscrew reads opening + starters
 * + redeployed in − leavers − redeployed out − made redundant = closing, month by month; the costs add
 * up into the transition years on the Calculations sheet.
 */

export interface FlowsCells {
  /** Per flow category, its spend by transition year. */
  byYear: Record<"redundancy" | "pensionStrain" | "recruitment" | "doubleRunning" | "agencyBridging", Cell[]>;
  /** Per baseline tier: FTE redeployed out, made redundant, lost by natural wastage. */
  redeployed: Cell[];
  redundant: Cell[];
  wastage: Cell[];
  recruited: Cell;
  /** Months to full staffing, −1 when not within the horizon. */
  monthsToFullStaffing: Cell;
  extraAgencyFteMonths: Cell;
  convertedFromAgency: Cell;
  unfilledPayNotSpent: Cell;
}

export interface FlowsContext {
  base: ScenarioCells;
  option: ScenarioCells;
  /** Per baseline tier: holders of deleted posts (Calculations). */
  holders: Cell[];
  /** Per baseline tier: its same-grade moves (Calculations), or undefined for a tier of no grade the option shares. */
  sameGrade: (Cell | undefined)[];
  weeksPerLeaver: Cell;
  strainShare: Cell;
  transitionYears: string[];
  /** The first financial year of the appraisal. */
  startYear: string;
  horizon: number;
}

export function flowsRules(sheet: CalcSheet, months: readonly string[], ctx: FlowsContext): FlowsCells {
  const { base, option } = ctx;
  const baseline: Scenario = base.inputs.scenario;
  const opt: Scenario = option.inputs.scenario;
  const P = option.inputs.input;
  const baseTiers = baseline.structure.tiers;
  const optionTiers = opt.structure.tiers;
  // The flows' tiers: the baseline's, then the option's tiers the baseline lacks (the engine's order).
  const tiers = [
    ...baseTiers.map((t, b) => {
      const o = optionTiers.findIndex((x) => x.id === t.id);
      const tier = o >= 0 ? optionTiers[o]! : t;
      return { name: t.name, b, o, holdsCases: tier.holdsCases, role: tier.role };
    }),
    ...optionTiers.flatMap((t, o) => (baseTiers.some((x) => x.id === t.id) ? [] : [{ name: t.name, b: -1, o, holdsCases: t.holdsCases, role: t.role }])),
  ];
  const M = months.length;
  const years = ctx.transitionYears.length;
  const refs = (cells: Cell[]) => cells.map((c) => ref(c));
  const v = P("council.vacancyRate");
  const cover = P("council.agencyCoverShare");

  sheet.section(`Workforce flows: ${opt.name} from ${baseline.name}`, "Each tier month by month: posts established along the ramp, leavers at the turnover rate, holders of posts that go redeployed or frozen until the redundancy month, starters within the recruitment capacity. Settings are the option's.");
  sheet.group("Each tier's posts, turnover and the cost of one FTE a year");
  const from = tiers.map((t) => sheet.scalar(`${t.name}: posts before`, "FTE", t.b >= 0 ? ref(base.fte[t.b]!) : num(0), "fte"));
  const to = tiers.map((t) => sheet.scalar(`${t.name}: posts after`, "FTE", t.o >= 0 ? ref(option.fte[t.o]!) : num(0), "fte"));
  // social workers (practitioners and managers) leave at the council's published rate, others at the other staff's multiple of it
  const turnover = tiers.map((t) =>
    isSocialWork(t.role)
      ? sheet.scalar(`${t.name}: turnover a year (a social work tier: the council's)`, "share", P("council.turnoverRate"), "share")
      : sheet.scalar(`${t.name}: turnover a year = the council's × other staff's against social workers'`, "share", mul(P("council.turnoverRate"), P("transition.workforce.otherTurnover")), "share"),
  );
  // a tier's share that may be redeployed: the share typed in, or its same-grade moves' share of its holders if more
  const redeployable = tiers.map((t) => {
    if (t.b < 0) return null;
    const id = baseTiers[t.b]!.id;
    const typed = P(option.inputs.has(`transition.redeployed.${id}`) ? `transition.redeployed.${id}` : "transition.redeployedDefault");
    const moves = ctx.sameGrade[t.b];
    if (!moves) return typed;
    const holders = ref(ctx.holders[t.b]!);
    return ref(sheet.scalar(`${t.name}: share that may be redeployed = the greater of the share typed in and same-grade moves ÷ holders`, "share", IF(gt(holders, num(0)), fn("MAX", typed, div(ref(moves), holders)), typed), "share"));
  });
  const niRate = P("finance.employerNi.rate");
  const niThreshold = P("finance.employerNi.threshold");
  const onCost = tiers.map((t) => {
    const salary = t.o >= 0 ? ref(option.salary[t.o]!) : ref(base.salary[t.b]!);
    return sheet.scalar(`${t.name}: pay, NI and pension of one FTE`, "£ a year", add(add(salary, IF(gt(salary, niThreshold), mul(niRate, sub(salary, niThreshold)), num(0))), mul(P("finance.pensionRate"), salary)), "money");
  });
  const employed = tiers.map((t, i) => {
    const salary = t.o >= 0 ? ref(option.salary[t.o]!) : ref(base.salary[t.b]!);
    return sheet.scalar(`${t.name}: employed cost of one FTE = pay, NI, pension + levy + overheads`, "£ a year", add(add(ref(onCost[i]!), mul(P("finance.apprenticeshipLevy.rate"), salary)), P("finance.overheadsPerFte")), "money");
  });
  const agencyBase = tiers.map((t, i) => sheet.scalar(`${t.name}: an agency worker's base cost = pay, NI, pension + overheads`, "£ a year", add(ref(onCost[i]!), P("finance.overheadsPerFte")), "money"));
  const premium = tiers.map((t, i) => sheet.scalar(`${t.name}: agency premium on one FTE = premium × (pay, NI, pension)`, "£ a year", mul(P("council.agencyPremium"), ref(onCost[i]!)), "money"));
  const actualPay = P("transition.redundancy.actualPay");
  const redundancyUnit = tiers.map((t) => {
    const salary = t.b >= 0 ? ref(base.salary[t.b]!) : ref(option.salary[t.o]!);
    const weekly = IF(actualPay, div(salary, num(52)), fn("MIN", div(salary, num(52)), P("transition.redundancy.weeklyPayCap")));
    return sheet.scalar(`${t.name}: redundancy pay of one FTE = weeks per leaver × a week's pay × multiplier`, "£", mul(mul(ref(ctx.weeksPerLeaver), weekly), P("transition.redundancy.multiplier")), "money");
  });
  const strainUnit = tiers.map((t) => {
    const salary = t.b >= 0 ? ref(base.salary[t.b]!) : ref(option.salary[t.o]!);
    return sheet.scalar(`${t.name}: pension strain of one FTE = strain share × strain per salary × salary`, "£", mul(mul(ref(ctx.strainShare), P("transition.redundancy.strainPerSalary")), salary), "money");
  });

  sheet.group("The month");
  const index = sheet.timeline("Month of the appraisal (from 0)", "month", months, (m, prev) => (m === 0 ? num(0) : add(ref(prev!), num(1))), "integer").cells;
  const turnoverScale = sheet.timeline(
    "Turnover against the council's = 1 + change in turnover × the share phased in (the month's year + 1) ÷ years to phase in, at most 1",
    "multiple",
    months,
    (m) => add(num(1), mul(P("transition.retention.turnoverChange"), fn("MIN", num(1), div(num(Math.floor(m / 12) + 1), P("transition.retention.phaseInYears"))))),
    "share",
  ).cells;
  const share = sheet.timeline(
    "Share of the move made by the month's end: the ramp, straight between year ends",
    "share",
    months,
    (m) => {
      const y = Math.floor(m / 12);
      if (y >= years) return num(1);
      const before = y === 0 ? num(0) : P(`transition.ramp.${y - 1}`);
      return add(before, div(mul(sub(P(`transition.ramp.${y}`), before), num((m % 12) + 1)), num(12)));
    },
    "share",
  ).cells;
  const redundancyNow = sheet.timeline("Redundancy month (1 in it)", "flag", months, (m) => IF(eq(ref(index[m]!), fn("ROUND", P("transition.workforce.redundancyMonth"), num(0))), num(1), num(0)), "integer").cells;

  // Rows per tier, built month by month across the tiers (a month's totals need every tier's row).
  const rows = <T>(make: (i: number) => T): T[] => tiers.map((_, i) => make(i));
  const est = rows((i) => sheet.timeline(`${tiers[i]!.name}: posts established = before + (after − before) × share`, "FTE", months, (m) => add(ref(from[i]!), mul(sub(ref(to[i]!), ref(from[i]!)), ref(share[m]!))), "fte").cells);
  const aim = rows((i) => sheet.timeline(`${tiers[i]!.name}: aim in post = posts × (1 − vacancy rate)`, "FTE", months, (m) => mul(ref(est[i]![m]!), sub(num(1), v)), "fte").cells);
  // Opening reads the month before's closing, which is laid out below: reserve the rows, fill them after.
  const opening = rows((i) => reserveRow(sheet, `${tiers[i]!.name}: in post at the month's start (the month before's closing)`, "FTE", months));
  const leavers = rows((i) => sheet.timeline(`${tiers[i]!.name}: leavers = opening × turnover × turnover against the council's ÷ 12`, "FTE", months, (m) => div(mul(mul(ref(opening[i]![m]!), ref(turnover[i]!)), ref(turnoverScale[m]!)), num(12)), "fte").cells);
  const after = (i: number, m: number): Expr => sub(ref(opening[i]![m]!), ref(leavers[i]![m]!));
  const surplus = rows((i) => sheet.timeline(`${tiers[i]!.name}: surplus = the greater of 0 and (opening − leavers) − aim`, "FTE", months, (m) => fn("MAX", num(0), sub(after(i, m), ref(aim[i]![m]!))), "fte").cells);
  const gap = rows((i) => sheet.timeline(`${tiers[i]!.name}: short = the greater of 0 and aim − (opening − leavers)`, "FTE", months, (m) => fn("MAX", num(0), sub(ref(aim[i]![m]!), after(i, m))), "fte").cells);
  const poolEnd = rows((i) => reserveRow(sheet, `${tiers[i]!.name}: may still be redeployed, at the month's end`, "FTE", months));
  const pool = rows((i) =>
    sheet.timeline(
      `${tiers[i]!.name}: may be redeployed = the month before's + redeployable share × aim lost this month`,
      "FTE",
      months,
      (m) => {
        const r = redeployable[i];
        if (r === null) return num(0);
        const aimBefore = m === 0 ? mul(ref(from[i]!), sub(num(1), v)) : ref(aim[i]![m - 1]!);
        const lost = mul(r, fn("MAX", num(0), sub(aimBefore, ref(aim[i]![m]!))));
        return m === 0 ? lost : add(ref(poolEnd[i]![m - 1]!), lost);
      },
      "fte",
    ).cells,
  );
  const movable = rows((i) => sheet.timeline(`${tiers[i]!.name}: surplus who can move = the lesser of surplus and may be redeployed`, "FTE", months, (m) => fn("MIN", ref(surplus[i]![m]!), ref(pool[i]![m]!)), "fte").cells);
  const column = (grid: Cell[][], m: number) => grid.map((row) => ref(row[m]!));
  const movableTotal = sheet.timeline("Surplus who can move, all tiers", "FTE", months, (m) => sumChain(column(movable, m)), "fte").cells;
  const gapTotal = sheet.timeline("Short, all tiers", "FTE", months, (m) => sumChain(column(gap, m)), "fte").cells;
  const moved = sheet.timeline("Redeployed = the lesser of those who can move and those short", "FTE", months, (m) => fn("MIN", ref(movableTotal[m]!), ref(gapTotal[m]!)), "fte").cells;
  const outOf = rows((i) => sheet.timeline(`${tiers[i]!.name}: redeployed out = redeployed × its share of those who can move`, "FTE", months, (m) => IF(gt(ref(movableTotal[m]!), num(0)), div(mul(ref(moved[m]!), ref(movable[i]![m]!)), ref(movableTotal[m]!)), num(0)), "fte").cells);
  const into = rows((i) => sheet.timeline(`${tiers[i]!.name}: redeployed in = redeployed × its share of those short`, "FTE", months, (m) => IF(gt(ref(gapTotal[m]!), num(0)), div(mul(ref(moved[m]!), ref(gap[i]![m]!)), ref(gapTotal[m]!)), num(0)), "fte").cells);
  tiers.forEach((_, i) => months.forEach((__, m) => (poolEnd[i]![m]!.formula = sub(ref(pool[i]![m]!), ref(outOf[i]![m]!)))));
  // of the gap beyond the leavers replaced, the agency workers bridging it (× the share covered) take the post at the conversion rate ÷ 12
  const beyondLeavers = (i: number, m: number) => IF(gt(ref(gap[i]![m]!), num(0)), fn("MAX", num(0), sub(sub(ref(gap[i]![m]!), ref(into[i]![m]!)), ref(leavers[i]![m]!))), num(0));
  const converted = rows((i) =>
    sheet.timeline(`${tiers[i]!.name}: agency workers taking the post = gap beyond the leavers replaced × share covered × conversion a year ÷ 12`, "FTE", months, (m) => div(mul(mul(beyondLeavers(i, m), cover), P("transition.workforce.agencyConversion")), num(12)), "fte").cells,
  );
  const wanted = rows((i) =>
    sheet.timeline(
      `${tiers[i]!.name}: starters wanted = leavers replaced + (the rest of the gap − agency workers taking the post) ÷ months to fill`,
      "FTE",
      months,
      (m) => {
        const left = sub(ref(gap[i]![m]!), ref(into[i]![m]!));
        const leaving = ref(leavers[i]![m]!);
        return IF(gt(ref(gap[i]![m]!), num(0)), add(fn("MIN", left, leaving), div(sub(beyondLeavers(i, m), ref(converted[i]![m]!)), P("transition.workforce.monthsToFill"))), num(0));
      },
      "fte",
    ).cells,
  );
  const wantedTotal = sheet.timeline("Starters wanted, all tiers", "FTE", months, (m) => sumChain(column(wanted, m)), "fte").cells;
  const limited = option.inputs.has("council.startersPerYear");
  const scale = sheet.timeline(
    limited ? "Share of starters wanted the recruitment capacity allows (starters a year ÷ 12)" : "Share of starters wanted recruited (the council states no recruitment capacity: all)",
    "share",
    months,
    (m) => (limited ? IF(gt(ref(wantedTotal[m]!), div(P("council.startersPerYear"), num(12))), div(div(P("council.startersPerYear"), num(12)), ref(wantedTotal[m]!)), num(1)) : num(1)),
    "share",
  ).cells;
  const starters = rows((i) => sheet.timeline(`${tiers[i]!.name}: starters = wanted × the share allowed + agency workers taking the post`, "FTE", months, (m) => add(mul(ref(wanted[i]![m]!), ref(scale[m]!)), ref(converted[i]![m]!)), "fte").cells);
  const redundant = rows((i) => sheet.timeline(`${tiers[i]!.name}: made redundant = in the redundancy month, surplus − redeployed out`, "FTE", months, (m) => IF(eq(ref(redundancyNow[m]!), num(1)), sub(ref(surplus[i]![m]!), ref(outOf[i]![m]!)), num(0)), "fte").cells);
  const closing = rows((i) =>
    sheet.timeline(
      `${tiers[i]!.name}: in post at the month's end = opening − leavers − redeployed out + redeployed in + starters − made redundant`,
      "FTE",
      months,
      (m) => sub(add(add(sub(sub(ref(opening[i]![m]!), ref(leavers[i]![m]!)), ref(outOf[i]![m]!)), ref(into[i]![m]!)), ref(starters[i]![m]!)), ref(redundant[i]![m]!)),
      "fte",
    ).cells,
  );
  tiers.forEach((_, i) =>
    months.forEach((__, m) => (opening[i]![m]!.formula = m === 0 ? mul(ref(from[i]!), sub(num(1), v)) : ref(closing[i]![m - 1]!))),
  );
  const vacancies = rows((i) => sheet.timeline(`${tiers[i]!.name}: vacancies = the greater of 0 and posts − in post`, "FTE", months, (m) => fn("MAX", num(0), sub(ref(est[i]![m]!), ref(closing[i]![m]!))), "fte").cells);
  const agency = rows((i) => sheet.timeline(`${tiers[i]!.name}: agency = vacancies × share covered`, "FTE", months, (m) => mul(ref(vacancies[i]![m]!), cover), "fte").cells);
  const full = sheet.timeline(
    "Fully staffed: the move made and every tier at its aim (to a thousandth of an FTE)",
    "flag",
    months,
    (m) => IF(fn("AND", ge(ref(share[m]!), num(1)), ...tiers.map((_, i) => ge(ref(closing[i]![m]!), sub(ref(aim[i]![m]!), num(1e-3))))), num(1), num(0)),
    "integer",
  ).cells;
  const firstFull = sheet.timeline("First month fully staffed (a count of months; 0 until then)", "months", months, (m, prev) => {
    const now = IF(eq(ref(full[m]!), num(1)), num(m + 1), num(0));
    return m === 0 ? now : IF(gt(ref(prev!), num(0)), ref(prev!), now);
  }, "integer").cells;

  sheet.group("What the flows cost, month by month (beyond the posts staffed as usual, which the run cost pays)");
  const usualAgency = (i: number, m: number) => mul(mul(ref(est[i]![m]!), v), cover);
  const costRow = (label: string, unit: string, term: (i: number, m: number) => Expr, format: "money" | "fte") =>
    sheet.timeline(label, unit, months, (m) => sumChain(tiers.map((_, i) => term(i, m))), format, "sum");
  const double = costRow("Double running = Σ the greater of 0 and (in post − aim) × employed cost ÷ 12", "£", (i, m) => div(mul(fn("MAX", num(0), sub(ref(closing[i]![m]!), ref(aim[i]![m]!))), ref(employed[i]!)), num(12)), "money");
  const extraAgency = rows((i) => sheet.timeline(`${tiers[i]!.name}: agency beyond the usual = the greater of 0 and agency − posts × vacancy rate × share covered`, "FTE", months, (m) => fn("MAX", num(0), sub(ref(agency[i]![m]!), usualAgency(i, m))), "fte").cells);
  const bridging = costRow("Agency bridging = Σ agency beyond the usual × premium on one FTE ÷ 12", "£", (i, m) => div(mul(ref(extraAgency[i]![m]!), ref(premium[i]!)), num(12)), "money");
  const recruits = rows((i) => sheet.timeline(`${tiers[i]!.name}: recruited beyond replacing leavers = the greater of 0 and starters − leavers − agency workers taking the post`, "FTE", months, (m) => fn("MAX", num(0), sub(sub(ref(starters[i]![m]!), ref(leavers[i]![m]!)), ref(converted[i]![m]!))), "fte", "sum"));
  const recruitment = sheet.timeline("Recruitment = recruited beyond replacing leavers × cost per post", "£", months, (m) => mul(sumChain(recruits.map((r) => ref(r.cells[m]!))), P("transition.recruitmentPerPost")), "money", "sum");
  const redundancyPay = costRow("Redundancy = Σ made redundant × redundancy pay of one FTE", "£", (i, m) => mul(ref(redundant[i]![m]!), ref(redundancyUnit[i]!)), "money");
  const strain = costRow("Pension strain = Σ made redundant × strain of one FTE", "£", (i, m) => mul(ref(redundant[i]![m]!), ref(strainUnit[i]!)), "money");
  const notSpent = costRow(
    "Pay not spent on posts short of their aim, less the base cost of the agency beyond the usual (not counted in the transition)",
    "£",
    (i, m) => div(sub(mul(fn("MAX", num(0), sub(ref(aim[i]![m]!), ref(closing[i]![m]!))), ref(employed[i]!)), mul(ref(extraAgency[i]![m]!), ref(agencyBase[i]!))), num(12)),
    "money",
  );

  // By transition year: a month's cost falls in its year; months after the last year in the last year.
  const byYear = (row: { cells: Cell[] }, label: string): Cell[] =>
    ctx.transitionYears.map((y, k) => {
      const first = k * 12;
      const last = k === years - 1 ? M - 1 : Math.min(M - 1, first + 11);
      const cells = first <= last ? fn("SUM", range(row.cells[first]!, row.cells[last]!)) : num(0);
      return sheet.scalar(`${label} in ${y}${k === years - 1 && last > first + 11 ? " (and every month after)" : ""}`, "£", cells, "money");
    });
  const result: FlowsCells = {
    byYear: {
      redundancy: byYear(redundancyPay, "Redundancy"),
      pensionStrain: byYear(strain, "Pension strain"),
      recruitment: byYear(recruitment, "Recruitment"),
      doubleRunning: byYear(double, "Double running"),
      agencyBridging: byYear(bridging, "Agency bridging"),
    },
    redeployed: [],
    redundant: [],
    wastage: [],
    recruited: sheet.scalar("Recruited beyond replacing leavers, all tiers and months", "FTE", sumChain(recruits.map((r) => ref(r.total!))), "fte"),
    monthsToFullStaffing: sheet.scalar("Months to full staffing (−1 when not within the horizon)", "months", IF(gt(ref(firstFull[M - 1]!), num(0)), ref(firstFull[M - 1]!), num(-1)), "integer"),
    extraAgencyFteMonths: sheet.scalar("Agency beyond the usual cover, FTE-months", "FTE", sumChain(extraAgency.map((row) => fn("SUM", range(row[0]!, row[M - 1]!)))), "fte"),
    convertedFromAgency: sheet.scalar("Agency workers who took the post, all tiers and months", "FTE", sumChain(converted.map((row) => fn("SUM", range(row[0]!, row[M - 1]!)))), "fte"),
    unfilledPayNotSpent: notSpent.total!,
  };
  baseTiers.forEach((t, b) => {
    const redeployedOut = sheet.scalar(`${t.name}: redeployed out, all months`, "FTE", fn("SUM", range(outOf[b]![0]!, outOf[b]![M - 1]!)), "fte");
    const gone = sheet.scalar(`${t.name}: made redundant, all months`, "FTE", fn("SUM", range(redundant[b]![0]!, redundant[b]![M - 1]!)), "fte");
    result.redeployed.push(redeployedOut);
    result.redundant.push(gone);
    result.wastage.push(sheet.scalar(`${t.name}: holders of deleted posts lost by natural wastage = the greater of 0 and holders − redeployed − made redundant`, "FTE", fn("MAX", num(0), sub(sub(ref(ctx.holders[b]!), ref(redeployedOut)), ref(gone))), "fte"));
  });
  void refs;
  return result;
}

/** A row of cells by month whose formulas are set later (they read rows further down). */
function reserveRow(sheet: CalcSheet, label: string, unit: string, months: readonly string[]): Cell[] {
  return sheet.timeline(label, unit, months, () => num(0), "fte").cells;
}

/** Labels for the months of an appraisal: "2025/26 m1" … */
export function monthLabels(years: readonly string[]): string[] {
  return years.flatMap((y) => Array.from({ length: 12 }, (_, k) => `${y} m${k + 1}`));
}
