import { applySettings, loadPreset, type Scenario } from "../../engine/index.js";

/**
 * An option that uses what no preset does: tiers sized by expressions (ceil, round, floor, min, max),
 * fractional teams, devolved team budgets, a levy allowance, redundancy pay capped, a price base
 * year before the first year, a discount band that changes within the horizon, a longer horizon,
 * and the direct payments lever switched on (a third of families, each freeing 1¼ hours a week).
 */
export function unusualOption(): Scenario {
  return applySettings(loadPreset("blueprint"), {
    "structure.tiers.insight.expression": "max(1, ceil(teams / 3))",
    "structure.tiers.enabler.expression": "round(caseHolders / 12) + floor(families / 1000) - min(2, teams / 10)",
    "structure.tiers.enablerAdministration.expression": "administrationHours / 28 + referrals / 10000",
    "structure.teams.rounding": "none",
    "structure.teamBudget": 5000,
    "finance.apprenticeshipLevy.allowance": 15000,
    "transition.redundancy.actualPay": false,
    "finance.appraisal.priceBaseYear": "2017/18",
    "finance.appraisal.horizonYears": 12,
    "finance.appraisal.discountSchedule.1.fromYear": 5,
    "timeUse.directPayments.shareOfFamilies": 0.35,
    "timeUse.directPayments.hoursFreedPerCase": 0.75,
  });
}

/**
 * The direct payments lever the other way: a quarter of families on direct payments, each adding
 * three quarters of an hour of care management a week, which comes out of direct contact.
 */
export function directPaymentsAddingCareManagement(): Scenario {
  return applySettings(loadPreset("cluster"), {
    "timeUse.directPayments.shareOfFamilies": 0.25,
    "timeUse.directPayments.hoursFreedPerCase": -0.75,
  });
}
