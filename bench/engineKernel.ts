import type { Scenario } from "../engine/index.js";

/**
 * The peer for the engine benchmark: the default comparison (baseline-2018 against blueprint) written
 * out by hand as straight-line arithmetic over a Float64Array, the fastest the same sums can be done in
 * JavaScript. It knows the two structures' shapes (it is not a general model) and reads every number
 * from the array, so it does the same work the engine's evaluation does. The benchmark checks that it
 * agrees with the engine before timing either.
 */

/** Where each number sits in the kernel's inputs. */
export const K = {
  children: 0, vacancy: 1, agencyShare: 2, agencyPremium: 3, niRate: 4, niThreshold: 5, pension: 6, levyRate: 7, levyAllowance: 8, overheads: 9,
  // baseline tiers: social worker, senior practitioner, team manager, service manager, head of service, business support
  bSwCpw: 10, bSwShare: 11, bSwSalary: 12, bSpCpw: 13, bSpShare: 14, bSpSalary: 15, bTmPer: 16, bTmSalary: 17, bSmPer: 18, bSmSalary: 19, bHosFte: 20, bHosSalary: 21, bBsPer: 22, bBsSalary: 23,
  // option tiers: social worker, senior practitioner, referral, enabler, insight, strategy
  oSwCpw: 24, oSwShare: 25, oSwSalary: 26, oSpCpw: 27, oSpShare: 28, oSpSalary: 29, oTeamSize: 30, oRefPer: 31, oRefSalary: 32, oEnPer: 33, oEnSalary: 34, oInPer: 35, oInSalary: 36, oStFte: 37, oStSalary: 38,
  // transition
  redeployTm: 39, redeploySm: 40, redeployHos: 41, redeployBs: 42, multiplier: 43, strainAge: 44, strainPerSalary: 45, recruitment: 46, trainWorker: 47, trainTeam: 48, drShare: 49, drMonths: 50, systems: 51, progFte: 52, progSalary: 53, progYears: 54,
  leaver0: 55, // share, age, service × 3 groups: 55..63
  profiles: 64, // 7 categories × 3 years: 64..84
  ramp: 85, // 3 years: 85..87
  futurePayAward: 88, deflator: 89, optimismBias: 90, tolerance: 91, discountRate: 92,
  // the referral team's workload, the enablers who take over administration, optimism bias on the run cost change
  referrals: 93, oEnAdmPer: 94, oEnAdmSalary: 95, hoursPerWeek: 96, administration: 97, administrationToSupport: 98, optimismBiasRunCost: 99,
  // where draws of inputs that move no money land (the week's other changes; the flows' months to fill, with the shares typed in)
  noMoney: 100,
  size: 101,
} as const;

