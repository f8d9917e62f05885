import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { compareScenarios, explain, listPresets, loadPreset, resultFigures, runScenario, toScenarioInput, validateScenario } from "../../engine/index.js";

const MODELS = join(__dirname, "..", "..", "models");

/** Every number in a data file, with whether an enclosing `{ value, source | assumption }` annotates it. */
function numbers(value: unknown, path: string, annotated: boolean, out: { path: string; annotated: boolean }[]): void {
  if (typeof value === "number") {
    out.push({ path, annotated });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => numbers(v, `${path}[${i}]`, annotated, out));
    return;
  }
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const here = "value" in record && (typeof record.source === "string" || typeof record.assumption === "string");
    for (const [k, v] of Object.entries(record)) numbers(v, path ? `${path}.${k}` : k, annotated || here, out);
  }
}

describe("presets are data with a source for every figure", () => {
  const files = ["presets", "councils", "finance"].flatMap((folder) => readdirSync(join(MODELS, folder)).filter((f) => f.endsWith(".yaml")).map((f) => join(folder, f)));

  test.each(files)("%s: every number carries a source or an assumption", (file) => {
    const found: { path: string; annotated: boolean }[] = [];
    const parsed = parse(readFileSync(join(MODELS, file), "utf8"));
    numbers(parsed, "", false, found);
    // a preset that only renames another (traditional extends england-2025) has no numbers of its own
    if (typeof parsed.extends !== "string") expect(found.length).toBeGreaterThan(0);
    expect(found.filter((n) => !n.annotated).map((n) => n.path)).toEqual([]);
  });

  test("the rates table sources every rate", () => {
    const found: { path: string; annotated: boolean }[] = [];
    const rates = parse(readFileSync(join(MODELS, "rates.yaml"), "utf8")) as Record<string, unknown>;
    const { greenBook, ...rest } = rates;
    numbers(rest, "", false, found);
    expect(found.filter((n) => !n.annotated).map((n) => n.path)).toEqual([]);
    expect((greenBook as { discountSchedule: { source: string } }).discountSchedule.source).toMatch(/Green Book/);
  });

  test("the presets the product names are shipped", () => {
    expect(listPresets().map((p) => p.id).sort()).toEqual(["baseline-2018", "blueprint", "cluster", "england-2025", "reclaim", "traditional"]);
    for (const p of listPresets()) expect(p.description.length).toBeGreaterThan(20);
  });

  test("each preset has a short name for narrow columns, at most 24 characters, kept when the scenario is written out", () => {
    for (const p of listPresets()) {
      expect({ id: p.id, fits: p.shortName.length <= 24, shorter: p.shortName.length < p.name.length }).toEqual({ id: p.id, fits: true, shorter: true });
      const scenario = loadPreset(p.id);
      expect(scenario.shortName).toBe(p.shortName);
      expect(toScenarioInput(scenario).shortName).toBe(p.shortName);
    }
  });

  test("a short name longer than 24 characters is refused, naming the field", () => {
    const input = { ...toScenarioInput(loadPreset("blueprint")), shortName: "Blueprint with every team doubled" };
    const check = validateScenario(input);
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.issues.map((i) => i.path)).toEqual(["shortName"]);
    expect(check.ok ? "" : check.issues[0]!.reason).toMatch(/1 to 24 characters/);
  });

  test.each(listPresets().map((p) => p.id))("%s validates, runs, passes its checks and explains every figure with sources", (id) => {
    const scenario = loadPreset(id);
    const result = runScenario(scenario);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    for (const figure of resultFigures(result)) {
      const explanation = explain(scenario, figure.figure);
      expect(explanation.value).toEqual(figure.value);
      expect(explanation.rule.length).toBeGreaterThan(10);
      for (const input of explanation.inputs) {
        expect(input.source ?? input.assumption).toBeDefined();
      }
    }
  });

  test.each([
    ["baseline-2018", "blueprint"],
    ["england-2025", "cluster"],
    ["england-2025", "reclaim"],
  ])("%s against %s: the comparison's checks pass", (baseline, option) => {
    const c = compareScenarios(loadPreset(baseline), loadPreset(option));
    expect(c.checks.filter((k) => !k.ok)).toEqual([]);
    expect(c.transition.years).toHaveLength(3);
  });
});

