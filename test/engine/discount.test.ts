import { discountFactor, excelNpv, greenBookNpv, greenBookSchedule, paybackYear } from "../../engine/index.js";

describe("Green Book discounting", () => {
  const schedule = greenBookSchedule().value;

  test("year 0 is not discounted", () => {
    expect(discountFactor(0)).toBe(1);
  });

  test("years 1–30 at 3.5%", () => {
    expect(discountFactor(1)).toBeCloseTo(1 / 1.035, 15);
    expect(discountFactor(30)).toBeCloseTo(1.035 ** -30, 15);
  });

  test("across the 30-year boundary: year 31 is year 30's factor discounted once at 3.0%", () => {
    expect(discountFactor(31)).toBeCloseTo(1.035 ** -30 / 1.03, 15);
    expect(discountFactor(40)).toBeCloseTo(1.035 ** -30 * 1.03 ** -10, 15);
  });

  test("across the 75-year boundary into 2.5%", () => {
    expect(discountFactor(76)).toBeCloseTo(1.035 ** -30 * 1.03 ** -45 / 1.025, 15);
  });

  test("a single rate", () => {
    expect(discountFactor(3, 0.1)).toBeCloseTo(1 / 1.331, 15);
  });

  test("NPV by hand: −100 now, then 40 a year for three years at 3.5%", () => {
    const expected = -100 + 40 / 1.035 + 40 / 1.035 ** 2 + 40 / 1.035 ** 3;
    expect(greenBookNpv([-100, 40, 40, 40], schedule)).toBeCloseTo(expected, 12);
    expect(greenBookNpv([-100, 40, 40, 40])).toBeCloseTo(12.0655, 4);
  });

  test("Excel's NPV discounts the first value too", () => {
    expect(excelNpv(0.035, [-100, 40, 40, 40])).toBeCloseTo(greenBookNpv([-100, 40, 40, 40], 0.035) / 1.035, 12);
    expect(excelNpv(0.1, [100])).toBeCloseTo(90.909090909, 8);
  });
});

describe("payback year", () => {
  test.each([
    [[-100, 40, 40, 40], 3],
    [[-100, 50, 50], 2],
    [[-100, 40, 40], null],
    [[10, -5], 0],
    [[], null],
  ])("%j pays back in year %p", (flows, year) => {
    expect(paybackYear(flows as number[])).toBe(year);
  });
});