/** Fills the kernel's inputs from the two presets (done once, outside the timed loop). */
export function kernelInputs(baseline: Scenario, option: Scenario): Float64Array {
  const p = new Float64Array(K.size);
  const c = baseline.council;
  const f = baseline.finance;
  p[K.children] = c.children; p[K.vacancy] = c.vacancyRate; p[K.agencyShare] = c.agencyCoverShare; p[K.agencyPremium] = c.agencyPremium;
  p[K.niRate] = f.employerNi.rate; p[K.niThreshold] = f.employerNi.threshold; p[K.pension] = f.pensionRate;
  p[K.levyRate] = f.apprenticeshipLevy.rate; p[K.levyAllowance] = f.apprenticeshipLevy.allowance; p[K.overheads] = f.overheadsPerFte;
  const tier = (s: Scenario, id: string) => s.structure.tiers.find((t) => t.id === id)!;
  const size = (s: Scenario, id: string): any => tier(s, id).size;
  p[K.bSwCpw] = size(baseline, "socialWorker").childrenPerWorker; p[K.bSwShare] = size(baseline, "socialWorker").shareOfChildren; p[K.bSwSalary] = tier(baseline, "socialWorker").salary;
  p[K.bSpCpw] = size(baseline, "seniorPractitioner").childrenPerWorker; p[K.bSpShare] = size(baseline, "seniorPractitioner").shareOfChildren; p[K.bSpSalary] = tier(baseline, "seniorPractitioner").salary;
  p[K.bTmPer] = size(baseline, "teamManager").per; p[K.bTmSalary] = tier(baseline, "teamManager").salary;
  p[K.bSmPer] = size(baseline, "serviceManager").per; p[K.bSmSalary] = tier(baseline, "serviceManager").salary;
  p[K.bHosFte] = size(baseline, "headOfService").fte; p[K.bHosSalary] = tier(baseline, "headOfService").salary;
  p[K.bBsPer] = size(baseline, "businessSupport").per; p[K.bBsSalary] = tier(baseline, "businessSupport").salary;
  p[K.oSwCpw] = size(option, "socialWorker").childrenPerWorker; p[K.oSwShare] = size(option, "socialWorker").shareOfChildren; p[K.oSwSalary] = tier(option, "socialWorker").salary;
  p[K.oSpCpw] = size(option, "seniorPractitioner").childrenPerWorker; p[K.oSpShare] = size(option, "seniorPractitioner").shareOfChildren; p[K.oSpSalary] = tier(option, "seniorPractitioner").salary;
  p[K.oTeamSize] = option.structure.teams.size;
  p[K.oRefPer] = size(option, "referral").per; p[K.oRefSalary] = tier(option, "referral").salary;
  p[K.oEnPer] = size(option, "enabler").per; p[K.oEnSalary] = tier(option, "enabler").salary;
  p[K.oInPer] = size(option, "insight").per; p[K.oInSalary] = tier(option, "insight").salary;
  p[K.oStFte] = size(option, "strategy").fte; p[K.oStSalary] = tier(option, "strategy").salary;
  p[K.referrals] = c.referralsPerYear!;
  p[K.oEnAdmPer] = size(option, "enablerAdministration").per; p[K.oEnAdmSalary] = tier(option, "enablerAdministration").salary;
  p[K.hoursPerWeek] = option.timeUse.hoursPerWeek; p[K.administration] = option.timeUse.administration; p[K.administrationToSupport] = option.timeUse.changes.administrationToSupport;
  p[K.optimismBiasRunCost] = option.finance.appraisal.optimismBiasRunCost;
  const t = option.transition!;
  p[K.redeployTm] = t.redeployed.teamManager!; p[K.redeploySm] = t.redeployed.serviceManager!; p[K.redeployHos] = t.redeployed.headOfService!; p[K.redeployBs] = t.redeployed.businessSupport!;
  p[K.multiplier] = t.redundancy.multiplier; p[K.strainAge] = t.redundancy.strainAge; p[K.strainPerSalary] = t.redundancy.strainPerSalary;
  p[K.recruitment] = t.recruitmentPerPost; p[K.trainWorker] = t.training.perWorker; p[K.trainTeam] = t.training.perTeam;
  p[K.drShare] = t.doubleRunning.share; p[K.drMonths] = t.doubleRunning.months; p[K.systems] = t.systems;
  p[K.progFte] = t.programmeTeam.fte; p[K.progSalary] = t.programmeTeam.salary; p[K.progYears] = t.programmeTeam.years;
  t.leavers.forEach((g, i) => { p[K.leaver0 + 3 * i] = g.share; p[K.leaver0 + 3 * i + 1] = g.age; p[K.leaver0 + 3 * i + 2] = g.yearsOfService; });
  const categories = ["redundancy", "pensionStrain", "recruitment", "training", "doubleRunning", "systems", "programmeTeam"] as const;
  categories.forEach((cat, i) => (t.categoryProfiles[cat] ?? t.profile).forEach((w, y) => (p[K.profiles + 3 * i + y] = w)));
  t.ramp.forEach((r, y) => (p[K.ramp + y] = r));
  p[K.futurePayAward] = option.finance.futurePayAward; p[K.deflator] = option.finance.appraisal.gdpDeflator;
  p[K.optimismBias] = option.finance.appraisal.optimismBias; p[K.tolerance] = option.finance.appraisal.costNeutralTolerance;
  p[K.discountRate] = option.finance.appraisal.discountSchedule[0]!.rate;
  return p;
}

/** Cost of `fte` posts: pay, NI, pension, levy (employees), agency premium, overheads. */
function tierCost(p: Float64Array, fte: number, salary: number, levyOut: Float64Array, i: number): number {
  const v = p[K.vacancy]!;
  const employed = fte * (1 - v);
  const covered = fte * v * p[K.agencyShare]!;
  const inPost = employed + covered;
  const ni = salary > p[K.niThreshold]! ? p[K.niRate]! * (salary - p[K.niThreshold]!) : 0;
  const pension = p[K.pension]! * salary;
  levyOut[i] = p[K.levyRate]! * salary * employed;
  return (salary + ni + pension + p[K.overheads]!) * inPost + p[K.agencyPremium]! * (salary + ni + pension) * covered;
}

