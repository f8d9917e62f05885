import { loadPreset, loadScenario, toScenarioInput, validateScenario } from "../../engine/index.js";

/**
 * Transition money stated in one year's prices and costed in a later year is carried forward by the
 * NJC pay awards as they apply to the programme team's salary (engine/scenario/validate.ts), once.
 */

const blueprint = loadPreset("blueprint");
const on2025 = (over: Record<string, unknown> = {}) => {
  const input = toScenarioInput(blueprint, { withSources: true }) as Record<string, any>;
  return { ...input, finance: "finance-2025-26", ...over };
};

test("2019/20 money costed in 2025/26: each amount × the programme salary's rise through the six awards, worked by hand", () => {
  // £55,000: +2.75%, +1.75%, +£1,925 (flat for all), above £51,000 so +3.88%, above £53,000 so +2.5%, +3.2%
  let salary = 55000;
  salary *= 1.0275;
  salary *= 1.0175;
  salary += 1925;
  salary *= 1.0388;
  salary *= 1.025;
  salary *= 1.032;
  const index = salary / 55000;
  const s = loadScenario(on2025());
  expect(s.transition!.programmeTeam.salary).toBeCloseTo(salary, 6);
  expect(s.transition!.systems).toBeCloseTo(500000 * index, 6);
  expect(s.transition!.training.perWorker).toBeCloseTo(3000 * index, 6);
  expect(s.transition!.priceYear).toBe("2025/26");
  expect(s.sources["transition.systems"]!.assumption).toMatch(/stated in 2019\/20 prices, carried to 2025\/26/);
  // the distribution moves with the value
  expect(s.distributions!["transition.systems"]).toMatchObject({ min: 250000 * index, max: 1000000 * index });
  // written out and read back, it is carried once only
  const again = loadScenario(toScenarioInput(s, { withSources: true }));
  expect(again.transition!.systems).toBe(s.transition!.systems);
});

test("in its own year nothing moves; a year without a pay award is refused naming the setting", () => {
  expect(blueprint.transition!.systems).toBe(500000);
  const noAward = validateScenario({ ...on2025(), finance: { year: "2025/26", salaryYear: "2025/26", futurePayAward: 0.02, pensionRate: 0.198, overheadsPerFte: 6000, appraisal: { horizonYears: 10, gdpDeflator: 0.02, optimismBias: 0.41, costNeutralTolerance: 0.01 } } });
  expect(noAward.ok).toBe(false);
  if (!noAward.ok) expect(noAward.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: "transition.priceYear", reason: expect.stringMatching(/no award for 2020\/21/) })]));
});