describe("the Blueprint against its baseline: each figure its rule applied to the presets' drivers (baseline-2018 against blueprint)", () => {
  const baseline = loadPreset("baseline-2018");
  const option = loadPreset("blueprint");
  const c = compareScenarios(baseline, option);
  const caseHolders = (s: typeof baseline) => s.structure.tiers.filter((t) => t.holdsCases);

  test("children per case-holder is children ÷ case-holding FTE on each side, and its change their ratio − 1", () => {
    expect(c.baseline.caseload.childrenPerCaseHolder).toBeCloseTo(baseline.council.children / c.baseline.caseload.caseHoldingFte, 10);
    expect(c.option.caseload.childrenPerCaseHolder).toBeCloseTo(option.council.children / c.option.caseload.caseHoldingFte, 10);
    expect(c.change.childrenPerCaseHolderPct).toBeCloseTo(c.option.caseload.childrenPerCaseHolder / c.baseline.caseload.childrenPerCaseHolder - 1, 12);
    expect(caseHolders(option).length).toBeGreaterThan(0);
  });

  test("the direct contact share is the starting week changed by each side's drivers, and its change their ratio − 1", () => {
    // the baseline changes nothing in its week; the option's changes free hours, a share of which go to families
    expect(c.baseline.time.directContactShare).toBe(baseline.timeUse.directContact);
    const t = option.timeUse;
    const k = t.changes;
    const layersRemoved = k.managementLayersBefore - c.option.structure.layers;
    const freed = t.administration * k.administrationToSupport + t.meetingsAndReporting * Math.min(1, k.reportingCutPerLayer * layersRemoved) + t.travel * k.travelCut - t.supervision * k.supervisionChange;
    expect(c.option.time.directContactShare).toBeCloseTo(t.directContact + k.freedToDirectContact * freed, 12);
    expect(c.change.contactTimePct).toBeCloseTo(c.option.time.directContactShare / c.baseline.time.directContactShare - 1, 10);
  });

  test("the enablers taking the administration are sized by the hours handed to them", () => {
    const t = option.timeUse;
    const handed = c.option.caseload.caseHoldingFte * t.hoursPerWeek * t.administration * t.changes.administrationToSupport;
    expect(c.option.time.administrationHoursToSupport).toBeCloseTo(handed, 9);
    const tier = option.structure.tiers.find((x) => x.size.rule === "span" && x.size.of === "administrationHours")!;
    const per = tier.size.rule === "span" ? tier.size.per : NaN;
    expect(c.option.structure.tiers.find((x) => x.id === tier.id)!.fte).toBeCloseTo(handed / per, 9);
  });

  test("the referral team is sized by the council's referrals a year", () => {
    const tier = option.structure.tiers.find((x) => x.size.rule === "span" && x.size.of === "referrals")!;
    const per = tier.size.rule === "span" ? tier.size.per : NaN;
    expect(c.option.structure.tiers.find((x) => x.id === tier.id)!.fte).toBeCloseTo(option.council.referralsPerYear! / per, 9);
  });

  test("the transition runs over the preset's transition years, its years and categories reconcile, and every category is driven", () => {
    expect(c.transition.years).toHaveLength(option.transition!.years);
    expect(c.transition.years[0]).toBe(option.finance.year);
    const sumOfYears = c.transition.byYear.reduce((s, y) => s + Math.round(y.amount * 100), 0);
    expect(sumOfYears).toBe(Math.round(c.transition.total * 100));
    // Every category is driven, none is typed in as a total.
    for (const amount of Object.values(c.transition.byCategory)) expect(amount).toBeGreaterThan(0);
  });

  test("cost neutral is the run cost change within the tolerance, and the verdict says which way it falls", () => {
    const tolerance = option.finance.appraisal.costNeutralTolerance;
    expect(c.change.runCostPct).toBeCloseTo(c.option.runCost.total / c.baseline.runCost.total - 1, 12);
    expect(c.costNeutral).toBe(Math.abs(c.change.runCostPct) <= tolerance);
    expect(c.verdict).toBe(c.costNeutral ? "neutral" : c.change.runCostPct < 0 ? "saves" : "costs");
  });

  test("management layers fall from 3 to 1; no team managers", () => {
    expect(c.baseline.structure.layers).toBe(3);
    expect(c.option.structure.layers).toBe(1);
    expect(c.option.structure.tiers.some((t) => t.id === "teamManager")).toBe(false);
  });

  test("the appraisal reconciles: NPV is the sum of present values; payback follows the cumulative cash flow", () => {
    const pv = c.appraisal.cashFlows.reduce((s, f) => s + Math.round(f.presentValue * 100), 0);
    expect(pv).toBe(Math.round(c.appraisal.npv * 100));
    expect(c.appraisal.cashFlows[0]!.discountFactor).toBe(1);
    let cumulative = 0;
    let payback: string | null = null;
    for (const f of c.appraisal.cashFlows) {
      cumulative += f.amount;
      if (payback === null && cumulative >= 0) payback = f.year;
    }
    expect(c.appraisal.paybackYear).toBe(payback);
  });
});