function weeks(age: number, service: number): number {
  if (service < 2) return 0;
  let w = 0;
  const counted = Math.min(service, 20);
  for (let back = 0; back < counted; back++) {
    const a = age - 1 - back;
    w += a >= 41 ? 1.5 : a >= 22 ? 1 : 0.5;
  }
  return w;
}

function ceil(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) <= 1e-12 * Math.max(1, Math.abs(x)) ? r : Math.ceil(x);
}

/**
 * The comparison by hand. Writes into `out`: 0 baseline run cost, 1 option run cost, 2 transition
 * total, 3 NPV, 4 payback index (−1 for none), 5 cost neutral (1/0). `scratch` (16 slots) holds per-tier levy and the categories.
 */
export function kernel(p: Float64Array, out: Float64Array, scratch: Float64Array): void {
  const children = p[K.children]!;
  // A caseload is children per case-holder at work (employed and agency), so posts = children × share ÷ (caseload × at work).
  const atWork = 1 - p[K.vacancy]! * (1 - p[K.agencyShare]!);
  // Baseline sizing.
  const bSw = (children * p[K.bSwShare]!) / (p[K.bSwCpw]! * atWork);
  const bSp = (children * p[K.bSpShare]!) / (p[K.bSpCpw]! * atWork);
  const bCase = bSw + bSp;
  const bTm = bCase / p[K.bTmPer]!;
  const bSm = bTm / p[K.bSmPer]!;
  const bHos = p[K.bHosFte]!;
  const bBs = bCase / p[K.bBsPer]!;
  let base = tierCost(p, bSw, p[K.bSwSalary]!, scratch, 0) + tierCost(p, bSp, p[K.bSpSalary]!, scratch, 1) + tierCost(p, bTm, p[K.bTmSalary]!, scratch, 2)
    + tierCost(p, bSm, p[K.bSmSalary]!, scratch, 3) + tierCost(p, bHos, p[K.bHosSalary]!, scratch, 4) + tierCost(p, bBs, p[K.bBsSalary]!, scratch, 5);
  let levy = scratch[0]! + scratch[1]! + scratch[2]! + scratch[3]! + scratch[4]! + scratch[5]!;
  base += Math.max(0, levy - p[K.levyAllowance]!);
  // Option sizing.
  const oSw = (children * p[K.oSwShare]!) / (p[K.oSwCpw]! * atWork);
  const oSp = (children * p[K.oSpShare]!) / (p[K.oSpCpw]! * atWork);
  const oCase = oSw + oSp;
  const teams = ceil(oCase / p[K.oTeamSize]!);
  const oRef = p[K.referrals]! / p[K.oRefPer]!;
  const oEn = oCase / p[K.oEnPer]!;
  const oEnAdm = (oCase * p[K.hoursPerWeek]! * p[K.administration]! * p[K.administrationToSupport]!) / p[K.oEnAdmPer]!;
  const oIn = teams / p[K.oInPer]!;
  const oSt = p[K.oStFte]!;
  let option = tierCost(p, oSw, p[K.oSwSalary]!, scratch, 0) + tierCost(p, oSp, p[K.oSpSalary]!, scratch, 1) + tierCost(p, oRef, p[K.oRefSalary]!, scratch, 2)
    + tierCost(p, oEn, p[K.oEnSalary]!, scratch, 3) + tierCost(p, oEnAdm, p[K.oEnAdmSalary]!, scratch, 13) + tierCost(p, oIn, p[K.oInSalary]!, scratch, 4) + tierCost(p, oSt, p[K.oStSalary]!, scratch, 5);
  levy = scratch[0]! + scratch[1]! + scratch[2]! + scratch[3]! + scratch[13]! + scratch[4]! + scratch[5]!;
  option += Math.max(0, levy - p[K.levyAllowance]!);
  out[0] = base;
  out[1] = option;
  // Transition: deleted tiers are the team managers, service managers, heads of service and business support.
  const keep = 1 - p[K.vacancy]!;
  let avgWeeks = 0;
  let strainShare = 0;
  for (let g = 0; g < 3; g++) {
    const share = p[K.leaver0 + 3 * g]!;
    const age = p[K.leaver0 + 3 * g + 1]!;
    avgWeeks += share * weeks(age, p[K.leaver0 + 3 * g + 2]!);
    if (age >= p[K.strainAge]!) strainShare += share;
  }
  // Same-grade moves (engine/transition/sameGrade.ts): business support holders fill the enabler posts
  // (both graded "business support"), service managers the strategy team ("service manager"), first.
  const heldBs = bBs * keep;
  const filledBs = oEn * keep + oEnAdm * keep;
  const heldSm = bSm * keep;
  const filledSm = oSt * keep;
  const redeployedTm = bTm * keep * p[K.redeployTm]!;
  const redeployedSm = Math.max(heldSm * p[K.redeploySm]!, heldSm < filledSm ? heldSm : filledSm);
  const redeployedHos = bHos * keep * p[K.redeployHos]!;
  const redeployedBs = Math.max(heldBs * p[K.redeployBs]!, heldBs < filledBs ? heldBs : filledBs);
  const leaversTm = bTm * keep - redeployedTm;
  const leaversSm = heldSm - redeployedSm;
  const leaversHos = bHos * keep - redeployedHos;
  const leaversBs = heldBs - redeployedBs;
  const redeployed = redeployedTm + redeployedSm + redeployedHos + redeployedBs;
  const salaryWeeks = leaversTm * p[K.bTmSalary]! + leaversSm * p[K.bSmSalary]! + leaversHos * p[K.bHosSalary]! + leaversBs * p[K.bBsSalary]!;
  const redundancy = (salaryWeeks / 52) * avgWeeks * p[K.multiplier]!;
  const strain = salaryWeeks * strainShare * p[K.strainPerSalary]!;
  const newPosts = Math.max(0, oSw - bSw) + Math.max(0, oSp - bSp) + oRef + oEn + oEnAdm + oIn + oSt;
  const recruitment = Math.max(0, newPosts * keep - redeployed) * p[K.recruitment]!;
  const training = p[K.trainWorker]! * oCase + p[K.trainTeam]! * teams;
  const doubleRunning = p[K.drShare]! * base * (p[K.drMonths]! / 12);
  const progSalary = p[K.progSalary]!;
  const progCost = progSalary + (progSalary > p[K.niThreshold]! ? p[K.niRate]! * (progSalary - p[K.niThreshold]!) : 0) + p[K.pension]! * progSalary + p[K.levyRate]! * progSalary;
  const programme = p[K.progFte]! * progCost * p[K.progYears]!;
  const categories = scratch; // slots 6–12 hold the categories, so the kernel allocates nothing
  categories[6] = redundancy; categories[7] = strain; categories[8] = recruitment; categories[9] = training;
  categories[10] = doubleRunning; categories[11] = p[K.systems]!; categories[12] = programme;
  let y0 = 0, y1 = 0, y2 = 0, total = 0;
  for (let c = 0; c < 7; c++) {
    const w0 = p[K.profiles + 3 * c]!, w1 = p[K.profiles + 3 * c + 1]!, w2 = p[K.profiles + 3 * c + 2]!;
    const sum = w0 + w1 + w2;
    const amount = categories[6 + c]!;
    y0 += (amount * w0) / sum;
    y1 += (amount * w1) / sum;
    y2 += (amount * w2) / sum;
    total += amount;
  }
  out[2] = total;
  // Appraisal over ten years.
  const change = option - base;
  const growth = (1 + p[K.futurePayAward]!) / (1 + p[K.deflator]!);
  const bias = 1 + p[K.optimismBias]!;
  const rate = 1 + p[K.discountRate]!;
  let factor = 1, real = 1, npv = 0, cumulative = 0, payback = -1;
  for (let y = 0; y < 10; y++) {
    if (y > 0) {
      real *= growth;
      factor /= rate;
    }
    const spend = y === 0 ? y0 * bias : y === 1 ? y1 * bias : y === 2 ? y2 * bias : 0;
    const ramp = y < 3 ? p[K.ramp + y]! : 1;
    const runChange = change * ramp * real;
    const amount = -(spend + runChange + p[K.optimismBiasRunCost]! * Math.abs(runChange));
    npv += amount * factor;
    cumulative += amount;
    if (payback < 0 && cumulative >= -1e-6) payback = y;
  }
  out[3] = npv;
  out[4] = payback;
  out[5] = Math.abs(change) <= p[K.tolerance]! * base ? 1 : 0;
}
