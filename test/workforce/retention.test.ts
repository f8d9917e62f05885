import { applySettings, compareScenarios, employerNi, loadPreset, runScenario } from "../../engine/index.js";
import { socialcare } from "../cli/socialcare.js";

/**
 * The retention lever (ComparisonModel.retentionSaving): the option's turnover and vacancy rates cut by
 * stated shares, phased in; its saving worked by hand from the option's tiers and the council's rates,
 * and shown as its own line of the appraisal, never inside the run cost.
 */

const baseline = loadPreset("england-2025");
const plain = loadPreset("reclaim");
const option = applySettings(plain, { "transition.retention.turnoverChange": -0.2, "transition.retention.vacancyChange": -0.25, "transition.retention.phaseInYears": 2 });

test("the saving is the recruitment and agency premium avoided, less the pay of posts filled that stood empty, worked by hand", () => {
  const c = compareScenarios(baseline, option);
  const r = runScenario(option);
  const council = option.council;
  const fin = option.finance;
  const v = council.vacancyRate;
  const cover = council.agencyCoverShare;
  let inPost = 0;
  let premium = 0;
  let pay = 0;
  for (const t of r.structure.tiers) {
    // the result shows salaries to the penny; the model's are exact, so the sums agree to the pound
    const onCost = t.salary + employerNi(t.salary, fin.employerNi) + fin.pensionRate * t.salary;
    inPost += t.fte * (1 - v);
    premium += t.fte * cover * council.agencyPremium * onCost;
    pay += t.fte * ((1 - cover) * (onCost + fin.apprenticeshipLevy.rate * t.salary + fin.overheadsPerFte) + cover * fin.apprenticeshipLevy.rate * t.salary);
  }
  const recruitment = council.turnoverRate! * 0.2 * inPost * option.transition!.recruitmentPerPost;
  expect(Math.abs(c.retention!.recruitmentAvoided - recruitment)).toBeLessThan(1);
  expect(Math.abs(c.retention!.agencyPremiumAvoided - v * 0.25 * premium)).toBeLessThan(1);
  expect(Math.abs(c.retention!.payOfPostsFilled - v * 0.25 * pay)).toBeLessThan(1);
  expect(c.retention!.saving).toBeCloseTo(c.retention!.recruitmentAvoided + c.retention!.agencyPremiumAvoided - c.retention!.payOfPostsFilled, 1);
});

test("it phases in an equal share a year, in real terms, after optimism bias; the net cash flow carries it and the run cost does not", () => {
  const c = compareScenarios(baseline, option);
  const without = compareScenarios(baseline, plain);
  const bias = option.finance.appraisal.optimismBiasRunCost;
  const growth = (1 + option.finance.futurePayAward) / (1 + option.finance.appraisal.gdpDeflator);
  const full = c.retention!.saving;
  c.appraisal.cashFlows.forEach((f, y) => {
    const phased = full * Math.min(1, (y + 1) / 2) * growth ** y;
    expect(f.retention).toBeCloseTo(phased - bias * Math.abs(phased), 0);
    // the run cost and the transition are the lever-free comparison's
    expect(f.runCostChange).toBe(without.appraisal.cashFlows[y]!.runCostChange);
    expect(f.transition).toBe(without.appraisal.cashFlows[y]!.transition);
    expect(f.amount).toBeCloseTo(without.appraisal.cashFlows[y]!.amount + f.retention, 2);
  });
  expect(c.change.runCost).toBe(without.change.runCost);
  expect(c.checks.every((k) => k.ok)).toBe(true);
});

test("no change, no line: a lever left at 0 saves nothing and the CLI shows no retention column", () => {
  const c = compareScenarios(baseline, plain);
  expect(c.retention!.saving).toBe(0);
  expect(c.appraisal.cashFlows.every((f) => f.retention === 0)).toBe(true);
  expect(socialcare(["compare", "england-2025", "reclaim"]).stdout).not.toMatch(/Retention saving/);
});
