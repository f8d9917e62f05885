import { statutoryRedundancyPay, statutoryRedundancyWeeks, DomainError } from "../../engine/index.js";

// Worked by hand from the statutory rule: for each full year of service (the last 20 at most), half a
// week for a year aged under 22 throughout, a week for 22–40, a week and a half for 41 or over.
describe("statutory redundancy weeks", () => {
  test.each([
    // age, years, weeks, working
    [30, 1, 0, "under two years' service: nothing"],
    [30, 2, 2, "two years aged 28 and 29: 1 + 1"],
    [21, 3, 1.5, "three years aged 18, 19, 20: 0.5 each"],
    [24, 4, 3, "aged 20, 21 (0.5 each) and 22, 23 (1 each)"],
    [41, 10, 10, "aged 31–40: ten years at 1 (the year aged 40 to 41 counts at 1)"],
    [42, 10, 10.5, "aged 32–41: nine at 1, one at 1.5"],
    [46, 14, 16.5, "aged 32–45: nine at 1, five at 1.5"],
    [58, 22, 28.5, "20 years counted, aged 38–57: three at 1, seventeen at 1.5"],
    [64, 40, 30, "20 years counted, all aged 41 or over: 30 weeks, the maximum"],
  ])("age %i with %i years: %f weeks (%s)", (age, years, weeks) => {
    expect(statutoryRedundancyWeeks(age, years)).toBe(weeks);
  });

  test("rejects service longer than a working life", () => {
    expect(() => statutoryRedundancyWeeks(30, 20)).toThrow(DomainError);
    expect(() => statutoryRedundancyWeeks(30, 20)).toThrow(/yearsOfService/);
  });

  test("rejects part years", () => {
    expect(() => statutoryRedundancyWeeks(40.5, 10)).toThrow(/age: must be a whole number/);
  });
});

describe("statutory redundancy pay", () => {
  test.each([
    // age, years, weekly pay, cap, pay
    [46, 14, 600, 700, 16.5 * 600],
    [46, 14, 900, 700, 16.5 * 700],
    [64, 40, 1000, 700, 21000], // gov.uk: maximum £21,000 from 6 April 2024
    [58, 22, 919.0, 525, 28.5 * 525],
    [30, 1, 2000, 700, 0],
  ])("age %i, %i years, £%f a week, cap £%f: £%f", (age, yearsOfService, weeklyPay, weeklyPayCap, pay) => {
    expect(statutoryRedundancyPay({ age, yearsOfService, weeklyPay, weeklyPayCap })).toBeCloseTo(pay, 10);
  });

  test("actual pay when the cap is lifted (Infinity)", () => {
    expect(statutoryRedundancyPay({ age: 46, yearsOfService: 14, weeklyPay: 900, weeklyPayCap: Infinity })).toBe(16.5 * 900);
  });

  test("negative pay is out of the rule's domain", () => {
    expect(() => statutoryRedundancyPay({ age: 46, yearsOfService: 14, weeklyPay: -1, weeklyPayCap: 700 })).toThrow(/weeklyPay: must be at least 0/);
  });
});
